/**
 * The text people signed is in the record: every published version of a
 * letter's text and of each translation becomes a `text` entry, whoever
 * publishes it (the organizer area publishing, editing or translating a
 * letter; the loader of content/; the maintenance job for letters published
 * before versions were kept), once per actual change. versions.json and the
 * versions page publish them, and checkTextVersions holds them against the
 * record: a version changed in the database afterwards, or one left out of
 * the record, is named.
 */
import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import * as noble from "@noble/ed25519";
import { verifyLetter } from "../../src/domain/verify-record";
import { checkTextVersions, textVersionDigest, type TextVersion } from "../../src/domain/text-versions";
import type { SealedRecordEntry } from "../../src/domain/record";
import { letterDocumentStatements } from "../../src/storage/letters-sql";
import {
  appFetch,
  createLetter,
  fetchApp,
  getPage,
  logIn,
  ORIGIN,
  organizerPost,
  parseHtml,
  postSignature,
  individual,
  runStatements,
  texts,
  translation,
  uniqueSlug,
  type OrganizerSession,
  letterEditorFields,
  SPANISH_TRANSLATION,
} from "../helpers";

const FRESH = { CACHE_MAX_AGE: "0" };
const SLOW = { timeout: 60_000 };

interface VersionsJson {
  letter: { slug: string; url: string };
  versions: (TextVersion & { seq: number })[];
}

/** What `npm run verify` concludes about the letter at `address`. */
function verifyLetterRecord(address: string) {
  return verifyLetter(address, { fetch: appFetch(), ed25519Verify: noble.verifyAsync });
}

function fetchJson(url: string): Promise<unknown> {
  const { pathname, search } = new URL(url);
  return fetchApp(`${pathname}${search}`, FRESH).then((response) => response.json());
}

async function versionsOf(slug: string): Promise<VersionsJson> {
  const response = await fetchApp(`/letters/${slug}/versions.json`, FRESH);
  expect(response.status).toBe(200);
  return response.json<VersionsJson>();
}

/** The refs of the letter's versions, oldest first. */
async function refsOf(slug: string): Promise<string[]> {
  return (await versionsOf(slug)).versions.map((version) => version.ref);
}

/** The letter's text entries in the record, as stored (sealed or not), and its record length. */
async function textEntries(slug: string) {
  const { results } = await env.DB.prepare(
    `SELECT e.seq, e.ref, e.kind, e.salt, e.digest FROM record_entries e JOIN letters l ON l.id = e.letter_id
     WHERE l.slug = ?1 AND e.event = 'text' ORDER BY e.seq`,
  )
    .bind(slug)
    .all<{ seq: number; ref: string; kind: null; salt: null; digest: string }>();
  const letter = await env.DB.prepare("SELECT record_length FROM letters WHERE slug = ?1")
    .bind(slug)
    .first<{ record_length: number }>();
  return { entries: results, length: letter!.record_length };
}

/** Every entry of the letter's record, through record.json, as a verifier reads it. */
async function recordOf(slug: string): Promise<SealedRecordEntry[]> {
  const entries: SealedRecordEntry[] = [];
  let url: string | null = `${ORIGIN}/letters/${slug}/record.json`;
  while (url) {
    const page = (await fetchJson(url)) as { entries: SealedRecordEntry[]; next_url: string | null };
    entries.push(...page.entries);
    url = page.next_url;
  }
  return entries;
}

/** The record's text entries checked against versions.json, read after it (as checkTextVersions asks). */
async function checkLetter(slug: string): Promise<string[]> {
  const entries = await recordOf(slug);
  return checkTextVersions(entries, (await versionsOf(slug)).versions);
}

const editorFields = (slug: string, overrides: Record<string, string> = {}) =>
  letterEditorFields(slug, {
    body: "Dear Secretary General:\n\nWe ask for a fair process in Honduras.\n\nSincerely,",
    ...overrides,
  });

const SPANISH = SPANISH_TRANSLATION;

let session: OrganizerSession | undefined;
async function organizer(): Promise<OrganizerSession> {
  session ??= await logIn();
  return session;
}

async function post(path: string, fields: Record<string, string>): Promise<void> {
  const response = await organizerPost(await organizer(), path, fields);
  expect(response.status, path).toBe(303);
}

/** A draft written in the organizer area, with a Spanish translation; its slug. */
async function draftWithTranslation(): Promise<string> {
  const slug = uniqueSlug("versions");
  await post("/admin/letters", editorFields(slug));
  await post(`/admin/letters/${slug}/translations/es`, SPANISH);
  return slug;
}

async function runMaintenanceJob(): Promise<void> {
  await worker.scheduled(
    createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }),
    { ...env, PUBLIC_URL: ORIGIN },
    createExecutionContext(),
  );
}

describe("the organizer area", SLOW, () => {
  it("publishes a draft's text in every language it has as versions, and none of a draft's edits", async () => {
    const slug = await draftWithTranslation();
    // Edits of a draft were never public.
    await post(`/admin/letters/${slug}`, editorFields(slug, { body: "A draft's second thought, never published." }));
    await post(`/admin/letters/${slug}`, editorFields(slug));
    expect((await textEntries(slug)).entries).toEqual([]);
    expect((await fetchApp(`/letters/${slug}/versions.json`, FRESH)).status).toBe(404);

    await post(`/admin/letters/${slug}/state`, { change: "publish" });
    const { versions } = await versionsOf(slug);
    expect(versions.map((version) => [version.ref, version.seq, version.number])).toEqual([
      ["en@1", 1, 1],
      ["es@1", 2, 1],
    ]);
    expect(versions[0]).toMatchObject({
      language: "en",
      title: "Letter on a fair process",
      body_markdown: "Dear Secretary General:\n\nWe ask for a fair process in Honduras.\n\nSincerely,",
    });
    expect(versions[1]).toMatchObject({ language: "es", title: SPANISH.title, body_markdown: SPANISH.body });
    expect(JSON.stringify(versions)).not.toContain("second thought");
    for (const version of versions) expect(version.digest).toBe(await textVersionDigest(version));
    // Each is a text entry of the record, with the version's digest, no kind and no public field.
    const { entries, length } = await textEntries(slug);
    expect(length).toBe(2);
    expect(entries).toEqual(
      versions.map((version) => ({
        seq: version.seq,
        ref: version.ref,
        kind: null,
        salt: null,
        digest: version.digest,
      })),
    );
  });

  it("adds a version when a published letter's text or a translation changes, and none when it is saved unchanged", async () => {
    const slug = await draftWithTranslation();
    await post(`/admin/letters/${slug}/state`, { change: "publish" });
    expect(await refsOf(slug)).toEqual(["en@1", "es@1"]);

    // Saved as it is: nothing new was published.
    await post(`/admin/letters/${slug}`, editorFields(slug));
    await post(`/admin/letters/${slug}/translations/es`, SPANISH);
    expect(await refsOf(slug)).toEqual(["en@1", "es@1"]);
    // A setting is not the text.
    await post(`/admin/letters/${slug}`, editorFields(slug, { confirm_signatures: "yes" }));
    expect(await refsOf(slug)).toEqual(["en@1", "es@1"]);

    await post(`/admin/letters/${slug}`, editorFields(slug, { title: "Letter on a fair and open process" }));
    await post(`/admin/letters/${slug}/translations/es`, { ...SPANISH, body: `${SPANISH.body}\n\nAtentamente,` });
    await post(`/admin/letters/${slug}/translations/fr`, {
      title: "Lettre pour un processus équitable",
      addressee: "Son Excellence",
      summary: "",
      body: "Nous demandons un processus équitable.",
    });
    // Going back to an earlier text is a new version too: it is what is public now.
    await post(`/admin/letters/${slug}`, editorFields(slug));
    const { versions } = await versionsOf(slug);
    expect(versions.map((version) => [version.ref, version.seq])).toEqual([
      ["en@1", 1],
      ["es@1", 2],
      ["en@2", 3],
      ["es@2", 4],
      ["fr@1", 5],
      ["en@3", 6],
    ]);
    expect(versions[2]!.title).toBe("Letter on a fair and open process");
    expect(versions[5]!.digest).toBe(versions[0]!.digest);
    expect((await textEntries(slug)).length).toBe(6);
    expect(await checkLetter(slug)).toEqual([]);
  });

  it("publishes again only what changed while the letter was back to being a draft", async () => {
    const slug = await draftWithTranslation();
    await post(`/admin/letters/${slug}/state`, { change: "publish" });
    await post(`/admin/letters/${slug}/state`, { change: "unpublish", confirmed: "yes" });
    await post(`/admin/letters/${slug}`, editorFields(slug, { body: "Rewritten while a draft." }));
    await post(`/admin/letters/${slug}`, editorFields(slug, { body: "Rewritten again while a draft." }));
    expect((await textEntries(slug)).length).toBe(2);
    await post(`/admin/letters/${slug}/state`, { change: "publish" });
    const { versions } = await versionsOf(slug);
    // The Spanish text did not change: only the English one is new, and only as last published.
    expect(versions.map((version) => version.ref)).toEqual(["en@1", "es@1", "en@2"]);
    expect(versions[2]!.body_markdown).toBe("Rewritten again while a draft.");
  });
});

describe("the loader of content/", () => {
  it("publishes a published letter's text and translations before its signatories, and nothing again on a reload", async () => {
    const letter = await createLetter({
      organizations: ["AFL-CIO"],
      translations: [translation("es", "Carta", "Pedimos un proceso justo.")],
    });
    const { versions } = await versionsOf(letter.slug);
    expect(versions.map((version) => [version.ref, version.seq])).toEqual([
      ["en@1", 1],
      ["es@1", 2],
    ]);
    expect(versions[0]!.body_markdown).toBe(letter.bodyMarkdown);
    const loaded = await textEntries(letter.slug);
    expect(loaded.length).toBe(3);

    await runStatements(await letterDocumentStatements(letter));
    expect(await textEntries(letter.slug)).toEqual(loaded);

    const edited = { ...letter, bodyMarkdown: `${letter.bodyMarkdown}\n\nP.S. Thank you.` };
    await runStatements(await letterDocumentStatements(edited));
    await runStatements(await letterDocumentStatements(edited));
    const translated = {
      ...edited,
      translations: [
        { ...translation("es", "Carta", "Pedimos un proceso justo y libre."), translationOf: letter.slug },
      ],
    };
    await runStatements(await letterDocumentStatements(translated));
    expect(await refsOf(letter.slug)).toEqual(["en@1", "es@1", "en@2", "es@2"]);
    expect((await textEntries(letter.slug)).length).toBe(5);
    expect(await checkLetter(letter.slug)).toEqual([]);
  });

  it("publishes nothing of a draft file, and its text once the file says it is open", async () => {
    const letter = await createLetter({ status: "draft" });
    expect((await textEntries(letter.slug)).entries).toEqual([]);
    await runStatements(await letterDocumentStatements({ ...letter, title: "Still a draft" }));
    expect((await textEntries(letter.slug)).entries).toEqual([]);
    await runStatements(await letterDocumentStatements({ ...letter, status: "open" }));
    expect((await versionsOf(letter.slug)).versions.map((version) => [version.ref, version.title])).toEqual([
      ["en@1", letter.title],
    ]);
  });
});

describe("the maintenance job", SLOW, () => {
  it("publishes the current text of a letter published before versions were kept, once", async () => {
    const letter = await createLetter({ status: "draft", organizations: ["WOLA"] });
    // Published before migrations/0014: no version, no text entry.
    await runStatements([`UPDATE letters SET status = 'open' WHERE slug = '${letter.slug}'`]);
    expect((await textEntries(letter.slug)).entries).toEqual([]);
    await runMaintenanceJob();
    const { versions } = await versionsOf(letter.slug);
    // After the record's existing entry.
    expect(versions.map((version) => [version.ref, version.seq])).toEqual([["en@1", 2]]);
    await runMaintenanceJob();
    expect((await textEntries(letter.slug)).length).toBe(2);
    expect(await checkLetter(letter.slug)).toEqual([]);
  });
});

describe("versions.json and the versions page", SLOW, () => {
  it("publish each version with what changed, linked from the letter's 'updated on' and its JSON", async () => {
    const slug = await draftWithTranslation();
    await post(`/admin/letters/${slug}/state`, { change: "publish" });
    expect((await postSignature(slug, individual({ name: "Early Signer" }))).status).toBe(303);
    await post(
      `/admin/letters/${slug}`,
      editorFields(slug, { body: "Dear Secretary General:\n\nWe ask for a free process in Honduras.\n\nSincerely," }),
    );

    const json = await fetchApp(`/letters/${slug}/versions.json`, FRESH);
    expect(json.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await json.json<VersionsJson>()).toMatchObject({
      letter: { slug, url: `${ORIGIN}/letters/${slug}` },
      versions: [{ ref: "en@1" }, { ref: "es@1" }, { ref: "en@2" }],
    });
    const letterJson = await (await fetchApp(`/letters/${slug}.json`, FRESH)).json<{ versions_url: string }>();
    expect(letterJson.versions_url).toBe(`${ORIGIN}/letters/${slug}/versions.json`);

    const { document: letterPage } = await getPage(`/letters/${slug}`);
    const updated = letterPage.querySelector(".meta a[href*='/versions']");
    expect(updated?.getAttribute("href")).toBe(`/letters/${slug}/versions?lang=en`);
    expect(updated?.textContent).toMatch(/^Updated on /);

    const { response, document } = await getPage(`/letters/${slug}/versions`);
    expect(response.status).toBe(200);
    expect(document.querySelector("h1")?.textContent).toBe("Versions of the text");
    expect(texts(document, "section h2")).toEqual(["English", "Español"]);
    const english = document.querySelectorAll("section")[0]!;
    expect(texts(english, "li.version h3")).toEqual(["Version 1", "Version 2"]);
    const [first, second] = english.querySelectorAll("li.version");
    expect(texts(first!, ".version-facts dd")).toEqual([
      expect.any(String),
      "1",
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    expect(first!.querySelectorAll("ins, del")).toHaveLength(0);
    // After en@1, es@1 and the signature.
    expect(texts(second!, ".version-facts dd")[1]).toBe("4");
    expect(second!.querySelector(".version-facts dd a")?.getAttribute("href")).toBe(
      `/letters/${slug}/record/4?lang=en`,
    );
    // And the entry's page leads back to the version.
    const { document: entryPage } = await getPage(`/letters/${slug}/record/4`);
    expect(entryPage.querySelector(".record-details a")?.getAttribute("href")).toBe(
      `/letters/${slug}/versions?lang=en#version-en-2`,
    );
    expect(texts(second!, ".version-fields dt")).toEqual(["Text"]);
    // The word that changed, and nothing else, is marked, with words a screen reader says.
    expect(texts(second!, "del")).toEqual(["removed: fair"]);
    expect(texts(second!, "ins")).toEqual(["added: free"]);
    expect(second!.querySelector("ins .visually-hidden")?.textContent).toBe(" added: ");
    expect(texts(second!, ".version-text")[0]).toContain("We ask for a removed: fair added: free process");

    // In Spanish, the page speaks Spanish.
    const { document: spanish } = await getPage(`/letters/${slug}/versions?lang=es`);
    expect(spanish.querySelector("html")?.getAttribute("lang")).toBe("es");
    expect(spanish.querySelector("h1")?.textContent).toBe("Versiones del texto");
    expect(texts(spanish, "section h2")).toEqual(["Español", "English"]);
    expect(texts(spanish, "ins")).toEqual(["añadido: free"]);
  });

  it("are refreshed, with the letter's JSON, when a version is added (cache on)", async () => {
    const slug = await draftWithTranslation();
    await post(`/admin/letters/${slug}/state`, { change: "publish" });
    const paths = [`/letters/${slug}/versions.json`, `/letters/${slug}/versions`, `/letters/${slug}.json`];
    for (const path of paths) {
      await (await fetchApp(path)).body?.cancel();
      const again = await fetchApp(path);
      expect(again.headers.get("X-Cache"), path).toBe("HIT");
      await again.body?.cancel();
    }
    await post(`/admin/letters/${slug}`, editorFields(slug, { title: "A corrected title" }));
    await post(`/admin/letters/${slug}/translations/es`, { ...SPANISH, title: "Un título corregido" });
    const versions = await fetchApp(paths[0]!);
    expect(versions.headers.get("X-Cache")).toBe("MISS");
    expect((await versions.json<VersionsJson>()).versions.map((version) => version.ref)).toEqual([
      "en@1",
      "es@1",
      "en@2",
      "es@2",
    ]);
    const page = await fetchApp(paths[1]!);
    expect(page.headers.get("X-Cache")).toBe("MISS");
    expect(texts(parseHtml(await page.text()), "li.version h3")).toEqual([
      "Version 1",
      "Version 2",
      "Version 1",
      "Version 2",
    ]);
    const letter = await fetchApp(paths[2]!);
    expect(letter.headers.get("X-Cache")).toBe("MISS");
    expect((await letter.json<{ title: string; record: { length: number } }>()).title).toBe("A corrected title");
  });

  it("answer 404 for a draft and a letter that does not exist", async () => {
    const draft = await createLetter({ status: "draft" });
    for (const path of [`/letters/${draft.slug}/versions.json`, `/letters/${draft.slug}/versions`]) {
      expect((await fetchApp(path, FRESH)).status, path).toBe(404);
    }
    expect((await fetchApp("/letters/no-such-letter/versions.json", FRESH)).status).toBe(404);
  });
});

describe("checked against the record", SLOW, () => {
  /** A published letter with an edit and a translation, its record sealed; its id. */
  async function editedLetter(): Promise<{ slug: string; id: number }> {
    const slug = await draftWithTranslation();
    await post(`/admin/letters/${slug}/state`, { change: "publish" });
    expect((await postSignature(slug, individual())).status).toBe(303);
    await post(`/admin/letters/${slug}`, editorFields(slug, { title: "A corrected title" }));
    expect((await postSignature(slug, individual())).status).toBe(303);
    // Read once, so that the record is sealed before any tampering.
    expect(await recordOf(slug)).toHaveLength(5);
    const { id } = (await env.DB.prepare("SELECT id FROM letters WHERE slug = ?1").bind(slug).first<{ id: number }>())!;
    return { slug, id };
  }

  it("an untouched letter passes, and its record still verifies with counts unaffected by text entries", async () => {
    const { slug } = await editedLetter();
    expect(await checkLetter(slug)).toEqual([]);
    expect(await verifyLetterRecord(`${ORIGIN}/letters/${slug}`)).toMatchObject({
      ok: true,
      problems: [],
      entries: 5,
      counts: { total: 2, organizations: 0, individuals: 2 },
    });
  });

  it("a stored version can't be changed, and one changed behind the trigger's back is named by its ref", async () => {
    const { slug, id } = await editedLetter();
    await expect(
      runStatements([
        `UPDATE text_versions SET body_markdown = 'We never asked.' WHERE letter_id = ${id} AND number = 1`,
      ]),
    ).rejects.toThrow(/never changes/);
    const trigger = (await env.DB.prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'text_versions_unchanged'",
    ).first<{ sql: string }>())!.sql;
    await runStatements([
      "DROP TRIGGER text_versions_unchanged",
      `UPDATE text_versions SET body_markdown = 'We never asked.' WHERE letter_id = ${id} AND language = 'en' AND number = 1`,
      trigger,
    ]);
    expect((await versionsOf(slug)).versions[0]!.body_markdown).toBe("We never asked.");
    const problems = await checkLetter(slug);
    expect(problems).toEqual([
      "The text version en@1 is not the text entry 1 recorded: it was changed after it was published.",
    ]);
  });

  it("a version whose digest was recomputed to match is caught by the record's own hashes", async () => {
    const { slug, id } = await editedLetter();
    const forged = await textVersionDigest({
      language: "es",
      title: SPANISH.title,
      summary: SPANISH.summary,
      addressee: SPANISH.addressee,
      body_markdown: "No pedimos nada.",
    });
    const trigger = (await env.DB.prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'text_versions_unchanged'",
    ).first<{ sql: string }>())!.sql;
    await runStatements([
      "DROP TRIGGER text_versions_unchanged",
      `UPDATE text_versions SET body_markdown = 'No pedimos nada.', digest = '${forged}' WHERE letter_id = ${id} AND language = 'es'`,
      `UPDATE record_entries SET digest = '${forged}' WHERE letter_id = ${id} AND ref = 'es@1'`,
      trigger,
    ]);
    // The versions and the entries agree, but the entry no longer matches its leaf in the tree.
    expect(await checkLetter(slug)).toEqual([]);
    const verification = await verifyLetterRecord(`${ORIGIN}/letters/${slug}`);
    expect(verification.ok).toBe(false);
    expect(verification.problems.join(" ")).toMatch(/Entry 2 does not match its hash/);
  });

  it("a version missing from the record is named", async () => {
    const { slug, id } = await editedLetter();
    // The middle version's entry deleted (the record's hashes break too: see record.test.ts).
    const { seq } = (await env.DB.prepare(
      "SELECT seq FROM text_versions WHERE letter_id = ?1 AND language = 'en' AND number = 2",
    )
      .bind(id)
      .first<{ seq: number }>())!;
    await runStatements([`DELETE FROM record_entries WHERE letter_id = ${id} AND seq = ${seq}`]);
    expect(await checkLetter(slug)).toEqual(["The text version en@2 is published but not in the record."]);
  });
});
