/**
 * The worst letter bodies we know of (test/pathological-markdown.ts, each
 * at most 100,000 characters), rendered as the editor's save and preview
 * and the loader render them: each one's CPU time (the best of 3), the
 * characters its emphasis scans read (of MARKDOWN_SCAN_BUDGET) and its
 * output's size, and the ratio of the slowest to an ordinary letter of the
 * same length, measured side by side in one run. The editor renders in the
 * Worker, within the Workers CPU limit
 * (https://developers.cloudflare.com/workers/platform/limits/#cpu-time).
 *
 * Runs on its own with `npx tsx bench/markdown.ts`.
 */
import { cpuUsage } from "node:process";
import { lastRenderWork, MARKDOWN_SCAN_BUDGET, renderMarkdown } from "../src/domain/markdown";
import { BODY_MAX_LENGTH } from "../src/domain/letter-form";
import { PATHOLOGICAL_BODIES } from "../test/pathological-markdown";

function cpuMs(work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = cpuUsage();
    work();
    const spent = cpuUsage(start);
    best = Math.min(best, (spent.user + spent.system) / 1000);
  }
  return best;
}

const paragraph =
  "We, the undersigned organizations, call on the *Secretary General* to respect the **vote** of the people, as [the charter](https://www.oas.org/) says.\n\n";
const ordinary = paragraph.repeat(Math.floor(BODY_MAX_LENGTH / paragraph.length));
const baseline = cpuMs(() => renderMarkdown(ordinary));

const rows = Object.entries(PATHOLOGICAL_BODIES).map(([name, body]) => {
  let size = 0;
  const ms = cpuMs(() => {
    size = renderMarkdown(body).length;
  });
  return { name, chars: body.length, ms: Number(ms.toFixed(1)), scanned: lastRenderWork().scanned, output: size };
});
rows.sort((a, b) => b.ms - a.ms);
console.log(`ordinary letter of ${ordinary.length} characters: ${baseline.toFixed(1)} ms`);
console.table(rows);
console.log(
  `slowest: ${rows[0]!.name}, ${(rows[0]!.ms / baseline).toFixed(1)}x an ordinary letter; scan budget ${MARKDOWN_SCAN_BUDGET}`,
);
