/**
 * Issue 15's fresh-eyed trial: "Our 'all signatures' export, imported into another letter,
 * counts hidden signatures again". The export's Status column, in any of the organizer area's
 * languages (or as the codes), is read by the import: rows hidden, rejected or withdrawn in the
 * file are skipped, and so are those that never confirmed their email when the coalition vouches
 * (when each signer confirms by email, they are asked to, as every row is); the review says how
 * many, and why each.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminMessagesFor, LOCALES, type Locale } from "../../src/domain/i18n";
import { readImportRow, readStatus, guessMapping } from "../../src/domain/signature-import";
import { SIGNATURE_STATUSES } from "../../src/domain/signature";
import {
  createLetter,
  formFieldsOf,
  organizerFetch,
  organizerPage,
  parseHtml,
  texts,
  type OrganizerSession,
} from "../helpers";
import { importIdOf, post, settle, upload } from "../imports";
import { sessionAs } from "../organizers";
import { seedSignatures, type SignatureSeed } from "../seed";

const MAIL = { MAILER: "local" } as const;

/** One signature of each status the export can hold, and what a coordinator expects of each. */
const SEEDS: SignatureSeed[] = [
  { name: "Counted One", status: "confirmed" },
  { name: "Counted Two", status: "confirmed" },
  { kind: "organization", name: "Counted Org", status: "confirmed" },
  { kind: "organization", name: "Waiting Review Org", status: "in_review" },
  { name: "Hidden Person", status: "hidden" },
  { kind: "organization", name: "Rejected Org", status: "rejected" },
  { name: "Withdrawn Person", status: "withdrawn" },
  { name: "Never Confirmed One", status: "unconfirmed" },
  { name: "Never Confirmed Two", status: "unconfirmed" },
];

/** The "all signatures" export of `slug` as `session` downloads it in `language`. */
async function exportAll(session: OrganizerSession, slug: string, language: Locale): Promise<string> {
  const response = await organizerFetch(session, `/admin/letters/${slug}/signatures.csv?status=all`, {
    headers: { "Accept-Language": language },
  });
  expect(response.status).toBe(200);
  return new TextDecoder().decode(await response.arrayBuffer());
}

/** Uploads `csv` into `slug`, checks it with the guessed mapping (and `changes`), and returns the preview page. */
async function preview(
  session: OrganizerSession,
  slug: string,
  csv: string,
  language: Locale,
  changes: Record<string, string> = {},
) {
  const uploaded = await upload(session, slug, { file: new File([csv], "all-signatures.csv", { type: "text/csv" }) });
  expect(uploaded.status).toBe(303);
  const id = importIdOf(uploaded);
  await settle(session, slug, id);
  const page = await organizerFetch(session, `/admin/imports/${slug}/${id}`, {
    headers: { "Accept-Language": language },
  });
  const { action, fields } = formFieldsOf(parseHtml(await page.text()), changes, 'form[action$="/mapping"]');
  expect(fields).toMatchObject({ kind: "column" });
  const mapped = await post(session, action, fields, MAIL);
  expect(mapped.status, await mapped.clone().text()).toBe(303);
  await settle(session, slug, id, MAIL);
  const shown = await organizerFetch(session, `/admin/imports/${slug}/${id}?show=not-valid`, {
    headers: { "Accept-Language": language },
  });
  return { id, document: parseHtml(await shown.text()) };
}

describe("importing our own 'all signatures' export", () => {
  it("reads every status word of the four languages, and the codes", () => {
    for (const status of SIGNATURE_STATUSES) {
      expect(readStatus(status), status).toBe(status);
      for (const locale of LOCALES) {
        const t = adminMessagesFor(locale);
        expect(readStatus(t.signatures.statuses[status]), `${locale} ${status}`).toBe(status);
        expect(readStatus(t.imports.statuses[status] ?? ""), `${locale} ${status}`).toBe(status);
        expect(readStatus(t.activity.values[status].toUpperCase()), `${locale} ${status}`).toBe(status);
      }
    }
    expect(readStatus("")).toBeNull();
    expect(readStatus("Pending")).toBe(false);
    expect(readStatus("esperando su correo")).toBe("unconfirmed");
  });

  it("skips a row hidden, rejected or withdrawn in the file; one never confirmed when the coalition vouches", () => {
    const columns = guessMapping(["Kind", "Name", "Organization or affiliation", "Email", "Status"]).columns;
    expect(columns).toEqual(["kind", "signatory", "organization", "email", "status"]);
    const row = (status: string, mode: "vouch" | "confirm" = "vouch") =>
      readImportRow(["Individual", "Ana", "", "ana@example.org", status], { columns, kind: "column", mode });
    for (const status of ["oculta", "rechazada", "retirée", "withdrawn"])
      expect(row(status)).toMatchObject({ refused: [{ code: "status-not-counted" }] });
    expect(row("esperando su correo")).toEqual({ refused: [{ code: "status-unconfirmed" }] });
    expect(row("esperando su correo", "confirm")).toHaveProperty("signature");
    for (const status of ["counted", "contada", "en attente de vérification", ""])
      expect(row(status), status).toHaveProperty("signature");
    expect(row("Pending")).toEqual({ refused: [{ code: "status-unknown", value: "Pending" }] });
  });

  for (const language of ["es", "fr", "en"] as const) {
    it(`counts only what the first letter counted, the file in ${language}, and the review says what it skipped`, async () => {
      const owner = await sessionAs(`Import Owner ${language}`, "owner");
      const first = await createLetter({ confirmSignatures: true });
      await seedSignatures(first.slug, SEEDS);
      const csv = await exportAll(owner, first.slug, language);
      const t = adminMessagesFor(language).imports;

      const second = await createLetter({ confirmSignatures: false });
      const vouched = await preview(owner, second.slug, csv, language);
      const counts = texts(vouched.document, ".import-counts li");
      expect(counts).toEqual([
        `4 ${t.willImport(4)}`,
        `0 ${t.refused(0)}`,
        `0 ${t.duplicates(0)}`,
        `3 ${t.skippedNotCounted(3)}`,
        `2 ${t.skippedUnconfirmed(2)}`,
      ]);
      if (language === "en") {
        expect(counts[3]).toBe("3 rows skipped: hidden, rejected or withdrawn in the file");
        expect(counts[4]).toBe("2 rows skipped: never confirmed by email in the file");
      }
      // The review lists them, each with its reason.
      const reasons = texts(vouched.document, ".preview-rows tbody td:last-child");
      expect(reasons).toHaveLength(5);
      expect(reasons.filter((reason) => reason === t.rowProblem({ code: "status-unconfirmed" }))).toHaveLength(2);

      // Imported, the second letter counts what the first counted (and the organization in review).
      const { document } = await organizerPage(owner, `/admin/imports/${second.slug}/${vouched.id}`);
      const { action, fields } = formFieldsOf(document, {}, 'form[action$="/start"]');
      expect((await post(owner, action, fields)).status).toBe(303);
      const stored = await env.DB.prepare(
        "SELECT group_concat(name, ', ') AS names FROM (SELECT name FROM signatures WHERE import_id = ?1 ORDER BY name)",
      )
        .bind(vouched.id)
        .first<{ names: string }>();
      expect(stored?.names).toBe("Counted One, Counted Org, Counted Two, Waiting Review Org");

      // When each signer confirms by email, those who never confirmed are asked to, as every row is.
      const open = await createLetter({ confirmSignatures: true });
      const confirming = await preview(owner, open.slug, csv, language, { mode: "confirm" });
      expect(texts(confirming.document, ".import-counts li")).toEqual([
        `6 ${t.willImport(6)}`,
        `0 ${t.refused(0)}`,
        `0 ${t.duplicates(0)}`,
        `3 ${t.skippedNotCounted(3)}`,
      ]);
    });
  }
});
