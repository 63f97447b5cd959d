/**
 * The activity log in its reader's language (issue 15): each entry's detail is stored as a code
 * and its arguments, and worded when the page or the CSV file is drawn, in the language of
 * whoever reads it. What people typed (a reason, a token's label, a person's name) is shown as
 * typed. Entries stored as plain words before details had codes still show, as they are.
 */
import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { unworded } from "../activity-words";
import { englishOn, englishOnly } from "../english-left";
import {
  createLetter,
  individual,
  letterEditorFields,
  organizerFetch,
  organizerPage,
  parseHtml,
  postSignature,
  SPANISH_TRANSLATION,
  sessionAs,
  texts,
  type PersonSession,
} from "../helpers";
import { post } from "../imports";
import { letterIdOf, seedSignatures } from "../seed";

const MAIL = { MAILER: "local" };
const REASON = "Asked by phone on 30 November: the email never arrived.";
const LABEL = "Spreadsheet sync";

let owner: PersonSession;
let slug: string;
let letterId: number;
let firstId: number;

/** Every detail the log holds (after `firstId`), in English as stored beside its code. */
async function storedEnglish(): Promise<{ action: string; detail: string | null; coded: string | null }[]> {
  const { results } = await env.DB.prepare(
    "SELECT action, detail, detail_json AS coded FROM organizer_activity WHERE id > ?1 ORDER BY id",
  )
    .bind(firstId)
    .all<{ action: string; detail: string | null; coded: string | null }>();
  return results;
}

/** The CSV file's rows (after its header), each as its cells: ";" separates them in Spanish, "," in English. */
function csvRows(text: string, delimiter: ";" | ","): string[][] {
  const rows: string[][] = parse(text, { bom: true, delimiter });
  return rows.slice(1);
}

beforeAll(async () => {
  const last = await env.DB.prepare("SELECT coalesce(max(id), 0) AS id FROM organizer_activity").first<{
    id: number;
  }>();
  firstId = last!.id;
  owner = await sessionAs("owner", { name: "Lucía Dueña" });
  expect((await post(owner, "/admin/language", { language: "es", back: "/admin" })).status).toBe(303);

  // A letter, translated and edited; signatures hidden in bulk, entered by hand, downloaded.
  const letter = await createLetter({ title: "Carta del registro", confirmSignatures: true });
  slug = letter.slug;
  letterId = await letterIdOf(slug);
  const base = `/admin/letters/${slug}`;
  // A signature confirmed on its signer's request, with a reason typed in English.
  const signer = individual();
  expect((await postSignature(slug, signer, { env: MAIL })).status).toBe(303);
  const waiting = await env.DB.prepare("SELECT token FROM signatures WHERE email = ?1")
    .bind(signer.email)
    .first<{ token: string }>();
  const confirmed = await post(owner, `${base}/signatures/${waiting!.token}/confirm`, { reason: REASON }, MAIL);
  expect(confirmed.status).toBe(303);

  expect((await post(owner, `${base}/translations/es`, SPANISH_TRANSLATION)).status).toBe(303);
  const edit = letterEditorFields(slug, { title: "Carta del registro", body: "Dear all:\n\nA new text." });
  expect((await post(owner, base, edit)).status).toBe(303);
  const [one, two] = await seedSignatures(slug, [{ name: "Uno" }, { name: "Dos" }]);
  const bulk = { action: "hide", scope: "selected", ref: [one!.ref, two!.ref], step: "apply" };
  expect((await post(owner, `${base}/signatures/bulk`, bulk)).status).toBe(303);
  const hand = { kind: "individual", name: "Firma en Papel", received: "paper", public: "1" };
  expect((await post(owner, `${base}/signatures`, hand)).status).toBe(303);
  expect((await organizerFetch(owner, `${base}/signatures.csv?status=confirmed`)).status).toBe(200);

  // A colleague invited, given another role, disabled; a token made.
  const email = `colega-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const invited = await post(owner, "/admin/people", { name: "Colega Invitada", email, role: "moderator" }, MAIL);
  expect(invited.status).toBe(303);
  const colleague = await env.DB.prepare("SELECT id FROM organizers WHERE email = ?1")
    .bind(email)
    .first<{ id: number }>();
  expect((await post(owner, `/admin/people/${colleague!.id}/role`, { role: "editor" })).status).toBe(303);
  expect((await post(owner, `/admin/people/${colleague!.id}/disable`, { confirmed: "yes" })).status).toBe(303);
  expect((await post(owner, "/admin/account/tokens", { label: LABEL })).status).toBe(200);
});

describe("the activity log read in Spanish", () => {
  it("words every detail the system wrote in Spanish, and keeps what people typed as they typed it", async () => {
    // The browser asks for English: it is the owner's choice of Spanish that draws the page.
    const response = await organizerFetch(owner, "/admin/activity", { headers: { "Accept-Language": "en" } });
    const html = await response.text();
    const document = parseHtml(html);
    const shown = texts(document, ".activity-detail");

    const stored = await storedEnglish();
    expect(stored.length).toBeGreaterThanOrEqual(10);
    // Every detail the system wrote has a code beside its English words.
    for (const entry of stored) if (entry.detail !== null) expect(entry.coded, entry.detail).not.toBeNull();
    const typed = new Set([REASON, LABEL, "Colega Invitada"]);
    const english = stored.map((entry) => entry.detail).filter((detail) => detail !== null && !typed.has(detail));
    expect(english.length).toBeGreaterThanOrEqual(6);
    expect(shown.filter((text) => english.includes(text))).toEqual([]);
    expect(englishOn(html, englishOnly("es"))).toEqual([]);

    expect(shown).toContain(REASON);
    expect(shown).toContain(LABEL);
    expect(shown).toContain("Colega Invitada");
    expect(shown).toContain("En bloque.");
    expect(shown).toContain("En papel.");
    expect(shown).toContain("El texto cambió: sus versiones están en el historial de la carta.");
    expect(shown).toContain("Se agregó una traducción al español.");
    expect(shown).toContain("El archivo CSV de las firmas: las firmas contadas.");
    // An invitation is one sentence: who was invited, at which address, as what.
    const sentences = texts(document, ".activity-entry > p:first-child").map((text) => text.replace(/\s+/g, " "));
    expect(sentences.some((text) => text.includes("invitó a Colega Invitada (colega-"))).toBe(true);
    expect(shown).toContain("Colega Invitada (0 sesiones cerradas)");
    expect(texts(document, ".activity-changes li")).toContain("Rol: moderador → editor");
  });

  it("words every field, value and detail it kept, in each language", async () => {
    expect(await unworded(firstId)).toEqual([]);
  });

  it("gives the CSV file's details in the language of whoever downloads it", async () => {
    const spanish = await organizerFetch(owner, `/admin/activity.csv?letter=${letterId}`, {
      headers: { "Accept-Language": "en" },
    });
    const rows = csvRows(await spanish.text(), ";");
    const details = rows.map((row) => row[6]);
    expect(details).toContain("En bloque.");
    expect(details).toContain(REASON);
    expect(details).not.toContain("In bulk.");

    const reader = await sessionAs("owner", { name: "English Reader" });
    const english = await organizerFetch(reader, `/admin/activity.csv?letter=${letterId}`, {
      headers: { "Accept-Language": "en" },
    });
    const englishDetails = csvRows(await english.text(), ",").map((row) => row[6]);
    expect(englishDetails).toContain("In bulk.");
    expect(englishDetails).toContain(REASON);
    expect(englishDetails).not.toContain("En bloque.");
    // The English reader's download is itself worded in English for them, in Spanish for the owner.
    const { document } = await organizerPage(owner, "/admin/activity?action=export-downloaded");
    expect(texts(document, ".activity-detail")).toContain("El archivo CSV del registro de actividad.");
  });

  it("still shows an entry stored as plain words before details had codes, as it is", async () => {
    await env.DB.prepare(
      "INSERT INTO organizer_activity (at, organizer_id, organizer_name, action, letter_id, detail) VALUES (?1, 1, 'Owner (admin token)', 'signature-hidden', ?2, ?3)",
    )
      .bind(new Date().toISOString(), letterId, "Written long ago, in English.")
      .run();
    const { document } = await organizerPage(owner, `/admin/activity?letter=${letterId}`);
    expect(texts(document, ".activity-detail")[0]).toBe("Written long ago, in English.");
    const csv = await organizerFetch(owner, `/admin/activity.csv?letter=${letterId}`);
    expect(csvRows(await csv.text(), ";")[0]![6]).toBe("Written long ago, in English.");
  });
});
