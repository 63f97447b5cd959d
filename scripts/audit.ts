/**
 * `npm run audit`: fails when `npm audit --omit=dev` reports a high or
 * critical advisory in what the Worker ships. When the registry's audit
 * endpoint can't be reached (some mirrors and closed networks refuse it), it
 * says so and passes, rather than failing every build for a network reason.
 */
import { spawnSync } from "node:child_process";

const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report: { message?: string; error?: { summary?: string }; metadata?: { vulnerabilities?: Record<string, number> } };
try {
  report = JSON.parse(result.stdout || "{}") as typeof report;
} catch {
  report = {};
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const reason = report.message ?? report.error?.summary ?? (result.stderr.trim().split("\n").at(-1) || "no report");
  console.warn(`npm audit could not run (${reason}); no advisories were checked.`);
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit --omit=dev: ${Object.entries(counts)
    .map(([level, n]) => `${n} ${level}`)
    .join(", ")}.`,
);
if (serious > 0) {
  console.error(
    `${serious} high or critical advisories in production dependencies: run npm audit --omit=dev for details.`,
  );
  process.exit(1);
}
