/**
 * Attacks on the public record's server side (issue 13): steps that go
 * between the writers of the record, and what its cached copies, its
 * checkpoints and its new addresses show afterwards. Each test was a fault.
 */
import * as noble from "@noble/ed25519";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Ed25519Verify } from "../../src/domain/signed-note";
import { verifyLetter } from "../../src/domain/verify-record";
import { letterDocumentStatements } from "../../src/storage/letters-sql";
import {
  appFetch,
  createLetter,
  fetchApp,
  logIn,
  ORIGIN,
  organizerPost,
  runStatements,
  uniqueSlug,
  type OrganizerSession,
  letterEditorFields,
} from "../helpers";

const FRESH = { CACHE_MAX_AGE: "0" };

const nobleVerify: Ed25519Verify = (signature, message, publicKey) =>
  noble.verifyAsync(signature, message, publicKey, { zip215: false });

/** npm run verify on the letter, in the worker: its problems (none when it verifies). */
async function verifyProblems(slug: string): Promise<string[]> {
  const result = await verifyLetter(`${ORIGIN}/letters/${slug}`, { fetch: appFetch(), ed25519Verify: nobleVerify });
  return result.problems;
}
const SLOW = { timeout: 60_000 };

let session: OrganizerSession | undefined;
async function organizer(): Promise<OrganizerSession> {
  session ??= await logIn();
  return session;
}

async function post(path: string, fields: Record<string, string>): Promise<Response> {
  return organizerPost(await organizer(), path, fields);
}

const editorFields = letterEditorFields;

interface CheckpointsJson {
  checkpoints: { size: number; root: string; note: string }[];
}

async function checkpointsOf(slug: string): Promise<CheckpointsJson["checkpoints"]> {
  const response = await fetchApp(`/letters/${slug}/checkpoints`, FRESH);
  expect(response.status).toBe(200);
  return (await response.json<CheckpointsJson>()).checkpoints;
}

describe("a letter that was published, then went back to being a draft", SLOW, () => {
  it("keeps its address: every checkpoint it publishes names the letter it is of", async () => {
    const slug = uniqueSlug("renamed");
    expect((await post("/admin/letters", editorFields(slug))).status).toBe(303);
    expect((await post(`/admin/letters/${slug}/state`, { change: "publish" })).status).toBe(303);
    // A reader signs the record's first checkpoint, "undersigned.test/letters/{slug}".
    expect((await checkpointsOf(slug)).map((checkpoint) => checkpoint.note.split("\n")[0])).toEqual([
      `undersigned.test/letters/${slug}`,
    ]);
    expect((await post(`/admin/letters/${slug}/state`, { change: "unpublish", confirmed: "yes" })).status).toBe(303);
    const renamed = uniqueSlug("renamed");
    await post(`/admin/letters/${slug}`, editorFields(renamed, { body: "Rewritten while a draft." }));
    const now = (await env.DB.prepare("SELECT slug FROM letters WHERE slug IN (?1, ?2)")
      .bind(slug, renamed)
      .first<{ slug: string }>())!.slug;
    await post(`/admin/letters/${now}/state`, { change: "publish" });
    for (const checkpoint of await checkpointsOf(now)) {
      expect(checkpoint.note.split("\n")[0]).toBe(`undersigned.test/letters/${now}`);
    }
  });

  it("can't be deleted, so no other letter takes its address and signs another record under the same name", async () => {
    const slug = uniqueSlug("deleted");
    expect((await post("/admin/letters", editorFields(slug))).status).toBe(303);
    expect((await post(`/admin/letters/${slug}/state`, { change: "publish" })).status).toBe(303);
    const [kept] = await checkpointsOf(slug);
    expect(kept!.size).toBe(1);
    expect((await post(`/admin/letters/${slug}/state`, { change: "unpublish", confirmed: "yes" })).status).toBe(303);
    expect((await post(`/admin/letters/${slug}/delete`, { confirmed: "yes" })).status).toBe(409);
    // Another letter at the same address: its record of one entry must be the one kept.
    await post("/admin/letters", editorFields(slug, { body: "Another letter altogether." }));
    await post(`/admin/letters/${slug}/state`, { change: "publish" });
    const [first] = (await checkpointsOf(slug)).filter((checkpoint) => checkpoint.size === kept!.size);
    expect(first?.root).toBe(kept!.root);
  });
});

describe("the loader of content/", SLOW, () => {
  it("keeps the list and the record agreeing when a file changes a signatory's details", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"], individuals: ["Ana Pérez"] });
    expect(await verifyProblems(letter.slug)).toEqual([]);
    const edited = {
      ...letter,
      signatories: letter.signatories.map((signatory) =>
        signatory.name === "Ana Pérez" ? { ...signatory, title: "Professor", city: "Tegucigalpa" } : signatory,
      ),
    };
    await runStatements(await letterDocumentStatements(edited));
    const listed = await (
      await fetchApp(`/letters/${letter.slug}/signatories.json`, FRESH)
    ).json<{
      signatories: { name: string; title: string | null }[];
    }>();
    expect(listed.signatories.find((signatory) => signatory.name === "Ana Pérez")?.title).toBe("Professor");
    expect(await verifyProblems(letter.slug)).toEqual([]);
  });
});
