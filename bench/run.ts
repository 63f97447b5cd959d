/**
 * `npm run bench`: starts the app as `npm start` does (wrangler dev, the same
 * workerd runtime, local D1 and Cache API) on a fresh database with BENCH=1,
 * drives it with autocannon over loopback, and prints figures measured side
 * by side in one run, as ratios and counts, so they hold on a noisy machine.
 * Writes bench/results/latest.json and the README's results table.
 *
 * `npm run bench -- --quick` (or BENCH_QUICK=1) shortens every run (for trying
 * the bench, not for figures): no 1,000,000-signature letter, one round of
 * signing, one run per cost class; under 2 minutes on a 2-core machine at a
 * load average of 3 (the full run: about 14). `-- --only costs` runs only the Worker CPU and
 * D1 rows per operation (bench/operations.ts), for working on them; `-- --only
 * ratios` only the cached-page and signing throughput ratios, with each
 * process's CPU time per request (bench/process-cpu.ts). Every run ends by
 * printing the seconds each phase took.
 */
import autocannon, { type Result } from "autocannon";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { cpus, totalmem, tmpdir, type as osType, release } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { formStamp } from "../src/domain/bots";
import { readLetters } from "../scripts/load-letters";
import { seedLetter } from "../scripts/seed-letter";
import { startWrangler } from "../scripts/wrangler";
import { freePort } from "../scripts/free-port";
import { timeVerify, VERIFY_LETTER } from "./verify";
import { executeLocal, migrationsSql } from "./fresh-state";
import { letterDocumentStatements } from "../src/storage/letters-sql";
import { seedLetterStatements } from "../src/storage/seed";
import { IMPORT_ROWS, measureImport } from "./import";
import { costInputs, costModelMarkdown, writeCostTables } from "./cost-report";
import { measureOperation, QUICK_RUNS, RUNS, type OperationResult } from "./operations";
import { organizerOperations, ORGANIZER_LETTER, prepareOrganizerBench, WEBHOOK_LETTER } from "./operations-organizer";
import { publicOperations, SIZED_LETTERS, sizedLetters } from "./operations-public";
import { ProfileLost, WorkerProfiler } from "./worker-cpu";
import {
  buildUpload,
  CLOUDFLARE_STARTUP_LIMIT_MS,
  measureStartup,
  STARTUP_RUNS,
  STARTUP_TARGET_MS,
  uploadSizes,
} from "./startup";
import { CpuTally, DevProcesses, type CpuPerRequest } from "./process-cpu";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const QUICK = process.env.BENCH_QUICK === "1" || process.argv.includes("--quick");
/** `--only costs`: only the CPU and rows per operation. */
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const SECRET = "bench-secret-key-0123456789-abcdefghijklmnop";
const DEMO = "honduras-new-elections-2017";
const ADMIN_TOKEN = "bench-admin-token-0123456789";
const seconds = (full: number) => (QUICK ? Math.max(2, Math.round(full / 5)) : full);

let base = "";
/** wrangler dev's processes, for CPU time per request by process (null where there is no /proc). */
let devProcesses: DevProcesses | null = null;
/** The port of the Worker's DevTools inspector (wrangler dev --inspector-port). */
let inspectorPort = 0;

interface Counts {
  counter_total: number;
  counter_organizations: number;
  counter_individuals: number;
  rows_confirmed: number;
  rows_all: number;
  /** Rows that share an email with another row of the letter (seeded rows carry no email). */
  duplicated_emails: number;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${base}${path}`, init);
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response.json() as Promise<T>;
}

/**
 * What the app's one D1 handle counted since the last reset (src/routes/bench.ts): statements,
 * round trips, and the rows D1 itself reported read and written (each result's `meta.rows_read`
 * and `meta.rows_written`, D1's billing units, summed; `.first()` made with `.all()` to see them).
 */
interface D1Stats {
  queries: number;
  calls: number;
  rows_read: number;
  rows_written: number;
  /** Calls whose rows D1 gives no count of (`.raw()`): the app makes none, so this stays 0. */
  calls_without_rows: number;
}

async function statsSinceReset(): Promise<D1Stats> {
  const stats = await call<D1Stats>("/__bench/stats");
  if (stats.calls_without_rows > 0) throw new Error(`${stats.calls_without_rows} D1 calls without a count of rows`);
  return stats;
}

/** Requests answered per second over the whole run (autocannon's own average is over whole seconds only). */
function throughput(result: Result): number {
  const elapsed = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
  return result.requests.total / elapsed;
}

/** Requests answered in a load. */
const total = (result: Result) => result.requests.total;

async function resetQueries(): Promise<void> {
  await call("/__bench/stats/reset", { method: "POST" });
}

function load(options: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    // autocannon notices the end of a run at its next sample: every 100 ms rather than every second,
    // so that a run of a fixed number of requests is timed to within 0.1 s.
    autocannon({ sampleInt: 100, ...options, url: options.url ?? base }, (error: Error | null, result: Result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

function statuses(result: Result): Record<string, number> {
  const stats = (result as Result & { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  return Object.fromEntries(Object.entries(stats).map(([code, value]) => [code, value?.count ?? 0]));
}

function serverErrors(result: Result): number {
  const stats = (result as Result & { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  return Object.entries(stats)
    .filter(([code]) => code.startsWith("5"))
    .reduce((sum, [, value]) => sum + (value?.count ?? 0), 0);
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

let signer = 0;

/**
 * Sign requests as a person's browser sends them, each with a unique email,
 * remembering the emails that were answered 303 (to check every one was stored).
 */
async function signRequests(slug: string, writes: "direct" | "queue") {
  const stamp = await formStamp(SECRET, slug, Date.now() - 60_000);
  const accepted: string[] = [];
  const samples = new Set<string>();
  const fromDevProxy = { count: 0 };
  const request: autocannon.Request = {
    method: "POST",
    headers: { ...FORM_HEADERS, origin: base, "x-bench-signature-writes": writes },
    setupRequest: (req, context) => {
      signer += 1;
      const email = `signer-${signer}-${process.pid}@example.org`;
      (context as { email?: string }).email = email;
      const body = new URLSearchParams({
        form_stamp: stamp,
        kind: "individual",
        name: `Bench Signer ${signer}`,
        city: "Tegucigalpa",
        country: "HN",
        email,
      });
      return { ...req, body: body.toString() };
    },
    onResponse: (status, body, context) => {
      if (status === 303) accepted.push((context as { email: string }).email);
      // What answered 503, in a few words (the app's "send it again" page, or the dev proxy's own).
      else if (status === 503) {
        const text = String(body)
          .replace(/<[^>]*>/g, " ")
          .replace(/\s+/g, " ")
          .trim();
        if (text.startsWith(DEV_PROXY_503)) fromDevProxy.count += 1;
        if (samples.size < 3) samples.add(text.slice(0, 160));
      }
    },
  };
  return { request, accepted, samples, fromDevProxy };
}

async function missing(slug: string, emails: string[]): Promise<number> {
  return (
    await call<{ missing: number }>(`/__bench/missing/${slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(emails),
    })
  ).missing;
}

/**
 * What wrangler dev's own proxy (not the app: it does not exist in production) answers when its
 * connection to the Worker fails under load; the bench counts these apart from the app's 5xx.
 */
const DEV_PROXY_503 = "Your worker restarted mid-request.";

const FORM_HEADERS = { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" };

/**
 * wrangler.jsonc plus the Rate Limiting binding, as production should run
 * (its limit far above what the bench sends from one address), written
 * beside it so that its relative paths still hold.
 */
async function benchConfig(): Promise<string> {
  const source = await readFile(join(ROOT, "wrangler.jsonc"), "utf8");
  const config = JSON.parse(source.replace(/^\s*\/\/.*$/gm, "")) as Record<string, unknown>;
  config.ratelimits = [{ name: "SIGN_RATE_LIMITER", namespace_id: "1001", simple: { limit: 1_000_000, period: 60 } }];
  // The signature queue, as docs/scaling.md configures it; the bench picks the mode per request.
  config.queues = {
    producers: [{ binding: "SIGN_QUEUE", queue: "undersigned-signatures" }],
    consumers: [{ queue: "undersigned-signatures", max_batch_size: 100, max_batch_timeout: 1, max_retries: 10 }],
  };
  delete config.triggers;
  // Names in profiles (BENCH_PROFILES) rather than minified ones; the CPU spent is the same.
  if (process.env.BENCH_PROFILES) config.minify = false;
  const path = join(ROOT, ".wrangler", "bench.wrangler.json");
  await mkdir(join(ROOT, ".wrangler"), { recursive: true });
  config.$schema = undefined;
  config.main = "../src/index.ts";
  (config.d1_databases as { migrations_dir: string }[])[0]!.migrations_dir = "../migrations";
  (config.assets as { directory: string }).directory = "../public";
  await writeFile(path, JSON.stringify(config, null, 2));
  return path;
}

/** Seconds each phase of this run took, in order (printed at the end: where a run's time goes). */
const phaseSeconds: [string, number][] = [];

/** Runs `work` as the phase `name`, adding its wall time to phaseSeconds. */
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    phaseSeconds.push([name, round((Date.now() - started) / 1000, 1)]);
  }
}

function printPhases(total: number) {
  const width = Math.max(...phaseSeconds.map(([name]) => name.length));
  console.log("Seconds per phase (wall time):");
  for (const [name, value] of phaseSeconds) console.log(`  ${name.padEnd(width)}  ${value.toFixed(1).padStart(6)}`);
  console.log(`  ${"whole run".padEnd(width)}  ${total.toFixed(1).padStart(6)}`);
}

/** The Worker's logged events (sign_unavailable by cause…) since the last reset, from wrangler's output. */
let events: Record<string, number> = {};
function countEvent(line: string) {
  const match = /"event":"([a-z_]+)"(?:,"letter":"[^"]*")?(?:,"cause":"([a-z]+)")?/.exec(line);
  if (!match) return;
  const key = match[2] ? `${match[1]}:${match[2]}` : match[1]!;
  events[key] = (events[key] ?? 0) + 1;
}

/** The letters the bench seeds before the app starts (a long request would make wrangler dev restart the Worker). */
const SEEDED = [
  { slug: "bench-100", organizations: 10, individuals: 90 },
  { slug: "bench-100k", organizations: 1_000, individuals: 99_000 },
  { slug: "bench-1m", organizations: 10_000, individuals: 990_000 },
  { slug: "bench-signing", organizations: 0, individuals: 0 },
  { slug: "bench-signing-queue", organizations: 0, individuals: 0 },
  { slug: "bench-viral", organizations: 13, individuals: 0 },
  { slug: "bench-viral-queue", organizations: 13, individuals: 0 },
  { slug: ORGANIZER_LETTER, organizations: 0, individuals: 0 },
  { slug: WEBHOOK_LETTER, organizations: 0, individuals: 0 },
];
/**
 * The sized letters this run seeds and measures: a quick run leaves out the 1,000,000 (its seed
 * alone takes half a minute, and a render or API read of it reads the same rows as of the
 * 100,000: the full run shows both).
 */
const SIZED = sizedLetters(QUICK);
const SIGNING_LETTER = { direct: "bench-signing", queue: "bench-signing-queue" } as const;
const VIRAL_LETTER = { direct: "bench-viral", queue: "bench-viral-queue" } as const;
const seedSeconds: Record<string, number> = {};
/** What a seeded signature (row and index entries, without email or link hashes) adds to the database file. */
let storageBytesPerSignature = 0;

/** The size of the local D1 database files under `state`. */
async function databaseBytes(state: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(state, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.sqlite(?:-wal)?$/.test(entry.name))
      total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/**
 * The fresh local database: the migrations, the content/ letters, the letters with few or no
 * signatures and the verify letter in one wrangler run (bench/fresh-state.ts: each run costs
 * seconds before any SQL), then each sized letter in its own run, timed (seed_seconds).
 */
async function prepareDatabase(state: string) {
  // The loader and wrangler read the state folder from PERSIST_TO.
  process.env.PERSIST_TO = state;
  const small = SEEDED.filter((size) => !SIZED_LETTERS.includes(size.slug));
  const letters = await readLetters();
  const statements = [
    ...(await Promise.all(letters.map(letterDocumentStatements))).flat(),
    ...(
      await Promise.all(
        small.map(({ slug, organizations, individuals }) => seedLetterStatements(slug, organizations, individuals)),
      )
    ).flat(),
    // Before the sizes measured below, which count only the sized letters.
    ...(await seedLetterStatements(VERIFY_LETTER.slug, VERIFY_LETTER.organizations, VERIFY_LETTER.individuals, {
      record: true,
    })),
  ];
  await phase("database: migrations, letters, small seeds", async () =>
    executeLocal(state, `${await migrationsSql()}\n${statements.map((statement) => `${statement};\n`).join("\n")}`),
  );
  const before = await databaseBytes(state);
  let seeded = 0;
  for (const { slug, organizations, individuals } of SEEDED.filter((size) => SIZED.includes(size.slug))) {
    const started = Date.now();
    await phase(`database: seed ${slug}`, () => seedLetter(slug, organizations, individuals));
    seedSeconds[slug] = round((Date.now() - started) / 1000, 1);
    seeded += organizations + individuals;
  }
  storageBytesPerSignature = Math.round(((await databaseBytes(state)) - before) / seeded);
}

async function startApp(state: string, port: number) {
  await prepareDatabase(state);
  const vars = {
    BENCH: "1",
    SECRET_KEY: SECRET,
    MAILER: "",
    SIGN_RATE_LIMIT: "1000000",
    ADMIN_TOKEN,
  };
  const args = [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--persist-to",
    state,
    "--log-level",
    "warn",
    "--inspector-port",
    String(inspectorPort),
    ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ];
  const child = startWrangler([...args, "--config", await benchConfig()], {
    hide: /Connection reset by peer|Broken pipe|^\s*stack: .*workerd|^\s*$|"event":"(?:signature_batch|sign_unavailable)"/,
    onLine: countEvent,
  });
  base = `http://127.0.0.1:${port}`;
  await phase("wrangler dev start", async () => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/__bench/stats`)).ok) break;
      } catch {
        // not yet
      }
      if (Date.now() > deadline) {
        child.kill("SIGTERM");
        throw new Error("wrangler dev did not start");
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  devProcesses = DevProcesses.find(child.pid, port);
  if (!devProcesses) console.log("(No CPU time per request by process: wrangler dev's processes not found in /proc.)");
  return child;
}

async function cachedVersusConstant() {
  const path = `/letters/${DEMO}`;
  const page = await fetch(`${base}${path}`);
  const bytes = (await page.arrayBuffer()).byteLength;
  await fetch(`${base}${path}`); // now a hit
  const rounds = 3;
  const results = { page: [] as number[], constant: [] as number[] };
  const cpu = { page: new CpuTally(devProcesses), constant: new CpuTally(devProcesses) };
  let pageRequests = 0;
  await resetQueries();
  for (let index = 0; index < rounds; index++) {
    const constant = await cpu.constant.measure(
      () => load({ url: `${base}/__bench/constant?bytes=${bytes}`, connections: 50, duration: seconds(8) }),
      total,
    );
    results.constant.push(throughput(constant));
    const cached = await cpu.page.measure(
      () => load({ url: `${base}${path}`, connections: 50, duration: seconds(8) }),
      total,
    );
    results.page.push(throughput(cached));
    pageRequests += cached.requests.total;
  }
  // The constant route runs no query, so every query (and row) counted came from the page.
  const stats = await statsSinceReset();
  const queries = stats.queries;
  const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    page_bytes: bytes,
    cached_page_rps: round(average(results.page)),
    constant_rps: round(average(results.constant)),
    throughput_ratio: round(average(results.page) / average(results.constant)),
    d1_queries_per_cache_hit: round(queries / pageRequests, 4),
    d1_rows_read_per_cache_hit: round(stats.rows_read / pageRequests, 4),
    d1_rows_written_per_cache_hit: round(stats.rows_written / pageRequests, 4),
    cpu_ms_per_request: { constant: cpu.constant.perRequest(), cached_page: cpu.page.perRequest() },
  };
}

async function uncachedRenders() {
  const sizes = SEEDED.filter((size) => SIZED.includes(size.slug));
  const latency: Record<
    string,
    {
      mean_ms: number;
      p99_ms: number;
      queries_per_render: number;
      rows_read_per_render: number;
      rows_written_per_render: number;
    }
  > = {};
  const renderCounts: Record<string, number> = {};
  const rowTotals: Record<string, { read: number; written: number }> = {};
  // Interleaved, twice, so that drift of the machine falls on every size alike.
  for (let round_ = 0; round_ < 2; round_++) {
    for (const size of sizes) {
      await resetQueries();
      // A fixed number of requests, so that none is still running when the queries are read.
      const result = await load({
        url: `${base}/letters/${size.slug}`,
        headers: { "x-bench-bypass-cache": "1" },
        connections: 10,
        amount: QUICK ? 200 : 2_000,
      });
      const stats = await statsSinceReset();
      const queries = stats.queries / result.requests.total;
      const previous = latency[size.slug];
      // Rows per render: the two rounds together (each render of a letter reads the same rows, or nearly).
      const renders = result.requests.total + (previous ? renderCounts[size.slug]! : 0);
      renderCounts[size.slug] = renders;
      rowTotals[size.slug] = {
        read: (rowTotals[size.slug]?.read ?? 0) + stats.rows_read,
        written: (rowTotals[size.slug]?.written ?? 0) + stats.rows_written,
      };
      latency[size.slug] = {
        mean_ms: round(previous ? (previous.mean_ms + result.latency.average) / 2 : result.latency.average),
        p99_ms: round(previous ? Math.max(previous.p99_ms, result.latency.p99) : result.latency.p99),
        queries_per_render: round(queries, 3),
        rows_read_per_render: round(rowTotals[size.slug]!.read / renders, 3),
        rows_written_per_render: round(rowTotals[size.slug]!.written / renders, 3),
      };
    }
  }
  const small = latency["bench-100"]!.mean_ms;
  return {
    seed_seconds: seedSeconds,
    storage_bytes_per_seeded_signature: storageBytesPerSignature,
    latency,
    latency_ratio_100k: round(latency["bench-100k"]!.mean_ms / small),
    // A quick run seeds no 1,000,000-signature letter.
    latency_ratio_1m: latency["bench-1m"] ? round(latency["bench-1m"].mean_ms / small) : null,
    max_queries_per_render: Math.max(...Object.values(latency).map((entry) => entry.queries_per_render)),
  };
}

type Writes = "direct" | "queue";

/** Waits until the queue's consumer has stored what was accepted (the counts stop moving), up to a minute. */
async function drained(slug: string, atLeast: number): Promise<Counts> {
  let previous = -1;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const counts = await call<Counts>(`/__bench/count/${slug}`);
    if ((counts.rows_all >= atLeast && counts.rows_all === previous) || Date.now() > deadline) return counts;
    previous = counts.rows_all;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function signingVersusInsert() {
  await call("/__bench/setup", { method: "POST" });
  // A fixed number of requests, so every one is answered before the counts are compared.
  const amount = QUICK ? 400 : 4_000;
  const modes: Writes[] = ["direct", "queue"];
  const results = { insert: [] as number[], direct: [] as number[], queue: [] as number[] };
  const cpu = {
    insert: new CpuTally(devProcesses),
    direct: new CpuTally(devProcesses),
    queue: new CpuTally(devProcesses),
  };
  const accepted: Record<Writes, string[]> = { direct: [], queue: [] };
  const answered: Record<Writes, number> = { direct: 0, queue: 0 };
  const d1: Record<Writes, { queries: number; calls: number; rows_read: number; rows_written: number }> = {
    direct: { queries: 0, calls: 0, rows_read: 0, rows_written: 0 },
    queue: { queries: 0, calls: 0, rows_read: 0, rows_written: 0 },
  };
  // Twice, interleaved, so that drift of the machine falls on each alike (once in a quick run).
  for (let index = 0; index < (QUICK ? 1 : 2); index++) {
    const insert = await cpu.insert.measure(
      () => load({ url: `${base}/__bench/insert`, method: "POST", connections: 20, amount }),
      total,
    );
    results.insert.push(throughput(insert));
    for (const mode of modes) {
      const slug = SIGNING_LETTER[mode];
      const requests = await signRequests(slug, mode);
      await resetQueries();
      // In queue mode, the consumer's work until the queue has drained is the signatures' too.
      const sign = await cpu[mode].measure(async () => {
        const result = await load({
          url: `${base}/letters/${slug}/signatures`,
          connections: 20,
          amount,
          requests: [requests.request],
        });
        if (mode === "queue") await drained(slug, accepted.queue.length + requests.accepted.length);
        return result;
      }, total);
      results[mode].push(throughput(sign));
      const stats = await statsSinceReset();
      d1[mode].queries += stats.queries;
      d1[mode].calls += stats.calls;
      d1[mode].rows_read += stats.rows_read;
      d1[mode].rows_written += stats.rows_written;
      accepted[mode].push(...requests.accepted);
      answered[mode] += sign.requests.total;
    }
  }
  const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const outcome = async (mode: Writes) => {
    const slug = SIGNING_LETTER[mode];
    const counts = await call<Counts>(`/__bench/count/${slug}`);
    const lost = await missing(slug, accepted[mode]);
    const count = accepted[mode].length;
    return {
      signing_rps: round(average(results[mode])),
      cpu_ms_per_request: cpu[mode].perRequest(),
      throughput_ratio: round(average(results[mode]) / average(results.insert)),
      // In queue mode these include the consumer's batched writes, counted until the queue had drained.
      d1_statements_per_signature: round(d1[mode].queries / answered[mode], 3),
      d1_round_trips_per_signature: round(d1[mode].calls / answered[mode], 3),
      d1_rows_read_per_signature: round(d1[mode].rows_read / answered[mode], 3),
      d1_rows_written_per_signature: round(d1[mode].rows_written / answered[mode], 3),
      answered_303: count,
      other_answers: answered[mode] - count,
      rows: counts.rows_confirmed,
      counter_total: counts.counter_total,
      lost,
      exact:
        lost === 0 &&
        counts.rows_all === count &&
        counts.rows_confirmed === count &&
        counts.counter_total === count &&
        counts.duplicated_emails === 0,
    };
  };
  return {
    bare_insert_rps: round(average(results.insert)),
    bare_insert_cpu_ms_per_request: cpu.insert.perRequest(),
    direct: await outcome("direct"),
    queue: await outcome("queue"),
  };
}

async function viralBurst(mode: Writes) {
  const slug = VIRAL_LETTER[mode];
  await fetch(`${base}/letters/${slug}`);
  const requests = await signRequests(slug, mode);
  const duration = seconds(30);
  const signers = QUICK ? 100 : 1_000;
  const readers = signers * 10;
  // wrangler dev holds three open files per request in flight (the client's socket, and both ends of its
  // proxy's connection to the Worker), and a process may hold 20,000 here: so the readers share 2,500
  // connections, each refreshing the page back to back for 4 readers in turn. (Pipelining 4 requests on
  // each instead ran wrangler's proxy out of files, and it answered 503 "Your worker restarted".)
  const readersPerConnection = 4;
  const readerConnections = Math.ceil(readers / readersPerConnection);
  await resetQueries();
  events = {};
  const [sign, read] = await Promise.all([
    load({
      url: `${base}/letters/${slug}/signatures`,
      connections: signers,
      duration,
      timeout: 60,
      requests: [requests.request],
    }),
    load({ url: `${base}/letters/${slug}`, connections: readerConnections, duration, timeout: 60 }),
  ]);
  // Requests still in flight when the 30 s end are completed by the app but not counted by autocannon:
  // they are the rows beyond the 303s, and every 303 must have its row. In queue mode, the consumer
  // stores the last batches after the burst.
  await new Promise((resolve) => setTimeout(resolve, QUICK ? 2_000 : 5_000));
  const initial = 13;
  const accepted = requests.accepted.length;
  const counts = await drained(slug, initial + accepted);
  const stats = await statsSinceReset();
  const lost = await missing(slug, requests.accepted);
  return {
    signature_writes: mode,
    signers,
    readers,
    reader_connections: readerConnections,
    sign_503_samples: [...requests.samples],
    seconds: duration,
    sign_requests: sign.requests.total,
    signatures_per_minute: round((accepted / duration) * 60, 0),
    answered_303: accepted,
    sign_5xx: serverErrors(sign) - requests.fromDevProxy.count,
    sign_503_from_dev_proxy: requests.fromDevProxy.count,
    sign_statuses: statuses(sign),
    sign_errors_and_timeouts: sign.errors + sign.timeouts,
    read_requests: read.requests.total,
    read_5xx: serverErrors(read),
    read_errors_and_timeouts: read.errors + read.timeouts,
    read_p99_ms: read.latency.p99,
    read_p50_ms: read.latency.p50,
    d1_round_trips: stats.calls,
    // Signers' and readers' together, until the queue had drained.
    d1_rows_read: stats.rows_read,
    d1_rows_written: stats.rows_written,
    worker_events: { ...events },
    rows: counts.rows_confirmed - initial,
    completed_after_the_cutoff: counts.rows_confirmed - initial - accepted,
    lost,
    duplicated: counts.duplicated_emails,
    counts_exact: counts.counter_total === counts.rows_confirmed && counts.rows_all === counts.rows_confirmed,
  };
}

async function sizes() {
  const html = Buffer.from(await (await fetch(`${base}/letters/${DEMO}`)).arrayBuffer());
  const scripts = [...html.toString("utf8").matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
  let scriptBytes = 0;
  for (const [tag, inline] of scripts) {
    const src = /src="([^"]+)"/.exec(tag)?.[1];
    scriptBytes += src
      ? (await (await fetch(new URL(src, base))).arrayBuffer()).byteLength
      : Buffer.byteLength(inline ?? "");
  }
  const outdir = await mkdtemp(join(tmpdir(), "undersigned-bundle-"));
  const upload = await buildUpload(outdir);
  const bundle = uploadSizes(upload);
  const startup = await measureStartup(upload, outdir);
  await rm(outdir, { recursive: true, force: true });
  return {
    demo_page_html_bytes: html.byteLength,
    demo_page_html_gzip_bytes: gzipSync(html).byteLength,
    script_bytes_per_visit: scriptBytes,
    worker_bundle_bytes: bundle.bytes,
    worker_bundle_gzip_bytes: bundle.gzip_bytes,
    worker_startup: startup,
  };
}

/**
 * Beside a throughput ratio: the CPU per request of the app's workerd main thread for each side
 * (what bounds the throughput here: see README "The two throughput ratios on a slower CPU").
 */
function mainThread(measured: CpuPerRequest | null, baseline: CpuPerRequest | null): string {
  if (!measured || !baseline) return "";
  return `; CPU per request on the app's main thread ${measured.app_workerd_main_thread} vs ${baseline.app_workerd_main_thread} ms`;
}

function target(ok: boolean) {
  return ok ? "met" : "MISSED";
}

/** The cost rows of the results table: one per operation class. */
function costRows(operations: OperationResult[]): string[][] {
  return operations.map((operation) => [
    `Worker CPU per ${operation.per} (${operation.runs > 1 ? `median of ${operation.runs} runs` : "1 run"} of ${operation.units_per_run}; spread); D1 rows read / written per ${operation.per}: ${operation.name}`,
    `${operation.cpu_ms} ms (${Math.round(operation.cpu_spread * 100)} %); ${operation.rows_read} / ${operation.rows_written}`,
    operation.target_ms === undefined ? "" : `≤ ${operation.target_ms} ms CPU`,
    operation.within_target === undefined ? "" : target(operation.within_target),
  ]);
}

function costTable(operations: OperationResult[]): string {
  return [
    "| Figure | Measured | Target | |",
    "| --- | --- | --- | --- |",
    ...costRows(operations).map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

function table(results: Awaited<ReturnType<typeof measure>>): string {
  const { cache, renders, signing, viral, size, verify, importing, costs: operations } = results;
  const rows = [
    [
      "Cached letter page vs constant response: throughput ratio",
      `${cache.throughput_ratio} (${cache.cached_page_rps} vs ${cache.constant_rps} req/s${mainThread(cache.cpu_ms_per_request.cached_page, cache.cpu_ms_per_request.constant)})`,
      "≥ 0.8",
      target(cache.throughput_ratio >= 0.8),
    ],
    [
      "D1 queries per cache hit",
      String(cache.d1_queries_per_cache_hit),
      "0",
      target(cache.d1_queries_per_cache_hit === 0),
    ],
    [
      "D1 rows read / written per cache hit",
      `${cache.d1_rows_read_per_cache_hit} / ${cache.d1_rows_written_per_cache_hit}`,
      "report",
      "—",
    ],
    [
      "Uncached page, 100,000 vs 100 signatures: latency ratio",
      String(renders.latency_ratio_100k),
      "≤ 1.5",
      target(renders.latency_ratio_100k <= 1.5),
    ],
    [
      "Uncached page, 1,000,000 vs 100 signatures: latency ratio",
      renders.latency_ratio_1m === null ? "not measured (quick run)" : String(renders.latency_ratio_1m),
      "≤ 1.5",
      renders.latency_ratio_1m === null ? "—" : target(renders.latency_ratio_1m <= 1.5),
    ],
    [
      "D1 queries per uncached render (max)",
      String(renders.max_queries_per_render),
      "≤ 3",
      target(renders.max_queries_per_render <= 3),
    ],
    ...Object.entries(renders.latency).map(([slug, entry]) => [
      `D1 rows read / written per uncached render, ${slug}`,
      `${entry.rows_read_per_render} / ${entry.rows_written_per_render}`,
      "report",
      "—",
    ]),
    [
      "Database bytes per seeded signature (row and indexes)",
      String(renders.storage_bytes_per_seeded_signature),
      "report",
      "—",
    ],
    ...(["direct", "queue"] as const).flatMap((mode) => {
      const sign = signing[mode];
      const label = mode === "direct" ? "Signing" : "Signing through the queue";
      return [
        [
          `${label} vs bare D1 insert: throughput ratio`,
          `${sign.throughput_ratio} (${sign.signing_rps} vs ${signing.bare_insert_rps} req/s${mainThread(sign.cpu_ms_per_request, signing.bare_insert_cpu_ms_per_request)})`,
          "≥ 0.5",
          target(sign.throughput_ratio >= 0.5),
        ],
        [
          `${label}: D1 statements / round trips per signature`,
          `${sign.d1_statements_per_signature} / ${sign.d1_round_trips_per_signature}`,
          "report",
          "—",
        ],
        [
          `${label}: D1 rows read / written per signature`,
          `${sign.d1_rows_read_per_signature} / ${sign.d1_rows_written_per_signature}`,
          "report",
          "—",
        ],
        [
          `${label}: rows and counters vs 303 answers`,
          `${sign.rows} rows, counter ${sign.counter_total}, ${sign.answered_303} × 303, ${sign.lost} missing`,
          "equal",
          target(sign.exact),
        ],
      ];
    }),
    ...viral.flatMap((burst) => {
      const label = `Viral burst, ${burst.signature_writes === "direct" ? "direct writes" : "through the queue"} (${burst.signers} signers + ${burst.readers} readers, ${burst.seconds} s)`;
      const proxy = burst.sign_503_from_dev_proxy
        ? `; and ${burst.sign_503_from_dev_proxy} × 503 from wrangler dev's proxy, not the app`
        : "";
      return [
        [
          `${label}: 5xx from the app`,
          `${burst.sign_5xx + burst.read_5xx}${proxy}`,
          "0",
          target(burst.sign_5xx + burst.read_5xx === 0),
        ],
        [
          `${label}: lost / duplicated signatures, counts exact`,
          `${burst.lost} / ${burst.duplicated}, ${burst.counts_exact ? "exact" : "NOT exact"}`,
          "0 / 0, exact",
          target(burst.lost === 0 && burst.duplicated === 0 && burst.counts_exact),
        ],
        [
          `${label}: signatures accepted per minute; D1 round trips; D1 rows read / written`,
          `${burst.signatures_per_minute}; ${burst.d1_round_trips}; ${burst.d1_rows_read} / ${burst.d1_rows_written}`,
          "report",
          "—",
        ],
        [`${label}: read latency p50 / p99`, `${burst.read_p50_ms} / ${burst.read_p99_ms} ms`, "report", "—"],
      ];
    }),
    [
      `npm run verify, ${verify.signatures.toLocaleString("en")} signatures (${verify.entries.toLocaleString("en")} record entries), end to end`,
      `${verify.verify_seconds} s (sealing the record first: ${verify.seal_seconds} s)`,
      "< 60 s",
      target(verify.verify_seconds < 60),
    ],
    [
      "Demo letter page HTML (raw / gzip)",
      `${size.demo_page_html_bytes} / ${size.demo_page_html_gzip_bytes} bytes`,
      "report",
      "—",
    ],
    [
      "Script a visitor downloads",
      `${size.script_bytes_per_visit} bytes`,
      "0",
      target(size.script_bytes_per_visit === 0),
    ],
    ...(["read", "check", "import"] as const).map((kind) => {
      const step = importing[kind];
      const what = { read: "reading the file", check: "checking rows (preview)", import: "importing (vouched)" }[kind];
      return [
        `Import of ${importing.rows.toLocaleString("en")} rows, ${what}: ${step.steps} steps of ${step.rows_per_step} rows, CPU per step mean / p95 / busiest (Node, an upper bound; the Free plan allows ${importing.free_plan_cpu_ms} ms a request); busiest step vs the whole in one request (${importing.whole_ms[kind]} ms)`,
        `${step.mean_ms} / ${step.p95_ms} / ${step.busiest_ms} ms; ${step.busiest_vs_whole}`,
        `p95 ≤ ${importing.free_plan_cpu_ms} ms`,
        target(step.p95_ms <= importing.free_plan_cpu_ms),
      ];
    }),
    [
      `Import batch: HMACs / D1 statements in its one transaction`,
      `${importing.import.hmacs_per_step} / ${importing.import.statements_per_step}`,
      "report",
      "—",
    ],
    [
      "Worker bundle (raw / gzip)",
      `${size.worker_bundle_bytes} / ${size.worker_bundle_gzip_bytes} bytes`,
      "≤ 150 KB gzip",
      target(size.worker_bundle_gzip_bytes <= 150 * 1024),
    ],
    [
      `Worker startup CPU (wrangler check startup's profile, non-idle samples, median of ${STARTUP_RUNS}; Cloudflare's limit ${CLOUDFLARE_STARTUP_LIMIT_MS} ms)`,
      `${size.worker_startup.cpu_ms} ms (runs ${size.worker_startup.cpu_ms_runs.join(", ")})`,
      `≤ ${STARTUP_TARGET_MS} ms`,
      target(size.worker_startup.cpu_ms <= STARTUP_TARGET_MS),
    ],
    ...costRows(operations),
  ];
  return [
    "| Figure | Measured | Target | |",
    "| --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

/** Worker CPU and D1 rows per operation class (issue 17), each measured three times. */
async function costs(): Promise<OperationResult[]> {
  let profiler = await WorkerProfiler.connect(inspectorPort);
  const context = { base, quick: QUICK, secret: SECRET, adminToken: ADMIN_TOKEN };
  const counters = { reset: resetQueries, read: statsSinceReset };
  const results: OperationResult[] = [];
  try {
    // BENCH_OPERATIONS=text: only the classes whose name contains it ("sign, direct"), for working on one.
    const only = process.env.BENCH_OPERATIONS;
    const all = [...publicOperations(context), ...organizerOperations(context)];
    for (const operation of only ? all.filter((each) => each.name.includes(only)) : all) {
      console.log(`  ${operation.name}…`);
      const started = Date.now();
      let result: OperationResult;
      try {
        result = await measureOperation(operation, profiler, counters, QUICK ? QUICK_RUNS : RUNS);
      } catch (error) {
        if (!(error instanceof ProfileLost)) throw error;
        // Once: a new session with the restarted Worker, and the operation's three runs again.
        console.log(`    ${error.message}: measuring it again`);
        profiler.close();
        profiler = await WorkerProfiler.connect(inspectorPort);
        result = await measureOperation(operation, profiler, counters, QUICK ? QUICK_RUNS : RUNS);
      }
      results.push(result);
      console.log(
        `    ${result.cpu_ms} ms CPU per ${result.per} (runs ${result.cpu_ms_runs.join(", ")}), rows ${result.rows_read} read / ${result.rows_written} written; top ${result.top.map((each) => `${each.name} ${each.ms}`).join(", ")}; gc ${result.gc_ms}; ${round((Date.now() - started) / 1000, 1)} s`,
      );
    }
  } finally {
    profiler.close();
  }
  return results;
}

async function measure() {
  console.log("Cached page vs constant response…");
  const cache = await phase("cached page vs constant", cachedVersusConstant);
  console.log(`Uncached renders of ${SIZED.join(", ")}…`);
  const renders = await phase("uncached renders", uncachedRenders);
  console.log("Signing vs bare insert…");
  const signing = await phase("signing vs bare insert", signingVersusInsert);
  console.log("Viral burst, direct writes…");
  const direct = await phase("viral burst, direct", () => viralBurst("direct"));
  console.log("Viral burst through the queue…");
  const queued = await phase("viral burst, queue", () => viralBurst("queue"));
  const viral = [direct, queued];
  console.log("npm run verify on 10,000 signatures…");
  const verify = await phase("npm run verify", () => timeVerify(base));
  console.log("Sizes…");
  const size = await phase("sizes", sizes);
  // A quick run reads, checks and imports a fifth of the file (the steps are the same size).
  const importRows = QUICK ? IMPORT_ROWS / 5 : IMPORT_ROWS;
  console.log(`Importing ${importRows.toLocaleString("en")} rows: CPU per batch…`);
  const importing = await phase("import steps (Node)", () => measureImport(importRows));
  console.log("Worker CPU and D1 rows per operation…");
  const operations = await phase("Worker CPU and D1 rows per operation", costs);
  return { cache, renders, signing, viral, verify, size, importing, costs: operations };
}

async function main() {
  const started = Date.now();
  const state = await mkdtemp(join(tmpdir(), "undersigned-bench-"));
  const port = await freePort();
  inspectorPort = await freePort();
  // Before wrangler starts: the Worker is to trust the bench's webhook receiver.
  await prepareOrganizerBench();
  const app = await startApp(state, port);
  try {
    if (ONLY === "ratios") {
      console.log("Cached page vs constant response…");
      const cache = await phase("cached page vs constant", cachedVersusConstant);
      console.log("Signing vs bare insert…");
      const signing = await phase("signing vs bare insert", signingVersusInsert);
      console.log(JSON.stringify({ cache, signing }, null, 2));
      return;
    }
    if (ONLY === "costs") {
      console.log("Worker CPU and D1 rows per operation…");
      const operations = await phase("Worker CPU and D1 rows per operation", costs);
      console.log(`\n${costTable(operations)}\n`);
      // The cost model needs every class (BENCH_OPERATIONS leaves some out).
      if (!process.env.BENCH_OPERATIONS)
        console.log(`${costModelMarkdown(costInputs(operations, storageBytesPerSignature))}\n`);
      return;
    }
    const results = await measure();
    const cpu = cpus();
    const machine = {
      cpus: cpu.length,
      cpu_model: cpu[0]?.model ?? "unknown",
      memory_gib: round(totalmem() / 2 ** 30, 1),
      os: `${osType()} ${release()}`,
      node: process.version,
      measured_at: new Date().toISOString(),
      quick: QUICK,
    };
    const report = { machine, ...results, phase_seconds: Object.fromEntries(phaseSeconds) };
    const markdown = `Measured on ${machine.cpus} × ${machine.cpu_model}, ${machine.memory_gib} GiB, ${machine.os}, Node.js ${machine.node}, ${machine.measured_at.slice(0, 10)}${QUICK ? " (quick run)" : ""}: \`wrangler dev\` and autocannon on the same machine, over loopback.\n\n${table(results)}`;
    console.log(`\n${markdown}\n`);
    await mkdir(join(ROOT, "bench", "results"), { recursive: true });
    const name = QUICK ? "quick.json" : "latest.json";
    await writeFile(join(ROOT, "bench", "results", name), `${JSON.stringify(report, null, 2)}\n`);
    const inputs = costInputs(results.costs, results.renders.storage_bytes_per_seeded_signature);
    console.log(`${costModelMarkdown(inputs)}\n`);
    if (!QUICK) {
      await writeCostTables(join(ROOT, "docs", "scaling.md"), results.costs, inputs);
      const readmePath = join(ROOT, "README.md");
      const readme = await readFile(readmePath, "utf8");
      const updated = readme.replace(
        /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
        `<!-- bench:start -->\n${markdown}\n<!-- bench:end -->`,
      );
      if (updated !== readme) await writeFile(readmePath, updated);
    }
    console.log(
      `Wrote bench/results/${name}${QUICK ? "" : ", the README's results table and docs/scaling.md's cost tables"}.`,
    );
  } finally {
    app.kill("SIGTERM");
    await rm(state, { recursive: true, force: true });
    printPhases((Date.now() - started) / 1000);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
