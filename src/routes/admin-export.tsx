/**
 * Organizers' exports of a letter: its signatures as a CSV file
 * (GET /admin/letters/{slug}/signatures.csv, filtered like the moderation
 * list, in the downloader's language, its times in the letter's zone) and
 * the print-ready delivery document (GET /admin/letters/{slug}/delivery,
 * in the letter's language or, with ?lang=, one of its translations).
 * Both stream a page of signatures at a time, so a letter of any size is
 * never held in memory. Mounted at /admin/letters/{slug}, behind organizerPages().
 */
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { letterInLanguage, signaturePages } from "../app/exports";
import { requireLetter } from "../app/letters";
import {
  deliveryQuerySchema,
  exportFileName,
  exportHeader,
  exportQuerySchema,
  exportRecord,
} from "../domain/signature-export";
import type { AppEnv } from "../http/app-env";
import { allow, organizerPages } from "../http/authentication";
import { attachment, csvFile } from "../http/csv-file";
import { wallClockTime } from "../domain/time-zones";
import { textStream } from "../http/text-stream";
import { organizerLetter, type LetterEnv } from "../http/organizer-area";
import { adminWords } from "../http/language";
import { refusal, validation } from "../http/validation";
import { deliveryFrame, deliverySignatories, deliveryWords } from "../views/admin/delivery-document";

/** The letter the route's :slug names, as `c.var.letter` (404 when there is none). */
const withLetter = organizerLetter(requireLetter);
const validate = validation<LetterEnv>();

export const adminExport = new Hono<AppEnv>();

adminExport.use(organizerPages());

adminExport.get(
  "/signatures.csv",
  allow("moderate"),
  withLetter,
  validate("query", exportQuerySchema, (result, c) => {
    if (!result.success) throw refusal(400, adminWords(c).moderation.badExportFilter, result.error);
  }),
  async (c) => {
    const letter = c.var.letter;
    const pages = await signaturePages(c.var.deps, letter, c.req.valid("query"), "csv");
    // In the downloader's words, its times on the letter's clock (the zone its closing time is set in).
    const t = adminWords(c);
    const zone = letter.closesTimeZone;
    async function* records() {
      for await (const page of pages) yield page.map((signature) => exportRecord(signature, t, zone));
    }
    // Dated on the letter's clock too: after 18:00 in Honduras, UTC's day is already tomorrow.
    const today = wallClockTime(c.var.deps.now().toISOString(), zone).slice(0, 10);
    const fileName = exportFileName(letter.slug, c.req.valid("query"), today, t.csv.fileNames);
    return csvFile(c, exportHeader(t, zone), records(), attachment(fileName, fileName));
  },
);

adminExport.get("/delivery", allow("read-letters"), withLetter, zValidator("query", deliveryQuerySchema), async (c) => {
  const letter = await letterInLanguage(c.var.deps, c.var.letter, c.req.valid("query").lang);
  const pages = await signaturePages(c.var.deps, letter, { status: "confirmed" }, "delivery");
  const frame = await deliveryFrame(letter, adminWords(c));
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
