/**
 * What Cloudflare counts and bills, per class of work (issue 17): the Worker's
 * CPU time (bench/worker-cpu.ts: V8's profiler over the inspector) and the D1
 * rows read and written (each result's `meta.rows_read` / `meta.rows_written`,
 * summed through the app's one D1 handle: src/routes/bench.ts). Each class is
 * an Operation; measureOperation runs it RUNS times, profiling each run, and
 * reports the CPU per unit of each run (their spread shows the figure is
 * repeatable) and the rows per unit.
 */
import { join } from "node:path";
import type { WorkerProfiler } from "./worker-cpu";

/** Measured runs of each operation: the spread of three shows whether a figure repeats. */
export const RUNS = 3;

/** Runs of each operation in a quick run (`--quick`: trying the bench, not figures): one, no spread. */
export const QUICK_RUNS = 1;

/** The Workers Free plan's CPU time per request (ms): https://developers.cloudflare.com/workers/platform/limits/#cpu-time */
export const FREE_PLAN_CPU_MS = 10;
/** Issue 17's target for a cache hit's Worker time (ms). */
export const CACHE_HIT_CPU_MS = 1;

/** One class of work, as docs/scaling.md's cost table names it. */
export interface Operation {
  /** "cache hit of the letter page", "sign, direct writes", "CSV export"… */
  name: string;
  /** What one unit is: "request", "10,000 rows", "1,000 signatures"… */
  per: string;
  /**
   * The CPU target one unit is held to (ms), when it has one: public requests
   * FREE_PLAN_CPU_MS, a cache hit CACHE_HIT_CPU_MS. Organizer-only and background
   * work that may need the Paid plan has none (docs/scaling.md says which).
   */
  targetMs?: number;
  /** Units done by one measured run. */
  units: number;
  /** Readies one run (signatures to confirm, a warm cache…): not profiled, not counted. */
  prepare?: () => Promise<void>;
  /**
   * Does `units` units of work, one request after another (never concurrently:
   * busy time is summed), and anything they set off in the Worker (a queue's
   * consumer) before it resolves.
   *
   * @throws Error when an answer is not the expected one (a figure of failures is no figure)
   */
  run: () => Promise<void>;
}

/** D1 counters since the last reset (GET /__bench/stats). */
export interface RowCounts {
  rows_read: number;
  rows_written: number;
  queries: number;
}

/** An Operation's figures from RUNS runs in one bench. */
export interface OperationResult {
  name: string;
  per: string;
  /** Measured runs (RUNS, or QUICK_RUNS in a quick run). */
  runs: number;
  units_per_run: number;
  /** Worker CPU per unit in each run (ms). */
  cpu_ms_runs: number[];
  /** Their median (ms). */
  cpu_ms: number;
  /** (max − min) / median of the runs, as a fraction. */
  cpu_spread: number;
  /** Of the median run's busy time per unit, garbage collection (ms). */
  gc_ms: number;
  /** D1 rows read / written / statements per unit, over all runs. */
  rows_read: number;
  rows_written: number;
  queries: number;
  target_ms?: number;
  /** Whether the median is within target_ms (absent when there is none). */
  within_target?: boolean;
  /** The functions with the most self time in the median run (ms per run). */
  top: { name: string; ms: number }[];
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/**
 * Measures `operation` `runs` times (RUNS unless told): prepare, reset the D1 counters, profile the run.
 *
 * @param profiler the inspector session with the Worker
 * @param counters resets and reads the app's D1 counters (/__bench/stats)
 * @throws Error when a run fails
 */
export async function measureOperation(
  operation: Operation,
  profiler: WorkerProfiler,
  counters: { reset: () => Promise<void>; read: () => Promise<RowCounts> },
  runCount = RUNS,
): Promise<OperationResult> {
  const runs: { cpu: number; gc: number; top: { name: string; ms: number }[] }[] = [];
  const rows = { read: 0, written: 0, queries: 0 };
  for (let index = 0; index < runCount; index++) {
    await operation.prepare?.();
    await counters.reset();
    // BENCH_PROFILES=folder keeps each run's profile, to see where the time goes.
    const folder = process.env.BENCH_PROFILES;
    const file = folder && join(folder, `${operation.name.replace(/[^a-z0-9]+/gi, "-")}-${index + 1}.cpuprofile`);
    const times = await profiler.profile(operation.run, file || undefined);
    const counted = await counters.read();
    rows.read += counted.rows_read;
    rows.written += counted.rows_written;
    rows.queries += counted.queries;
    runs.push({ cpu: times.busy_ms / operation.units, gc: times.gc_ms / operation.units, top: times.top });
  }
  const sorted = [...runs].sort((a, b) => a.cpu - b.cpu);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const units = operation.units * runCount;
  return {
    name: operation.name,
    per: operation.per,
    runs: runCount,
    units_per_run: operation.units,
    cpu_ms_runs: runs.map((run) => round(run.cpu)),
    cpu_ms: round(median.cpu),
    cpu_spread: round((sorted.at(-1)!.cpu - sorted[0]!.cpu) / median.cpu, 2),
    gc_ms: round(median.gc),
    rows_read: round(rows.read / units, 2),
    rows_written: round(rows.written / units, 2),
    queries: round(rows.queries / units, 2),
    ...(operation.targetMs === undefined
      ? {}
      : { target_ms: operation.targetMs, within_target: median.cpu <= operation.targetMs }),
    top: median.top,
  };
}

/** What an operation needs of the running bench. */
export interface BenchContext {
  /** The app's address: http://127.0.0.1:port */
  base: string;
  /** `--quick`: fewer units per run (for trying the bench, not for figures). */
  quick: boolean;
  /** The app's SECRET_KEY under the bench (form stamps, signer links). */
  secret: string;
  /** The app's ADMIN_TOKEN under the bench (organizer routes and API, as `Authorization: Bearer`). */
  adminToken: string;
}

/**
 * Fetches `path` from the app and checks the answer's status, reading the whole body (a
 * streamed response's work is the Worker's only once it is read).
 *
 * @throws Error naming the path, status and the body's start when the status is not `status`
 */
export async function expectStatus(
  context: BenchContext,
  path: string,
  status: number,
  init?: RequestInit,
): Promise<{ response: Response; body: string }> {
  const response = await fetch(`${context.base}${path}`, { redirect: "manual", ...init });
  const body = await response.text();
  if (response.status !== status)
    throw new Error(
      `${init?.method ?? "GET"} ${path} answered ${response.status}, not ${status}: ${body.slice(0, 300)}`,
    );
  return { response, body };
}
