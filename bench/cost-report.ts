/**
 * docs/scaling.md's cost tables, from one bench run: the Worker CPU and D1
 * rows of every operation (bench/operations.ts), and what Cloudflare would
 * bill for a million signatures, ten million page views, a large export and
 * the crons' floor (bench/cost-model.ts), written between the
 * `<!-- costs:…:start -->` / `<!-- costs:…:end -->` markers.
 */
import { readFile, writeFile } from "node:fs/promises";
import { costTable, freePlanSignaturesPerDay, largestLetter, type CostInputs, type UnitCost } from "./cost-model";
import type { OperationResult } from "./operations";

/** The cron runs of a day (wrangler.jsonc): the minute's jobs 1,440 times, maintenance 288 (every 5 minutes). */
const MINUTE_RUNS_PER_DAY = 1440;
const MAINTENANCE_RUNS_PER_DAY = 288;

/**
 * The operation whose name starts with `prefix`.
 *
 * @throws Error when the bench measured none (the cost model would be built on nothing)
 */
function find(operations: OperationResult[], prefix: string): OperationResult {
  const found = operations.find((operation) => operation.name.startsWith(prefix));
  if (!found) throw new Error(`The bench measured no operation named "${prefix}…"`);
  return found;
}

const unit = (operation: OperationResult, requests: number): UnitCost => ({
  requests,
  cpu_ms: operation.cpu_ms,
  rows_read: operation.rows_read,
  rows_written: operation.rows_written,
});

/**
 * The cost model's inputs from the bench's operations.
 *
 * @param bytesPerSignature D1 storage per seeded signature (bytes), from the bench's seeding
 * @throws Error when an operation the model needs was not measured
 */
export function costInputs(operations: OperationResult[], bytesPerSignature: number): CostInputs {
  const sign = find(operations, "sign, direct writes");
  const queued = find(operations, "sign, through the queue");
  const confirm = find(operations, "confirm");
  const minute = find(operations, "minute job");
  const maintenance = find(operations, "maintenance job, nothing new");
  // The maintenance job's work for each new signature (sealing its record entry, the burst check),
  // measured per 1,000 new signatures; the bench's all come from one connection and are all flagged, so
  // this is an upper bound of what a signature adds to the job's runs (whose requests idleDay counts).
  const sealing = find(operations, "maintenance job after");
  const perSignature = (value: number) => value / 1_000;
  const journey = (signing: OperationResult, signRequests: number): UnitCost => ({
    // The sign form's POST (and its thank-you page), then the confirmation link: its page and the button's POST.
    requests: signRequests + 2,
    cpu_ms: signing.cpu_ms + confirm.cpu_ms + perSignature(sealing.cpu_ms),
    rows_read: signing.rows_read + confirm.rows_read + perSignature(sealing.rows_read),
    rows_written: signing.rows_written + confirm.rows_written + perSignature(sealing.rows_written),
  });
  return {
    signature: journey(sign, 2),
    // The queue's consumer takes up to 100 messages an invocation: a hundredth of one each.
    queuedSignature: { ...journey(queued, 2.01), queue_operations: 3 },
    cachedView: unit(find(operations, "cache hit of the letter page"), 1),
    // A quick run has no 1,000,000-signature letter; the 100,000's render reads as many rows.
    uncachedView: unit(
      operations.find((operation) => operation.name === "uncached letter page, bench-1m") ??
        find(operations, "uncached letter page, bench-100k"),
      1,
    ),
    export10k: unit(find(operations, "CSV export"), 0.01),
    idleDay: {
      requests: MINUTE_RUNS_PER_DAY + MAINTENANCE_RUNS_PER_DAY,
      cpu_ms: minute.cpu_ms * MINUTE_RUNS_PER_DAY + maintenance.cpu_ms * MAINTENANCE_RUNS_PER_DAY,
      rows_read: minute.rows_read * MINUTE_RUNS_PER_DAY + maintenance.rows_read * MAINTENANCE_RUNS_PER_DAY,
      rows_written: minute.rows_written * MINUTE_RUNS_PER_DAY + maintenance.rows_written * MAINTENANCE_RUNS_PER_DAY,
    },
    bytesPerSignature,
  };
}

/** One row per operation: CPU (median, runs, spread), rows read / written, target. */
export function operationsTable(operations: OperationResult[]): string {
  const lines = [
    "| Operation | Per | Worker CPU, median of 3 runs (the runs) | Spread | D1 rows read / written | Target |",
    "| --- | --- | --- | --- | --- | --- |",
    ...operations.map((operation) => {
      const target =
        operation.target_ms === undefined
          ? "—"
          : `≤ ${operation.target_ms} ms: ${operation.within_target ? "met" : "MISSED"}`;
      return `| ${operation.name} | ${operation.per} | ${operation.cpu_ms} ms (${operation.cpu_ms_runs.join(", ")}) | ${Math.round(operation.cpu_spread * 100)} % | ${operation.rows_read} / ${operation.rows_written} | ${target} |`;
    }),
  ];
  return lines.join("\n");
}

/** The cost model's table and the Free plan's answers, in Markdown. */
export function costModelMarkdown(inputs: CostInputs): string {
  const direct = freePlanSignaturesPerDay(inputs.signature, inputs.idleDay);
  const queued = freePlanSignaturesPerDay(inputs.queuedSignature, inputs.idleDay);
  const letter = largestLetter(inputs.bytesPerSignature);
  const count = (value: number) => value.toLocaleString("en");
  return [
    costTable(inputs),
    "",
    `- **The largest daily signing volume on the Free plan**: ${count(direct.signatures)} signatures a day confirmed by email with direct writes (stopped first by ${direct.limit}), ${count(queued.signatures)} through the queue (${queued.limit}), after the scheduled jobs' own share (${count(inputs.idleDay.requests)} runs, ${count(Math.round(inputs.idleDay.rows_read))} rows read a day with nothing to do).`,
    `- **The largest letter**: ${count(inputs.bytesPerSignature)} bytes of D1 storage per seeded signature (its row and index entries) make ${count(letter.free)} signatures in the Free plan's 500 MB database, ${count(letter.paid)} in the Paid plan's 10 GB. A real signature also keeps its email's hashes and its record entry with the sealed tree's nodes, about twice as much (see Storage), so count on about ${count(Math.floor(letter.free / 2))} and ${count(Math.floor(letter.paid / 2))} (the letters' text and logs take a little more).`,
  ].join("\n");
}

/**
 * Writes the operations table and the cost model into docs/scaling.md, between their markers.
 *
 * @throws Error when a marker is missing (the document was edited without them)
 */
export async function writeCostTables(path: string, operations: OperationResult[], inputs: CostInputs): Promise<void> {
  let text = await readFile(path, "utf8");
  for (const [name, content] of [
    ["operations", operationsTable(operations)],
    ["model", costModelMarkdown(inputs)],
  ] as const) {
    const pattern = new RegExp(`<!-- costs:${name}:start -->[\\s\\S]*<!-- costs:${name}:end -->`);
    if (!pattern.test(text)) throw new Error(`${path} has no <!-- costs:${name}:start/end --> markers`);
    text = text.replace(pattern, () => `<!-- costs:${name}:start -->\n${content}\n<!-- costs:${name}:end -->`);
  }
  await writeFile(path, text);
}
