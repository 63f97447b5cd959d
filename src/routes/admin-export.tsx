/**
 * Organizers' exports of a letter: its signatures as a CSV file
 * (GET /admin/letters/{slug}/signatures.csv, filtered like the moderation
 * list) and the print-ready delivery document (GET /admin/letters/{slug}/delivery,
 * in the letter's language or, with ?lang=, one of its translations).
 * Both stream a page of signatures at a time, so a letter of any size is
 * never held in memory. Mounted at /admin/letters/{slug}, behind organizerPages().
 */
import { Hono, type Context } from "hono";
// The synchronous build: plain ESM with no Node.js stream, so it runs in workerd; each page of rows is one call.
import { stringify } from "csv-stringify/sync";
import { inLanguage, originalLanguage, type Letter } from "../domain/letter";
import { EXPORT_COLUMNS, exportFileName, exportRecord, parseExportFilter } from "../domain/signature-export";
import type { SignatureFilter } from "../domain/signature-filter";
import type { AppEnv } from "../http/app-env";
import { Problem } from "../app/problem";
import { organizerPages } from "../http/authentication";
import { methodNotAllowed } from "../http/errors";
import { textStream } from "../http/text-stream";
import { findLetterTranslation } from "../storage/letter-translations";
import { requireOrganizerLetter } from "../http/organizer-area";
import { listSignaturesInOrder, type OrganizerSignatureRow } from "../storage/signature-search";
import { deliveryFrame, deliverySignatories, deliveryWords } from "../views/admin/delivery-document";
import { INTERFACE_LOCALE } from "../views/format";

/** Rows read per D1 query: a few hundred KB of result, well under D1's limits. */
const EXPORT_PAGE_SIZE = 1_000;

const GET_ONLY = methodNotAllowed(["GET", "HEAD"]);

export const adminExport = new Hono<AppEnv>();

adminExport.use(organizerPages());

/**
 * The letter's matching signatures, page after page in the public list's
 * order. The first page is read before the response starts, so that a
 * database that does not answer gets a proper error page rather than an
 * empty file.
 */
async function signaturePages(
  db: D1Database,
  letterId: number,
  filter: SignatureFilter,
): Promise<AsyncIterable<OrganizerSignatureRow[]>> {
  const first = await listSignaturesInOrder(db, letterId, filter, { limit: EXPORT_PAGE_SIZE });
  return (async function* pages() {
    yield first.signatures;
    let after = first.next;
    while (after) {
      const page = await listSignaturesInOrder(db, letterId, filter, { after, limit: EXPORT_PAGE_SIZE });
      yield page.signatures;
      after = page.next;
    }
  })();
}

adminExport.get("/signatures.csv", async (c) => {
  const letter = await requireOrganizerLetter(c);
  const { filter, problems } = parseExportFilter(new URL(c.req.url).searchParams);
  if (problems.length > 0) throw new Problem(400, "That filter could not be used", problems.join(" "));
  const pages = await signaturePages(c.var.db, letter.id, filter);
  // Excel needs the BOM to read UTF-8; every cell is quoted; escape_formulas puts a ' before a cell
  // starting with = + - @ tab or CR (exportRecord does the same after leading blanks).
  const options = { quoted: true, quoted_empty: true, escape_formulas: true, record_delimiter: "windows" } as const;
  async function* csv() {
    yield stringify([[...EXPORT_COLUMNS]], { ...options, bom: true });
    for await (const page of pages) {
      if (page.length > 0)
        yield stringify(
          page.map((signature) => exportRecord(signature, INTERFACE_LOCALE)),
          options,
        );
    }
  }
  return c.body(textStream(csv()), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${exportFileName(letter.slug, new Date())}"`,
    "Cache-Control": "no-store",
  });
});
adminExport.all("/signatures.csv", GET_ONLY);

/** The letter in the language `?lang=` names (one of its own), else in its original. */
async function letterInRequestedLanguage(c: Context<AppEnv>, letter: Letter): Promise<Letter> {
  const language = c.req.query("lang");
  if (!language || language === originalLanguage(letter)) return letter;
  const translation = letter.languages.includes(language)
    ? await findLetterTranslation(c.var.db, letter.id, language)
    : null;
  if (!translation) {
    throw new Problem(
      400,
      "No such translation",
      `This letter is in ${letter.languages.join(", ")}: lang must be one of those.`,
    );
  }
  return inLanguage(letter, translation);
}

adminExport.get("/delivery", async (c) => {
  const letter = await letterInRequestedLanguage(c, await requireOrganizerLetter(c));
  const pages = await signaturePages(c.var.db, letter.id, { status: "confirmed" });
  const frame = await deliveryFrame(letter);
  async function* document() {
    yield frame.before;
    yield* deliverySignatories(pages, deliveryWords(letter));
    yield frame.after;
  }
  return c.body(textStream(document()), 200, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
  });
});
adminExport.all("/delivery", GET_ONLY);
