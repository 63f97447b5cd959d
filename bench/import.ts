/**
 * The CPU-bound work of importing 10,000 rows (a Google Forms export of
 * 1.5 MB), as a Worker does it, step by step, in Node: reading the file
 * (csv-parse, IMPORT_READ_ROWS rows a step), checking its rows (the
 * preview: each row read by the sign form's rules and its mailbox keyed,
 * IMPORT_CHECK_ROWS a step), then importing (each row read again, hashed
 * twice, IMPORT_BATCH_ROWS a batch). Each step is one request, and must fit
 * the Workers Free plan's 10 ms of CPU
 * (https://developers.cloudflare.com/workers/platform/limits/#cpu-time):
 * the figures are each kind of step's mean and busiest CPU time over the
 * whole file, the steps' counts, and each step's share of doing that work
 * in one request, measured side by side in one run. Node's Web Crypto is
 * slower than workerd's for small HMACs (a thread hop per call), so the
 * check and import steps' figures are upper bounds of the Worker's; the D1
 * time is not the Worker's CPU and is not in them.
 *
 * Part of `npm run bench` (bench/run.ts calls measureImport); runs on its
 * own with `npx tsx bench/import.ts`.
 */
import { cpuUsage } from "node:process";
import { hmacHex } from "../src/domain/crypto";
import { mailboxHash } from "../src/domain/mailbox";
import {
  guessMapping,
  IMPORT_BATCH_ROWS,
  IMPORT_CHECK_ROWS,
  IMPORT_READ_ROWS,
  IMPORT_READ_WINDOW,
  readImportHead,
  readImportRow,
  readImportRows,
  readImportTable,
} from "../src/domain/signature-import";

const SECRET = "bench-secret-key-0123456789-abcdefghijklmnop";
export const IMPORT_ROWS = 10_000;

/** A Google Forms export of `rows` responses: one in ten an organization. */
export function googleFormsCsv(rows: number): string {
  const lines = ['"Timestamp","Email Address","Signing as","Name","Organization","Title","Country","City","Website"'];
  for (let index = 0; index < rows; index++) {
    const organization = index % 10 === 0;
    lines.push(
      [
        "2026/11/20 10:00:00 AM GMT-6",
        organization ? `contact${index}@org${index}.org` : `person${index}@example.org`,
        organization ? "Organization" : "Individual",
        `Persona Número ${index}`,
        organization ? `Fundación Número ${index}` : `Red ${index}`,
        "Directora",
        ["Honduras", "México", "HN", "Brasil"][index % 4]!,
        "San Pedro Sula",
        organization ? `https://www.org${index}.org` : "",
      ]
        .map((cell) => `"${cell}"`)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** CPU time (user + system, ms) `work` takes. */
async function cpuMs(work: () => unknown): Promise<number> {
  const start = cpuUsage();
  await work();
  const used = cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** A kind of step's figures: how many steps the file takes, rows a step, mean and busiest CPU time (ms). */
export interface StepFigures {
  steps: number;
  rows_per_step: number;
  mean_ms: number;
  /** The 95th percentile: a step that a garbage collection or the JIT happened to hit is the busiest, not the p95. */
  p95_ms: number;
  busiest_ms: number;
  /** The busiest step over the whole file's work of this kind in one request. */
  busiest_vs_whole: number;
}

export interface ImportFigures {
  rows: number;
  file_bytes: number;
  /** The Free plan's CPU time per request (ms), which each step must fit. */
  free_plan_cpu_ms: number;
  /** The whole file's work of each kind in one request (ms of CPU): what no request does any more. */
  whole_ms: { read: number; check: number; import: number };
  read: StepFigures;
  check: StepFigures & { hmacs_per_step: number };
  import: StepFigures & { hmacs_per_step: number; statements_per_step: number };
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** CPU times of `work` run once per step, after one warm-up run of the whole (the JIT, the country names' table). */
async function stepTimes<T>(
  steps: readonly T[],
  work: (step: T) => unknown,
): Promise<{ times: number[]; whole: number }> {
  for (const step of steps) await work(step);
  const whole = await cpuMs(async () => {
    for (const step of steps) await work(step);
  });
  const times: number[] = [];
  for (const step of steps) times.push(await cpuMs(() => work(step)));
  return { times, whole };
}

function figures(times: number[], whole: number, rowsPerStep: number): StepFigures {
  const busiest = Math.max(...times);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    steps: times.length,
    rows_per_step: rowsPerStep,
    mean_ms: round(times.reduce((sum, time) => sum + time, 0) / times.length, 2),
    p95_ms: round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!, 2),
    busiest_ms: round(busiest, 2),
    busiest_vs_whole: round(busiest / whole, 4),
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Measures the 10,000-row import's steps (see the file's comment). */
export async function measureImport(rows = IMPORT_ROWS): Promise<ImportFigures> {
  const csv = googleFormsCsv(rows);
  const table = readImportTable(csv);
  const mapping = guessMapping(table.header);

  // Reading: the steps as the Worker takes them, each from where the last stopped.
  const head = readImportHead(csv);
  const starts: number[] = [];
  for (let at = head.rowsStart; at < head.body.length;) {
    starts.push(at);
    const window = head.body.slice(at, at + IMPORT_READ_WINDOW);
    const atEnd = at + window.length >= head.body.length;
    const step = readImportRows(window, {
      delimiter: head.delimiter,
      columns: head.header.length,
      maxRows: IMPORT_READ_ROWS,
      atEnd,
      firstRow: 2,
    });
    if (atEnd && step.rows.length < IMPORT_READ_ROWS) break;
    at += step.next;
  }
  const read = await stepTimes(starts, (at) => {
    const window = head.body.slice(at, at + IMPORT_READ_WINDOW);
    readImportRows(window, {
      delimiter: head.delimiter,
      columns: head.header.length,
      maxRows: IMPORT_READ_ROWS,
      atEnd: at + window.length >= head.body.length,
      firstRow: 2,
    });
  });

  // Checking: each row read by the form's rules, and one HMAC (its mailbox) per row with an email.
  const checkSteps = chunks(table.rows, IMPORT_CHECK_ROWS);
  let checkHmacs = 0;
  const check = await stepTimes(checkSteps, async (cells) => {
    let hmacs = 0;
    for (const row of cells) {
      const reading = readImportRow(row, mapping);
      if ("signature" in reading && reading.signature.email) {
        await mailboxHash(SECRET, reading.signature.email);
        hmacs++;
      }
    }
    checkHmacs = Math.max(checkHmacs, hmacs);
  });

  // Importing: each row read again, its email and mailbox keyed.
  const batches = chunks(table.rows, IMPORT_BATCH_ROWS.vouch);
  let importHmacs = 0;
  const importing = await stepTimes(batches, async (cells) => {
    let hmacs = 0;
    for (const row of cells) {
      const reading = readImportRow(row, mapping);
      if (!("signature" in reading) || !reading.signature.email) continue;
      await hmacHex(SECRET, "email", reading.signature.email);
      await mailboxHash(SECRET, reading.signature.email);
      hmacs += 2;
    }
    importHmacs = Math.max(importHmacs, hmacs);
  });

  return {
    rows,
    file_bytes: new TextEncoder().encode(csv).length,
    free_plan_cpu_ms: 10,
    whole_ms: { read: round(read.whole, 1), check: round(check.whole, 1), import: round(importing.whole, 1) },
    read: figures(read.times, read.whole, IMPORT_READ_ROWS),
    check: { ...figures(check.times, check.whole, IMPORT_CHECK_ROWS), hmacs_per_step: checkHmacs },
    import: {
      ...figures(importing.times, importing.whole, IMPORT_BATCH_ROWS.vouch),
      hmacs_per_step: importHmacs,
      // The claim, then per row: the signature, its record entry, its webhook, the counters, the row's mark; then the import's counts.
      statements_per_step: 1 + IMPORT_BATCH_ROWS.vouch * 5 + 1,
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measureImport().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
