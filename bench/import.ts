/**
 * The CPU-bound work of importing 10,000 rows (a Google Forms export of
 * 1.5 MB), as a Worker does it, in Node: reading the file once (csv-parse),
 * the preview (every row read by the sign form's rules, and its mailbox
 * keyed), then the import's batches (each row read again, hashed twice,
 * its statements built). Figures are exact counts per batch and ratios of
 * CPU times measured side by side in one run, so that they hold on a noisy
 * machine: what matters is that a batch costs a small, fixed share of the
 * whole, whatever the file's size (Workers allow 30 s of CPU per request
 * by default: https://developers.cloudflare.com/workers/platform/limits/).
 *
 * Part of `npm run bench` (bench/run.ts calls measureImport); runs on its
 * own with `npx tsx bench/import.ts`.
 */
import { cpuUsage } from "node:process";
import { hmacHex } from "../src/domain/crypto";
import { mailboxHash } from "../src/domain/mailbox";
import { guessMapping, IMPORT_BATCH_ROWS, readImportRow, readImportTable } from "../src/domain/signature-import";

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

export interface ImportFigures {
  rows: number;
  file_bytes: number;
  batch_rows: number;
  batches: number;
  /** Per batch of the import: rows read again, HMACs (email and mailbox per row with an email), D1 statements in its one transaction. */
  per_batch: { rows_read: number; hmacs: number; statements: number };
  /** Preview: rows read and mailboxes keyed (one HMAC per individual with an email). */
  preview: { rows_read: number; hmacs: number };
  cpu_ms: { parse: number; preview: number; busiest_batch: number; mean_batch: number };
  /** The busiest batch's CPU over the whole file's parse, and over the whole preview's. */
  ratios: { busiest_batch_vs_parse: number; busiest_batch_vs_preview: number };
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Measures the 10,000-row import's CPU-bound steps (see the file's comment). */
export async function measureImport(rows = IMPORT_ROWS): Promise<ImportFigures> {
  const csv = googleFormsCsv(rows);
  let table = readImportTable(csv);
  // Warm up once (the JIT, the country names' table), then measure.
  table = readImportTable(csv);
  const parse = await cpuMs(() => {
    table = readImportTable(csv);
  });
  const mapping = guessMapping(table.header);
  let previewHmacs = 0;
  const preview = await cpuMs(async () => {
    for (const cells of table.rows) {
      const reading = readImportRow(cells, mapping);
      if ("signature" in reading && reading.signature.kind === "individual" && reading.signature.email) {
        await mailboxHash(SECRET, reading.signature.email);
        previewHmacs++;
      }
    }
  });
  const size = IMPORT_BATCH_ROWS.vouch;
  const times: number[] = [];
  let hmacs = 0;
  let statements = 0;
  for (let start = 0; start < table.rows.length; start += size) {
    const batch = table.rows.slice(start, start + size);
    let batchHmacs = 0;
    times.push(
      await cpuMs(async () => {
        for (const cells of batch) {
          const reading = readImportRow(cells, mapping);
          if (!("signature" in reading) || !reading.signature.email) continue;
          await hmacHex(SECRET, "email", reading.signature.email);
          await mailboxHash(SECRET, reading.signature.email);
          batchHmacs += 2;
        }
      }),
    );
    if (start === 0) {
      hmacs = batchHmacs;
      // The claim, then per row: the signature, its record entry, its webhook, the counters, the row's mark; then the import's counts.
      statements = 1 + batch.length * 5 + 1;
    }
  }
  const busiest = Math.max(...times);
  return {
    rows,
    file_bytes: new TextEncoder().encode(csv).length,
    batch_rows: size,
    batches: times.length,
    per_batch: { rows_read: size, hmacs, statements },
    preview: { rows_read: table.rows.length, hmacs: previewHmacs },
    cpu_ms: {
      parse: round(parse, 1),
      preview: round(preview, 1),
      busiest_batch: round(busiest, 1),
      mean_batch: round(times.reduce((sum, time) => sum + time, 0) / times.length, 1),
    },
    ratios: { busiest_batch_vs_parse: round(busiest / parse), busiest_batch_vs_preview: round(busiest / preview) },
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
