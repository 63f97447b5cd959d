/**
 * A signature lands after the text its signer read, never after one they
 * never saw: the sign form carries the record seq of the letter's latest
 * text entry when the page was drawn (text_seq), and when an organizer
 * publishes a new version of the text, or of any translation, before the
 * form is sent, nothing is stored: the signer gets the page again (409)
 * with the new text, their details filled in and a word about what
 * happened, and pressing Sign again signs the new text. Pages come from the
 * edge cache (CACHE_MAX_AGE 60 s), as a person gets them; forms carry their
 * stamp and honeypot, and the clock is stopped and moved as a person takes time.
 */
import { env } from "cloudflare:workers";
import type { HTMLElement } from "node-html-parser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  countingDatabase,
  fetchApp,
  formBody,
  formFieldsOf,
  individual,
  logIn,
  mailTo,
  organizerPost,
  parseHtml,
  postSignature,
  recordingQueue,
  SAME_ORIGIN_FORM,
  signatureRows,
  stampedForm,
  stopClock,
  submitForm,
  texts,
  uniqueSlug,
  type OrganizerSession,
  letterEditorFields,
  SPANISH_TRANSLATION,
} from "../helpers";

const LOCAL_MAIL = { MAILER: "local" };
const START = Date.parse("2030-06-15T12:00:00.000Z");
const SLOW = { timeout: 60_000 };

beforeEach(() => {
  stopClock(START);
  vi.spyOn(console, "log").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Moves the stopped clock to `ms` after START. */
function at(ms: number) {
  vi.setSystemTime(START + ms);
}

const BODY = "Dear Secretary General:\n\nWe ask for a fair process in Honduras.\n\nSincerely,";
const EDITED_BODY = "Dear Secretary General:\n\nWe ask for a fair and open process in Honduras.\n\nSincerely,";

const editorFields = (slug: string, overrides: Record<string, string> = {}) =>
  letterEditorFields(slug, { body: BODY, ...overrides });

const SPANISH = SPANISH_TRANSLATION;

let session: OrganizerSession | undefined;
async function organizer(path: string, fields: Record<string, string>): Promise<void> {
  session ??= await logIn();
  const response = await organizerPost(session, path, fields);
  expect(response.status, path).toBe(303);
}

/** A letter published in the organizer area, in English and Spanish (record: en@1, es@1); its slug. */
async function publishedLetter(): Promise<string> {
  const slug = uniqueSlug("text-seen");
  await organizer("/admin/letters", editorFields(slug));
  await organizer(`/admin/letters/${slug}/translations/es`, SPANISH);
  await organizer(`/admin/letters/${slug}/state`, { change: "publish" });
  return slug;
}

/** The organizers publish a new version of the English text. */
function editOriginal(slug: string): Promise<void> {
  return organizer(`/admin/letters/${slug}`, editorFields(slug, { body: EDITED_BODY }));
}

/** A public page as a person gets it: from the edge cache once it holds one (the second read must be a hit). */
async function cachedPage(path: string, envOverrides: Partial<Cloudflare.Env> = LOCAL_MAIL) {
  await fetchApp(path, envOverrides);
  const response = await fetchApp(path, envOverrides);
  expect(response.headers.get("X-Cache"), path).toBe("HIT");
  return parseHtml(await response.text());
}

function textSeqOf(document: HTMLElement): string | undefined {
  return document.querySelector('form[method="post"] input[name="text_seq"]')?.getAttribute("value");
}

async function letterState(slug: string) {
  return env.DB.prepare(
    `SELECT signature_count, individual_count, pending_count, record_length,
       (SELECT max(seq) FROM text_versions WHERE letter_id = letters.id) AS text_seq
     FROM letters WHERE slug = ?1`,
  )
    .bind(slug)
    .first<{
      signature_count: number;
      individual_count: number;
      pending_count: number;
      record_length: number;
      text_seq: number;
    }>();
}

/** The seq of the record entry that counts the signature `ref`. */
async function signedSeq(slug: string, ref: string): Promise<number | undefined> {
  const row = await env.DB.prepare(
    `SELECT e.seq FROM record_entries e JOIN letters l ON l.id = e.letter_id
     WHERE l.slug = ?1 AND e.event = 'signed' AND e.ref = ?2`,
  )
    .bind(slug, ref)
    .first<{ seq: number }>();
  return row?.seq;
}

/** The version's record seq, by its ref ("en@2"). */
async function versionSeq(slug: string, ref: string): Promise<number | undefined> {
  const row = await env.DB.prepare(
    `SELECT e.seq FROM record_entries e JOIN letters l ON l.id = e.letter_id
     WHERE l.slug = ?1 AND e.event = 'text' AND e.ref = ?2`,
  )
    .bind(slug, ref)
    .first<{ seq: number }>();
  return row?.seq;
}

/**
 * Checks the 409 that a form read before `edit` gets: the page again with
 * the new text, the signer's details, the message and the link to the
 * versions, the new text seq; nothing stored, counted, recorded or mailed.
 */
async function expectRefusedForNewText(
  slug: string,
  response: Response,
  signer: { name: string; email: string },
  before: Awaited<ReturnType<typeof letterState>>,
  expected: { message: string; link: string; text: string },
): Promise<HTMLElement> {
  expect(response.status).toBe(409);
  const document = parseHtml(await response.text());
  expect(texts(document, ".error-summary")[0]).toContain(expected.message);
  expect(document.querySelector(".error-summary a")?.getAttribute("href")).toBe(expected.link);
  expect(document.textContent).toContain(expected.text);
  const { fields } = formFieldsOf(document);
  expect(fields).toMatchObject({ name: signer.name, email: signer.email, url: "" });
  expect(fields.form_stamp).toBeTruthy();
  const after = await letterState(slug);
  expect(fields.text_seq).toBe(String(after!.text_seq));
  expect(await signatureRows(slug)).toHaveLength(0);
  expect(after).toEqual({ ...before, record_length: after!.record_length, text_seq: after!.text_seq });
  expect(after!.record_length).toBe(after!.text_seq);
  expect(await mailTo(signer.email)).toHaveLength(0);
  return document;
}

describe("a form read before the letter's text changed", SLOW, () => {
  it("is refused with the new text (409), stores nothing, and signs the new text when sent again", async () => {
    const slug = await publishedLetter();
    const page = await cachedPage(`/letters/${slug}`);
    expect(textSeqOf(page)).toBe("2");
    const before = await letterState(slug);

    await editOriginal(slug);
    // The cached copy was refreshed: a fresh reader gets the new text and its seq.
    const fresh = await fetchApp(`/letters/${slug}`, LOCAL_MAIL);
    expect(fresh.headers.get("X-Cache")).toBe("MISS");
    const freshPage = parseHtml(await fresh.text());
    expect(textSeqOf(freshPage)).toBe(String(await versionSeq(slug, "en@2")));
    expect(freshPage.textContent).toContain("fair and open process");

    at(30_000);
    const signer = individual() as { name: string; email: string };
    const refused = await submitForm(page, signer, { env: LOCAL_MAIL });
    const again = await expectRefusedForNewText(slug, refused, signer, before, {
      message: "The letter's text was updated while you were reading it",
      link: `/letters/${slug}/versions?lang=en`,
      text: "fair and open process",
    });

    at(45_000);
    const signed = await submitForm(again, {}, { env: LOCAL_MAIL });
    expect(signed.status).toBe(303);
    const [row] = await signatureRows(slug);
    expect(row).toMatchObject({ name: signer.name, status: "confirmed" });
    expect(await signedSeq(slug, row!.token as string)).toBeGreaterThan((await versionSeq(slug, "en@2"))!);
    expect((await letterState(slug))!.signature_count).toBe(before!.signature_count + 1);
    expect(await mailTo(signer.email)).toHaveLength(1);
  });

  it("counts a change to any language: a Spanish reader is told in Spanish, of a Spanish or an English edit", async () => {
    const slug = await publishedLetter();
    const page = await cachedPage(`/letters/${slug}?lang=es`);
    expect(textSeqOf(page)).toBe("2");
    const before = await letterState(slug);

    await organizer(`/admin/letters/${slug}/translations/es`, { ...SPANISH, body: `${SPANISH.body}\n\nAtentamente,` });
    at(30_000);
    const signer = individual() as { name: string; email: string };
    const refused = await submitForm(page, signer, { env: LOCAL_MAIL });
    const again = await expectRefusedForNewText(slug, refused, signer, before, {
      message: "El texto de la carta se actualizó mientras usted lo leía",
      link: `/letters/${slug}/versions?lang=es`,
      text: "Atentamente,",
    });

    // The original changes while they read the page shown again: refused again, still in Spanish.
    await editOriginal(slug);
    at(45_000);
    const twice = await submitForm(again, {}, { env: LOCAL_MAIL });
    const third = await expectRefusedForNewText(slug, twice, signer, before, {
      message: "El texto de la carta se actualizó mientras usted lo leía",
      link: `/letters/${slug}/versions?lang=es`,
      text: "Atentamente,",
    });

    at(60_000);
    expect((await submitForm(third, {}, { env: LOCAL_MAIL })).status).toBe(303);
    const [row] = await signatureRows(slug);
    expect(row).toMatchObject({ name: signer.name, language: "es" });
    expect(await signedSeq(slug, row!.token as string)).toBeGreaterThan((await versionSeq(slug, "en@2"))!);
  });

  it("is refused in the embed card too, which comes back as the card and then signs", async () => {
    const slug = await publishedLetter();
    const card = await cachedPage(`/letters/${slug}/embed/sign?source=partner-org`);
    expect(textSeqOf(card)).toBe("2");
    const before = await letterState(slug);

    await editOriginal(slug);
    at(30_000);
    const signer = individual() as { name: string; email: string };
    const refused = await submitForm(card, signer, { env: LOCAL_MAIL });
    const again = await expectRefusedForNewText(slug, refused, signer, before, {
      message: "The letter's text was updated while you were reading it",
      link: `/letters/${slug}/versions?lang=en`,
      text: "Letter on a fair process",
    });
    expect(again.querySelector("body")?.getAttribute("class")).toBe("embed");
    expect(again.querySelector("form")?.getAttribute("action")).toBe(
      `/letters/${slug}/signatures?embed=1&source=partner-org`,
    );

    at(45_000);
    const signed = await submitForm(again, {}, { env: LOCAL_MAIL });
    expect(signed.status).toBe(303);
    expect(signed.headers.get("Location")).toMatch(new RegExp(`^/letters/${slug}/embed\\?source=partner-org`));
    const [row] = await signatureRows(slug);
    expect(row).toMatchObject({ name: signer.name, source: "partner-org" });
    expect(await signedSeq(slug, row!.token as string)).toBeGreaterThan((await versionSeq(slug, "en@2"))!);
  });

  it("is refused when the letter read for signing is an instance's kept copy (LETTER_CACHE_SECONDS), with the new text", async () => {
    const slug = await publishedLetter();
    const kept = { ...LOCAL_MAIL, LETTER_CACHE_SECONDS: "60" };
    const page = await cachedPage(`/letters/${slug}`, kept);
    // Another signer makes this instance keep the letter as it was.
    at(10_000);
    expect((await postSignature(slug, individual(), { env: kept })).status).toBe(303);
    const before = await letterState(slug);

    await editOriginal(slug);
    at(20_000);
    const signer = individual() as { name: string; email: string };
    const refused = await submitForm(page, signer, { env: kept });
    expect(refused.status).toBe(409);
    const again = parseHtml(await refused.text());
    expect(again.textContent).toContain("fair and open process");
    expect(textSeqOf(again)).toBe(String(await versionSeq(slug, "en@2")));
    const after = await letterState(slug);
    expect(after).toEqual({ ...before, record_length: before!.record_length + 1, text_seq: before!.record_length + 1 });
    at(35_000);
    expect((await submitForm(again, {}, { env: kept })).status).toBe(303);
    expect(await signatureRows(slug)).toHaveLength(2);
  });

  it("is refused before anything is put on the queue (SIGNATURE_WRITES=queue)", async () => {
    const slug = await publishedLetter();
    const { queue, sent } = recordingQueue();
    const queued = { ...LOCAL_MAIL, SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue };
    const page = await cachedPage(`/letters/${slug}`, queued);
    await editOriginal(slug);
    at(30_000);
    const refused = await submitForm(page, individual() as Record<string, string>, { env: queued });
    expect(refused.status).toBe(409);
    expect(sent).toHaveLength(0);
    at(45_000);
    expect((await submitForm(parseHtml(await refused.text()), {}, { env: queued })).status).toBe(303);
    expect(sent).toHaveLength(1);
  });
});

describe("a form that says nothing trustworthy about the text it showed", SLOW, () => {
  it("signs as before without the field (a page cached before it, a tool)", async () => {
    const slug = await publishedLetter();
    const page = await cachedPage(`/letters/${slug}`);
    await editOriginal(slug);
    at(30_000);
    const signer = individual() as Record<string, string>;
    expect((await submitForm(page, { ...signer, text_seq: null }, { env: LOCAL_MAIL })).status).toBe(303);
    expect(await signatureRows(slug)).toHaveLength(1);
  });

  it("treats a value that is no whole number as missing, never a 500", async () => {
    const slug = await publishedLetter();
    await editOriginal(slug);
    const tampered = ["abc", "-1", "1e3", "1.5", " 2", "", "0x10", "99999999999999999999999", "２"];
    for (const [index, value] of tampered.entries()) {
      at(30_000 + index);
      const response = await postSignature(slug, { ...individual(), text_seq: value }, { env: LOCAL_MAIL });
      expect(response.status, value).toBe(303);
    }
    // A huge number names no text after it: signed too. An older seq, even 0, is refused.
    expect((await postSignature(slug, { ...individual(), text_seq: "999999999999999" })).status).toBe(303);
    expect((await postSignature(slug, { ...individual(), text_seq: "0" })).status).toBe(409);
    expect((await postSignature(slug, { ...individual(), text_seq: ["1", "3"] })).status).toBe(409);
    expect(await signatureRows(slug)).toHaveLength(tampered.length + 1);
  });
});

describe("what the check costs", SLOW, () => {
  it("adds no query to a signature stored now, and reads text_versions by its index only", async () => {
    const slug = await publishedLetter();
    const post = async (fields: Record<string, string>, database: D1Database) =>
      fetchApp(
        `/letters/${slug}/signatures`,
        { DB: database, CACHE_MAX_AGE: "0" },
        {
          method: "POST",
          headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": "198.51.100.7" },
          body: formBody(await stampedForm(slug, fields)),
          redirect: "manual",
        },
      );
    const queriesOf = async (fields: Record<string, string>) => {
      const counter = countingDatabase(env.DB);
      expect((await post(fields, counter.database)).status).toBe(303);
      return counter.recorded();
    };
    const without = await queriesOf(individual() as Record<string, string>);
    const seen = await queriesOf({ ...(individual() as Record<string, string>), text_seq: "2" });
    expect(seen.length).toBe(without.length);
    // Refused: the insert's guard, then one read that tells a new text from a repeated address.
    await editOriginal(slug);
    const counter = countingDatabase(env.DB);
    const refused = await post({ ...(individual() as Record<string, string>), text_seq: "2" }, counter.database);
    expect(refused.status).toBe(409);
    const touching = [...seen, ...counter.recorded()].filter((query) => query.sql.includes("text_versions"));
    expect(touching.length).toBeGreaterThanOrEqual(3);
    for (const query of touching) {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
        .bind(...query.params)
        .all<{ detail: string }>();
      const plan = results.map((row) => row.detail).join("\n");
      // One seek in the (letter_id, seq) index: never the letter's versions one by one.
      expect(plan, query.sql).toMatch(/SEARCH text_versions USING COVERING INDEX \S+ \(letter_id=\?(?: AND seq>\?)?\)/);
      expect(plan, query.sql).not.toMatch(/SCAN text_versions/);
    }
  });
});
