/**
 * Every organizer action that exists is in the activity log (issue 15), through HTTP as an
 * organizer makes it: letters (created, edited, stages, translations, deleted), moderation (one,
 * bulk, by hand, verification, order), exports, imports and webhooks; each with who, which
 * letter and signature, and what changed. Never a secret, a webhook's path or a signer's email.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createLetter,
  letterEditorFields,
  logIn,
  organizerFetch,
  organizerPost,
  SPANISH_TRANSLATION,
  uniqueSlug,
} from "../helpers";
import { unworded } from "../activity-words";
import { importIdOf, upload } from "../imports";
import { letterIdOf, seedSignatures } from "../seed";

interface Entry {
  organizer_id: number | null;
  organizer_name: string | null;
  action: string;
  letter_id: number | null;
  letter_title: string | null;
  signature_id: number | null;
  before: unknown;
  after: unknown;
  detail: string | null;
}

/** The log's entries about the letter `letterId` (or, with null, every entry after `afterId`), oldest first. */
async function entries(where: { letterId?: number; afterId?: number }): Promise<Entry[]> {
  const { results } = await env.DB.prepare(
    `SELECT * FROM organizer_activity WHERE (?1 IS NULL OR letter_id = ?1) AND id > ?2 ORDER BY id`,
  )
    .bind(where.letterId ?? null, where.afterId ?? 0)
    .all<Entry & { before_json: string | null; after_json: string | null }>();
  return results.map(({ before_json, after_json, ...row }) => ({
    ...row,
    before: before_json ? (JSON.parse(before_json) as unknown) : null,
    after: after_json ? (JSON.parse(after_json) as unknown) : null,
  }));
}

async function lastId(): Promise<number> {
  const row = await env.DB.prepare("SELECT max(id) AS id FROM organizer_activity").first<{ id: number | null }>();
  return row?.id ?? 0;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const OWNER = { organizer_id: 1, organizer_name: "Owner (admin token)" };
const CONFIRMED = { confirmed: "yes" };

describe("the activity log", () => {
  it("keeps a letter's life: created, edited, published, closed, reopened, translated, delivered", async () => {
    const session = await logIn();
    const slug = uniqueSlug("log");
    expect((await organizerPost(session, "/admin/letters", letterEditorFields(slug))).status).toBe(303);
    const letterId = await letterIdOf(slug);
    const path = `/admin/letters/${slug}`;
    const edit = letterEditorFields(slug, { title: "A fairer process", body: "Dear all:\n\nA new text." });
    expect((await organizerPost(session, path, edit)).status).toBe(303);
    for (const change of ["publish", "close", "reopen"]) {
      expect((await organizerPost(session, `${path}/state`, { change, ...CONFIRMED })).status, change).toBe(303);
    }
    expect((await organizerPost(session, `${path}/translations/es`, SPANISH_TRANSLATION)).status).toBe(303);
    expect((await organizerPost(session, `${path}/translations/es/delete`, CONFIRMED)).status).toBe(303);
    await organizerPost(session, `${path}/state`, { change: "close", ...CONFIRMED });
    const delivered = await organizerPost(session, `${path}/state`, { change: "deliver", delivered_on: "2020-01-02" });
    expect(delivered.status).toBe(303);

    const log = await entries({ letterId });
    expect(log.map((entry) => entry.action)).toEqual([
      "letter-created",
      "letter-edited",
      "letter-published",
      "letter-closed",
      "letter-reopened",
      "translation-saved",
      "translation-deleted",
      "letter-closed",
      "letter-delivered",
    ]);
    for (const entry of log) expect(entry).toMatchObject(OWNER);
    expect(log[0]).toMatchObject({ after: { title: "Letter on a fair process", slug } });
    expect(log[1]).toMatchObject({
      before: { title: "Letter on a fair process" },
      after: { title: "A fairer process" },
      detail: "The text changed: its versions are in the letter's history.",
      letter_title: "A fairer process",
    });
    expect(log[2]).toMatchObject({ before: { stage: "draft" }, after: { stage: "open" } });
    expect(log[5]).toMatchObject({ after: { language: "es" }, detail: "A Spanish translation was added." });
    expect(log[8]).toMatchObject({
      before: { stage: "closed" },
      after: { stage: "delivered", deliveredOn: "2020-01-02" },
    });
  });

  it("names a deleted draft by its title", async () => {
    const session = await logIn();
    const slug = uniqueSlug("deleted");
    await organizerPost(session, "/admin/letters", letterEditorFields(slug, { title: "Soon gone" }));
    const letterId = await letterIdOf(slug);
    const before = await lastId();
    expect((await organizerPost(session, `/admin/letters/${slug}/delete`, CONFIRMED)).status).toBe(303);
    // The letter's earlier entries lose their link (another letter may take its id) and keep its title.
    expect(await entries({ afterId: before })).toMatchObject([
      { ...OWNER, action: "letter-deleted", letter_id: null, before: { title: "Soon gone", slug } },
    ]);
    const created = await env.DB.prepare(
      "SELECT letter_id, letter_title FROM organizer_activity WHERE action = 'letter-created' AND letter_title = 'Soon gone'",
    ).first();
    expect(created).toEqual({ letter_id: null, letter_title: "Soon gone" });
    expect(letterId).toBeGreaterThan(0);
  });

  it("keeps each moderation, one by one and in bulk, a hand entry, a verification and the order", async () => {
    const letter = await createLetter();
    const letterId = await letterIdOf(letter.slug);
    const [one, two, three, org] = await seedSignatures(letter.slug, [
      { name: "One", email: "one-signer@example.org" },
      { name: "Two" },
      { name: "Three" },
      { kind: "organization", name: "Moderated Org" },
    ]);
    const session = await logIn();
    const list = `/admin/letters/${letter.slug}/signatures`;
    expect((await organizerPost(session, `${list}/${one!.ref}/hide`, {})).status).toBe(303);
    const bulk = { action: "hide", scope: "selected", ref: [two!.ref, three!.ref], step: "apply" };
    expect((await organizerPost(session, `${list}/bulk`, bulk)).status).toBe(303);
    const hand = { kind: "individual", name: "Paper Signer", received: "paper", public: "1" };
    expect((await organizerPost(session, list, hand)).status).toBe(303);
    expect((await organizerPost(session, `${list}/${org!.ref}/verify`, {})).status).toBe(303);
    const order = await organizerPost(session, `/admin/letters/${letter.slug}/order`, {
      [`position-${org!.ref}`]: "1",
    });
    expect(order.status).toBe(303);

    const log = await entries({ letterId });
    expect(log.map((entry) => [entry.action, entry.signature_id, entry.detail])).toEqual([
      ["signature-hidden", one!.id, null],
      ["signature-hidden", two!.id, "In bulk."],
      ["signature-hidden", three!.id, "In bulk."],
      ["signature-entered", expect.any(Number), "On paper."],
      ["organization-verified", org!.id, null],
      ["organizations-reordered", null, expect.stringMatching(/^1 organization placed/)],
    ]);
    expect(log[0]).toMatchObject({ ...OWNER, before: { status: "confirmed" }, after: { status: "hidden" } });
    expect(log[4]).toMatchObject({ before: { verified: "no" }, after: { verified: "organizers" } });
    expect(JSON.stringify(log)).not.toMatch(/@example\.org/);
  });

  it("says who downloaded which personal data, never the search typed; the delivery document holds none", async () => {
    const letter = await createLetter();
    const letterId = await letterIdOf(letter.slug);
    await seedSignatures(letter.slug, [{ email: "searched@example.org" }]);
    const session = await logIn();
    const base = `/admin/letters/${letter.slug}`;
    expect((await organizerFetch(session, `${base}/signatures.csv?status=confirmed`)).status).toBe(200);
    expect((await organizerFetch(session, `${base}/signatures.csv?status=all&q=searched%40example.org`)).status).toBe(
      200,
    );
    expect((await organizerFetch(session, `${base}/delivery`)).status).toBe(200);
    const log = await entries({ letterId });
    expect(log.map((entry) => [entry.action, entry.detail])).toEqual([
      ["export-downloaded", "The signatures' CSV file: the counted signatures."],
      ["export-downloaded", "The signatures' CSV file: every signature, whatever its status, narrowed by a filter."],
    ]);
    expect(JSON.stringify(log)).not.toMatch(/searched/);
  });

  it("keeps imports created and discarded", async () => {
    const letter = await createLetter();
    const letterId = await letterIdOf(letter.slug);
    const session = await logIn();
    const created = await upload(session, letter.slug, { paste: "name,email\nAda,ada@example.org\n" });
    const id = importIdOf(created);
    expect((await organizerPost(session, `/admin/imports/${letter.slug}/${id}/discard`, CONFIRMED)).status).toBe(303);
    expect((await entries({ letterId })).map((entry) => [entry.action, entry.detail])).toEqual([
      ["import-created", `“pasted rows” (import ${id}).`],
      ["import-discarded", `“pasted rows” (import ${id}).`],
    ]);
  });

  it("keeps webhook changes by their site only, and test deliveries", async () => {
    const letter = await createLetter();
    const letterId = await letterIdOf(letter.slug);
    const session = await logIn();
    const path = `/admin/letters/${letter.slug}/notifications`;
    const saved = await organizerPost(session, path, {
      webhook_url: "https://hooks.example.org/services/T0/B0/secretpart",
      summary_email: "",
    });
    expect(saved.status).toBe(303);
    vi.spyOn(globalThis, "fetch").mockImplementation(() => Promise.resolve(new Response("ok", { status: 200 })));
    await organizerPost(session, `${path}/test`, {});
    const log = await entries({ letterId });
    expect(log[0]).toMatchObject({
      ...OWNER,
      action: "webhook-changed",
      before: { webhook: "none" },
      after: { webhook: "https://hooks.example.org" },
    });
    expect(log[1]).toMatchObject({
      action: "webhook-tested",
      after: { webhook: "https://hooks.example.org", answer: 200 },
    });
    expect(JSON.stringify(log)).not.toMatch(/secretpart|whsec/);
  });

  it("has words, in every organizer language, for each field, value and detail it kept above", async () => {
    expect(await lastId()).toBeGreaterThan(20);
    expect(await unworded()).toEqual([]);
  });
});
