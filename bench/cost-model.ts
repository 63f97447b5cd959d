/**
 * What Cloudflare would bill for Undersigned's work, from the bench's exact
 * counts (Worker CPU and D1 rows per operation: bench/operations.ts) and
 * Cloudflare's published prices and free allowances. `npm run bench` writes
 * the result into docs/scaling.md ("What it costs to run").
 *
 * Prices as published on 1 December 2026 (they change; each has its source):
 * - Workers: https://developers.cloudflare.com/workers/platform/pricing/ and
 *   https://developers.cloudflare.com/workers/platform/limits/
 * - D1: https://developers.cloudflare.com/d1/platform/pricing/ and
 *   https://developers.cloudflare.com/d1/platform/limits/
 * - Queues: https://developers.cloudflare.com/queues/platform/pricing/
 */

/** Cloudflare's allowances and prices (USD). */
export const PRICES = {
  workers: {
    /** Free: requests a day per account (Workers requests, cron invocations included). */
    freeRequestsPerDay: 100_000,
    /** Free: CPU time one invocation may use (ms). */
    freeCpuMsPerInvocation: 10,
    /** Paid: the monthly subscription. */
    paidMonthly: 5,
    paidRequestsIncludedPerMonth: 10_000_000,
    paidPerMillionRequests: 0.3,
    paidCpuMsIncludedPerMonth: 30_000_000,
    paidPerMillionCpuMs: 0.02,
    /** Paid: CPU time one invocation may use by default (ms; up to 5 minutes with limits.cpu_ms). */
    paidCpuMsPerInvocation: 30_000,
  },
  d1: {
    freeRowsReadPerDay: 5_000_000,
    freeRowsWrittenPerDay: 100_000,
    /** Free: the largest database (bytes). */
    freeDatabaseBytes: 500 * 1000 * 1000,
    paidRowsReadIncludedPerMonth: 25_000_000_000,
    paidPerMillionRowsRead: 0.001,
    paidRowsWrittenIncludedPerMonth: 50_000_000,
    paidPerMillionRowsWritten: 1,
    paidStorageIncludedBytes: 5 * 1000 * 1000 * 1000,
    paidPerGbMonth: 0.75,
    /** Paid: the largest database (bytes). */
    paidDatabaseBytes: 10 * 1000 * 1000 * 1000,
  },
  queues: {
    freeOperationsPerDay: 10_000,
    paidOperationsIncludedPerMonth: 1_000_000,
    paidPerMillionOperations: 0.4,
    /** A message of up to 64 KB costs a write, a read and a delete. */
    operationsPerMessage: 3,
  },
} as const;

/** What one unit of work costs in Cloudflare's units. */
export interface UnitCost {
  /** Worker invocations (HTTP requests, queue batches, cron runs). */
  requests: number;
  /** Worker CPU (ms). */
  cpu_ms: number;
  rows_read: number;
  rows_written: number;
  /** Queue operations (each message: PRICES.queues.operationsPerMessage). */
  queue_operations?: number;
}

/** The bench's figures the model needs. */
export interface CostInputs {
  /** A signature from the form to its confirmation (every request of the journey). */
  signature: UnitCost;
  /** The same through the queue (SIGNATURE_WRITES=queue). */
  queuedSignature: UnitCost;
  /** A page view answered from the cache. */
  cachedView: UnitCost;
  /** A page view that renders (the largest letter), for the share of views that miss. */
  uncachedView: UnitCost;
  /** A CSV export of 10,000 signatures. */
  export10k: UnitCost;
  /** The scheduled jobs of one day with nothing to do (the crons' floor). */
  idleDay: UnitCost;
  /** Bytes of D1 storage per signature (rows and their index entries). */
  bytesPerSignature: number;
}

const scale = (cost: UnitCost, times: number): UnitCost => ({
  requests: cost.requests * times,
  cpu_ms: cost.cpu_ms * times,
  rows_read: cost.rows_read * times,
  rows_written: cost.rows_written * times,
  queue_operations: (cost.queue_operations ?? 0) * times,
});

const sum = (...costs: UnitCost[]): UnitCost =>
  costs.reduce(
    (total, cost) => ({
      requests: total.requests + cost.requests,
      cpu_ms: total.cpu_ms + cost.cpu_ms,
      rows_read: total.rows_read + cost.rows_read,
      rows_written: total.rows_written + cost.rows_written,
      queue_operations: (total.queue_operations ?? 0) + (cost.queue_operations ?? 0),
    }),
    { requests: 0, cpu_ms: 0, rows_read: 0, rows_written: 0, queue_operations: 0 },
  );

/**
 * What `usage` (in one month) costs on the Workers Paid plan beyond its subscription, in USD,
 * each part apart, and whether the Free plan's daily allowances hold it when spread over 30 days.
 */
export function monthlyBill(usage: UnitCost, storedBytes = 0) {
  const { workers, d1, queues } = PRICES;
  const over = (used: number, included: number, perMillion: number) =>
    (Math.max(0, used - included) / 1_000_000) * perMillion;
  const parts = {
    requests: over(usage.requests, workers.paidRequestsIncludedPerMonth, workers.paidPerMillionRequests),
    cpu: over(usage.cpu_ms, workers.paidCpuMsIncludedPerMonth, workers.paidPerMillionCpuMs),
    rows_read: over(usage.rows_read, d1.paidRowsReadIncludedPerMonth, d1.paidPerMillionRowsRead),
    rows_written: over(usage.rows_written, d1.paidRowsWrittenIncludedPerMonth, d1.paidPerMillionRowsWritten),
    storage: (Math.max(0, storedBytes - d1.paidStorageIncludedBytes) / 1e9) * d1.paidPerGbMonth,
    queues: over(usage.queue_operations ?? 0, queues.paidOperationsIncludedPerMonth, queues.paidPerMillionOperations),
  };
  const perDay = scale(usage, 1 / 30);
  const free = {
    requests: perDay.requests <= workers.freeRequestsPerDay,
    rows_read: perDay.rows_read <= d1.freeRowsReadPerDay,
    rows_written: perDay.rows_written <= d1.freeRowsWrittenPerDay,
    storage: storedBytes <= d1.freeDatabaseBytes,
    queues: (perDay.queue_operations ?? 0) <= queues.freeOperationsPerDay,
  };
  const beyond = Object.values(parts).reduce((total, part) => total + part, 0);
  return {
    parts,
    beyond,
    paid_total: workers.paidMonthly + beyond,
    free,
    fits_free: Object.values(free).every(Boolean),
  };
}

/**
 * The most signatures a day the Free plan's daily allowances carry (after the
 * idle crons' share), and which allowance stops it first.
 */
export function freePlanSignaturesPerDay(signature: UnitCost, idleDay: UnitCost) {
  const { workers, d1, queues } = PRICES;
  const limits: [string, number][] = [
    ["Workers requests", (workers.freeRequestsPerDay - idleDay.requests) / signature.requests],
    ["D1 rows written", (d1.freeRowsWrittenPerDay - idleDay.rows_written) / signature.rows_written],
    ["D1 rows read", (d1.freeRowsReadPerDay - idleDay.rows_read) / signature.rows_read],
  ];
  if (signature.queue_operations)
    limits.push(["Queues operations", queues.freeOperationsPerDay / signature.queue_operations]);
  const [limit, signatures] = limits.reduce((least, each) => (each[1] < least[1] ? each : least));
  return { signatures: Math.floor(signatures), limit };
}

/** The largest letter one database holds on each plan (signatures), from the bytes each takes. */
export function largestLetter(bytesPerSignature: number) {
  return {
    free: Math.floor(PRICES.d1.freeDatabaseBytes / bytesPerSignature),
    paid: Math.floor(PRICES.d1.paidDatabaseBytes / bytesPerSignature),
  };
}

const usd = (value: number) => `$${value < 0.01 && value > 0 ? value.toFixed(4) : value.toFixed(2)}`;
const count = (value: number) => Math.round(value).toLocaleString("en");

/**
 * The cost table of docs/scaling.md, in Markdown: one million signatures, ten million page views
 * (and the share that misses the cache), one export of a large letter, the crons' floor, and what
 * the Free plan carries.
 *
 * @param inputs the bench's figures
 * @param missShare the share of page views that render (the rest are cache hits), 0 to 1
 */
export function costTable(inputs: CostInputs, missShare = 0.01): string {
  const million = scale(inputs.signature, 1_000_000);
  const millionQueued = scale(inputs.queuedSignature, 1_000_000);
  const views = sum(
    scale(inputs.cachedView, 10_000_000 * (1 - missShare)),
    scale(inputs.uncachedView, 10_000_000 * missShare),
  );
  const bigExport = scale(inputs.export10k, 100);
  const idleMonth = scale(inputs.idleDay, 30);
  /** The busiest single invocation of each kind of work (ms of CPU), against the Free plan's 10 ms. */
  const busiest = (cost: UnitCost) => cost.cpu_ms / cost.requests;
  const rows: [string, UnitCost, number, number][] = [
    [
      "1,000,000 signatures, direct writes (sign + confirm)",
      million,
      inputs.bytesPerSignature * 1_000_000,
      busiest(inputs.signature),
    ],
    [
      "1,000,000 signatures through the queue",
      millionQueued,
      inputs.bytesPerSignature * 1_000_000,
      busiest(inputs.queuedSignature),
    ],
    [
      `10,000,000 page views (${missShare * 100} % rendered, the rest cache hits)`,
      views,
      0,
      Math.max(busiest(inputs.cachedView), busiest(inputs.uncachedView)),
    ],
    // The export is one streamed response: one invocation for the whole file.
    ["One CSV export of a 1,000,000-signature letter", bigExport, 0, bigExport.cpu_ms],
    ["A month of the scheduled jobs with nothing to do", idleMonth, 0, busiest(inputs.idleDay)],
  ];
  const lines = [
    "| Work (in one month) | Worker requests | Worker CPU | D1 rows read | D1 rows written | Queue operations | Storage | Paid plan: beyond the $5 | Free plan |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(([label, usage, bytes, invocationMs]) => {
      const bill = monthlyBill(usage, bytes);
      const missed = Object.entries(bill.free)
        .filter(([, ok]) => !ok)
        .map(([name]) => name.replace("_", " "));
      if (invocationMs > PRICES.workers.freeCpuMsPerInvocation)
        missed.push(`${invocationMs.toFixed(1)} ms of CPU in one invocation`);
      return `| ${label} | ${count(usage.requests)} | ${count(usage.cpu_ms / 1000)} s | ${count(usage.rows_read)} | ${count(usage.rows_written)} | ${count(usage.queue_operations ?? 0)} | ${bytes ? `${(bytes / 1e6).toFixed(0)} MB` : "—"} | ${usd(bill.beyond)} | ${missed.length === 0 ? "fits" : `over: ${missed.join(", ")}`} |`;
    }),
  ];
  return lines.join("\n");
}
