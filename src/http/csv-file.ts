/**
 * The organizer area's CSV files (a letter's signatures, the activity log, an import's refused
 * rows) as the downloader's spreadsheet opens them: UTF-8 with a byte order mark (Excel needs it
 * to read UTF-8), every cell quoted, records ending with CRLF (RFC 4180), cells separated as a
 * spreadsheet in the organizer area's language expects (domain/signature-export.ts
 * spreadsheetDelimiter: ";" in Spanish, French and Portuguese, "," in English), every cell
 * neutralized against formulas (neutralizeCell, which also looks past leading blanks, as
 * csv-stringify's escape_formulas does not), written a page of records at a time as they are
 * read, never cached.
 */
import type { Context } from "hono";
// The synchronous build: plain ESM with no Node.js stream, so it runs in workerd; each page of rows is one call.
import { stringify } from "csv-stringify/sync";
import { neutralizeCell, spreadsheetDelimiter } from "../domain/signature-export";
import type { AppEnv } from "./app-env";
import { adminLocale } from "./language";
import { textStream } from "./text-stream";

/**
 * A CSV file's answer: `header`, then each page of `pages` as it is read (an empty page writes
 * nothing), separated for the organizer area's language of the request (http/language.ts adminLocale).
 *
 * @param disposition the Content-Disposition header (attachment)
 */
export function csvFile<E extends AppEnv>(
  c: Context<E>,
  header: readonly string[],
  pages: AsyncIterable<readonly (readonly string[])[]>,
  disposition: string,
): Response {
  const options = {
    delimiter: spreadsheetDelimiter(adminLocale(c)),
    quoted: true,
    quoted_empty: true,
    escape_formulas: true,
    record_delimiter: "windows",
  } as const;
  const neutralized = (records: readonly (readonly string[])[]) => records.map((record) => record.map(neutralizeCell));
  async function* csv() {
    yield stringify(neutralized([header]), { ...options, bom: true });
    for await (const page of pages) {
      if (page.length > 0) yield stringify(neutralized(page), options);
    }
  }
  return c.body(textStream(csv()), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": disposition,
    "Cache-Control": "no-store",
  });
}

/**
 * The Content-Disposition of a file downloaded as `name` (RFC 6266): `attachment; filename="name"`
 * when `name` is printable ASCII without a quote or a backslash; else `fallback` (such ASCII) as
 * `filename`, and `name` as `filename*=UTF-8''…` (RFC 8187, percent-encoded), which browsers prefer.
 */
export function attachment(name: string, fallback: string): string {
  if (/^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name)) return `attachment; filename="${name}"`;
  // encodeURIComponent leaves ! ' ( ) * as they are: RFC 8187's attr-char allows only the "!".
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
