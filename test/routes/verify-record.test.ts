/**
 * `npm run verify`'s checks (src/domain/verify-record.ts) against the app
 * and its real local D1: an untouched letter verifies, and each way of
 * tampering with the database behind the record's back fails with a
 * sentence naming what differs. Checkpoints are the app's own, signed with
 * vitest.config.ts's RECORD_SIGNING_KEY when a document shows them (and by
 * the minute job), read from its real routes (the letter's JSON, its
 * checkpoints, an entry's page, the key at
 * /.well-known/undersigned-record-key) and checked with @noble/ed25519, not
 * the Web Crypto that signed them. A server that publishes other
 * checkpoints (forged, for another letter, by another key, misquoted) is
 * the app with its documents edited. Then a hostile server: the verifier
 * follows nothing off the letter's origin and stops at its limits.
 */
import * as noble from "@noble/ed25519";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { appDeps } from "../../src/app/deps";
import { checkpointRecords } from "../../src/app/checkpoints";
import { readSettings } from "../../src/env";
import { hashFromHex, hashHex, MerkleFrontier } from "../../src/domain/merkle";
import { detailsDigest, entryLeafHash, type RecordEntry, type SealedRecordEntry } from "../../src/domain/record";
import {
  checkpointText,
  fromBase64,
  generateSignerKey,
  parseSignerKey,
  signNote,
  toBase64,
  type Ed25519Verify,
  type NoteSigner,
} from "../../src/domain/signed-note";
import { textVersionDigest, type TextVersion } from "../../src/domain/text-versions";
import { verificationReport } from "../../src/domain/verify-report";
import {
  CannotVerify,
  checkSignatoryList,
  checkpointToKeep,
  eventSummary,
  parseSavedRecord,
  parseSinceArgument,
  savedRecord,
  verifyLetter,
  type Fetch,
  type VerifyOptions,
} from "../../src/domain/verify-record";
import { seedLetterStatements } from "../../src/storage/seed";
import { changeSignatureStatus } from "../../src/storage/signatures";
import { appFetch, createLetter, ORIGIN, runStatements, uniqueSlug } from "../helpers";
import { letterIdOf, seedSignatures } from "../seed";

const nobleVerify: Ed25519Verify = (signature, message, publicKey) =>
  noble.verifyAsync(signature, message, publicKey, { zip215: false });

function verify(slug: string, options: Partial<VerifyOptions> = {}) {
  return verifyLetter(`${ORIGIN}/letters/${slug}`, { fetch: appFetch(), ed25519Verify: nobleVerify, ...options });
}

/** The verifier key of vitest.config.ts's RECORD_SIGNING_KEY: the app's. */
const TEST_VERIFIER_KEY = "undersigned.test+5e6766fc+AZCK5uPNoelJq7DzsFcgTrOJb1DYUwRu8EY4tQ0hQVrM";
/** The app without a signing key: it signs no checkpoint, and its key's address answers 404. */
const NO_KEY = { RECORD_SIGNING_KEY: "" };

/** The app's own signer, for a server that signs what it should not. */
const appSigner = await parseSignerKey(env.RECORD_SIGNING_KEY!);

/** The minute job's checkpoints (src/index.ts CRONS.checkpoints): each letter whose record moved gets one now. */
async function runCheckpointJob(): Promise<void> {
  await checkpointRecords(appDeps(env, readSettings(env)));
}

interface Published {
  size: number;
  root: string;
  time: string;
  note: string;
}

/** The checkpoint the letter's JSON shows (reading it signs one when due), as the checkpoints page lists it. */
async function publishedCheckpoint(slug: string): Promise<Published> {
  const letter = await (
    await appFetch()(`${ORIGIN}/letters/${slug}.json`)
  ).json<{ record: { checkpoint: Published } }>();
  const { size, root, time, note } = letter.record.checkpoint;
  return { size, root, time, note };
}

/** `checkpoint` signed again, by `key` and for the log `origin` (this letter's, by the key's name, unless given). */
async function resigned(
  slug: string,
  checkpoint: Published,
  { key = appSigner, origin = `${key.name}/letters/${slug}` }: { key?: NoteSigner; origin?: string } = {},
): Promise<Published> {
  const { size, root, time } = checkpoint;
  return { ...checkpoint, note: await signNote(checkpointText({ origin, size, root: hashFromHex(root)!, time }), key) };
}

/** Rewrites the JSON documents `fetch` answers with `edit(pathname, json)` (a server that publishes something else). */
function editJson(fetch: Fetch, edit: (pathname: string, json: Record<string, unknown>) => unknown): Fetch {
  return async (url, init) => {
    const response = await fetch(url, init);
    if (!response.headers.get("Content-Type")?.includes("json")) return response;
    return Response.json(await edit(new URL(url).pathname, await response.json()), { status: response.status });
  };
}

const KEY_PATH = "/.well-known/undersigned-record-key";

/**
 * The app, publishing `checkpoints` (oldest first) instead of its own, in
 * its own shapes: the latest in the letter's JSON and on each entry's page,
 * all at the letter's checkpoints; and, when `key` is given, that key at
 * /.well-known/undersigned-record-key instead of its own.
 */
function withCheckpoints(slug: string, checkpoints: Published[], { key }: { key?: string } = {}): Fetch {
  const latest = checkpoints.at(-1);
  const shown = latest ? { ...latest, url: `${ORIGIN}/letters/${slug}/checkpoints?before=${latest.size + 1}` } : null;
  const edited = editJson(appFetch(), (pathname, json) =>
    pathname === `/letters/${slug}.json`
      ? { ...json, record: { ...(json.record as object), checkpoint: shown } }
      : pathname.startsWith(`/letters/${slug}/record/`)
        ? { ...json, checkpoint: shown }
        : json,
  );
  return async (url, init) => {
    const { pathname } = new URL(url);
    if (key && pathname === KEY_PATH) {
      return new Response(`${key}\n`, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    if (pathname === `/letters/${slug}/checkpoints`) {
      return Response.json({
        letter: { slug, url: `${ORIGIN}/letters/${slug}` },
        key: key ?? TEST_VERIFIER_KEY,
        checkpoints: [...checkpoints].reverse(),
        next_url: null,
      });
    }
    return edited(url, init);
  };
}

/** A letter with a history: organizations, a withdrawal, an unlisted signer, one hidden and one hidden then restored. */
async function letterWithHistory() {
  const letter = await createLetter({ organizations: ["AFL-CIO", "WOLA"] });
  const [, leaves] = await seedSignatures(letter.slug, [
    { name: "Stays", city: "Tegucigalpa", country: "HN" },
    { name: "Leaves", status: "withdrawn" },
  ]);
  const [, , hidden, restored] = await seedSignatures(letter.slug, [
    { name: "Unlisted", isPublic: false },
    { kind: "organization", name: "Oxfam America" },
    { name: "Spam Bot", status: "hidden" },
    { name: "Comes Back", status: "hidden" },
  ]);
  const letterId = await letterIdOf(letter.slug);
  await changeSignatureStatus(
    env.DB,
    { id: restored!.id, letterId, kind: "individual", status: "hidden" },
    "confirmed",
  );
  return { slug: letter.slug, letterId, leaves: leaves!, hidden: hidden!, restored: restored! };
}

interface EntryJson {
  seq: number;
  event: string;
  ref: string;
  name: string | null;
  salt: string | null;
  at: string;
  hash: string;
}

async function recordEntries(slug: string): Promise<EntryJson[]> {
  const page = await (await appFetch()(`${ORIGIN}/letters/${slug}/record.json`)).json<{ entries: EntryJson[] }>();
  return page.entries;
}

async function entryNamed(slug: string, name: string): Promise<EntryJson> {
  return (await recordEntries(slug)).find((entry) => entry.name === name)!;
}

/** An entry's page as JSON (/letters/{slug}/record/{seq}.json): the parts the verifier reads. */
interface EntryPageJson {
  entry: { seq: number; hash: string };
  size: number;
  root: string;
  proof: string[];
  checkpoint: (Published & { url: string }) | null;
}

async function entryPage(slug: string, seq: number): Promise<EntryPageJson> {
  const response = await appFetch()(`${ORIGIN}/letters/${slug}/record/${seq}.json`);
  expect(response.status).toBe(200);
  return response.json<EntryPageJson>();
}

describe("npm run verify's checks", () => {
  it("verify an untouched letter: record, list, events by actor, and its checkpoints", async () => {
    const { slug } = await letterWithHistory();
    // A server without a signing key publishes no checkpoint, and answers its key's address with a 404.
    const unsigned = await verify(slug, { fetch: appFetch(NO_KEY) });
    expect(unsigned).toMatchObject({
      status: "verified",
      ok: true,
      problems: [],
      listed: 5,
      key: null,
      checkpoints: [],
      latest: null,
    });
    expect(unsigned.counts).toEqual({ total: 6, organizations: 3, individuals: 3 });
    expect(unsigned.warnings).toEqual(["No signed checkpoint: the record is only checked against itself."]);
    expect(eventSummary(unsigned.events)).toBe(
      "8 signed, 1 withdrawn by signers; 2 hidden, 1 restored by organizers; 1 text version",
    );
    expect(unsigned.leaves).toHaveLength(unsigned.entries);
    expect(checkpointToKeep(unsigned)).toBe(`${unsigned.entries}:${unsigned.root}\n`);

    // With its key, the app signs a checkpoint of the record as its JSON is first read, and serves the key.
    const signed = await verify(slug);
    expect(signed).toMatchObject({
      status: "verified",
      problems: [],
      warnings: [],
      key: TEST_VERIFIER_KEY,
      entries: unsigned.entries,
      root: unsigned.root,
    });
    const [first] = signed.checkpoints;
    expect(signed.checkpoints).toEqual([await publishedCheckpoint(slug)]);
    expect(first).toMatchObject({ size: unsigned.entries, root: unsigned.root });
    expect(first!.note.startsWith(`undersigned.test/letters/${slug}\n${unsigned.entries}\n`)).toBe(true);
    expect(checkpointToKeep(signed)).toBe(first!.note);

    // Two signatures later the minute job signs the next: both are checked, against the key pinned.
    await seedSignatures(slug, [{ name: "Later" }, { name: "Later Still" }]);
    await runCheckpointJob();
    const pinned = await verify(slug, { key: TEST_VERIFIER_KEY });
    expect(pinned).toMatchObject({ status: "verified", problems: [], warnings: [], entries: unsigned.entries + 2 });
    expect(pinned.checkpoints.map((checkpoint) => checkpoint.size)).toEqual([unsigned.entries, unsigned.entries + 2]);
    expect(pinned.checkpoints[0]).toEqual(first);
    expect(checkpointToKeep(pinned)).toBe(pinned.latest!.note);
  });

  it("refuse an erased entry that shows a name: the table refuses it, and the verifier names the entry", async () => {
    const { slug, letterId } = await letterWithHistory();
    const wola = await entryNamed(slug, "WOLA");
    await expect(
      runStatements([
        `UPDATE record_entries SET name = 'Forged Org', salt = NULL WHERE letter_id = ${letterId} AND seq = ${wola.seq}`,
      ]),
    ).rejects.toThrow(/CHECK constraint failed/);

    // Past the table's CHECK (local D1 lets a connection ignore them): the server does not publish the name, and the
    // list, which still shows WOLA, no longer matches the erased entry.
    await env.DB.batch([
      env.DB.prepare("PRAGMA ignore_check_constraints = ON"),
      env.DB.prepare(
        `UPDATE record_entries SET name = 'Forged Org', salt = NULL WHERE letter_id = ${letterId} AND seq = ${wola.seq}`,
      ),
      env.DB.prepare("PRAGMA ignore_check_constraints = OFF"),
    ]);
    const stored = await env.DB.prepare("SELECT name, salt FROM record_entries WHERE letter_id = ?1 AND seq = ?2")
      .bind(letterId, wola.seq)
      .first();
    expect(stored).toEqual({ name: "Forged Org", salt: null });
    expect((await recordEntries(slug)).find((entry) => entry.seq === wola.seq)).toMatchObject({
      name: null,
      salt: null,
    });
    const listed = await verify(slug);
    expect(listed.status).toBe("failed");
    expect(listed.problems).toEqual([
      `The signatory ${wola.ref} is listed as "WOLA", but its record entry ${wola.seq} was erased: the list shows a name the record no longer has.`,
      "The list shows 5 signatories; the record counts 4 listed ones.",
    ]);

    // A server that publishes what the row holds: the verifier names the entry.
    const forged = editJson(appFetch(), (pathname, json) =>
      pathname.endsWith("/record.json")
        ? {
            ...json,
            entries: (json.entries as EntryJson[]).map((entry) =>
              entry.seq === wola.seq ? { ...entry, name: "Forged Org", salt: null } : entry,
            ),
          }
        : json,
    );
    const result = await verify(slug, { fetch: forged });
    expect(result.status).toBe("failed");
    expect(result.problems).toEqual([
      `Entry ${wola.seq} was erased (it has no salt) yet shows "Forged Org": an erased entry shows nothing, so these fields were written afterwards.`,
    ]);
  });

  it("catch an entry erased in D1 while its signatory stays listed", async () => {
    const { slug, letterId } = await letterWithHistory();
    const wola = await entryNamed(slug, "WOLA");
    // What the table allows: erasing the entry's fields and salt, leaving the list alone.
    await runStatements([
      `UPDATE record_entries SET name = NULL, organization = NULL, title = NULL, city = NULL, country = NULL, salt = NULL
       WHERE letter_id = ${letterId} AND seq = ${wola.seq}`,
    ]);
    const result = await verify(slug);
    expect(result.status).toBe("failed");
    expect(result.problems).toContain(
      `The signatory ${wola.ref} is listed as "WOLA", but its record entry ${wola.seq} was erased: the list shows a name the record no longer has.`,
    );

    // And taken off the list too (no longer public): still counted, yet no record entry says it left the list. The
    // server erases an entry only when its signature stops counting (withdrawn, hidden, rejected, removed).
    await runStatements([
      `UPDATE signatures SET is_public = 0 WHERE letter_id = ${letterId} AND token = '${wola.ref}'`,
    ]);
    const delisted = await verify(slug);
    expect(delisted.status).toBe("failed");
    expect(delisted.problems).toEqual([
      `Entry ${wola.seq} counts ${wola.ref} but was erased: an entry is erased only once its signature stops counting, so its signatory was taken off the list without a record entry.`,
    ]);
  });

  it("catch a listed signatory renamed in the signatures table", async () => {
    const { slug, letterId } = await letterWithHistory();
    const wola = await entryNamed(slug, "WOLA");
    const stays = await entryNamed(slug, "Stays");
    await runStatements([
      `UPDATE signatures SET name = 'Forged Org' WHERE letter_id = ${letterId} AND token = '${wola.ref}'`,
      `UPDATE signatures SET city = 'Elsewhere' WHERE letter_id = ${letterId} AND token = '${stays.ref}'`,
    ]);
    const result = await verify(slug);
    expect(result.status).toBe("failed");
    expect(result.problems).toEqual([
      `The signatory ${wola.ref} is listed as "Forged Org" but its record entry ${wola.seq} says "WOLA".`,
      `The signatory ${stays.ref} ("Stays") is listed with city "Elsewhere" but its record entry ${stays.seq} says "Tegucigalpa".`,
    ]);
  });

  it("catch a signatory hidden without a record entry, and one listed that the record never counted", async () => {
    const { slug, letterId, hidden } = await letterWithHistory();
    const stays = await entryNamed(slug, "Stays");
    await runStatements([
      `UPDATE signatures SET status = 'hidden' WHERE letter_id = ${letterId} AND token = '${stays.ref}'`,
    ]);
    const result = await verify(slug);
    expect(result.status).toBe("failed");
    expect(result.problems).toEqual([
      `Entry ${stays.seq} counts "Stays" (${stays.ref}) as a listed signatory, but the list does not show it: it was taken off the list without a record entry.`,
      "The list shows 4 signatories; the record counts 5 listed ones.",
    ]);

    await runStatements([
      `UPDATE signatures SET status = 'confirmed' WHERE letter_id = ${letterId} AND token IN ('${stays.ref}', '${hidden.ref}')`,
    ]);
    const [hiddenEntry] = (await recordEntries(slug)).filter((entry) => entry.ref === hidden.ref).slice(-1);
    const again = await verify(slug);
    expect(again.problems).toEqual([
      `The signatory ${hidden.ref} is listed as "Spam Bot", but its last record entry ${hiddenEntry!.seq} says it was hidden by the organizers: it is not counted.`,
      "The list shows 6 signatories; the record counts 5 listed ones.",
    ]);
  });

  it("catch an entry deleted and the rest re-hashed, by the app's own signed checkpoints and the state kept, not by the record", async () => {
    const { slug, letterId } = await letterWithHistory();
    // The first read signs a checkpoint of the record as it is; two signatures later, the minute job signs the next.
    const first = (await verify(slug)).latest!;
    await seedSignatures(slug, [
      { kind: "organization", name: "Amnesty International" },
      { name: "Late Signer", city: "San Pedro Sula", country: "HN" },
    ]);
    await runCheckpointJob();
    const seen = await verify(slug);
    expect(seen).toMatchObject({ status: "verified", problems: [], warnings: [], key: TEST_VERIFIER_KEY });
    const second = seen.latest!;
    expect(seen.checkpoints).toEqual([first, second]);
    expect([first.size, second.size]).toEqual([seen.entries - 2, seen.entries]);
    const kept = savedRecord(seen);

    // The late signer's entry page: its proof and the checkpoint it shows are the ones the letter publishes.
    const removed = await entryNamed(slug, "Amnesty International");
    const late = await entryNamed(slug, "Late Signer");
    const page = await entryPage(slug, late.seq);
    expect(page).toMatchObject({ entry: { seq: late.seq, hash: late.hash }, size: second.size, root: second.root });
    expect(page.checkpoint).toMatchObject({ size: second.size, root: second.root, note: second.note });
    const proved = await verify(slug, { entry: { seq: late.seq, hash: late.hash } });
    expect(proved.problems).toEqual([]);
    expect(proved.notes).toEqual([
      `Entry ${late.seq} (signed, individual) is in the latest signed checkpoint (${second.size} entries, ${second.time}) with the hash you were given.`,
      `The server's inclusion proof of entry ${late.seq} in the tree of ${second.size} entries checks out (${page.proof.length} hashes).`,
    ]);

    // An attacker with the database but not the key: Amnesty's signature and entry go, the later entry moves up,
    // and every leaf hash, node and root is recomputed (by the app's own sealing, as the attacker would compute
    // them): the record holds together again, and the counts and the list agree with it.
    await runStatements([
      `DELETE FROM record_entries WHERE letter_id = ${letterId} AND seq = ${removed.seq}`,
      `UPDATE record_entries SET seq = seq + 1000000 WHERE letter_id = ${letterId} AND seq > ${removed.seq}`,
      `UPDATE record_entries SET seq = seq - 1000001 WHERE letter_id = ${letterId} AND seq > 1000000`,
      `UPDATE record_entries SET hash = NULL WHERE letter_id = ${letterId}`,
      `DELETE FROM record_nodes WHERE letter_id = ${letterId}`,
      `DELETE FROM signatures WHERE letter_id = ${letterId} AND token = '${removed.ref}'`,
      `UPDATE letters SET signature_count = signature_count - 1, organization_count = organization_count - 1,
         record_length = record_length - 1, record_sealed = 0, record_root = NULL WHERE id = ${letterId}`,
    ]);
    // Only the checkpoint it could not sign again says so (the letter's JSON now shows the first, which still holds).
    const result = await verify(slug);
    expect(result).toMatchObject({ status: "failed", entries: second.size - 1 });
    expect(result.problems).toEqual([
      `The checkpoint of ${second.size} entries signed ${second.time} covers ${second.size} entries, but the record now has only ${second.size - 1}: entries were removed after it was signed.`,
    ]);
    // The late signer, who kept their entry's number and hash, is told so too.
    const signersCheck = await verify(slug, { entry: { seq: late.seq, hash: late.hash } });
    expect(signersCheck.problems).toEqual([
      ...result.problems,
      `The record has no entry ${late.seq}: it has ${second.size - 1} entries.`,
    ]);

    // Once the record has grown back past the checkpoint, its root names the range: after the first checkpoint.
    await seedSignatures(slug, [{ name: "Newcomer" }]);
    const grown = await verify(slug);
    expect(grown.entries).toBe(second.size);
    expect(grown.problems).toEqual([
      `The checkpoint of ${second.size} entries signed ${second.time} no longer matches the record: it signed root ${second.root}, but the first ${second.size} entries now make ${grown.root}. ` +
        `An entry between ${first.size + 1} and ${second.size} was changed, removed or reordered after it was signed.`,
    ]);

    // The attacker also deletes the checkpoints that no longer hold, and the minute job, which has the key, signs
    // the rewritten record: what the letter publishes verifies again. What the reader kept (--save) does not.
    await runStatements([`DELETE FROM record_checkpoints WHERE letter_id = ${letterId} AND size > ${first.size}`]);
    await runCheckpointJob();
    const covered = await verify(slug);
    expect(covered).toMatchObject({ status: "verified", problems: [] });
    expect(covered.checkpoints.map((checkpoint) => checkpoint.size)).toEqual([first.size, second.size]);
    const since = await verify(slug, { since: parseSavedRecord(kept, "kept.txt"), key: TEST_VERIFIER_KEY });
    expect(since.status).toBe("failed");
    const differs = `Entry ${removed.seq} is not the one you saw`;
    const hashes = `its hash was ${seen.leaves[removed.seq - 1]}, it is now ${grown.leaves[removed.seq - 1]}. The record was changed, or an entry removed, since.`;
    // The key signed the rewritten record at the size of the checkpoint kept: a fork, the proof of a rewrite. The
    // file's checkpoint and its own length and root say the same (it was saved as the checkpoint was): said once.
    const rewritten = covered.checkpoints[1]!;
    expect(since.problems).toEqual([
      `The key ${TEST_VERIFIER_KEY} signed two different records of ${second.size} entries: root ${rewritten.root} (signed ${rewritten.time}) and root ${second.root} (signed ${second.time}, the checkpoint in kept.txt). ` +
        "A key signs one record of each size: the record was rewritten after it was signed.",
      `${differs} (kept.txt): ${hashes}`,
    ]);
    expect(since.failed).toEqual(["checkpoints", "since"]);
    // The checkpoint alone, as the letter published it, names the range.
    const note = await verify(slug, { since: parseSavedRecord(second.note, "checkpoint.txt") });
    expect(note.problems).toEqual([
      `The key ${TEST_VERIFIER_KEY} signed two different records of ${second.size} entries: root ${rewritten.root} (signed ${rewritten.time}) and root ${second.root} (signed ${second.time}, the checkpoint in checkpoint.txt). ` +
        "A key signs one record of each size: the record was rewritten after it was signed.",
      `The record's first ${second.size} entries no longer make the root you kept (the checkpoint in checkpoint.txt): an entry among 1–${second.size} was changed, removed or reordered since.`,
    ]);
    // And LENGTH:HASH, without the leaves, too.
    const short = await verify(slug, { since: parseSinceArgument(`${seen.entries}:${seen.root}`) });
    expect(short.problems).toEqual([
      `The record's first ${seen.entries} entries no longer make the root you kept (${seen.entries}:${seen.root}): an entry among 1–${seen.entries} was changed, removed or reordered since.`,
    ]);
  });

  it("refuse a forged checkpoint, one for another letter, another key, and a key that is not the one pinned", async () => {
    const { slug } = await letterWithHistory();
    const genuine = await publishedCheckpoint(slug);
    // The same text, one bit of its signature changed (the key ID kept).
    const signatureLine = genuine.note.split("\n").at(-2)!;
    const [dash, name, signature] = signatureLine.split(" ");
    const bytes = fromBase64(signature!)!;
    bytes[10]! ^= 1;
    const forged = { ...genuine, note: genuine.note.replace(signatureLine, `${dash} ${name} ${toBase64(bytes)}`) };
    const result = await verify(slug, { fetch: withCheckpoints(slug, [forged]) });
    expect(result.problems).toEqual([
      `The checkpoint of ${genuine.size} entries signed ${genuine.time}: The checkpoint's signature by undersigned.test does not verify: the checkpoint was altered or forged.`,
    ]);

    // Signed with the server's key, but for another letter's log.
    const elsewhere = await resigned(slug, genuine, { origin: "undersigned.test/letters/another" });
    expect((await verify(slug, { fetch: withCheckpoints(slug, [elsewhere]) })).problems).toEqual([
      `The checkpoint of ${genuine.size} entries signed ${genuine.time} is for "undersigned.test/letters/another", not this letter ("undersigned.test/letters/${slug}"): it was made for another log.`,
    ]);

    // A server that swapped in a key of its own (same name) and signs with it: caught when the real key is pinned.
    const impostor = await parseSignerKey(await generateSignerKey("undersigned.test"));
    const swapped = await resigned(slug, genuine, { key: impostor });
    const fetch = withCheckpoints(slug, [swapped], { key: impostor.verifierKey.text });
    expect((await verify(slug, { fetch })).ok).toBe(true);
    const pinned = await verify(slug, { fetch, key: TEST_VERIFIER_KEY });
    expect(pinned.status).toBe("failed");
    expect(pinned.problems).toEqual([
      `The server's record key is ${impostor.verifierKey.text}, not the ${TEST_VERIFIER_KEY} you pinned with --key: the server changed its key, or is not the one you expect.`,
      `The checkpoint of ${swapped.size} entries signed ${swapped.time}: The checkpoint carries no signature by the key ${TEST_VERIFIER_KEY}.`,
    ]);
  });

  it("name a checkpoint whose published size or root is not its signed one", async () => {
    const { slug } = await letterWithHistory();
    const genuine = await publishedCheckpoint(slug);
    const misquoted = { ...genuine, size: genuine.size - 1 };
    expect((await verify(slug, { fetch: withCheckpoints(slug, [misquoted]) })).problems).toEqual([
      `The checkpoint of ${misquoted.size} entries signed ${genuine.time} is published as ${misquoted.size} entries with root ${genuine.root}, but its signed note says ${genuine.size} entries with root ${genuine.root}.`,
    ]);
  });

  it("prove the record extends one seen earlier, by LENGTH:HASH (hex or base64), a saved note, or a --save file", async () => {
    const { slug } = await letterWithHistory();
    const then = await verify(slug);
    const earlier = then.latest!;
    await seedSignatures(slug, [{ name: "Later" }, { name: "Later Still" }]);
    await runCheckpointJob();
    const base64Root = btoa(String.fromCharCode(...hashFromHex(then.root)!));
    for (const since of [
      parseSinceArgument(`${then.entries}:${then.root}`),
      parseSinceArgument(`${then.entries}:${base64Root}`),
      parseSavedRecord(earlier.note, "checkpoint.txt"),
      parseSavedRecord(savedRecord(then), "saved.txt"),
    ]) {
      const result = await verify(slug, { since });
      expect(result.problems).toEqual([]);
      expect(result.checkpoints.map((checkpoint) => checkpoint.size)).toEqual([then.entries, then.entries + 2]);
      expect(result.notes.join("\n")).toContain(`its first ${then.entries} entries are the ones you saw`);
    }
    // Seen longer than it is now: entries were removed.
    const longer = await verify(slug, { since: parseSinceArgument(`${then.entries + 5}:${then.root}`) });
    expect(longer.problems).toEqual([
      `The record had ${then.entries + 5} entries when you saw it (${then.entries + 5}:${then.root}); it now has only ${then.entries + 2}: entries were removed.`,
    ]);
    // A saved file whose leaves were edited is refused, not believed.
    const damaged = savedRecord(then).replace(then.leaves[0]!, "0".repeat(64));
    await expect(verify(slug, { since: parseSavedRecord(damaged, "damaged.txt") })).rejects.toThrow(
      "damaged.txt is damaged: its leaf hashes do not make its checkpoint's root.",
    );
  });

  it("prove one entry is in the latest checkpoint, with the server's proof from the entry's page, and say it was withdrawn", async () => {
    const { slug, leaves } = await letterWithHistory();
    const entries = await recordEntries(slug);
    const signedEntry = entries.find((entry) => entry.ref === leaves.ref && entry.event === "signed")!;
    const withdrawal = entries.find((entry) => entry.ref === leaves.ref && entry.event === "withdrawn")!;
    const entry = { seq: signedEntry.seq, hash: signedEntry.hash };
    const entryPath = `/letters/${slug}/record/${entry.seq}.json`;

    // The app's own page for the entry: its proof in the tree of the whole record, and the checkpoint of that tree.
    const withProof = await verify(slug, { entry });
    const checkpoint = withProof.latest!;
    expect(checkpoint.size).toBe(entries.length);
    const page = await entryPage(slug, entry.seq);
    expect(page.checkpoint).toMatchObject({ size: checkpoint.size, note: checkpoint.note });
    expect(withProof.problems).toEqual([]);
    expect(withProof.notes).toEqual([
      `Entry ${entry.seq} (signed, individual) is in the latest signed checkpoint (${checkpoint.size} entries, ${checkpoint.time}) with the hash you were given.`,
      `The server's inclusion proof of entry ${entry.seq} in the tree of ${checkpoint.size} entries checks out (${page.proof.length} hashes).`,
      `The signature of entry ${entry.seq} (ref ${leaves.ref}) was later withdrawn by its signer (entry ${withdrawal.seq}, ${withdrawal.at}).`,
      `The signature of entry ${entry.seq} is not counted any more.`,
    ]);

    // Without the server's page (a 404), the downloaded leaves prove it alone.
    const app = appFetch();
    const noPage: Fetch = (url, init) =>
      new URL(url).pathname === entryPath
        ? Promise.resolve(new Response("Not found", { status: 404 }))
        : app(url, init);
    const alone = await verify(slug, { fetch: noPage, entry });
    expect(alone.problems).toEqual([]);
    expect(alone.notes[0]).toContain("is in the latest signed checkpoint");
    expect(alone.notes.join("\n")).not.toContain("inclusion proof");

    // A page whose proof leads elsewhere.
    const badProof = editJson(app, (pathname, json) =>
      pathname === entryPath ? { ...json, proof: ["0".repeat(64), ...(json.proof as string[]).slice(1)] } : json,
    );
    expect((await verify(slug, { fetch: badProof, entry })).problems).toEqual([
      `The server's inclusion proof of entry ${entry.seq} does not lead to the root of the record's first ${checkpoint.size} entries (${checkpoint.root}).`,
    ]);
    // A page that shows a checkpoint of its own: checked like every checkpoint the letter publishes.
    const misquoted = editJson(app, (pathname, json) =>
      pathname === entryPath ? { ...json, checkpoint: { ...page.checkpoint, size: checkpoint.size - 1 } } : json,
    );
    expect((await verify(slug, { fetch: misquoted, entry })).problems).toEqual([
      `The checkpoint of ${checkpoint.size - 1} entries signed ${checkpoint.time} is published as ${checkpoint.size - 1} entries with root ${checkpoint.root}, but its signed note says ${checkpoint.size} entries with root ${checkpoint.root}.`,
    ]);

    // A hash that is not the entry's, and an entry the record does not have.
    const wrong = await verify(slug, { entry: { ...entry, hash: "a".repeat(64) } });
    expect(wrong.problems).toEqual([
      `Entry ${entry.seq} does not have the hash you gave: it has ${entry.hash}, not ${"a".repeat(64)}. The number or the hash was copied wrong, or the entry was changed after its hash was given.`,
    ]);
    expect(wrong.failed).toEqual(["entry"]);
    // The heading names the check that failed, and what did verify is still said.
    const report = verificationReport(wrong);
    expect(report.stderr).toBe(`NOT VERIFIED: entry ${entry.seq} is not as you gave it.\n- ${wrong.problems[0]}\n`);
    expect(report.stdout).toMatch(
      new RegExp(
        `^Verified: the record of "${slug}" has ${entries.length} entries, every hash checks out, and it adds up to 6 signatures \\(3 organizations, 3 individuals\\)\\.\nList: the 5 listed signatories are exactly the record's counted, listed entries\\.\n`,
      ),
    );
    expect(report.stdout).toContain("\nNothing to keep: ");
    expect(report.stdout).not.toContain("Checkpoint to keep");
    const missing = await verify(slug, { entry: { seq: 999, hash: entry.hash } });
    expect(missing.problems).toEqual([`The record has no entry 999: it has ${entries.length} entries.`]);

    // Signed within the minute after the checkpoint (readers sign at most once a minute): in the record, and in the
    // proof of its page, but not yet covered by a signature.
    await seedSignatures(slug, [{ name: "Just Signed" }]);
    const newest = (await recordEntries(slug)).at(-1)!;
    const newer = await verify(slug, { entry: { seq: newest.seq, hash: newest.hash } });
    expect(newer.problems).toEqual([]);
    expect(newer.notes).toContain(
      `The newest entry (${newest.seq}) is not yet in a signed checkpoint: the server signs one within about a minute of a change.`,
    );
    expect(newer.warnings).toEqual([
      `Entry ${newest.seq} is in the record with the hash you were given, but newer than the latest signed checkpoint (${checkpoint.size} entries): run this again once a checkpoint covers it.`,
    ]);
    expect(newer.notes).toContain(
      `The server's inclusion proof of entry ${newest.seq} in the tree of ${newest.seq} entries checks out (${(await entryPage(slug, newest.seq)).proof.length} hashes).`,
    );
  });

  it("check the published text versions against the record's text entries", async () => {
    const { slug } = await letterWithHistory();
    const checked = await verify(slug);
    expect(checked).toMatchObject({ ok: true, versions: 1 });
    const textEntry = (await recordEntries(slug)).find((entry) => entry.event === "text")!;
    expect(textEntry.ref).toBe("en@1");

    // A server that publishes another text as the one signed (its digest made to match the text).
    const rewritten = editJson(appFetch(), (pathname, json) => {
      if (pathname !== `/letters/${slug}/versions.json`) return json;
      const versions = json.versions as TextVersion[];
      return { ...json, versions: versions.map((version) => ({ ...version, body_markdown: "We never asked." })) };
    });
    const changed = await verify(slug, { fetch: rewritten });
    expect(changed.problems).toEqual([
      `The text version en@1 is not the text entry ${textEntry.seq} recorded: it was changed after it was published.`,
    ]);
    const digestToo: Fetch = async (url, init) => {
      const response = await rewritten(url, init);
      if (new URL(url).pathname !== `/letters/${slug}/versions.json`) return response;
      const json = await response.json<{ versions: TextVersion[] }>();
      const versions = await Promise.all(
        json.versions.map(async (version) => ({ ...version, digest: await textVersionDigest(version) })),
      );
      return Response.json({ ...json, versions });
    };
    expect((await verify(slug, { fetch: digestToo })).problems).toEqual(changed.problems);

    // A server that stops publishing its versions: the text is not checked, and the verifier says so.
    const unpublished = editJson(appFetch(), (pathname, json) =>
      pathname === `/letters/${slug}.json` ? { ...json, versions_url: null } : json,
    );
    const unchecked = await verify(slug, { fetch: unpublished });
    expect(unchecked).toMatchObject({ ok: true, versions: null });
    expect(unchecked.warnings).toContain(
      "The record has 1 text entry, but the letter publishes no versions (versions_url): the text is not checked.",
    );
  });

  it("say a letter read mid-update must be read again, rather than that it fails", async () => {
    const { slug } = await letterWithHistory();
    // Two signatories a page; a signature arrives while the list is being read, after the record was.
    const app = appFetch({ SIGNATORIES_PER_PAGE: "2" });
    let signed = false;
    const busy: Fetch = async (url, init) => {
      if (!signed && new URL(url).pathname.endsWith("/signatories.json")) {
        signed = true;
        await seedSignatures(slug, [{ name: "Just Now" }]);
      }
      return app(url, init);
    };
    const result = await verify(slug, { fetch: busy });
    expect(result.status).toBe("moved");
    expect(result.problems.join(" ")).toContain('"Just Now"');

    const sealing = editJson(appFetch(), (pathname, json) =>
      pathname === `/letters/${slug}.json`
        ? { ...json, record: { ...(json.record as object), complete: false } }
        : json,
    );
    expect((await verify(slug, { fetch: sealing })).status).toBe("incomplete");
  });

  it("still check the checkpoints, what was kept and the entry asked about when the record does not make the letter's root", async () => {
    const { slug } = await letterWithHistory();
    const seen = await verify(slug);
    const checkpoint = seen.latest!;
    expect(checkpoint.size).toBe(seen.entries);
    const kept = savedRecord(seen);
    const stays = await entryNamed(slug, "Stays");

    // A tamperer renames an entry and recomputes its digest and leaf hash, but not the tree the letter's root is
    // made from: the letter still publishes the old root.
    const renamed = editJson(appFetch(), (pathname, json) => {
      if (pathname !== `/letters/${slug}/record.json`) return json;
      return (async () => {
        const entries = await Promise.all(
          (json.entries as SealedRecordEntry[]).map(async (entry) => {
            if (entry.seq !== stays.seq) return entry;
            const changed = { ...entry, name: "Someone Else" };
            const digest = await detailsDigest(changed);
            return { ...changed, digest, hash: await entryLeafHash(changed, digest) };
          }),
        );
        return { ...json, entries };
      })();
    });
    const result = await verify(slug, {
      fetch: renamed,
      since: parseSavedRecord(kept, "kept.txt"),
      entry: { seq: stays.seq, hash: stays.hash },
    });
    const forged = result.leaves[stays.seq - 1]!;
    expect(forged).not.toBe(stays.hash);
    expect(result.status).toBe("failed");
    expect(result.failed).toEqual(["record", "checkpoints", "since", "entry"]);
    expect(result.problems).toEqual([
      `The record's entries make the root ${result.root}; the letter publishes ${seen.root}.`,
      `The checkpoint of ${checkpoint.size} entries signed ${checkpoint.time} no longer matches the record: it signed root ${checkpoint.root}, but the first ${checkpoint.size} entries now make ${result.root}. ` +
        `An entry between 1 and ${checkpoint.size} was changed, removed or reordered after it was signed.`,
      `Entry ${stays.seq} is not the one you saw (kept.txt): its hash was ${stays.hash}, it is now ${forged}. The record was changed, or an entry removed, since.`,
      `Entry ${stays.seq} does not have the hash you gave: it has ${forged}, not ${stays.hash}. The number or the hash was copied wrong, or the entry was changed after its hash was given.`,
    ]);
    const report = verificationReport(result);
    expect(report.stderr.split("\n")[0]).toBe(
      `NOT VERIFIED: the record of "${slug}" does not hold together; its signed checkpoints do not check out; the record is not the one you kept; entry ${stays.seq} is not as you gave it.`,
    );
    expect(report.stdout).not.toContain("Verified:");
    expect(report.stdout).toContain(
      "\nNothing to keep: what the letter publishes does not verify, and only a record that verifies is worth keeping.\n",
    );
    expect(report.stdout).not.toContain("Checkpoint to keep");
  });

  it("name two checkpoints of one size with different roots as what they prove: a rewrite the key signed", async () => {
    const { slug } = await letterWithHistory();
    const genuine = await publishedCheckpoint(slug);
    const other = await resigned(slug, { ...genuine, root: "ab".repeat(32), time: "2030-01-01T00:00:00Z" });
    const fork = `The key ${TEST_VERIFIER_KEY} signed two different records of ${genuine.size} entries`;
    const rewritten = "A key signs one record of each size: the record was rewritten after it was signed.";
    const published = await verify(slug, { fetch: withCheckpoints(slug, [genuine, other]) });
    expect(published.problems).toEqual([
      `${fork}: root ${other.root} (signed ${other.time}) and root ${genuine.root} (signed ${genuine.time}). ${rewritten}`,
    ]);
    expect(published.failed).toEqual(["checkpoints"]);

    // One kept, the other published.
    const kept = await verify(slug, { since: parseSavedRecord(other.note, "other.txt") });
    expect(kept.problems).toEqual([
      `${fork}: root ${genuine.root} (signed ${genuine.time}) and root ${other.root} (signed ${other.time}, the checkpoint in other.txt). ${rewritten}`,
      `The record's first ${genuine.size} entries no longer make the root you kept (the checkpoint in other.txt): an entry among 1–${genuine.size} was changed, removed or reordered since.`,
    ]);
  });

  it("count one of a thing as one: 1 organization, 1 individual, 1 signatory, 1 entry", async () => {
    const letter = await createLetter({ organizations: ["Solo Org"] });
    await seedSignatures(letter.slug, [{ name: "Solo" }]);
    const result = await verify(letter.slug);
    expect(result.ok).toBe(true);
    const report = verificationReport(result);
    expect(report.stdout).toContain(
      `Verified: the record of "${letter.slug}" has 3 entries, every hash checks out, and it adds up to 2 signatures (1 organization, 1 individual).\n`,
    );
    expect(report.stdout).toContain("Events: 2 signed by signers; nothing by organizers; 1 text version.\n");
    expect(report.stdout).toContain("Text: 1 published version checked against the record.\n");
    expect(report.stdout).toContain(`Checkpoints: 1 signed by ${TEST_VERIFIER_KEY} (the latest covers 3 entries`);

    // Two newer than the checkpoint (signed within the minute of the first read): said, and how soon they will be.
    await seedSignatures(letter.slug, [{ name: "Second" }, { name: "Third" }]);
    const ahead = await verify(letter.slug);
    expect(ahead.notes).toEqual([
      "The newest 2 entries (4–5) are not yet in a signed checkpoint: the server signs one within about a minute of a change.",
    ]);

    const listed = { ref: "f".repeat(32), kind: "individual" as const, name: "Nobody" };
    const alone = { organization: null, title: null, city: null, country: null };
    expect(checkSignatoryList([], [{ ...listed, ...alone }])).toEqual([
      `The signatory ${listed.ref} is listed as "Nobody", but the record has no entry for it: it was never recorded.`,
      "The list shows 1 signatory; the record counts 0 listed ones.",
    ]);
    expect(
      verificationReport({ ...result, status: "failed", ok: false, failed: ["entry"], problems: ["x"], listed: 1 })
        .stdout,
    ).toContain("List: the 1 listed signatory is exactly the record's counted, listed entry.\n");
  });

  it("say a run that fails leaves nothing to keep, and why, with a key pinned that did not sign the checkpoints", async () => {
    const { slug } = await letterWithHistory();
    const other = (await parseSignerKey(await generateSignerKey("undersigned.test"))).verifierKey.text;
    const result = await verify(slug, { key: other });
    expect(result.failed).toEqual(["key", "checkpoints"]);
    const report = verificationReport(result);
    expect(report.stderr.split("\n")[0]).toBe(
      "NOT VERIFIED: the server's record key is not the one you pinned; its signed checkpoints do not check out.",
    );
    expect(report.stdout).toContain(
      "\nNothing to keep: the letter's checkpoints are not signed by the key you pinned (--key).\n",
    );
    expect(report.stdout).not.toContain("unsigned");
    expect(report.stdout).not.toContain("Checkpoint to keep");
  });

  it("verify a letter of 10,000 signatures", { timeout: 300_000 }, async () => {
    const slug = uniqueSlug("ten-thousand");
    await runStatements(await seedLetterStatements(slug, 100, 9_900, { record: true }));
    const result = await verify(slug);
    expect(result).toMatchObject({
      status: "verified",
      problems: [],
      // The letter's text, then a signed entry per signature.
      entries: 10_001,
      listed: 10_000,
      versions: 1,
      counts: { total: 10_000, organizations: 100, individuals: 9_900 },
    });
  });
});

const HOST = "https://letters.example";

/** A server answering `routes` (by path) and 404 otherwise, that remembers every address asked for. */
function fakeServer(routes: Record<string, () => Response>) {
  const asked: string[] = [];
  const fetch: Fetch = (url) => {
    asked.push(url);
    const route = routes[new URL(url).pathname];
    return Promise.resolve(route ? route() : new Response("Not found", { status: 404 }));
  };
  return { fetch, asked };
}

function letterJson(overrides: Record<string, unknown> = {}, record: Record<string, unknown> = {}) {
  return {
    slug: "hostile",
    counts: { total: 0, organizations: 0, individuals: 0 },
    record: { length: 0, root: null, complete: true, url: `${HOST}/letters/hostile/record.json`, ...record },
    signatories: [],
    next_url: null,
    ...overrides,
  };
}

const emptyRecord = () => Response.json({ entries: [], next_url: null });

async function refusal(routes: Record<string, () => Response>, limits: VerifyOptions["limits"] = {}) {
  const server = fakeServer(routes);
  const error = await verifyLetter(`${HOST}/letters/hostile`, {
    fetch: server.fetch,
    ed25519Verify: nobleVerify,
    limits,
  }).then(
    () => null,
    (thrown: Error) => thrown,
  );
  expect(error).toBeInstanceOf(CannotVerify);
  return { message: error!.message, asked: server.asked };
}

describe("npm run verify against a hostile server", () => {
  it.each([
    ["record.url", letterJson({}, { url: "http://169.254.169.254/latest/meta-data" }), "The letter's record (page 1)"],
    ["next_url", letterJson({ next_url: "http://10.0.0.1/admin" }), "The letter's signatories (page 1)"],
    ["record.key_url", letterJson({}, { key_url: "http://localhost:2019/config" }), "The record key"],
    [
      "record.checkpoints_url",
      letterJson({}, { checkpoints_url: "http://[::1]/x" }),
      "The letter's checkpoints (page 1)",
    ],
    [
      "versions_url",
      letterJson({ versions_url: "https://letters.example.evil.test/v" }),
      "The letter's text versions (page 1)",
    ],
  ])("refuses a %s off the letter's origin, without requesting it", async (_, json, what) => {
    const { message, asked } = await refusal({
      "/letters/hostile.json": () => Response.json(json),
      "/letters/hostile/record.json": emptyRecord,
    });
    expect(message).toMatch(
      new RegExp(
        `^${what.replace(/[()]/g, "\\$&")} is at \\S+, which is not on ${HOST}: the verifier follows only addresses on the letter's own origin\\.$`,
      ),
    );
    expect(asked.every((url) => url.startsWith(`${HOST}/`))).toBe(true);
  });

  it("refuses a record page pointing off the origin", async () => {
    const { message, asked } = await refusal({
      "/letters/hostile.json": () => Response.json(letterJson({}, { length: 1, root: "a".repeat(64) })),
      "/letters/hostile/record.json": () => Response.json({ entries: [], next_url: "http://127.0.0.1:8787/x" }),
    });
    expect(message).toBe(
      `The letter's record (page 2) is at http://127.0.0.1:8787/x, which is not on ${HOST}: the verifier follows only addresses on the letter's own origin.`,
    );
    expect(asked).toEqual([`${HOST}/letters/hostile.json`, `${HOST}/letters/hostile/record.json`]);
  });

  it("follows a redirect on the origin, and refuses one off it", async () => {
    const redirect = (to: string) => () => new Response(null, { status: 302, headers: { Location: to } });
    const { message, asked } = await refusal({
      "/letters/hostile.json": redirect("/moved/hostile.json"),
      "/moved/hostile.json": redirect("http://192.168.1.1/router"),
    });
    expect(message).toBe(
      `${HOST}/moved/hostile.json redirects, and its target is at http://192.168.1.1/router, which is not on ${HOST}: the verifier follows only addresses on the letter's own origin.`,
    );
    expect(asked).toEqual([`${HOST}/letters/hostile.json`, `${HOST}/moved/hostile.json`]);
  });

  it("stops reading a body past the size limit, as it streams", async () => {
    let pulled = 0;
    const endless = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            pulled += 1;
            controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
          },
        }),
        { headers: { "Content-Type": "application/json" } },
      );
    const { message } = await refusal({ "/letters/hostile.json": endless }, { maxBytes: 64 * 1024 });
    expect(message).toBe(`${HOST}/letters/hostile.json is larger than 0.1 MB: refused.`);
    expect(pulled).toBeLessThan(100);

    const declared = () =>
      new Response("{}", {
        headers: { "Content-Type": "application/json", "Content-Length": String(9 * 1024 * 1024) },
      });
    expect((await refusal({ "/letters/hostile.json": declared })).message).toBe(
      `${HOST}/letters/hostile.json is larger than 8 MB: refused.`,
    );
  });

  it("gives up on a request that takes too long", async () => {
    const silent = () =>
      new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), {
        headers: { "Content-Type": "application/json" },
      });
    expect((await refusal({ "/letters/hostile.json": silent }, { timeoutMs: 50 })).message).toBe(
      `${HOST}/letters/hostile.json did not answer within 0.05 s.`,
    );
  });

  it("takes only JSON, in the shapes it knows", async () => {
    const html = () => new Response("<html></html>", { headers: { "Content-Type": "text/html" } });
    expect((await refusal({ "/letters/hostile.json": html })).message).toBe(
      `${HOST}/letters/hostile.json answered text/html, not JSON: refused.`,
    );
    const broken = () => new Response("{", { headers: { "Content-Type": "application/json" } });
    expect((await refusal({ "/letters/hostile.json": broken })).message).toBe(
      `The letter's JSON (${HOST}/letters/hostile.json) is not valid JSON.`,
    );
    const odd = () => Response.json(letterJson({}, { length: "many" }));
    expect((await refusal({ "/letters/hostile.json": odd })).message).toMatch(
      /^The letter's JSON is not what an Undersigned server publishes: record\.length: /,
    );
    expect((await refusal({})).message).toMatch(/^https:\/\/letters\.example\/letters\/hostile\.json answered 404\b/);
  });

  it("stops at the request limit, and at pages that loop", async () => {
    let page = 0;
    const { message } = await refusal(
      {
        "/letters/hostile.json": () => Response.json(letterJson({}, { length: 5, root: "a".repeat(64) })),
        "/letters/hostile/record.json": () =>
          Response.json({ entries: [], next_url: `${HOST}/letters/hostile/record.json?after=${++page}` }),
      },
      { maxRequests: 50 },
    );
    expect(message).toBe(
      "The letter's record (page 50) would be request 51, over the limit of 50: stopped (a larger letter needs --max-requests).",
    );
    const looping = await refusal({
      "/letters/hostile.json": () => Response.json(letterJson({}, { length: 5, root: "a".repeat(64) })),
      "/letters/hostile/record.json": () =>
        Response.json({ entries: [], next_url: `${HOST}/letters/hostile/record.json` }),
    });
    expect(looping.message).toBe(`The letter's record loops: page 2 is ${HOST}/letters/hostile/record.json again.`);
  });
});

type RawEntry = Pick<RecordEntry, "event" | "ref" | "kind"> & { name?: string | null };

/** Entries numbered from 1 and sealed as the server seals them (a salt each; none and no name when `erased`), and their root. */
async function sealedRecord(raws: RawEntry[]): Promise<{ entries: SealedRecordEntry[]; root: string }> {
  const entries: SealedRecordEntry[] = [];
  const tree = new MerkleFrontier();
  for (const [index, raw] of raws.entries()) {
    const entry: RecordEntry = {
      seq: index + 1,
      ...raw,
      name: raw.name ?? null,
      organization: null,
      title: null,
      city: null,
      country: null,
      salt: raw.name === null ? null : `salt-${index}`,
      at: "2025-01-01T00:00:00.000Z",
    };
    const digest = await detailsDigest(entry);
    const hash = await entryLeafHash(entry, digest);
    await tree.append(hashFromHex(hash)!);
    entries.push({ ...entry, digest, hash });
  }
  return { entries, root: hashHex(await tree.root()) };
}

function listedAs(entry: SealedRecordEntry) {
  const { ref, kind, name, organization, title, city, country } = entry;
  return { ref, kind, name, organization, title, city, country };
}

async function verifyHostile(fetch: Fetch, limits: VerifyOptions["limits"] = {}) {
  return verifyLetter(`${HOST}/letters/hostile`, { fetch, ed25519Verify: nobleVerify, limits });
}

describe("npm run verify against a server that shapes its JSON to pass", () => {
  it("refuses a signature whose kind changes between its entries: the counts by kind would not add up", async () => {
    // One organization, hidden as an individual, restored as an organization: two organizations counted for one,
    // one individual fewer, the total right.
    const { entries, root } = await sealedRecord([
      { event: "signed", ref: "org", kind: "organization", name: "Only Org" },
      { event: "hidden", ref: "org", kind: "individual", name: null },
      { event: "restored", ref: "org", kind: "organization", name: "Only Org" },
      { event: "signed", ref: "a", kind: "individual", name: "A" },
      { event: "signed", ref: "b", kind: "individual", name: "B" },
    ]);
    const server = fakeServer({
      "/letters/hostile.json": () =>
        Response.json(
          letterJson(
            {
              counts: { total: 3, organizations: 2, individuals: 1 },
              signatories: [entries[2]!, entries[3]!, entries[4]!].map(listedAs),
            },
            { length: entries.length, root },
          ),
        ),
      "/letters/hostile/record.json": () => Response.json({ entries, next_url: null }),
    });
    const result = await verifyHostile(server.fetch);
    expect(result.status).toBe("failed");
    expect(result.problems).toEqual([
      "Entry 2 records org as individual, but entry 1 recorded it as organization: a signature's kind never changes once recorded.",
    ]);
  });

  it("refuses a record whose pages publish one entry twice, differently", async () => {
    const { entries, root } = await sealedRecord([
      { event: "signed", ref: "a", kind: "individual", name: "A" },
      { event: "signed", ref: "b", kind: "individual", name: "B" },
    ]);
    const page2 = `${HOST}/letters/hostile/record.json?after=1`;
    const server = fakeServer({
      "/letters/hostile.json": () =>
        Response.json(
          letterJson(
            { counts: { total: 2, organizations: 0, individuals: 2 }, signatories: entries.map(listedAs) },
            { length: 2, root },
          ),
        ),
      // The second page overlaps the first, and shows entry 1 with another name (the first page's is the one hashed).
      "/letters/hostile/record.json": () =>
        server.asked.at(-1) === page2
          ? Response.json({ entries: [{ ...entries[0]!, name: "Someone Else" }, entries[1]!], next_url: null })
          : Response.json({ entries: [entries[0]!], next_url: page2 }),
    });
    const result = await verifyHostile(server.fetch);
    expect(result.status).toBe("failed");
    expect(result.problems).toEqual([
      `The letter's record (page 2, ${page2}) publishes entry 1 again, not as an earlier page did: the record contradicts itself.`,
    ]);

    // An overlap that repeats an entry as it was is only an overlap.
    const overlapping = fakeServer({
      "/letters/hostile.json": () =>
        Response.json(
          letterJson(
            { counts: { total: 2, organizations: 0, individuals: 2 }, signatories: entries.map(listedAs) },
            { length: 2, root },
          ),
        ),
      "/letters/hostile/record.json": () =>
        overlapping.asked.at(-1) === page2
          ? Response.json({ entries, next_url: null })
          : Response.json({ entries: [entries[0]!], next_url: page2 }),
    });
    expect(await verifyHostile(overlapping.fetch)).toMatchObject({ status: "verified", problems: [] });
  });

  it.each([
    ["a malformed Location", "http://[::1", "is not an address"],
    ["another scheme with the same origin", `blob:${HOST}/letters/hostile/record.json`, "which is not on"],
    ["credentials on the origin", "https://user:secret@letters.example/letters/hostile/record.json", "which is not on"],
  ])("refuses a redirect to %s with a sentence, without requesting it", async (_, location, says) => {
    const { message, asked } = await refusal({
      "/letters/hostile.json": () => new Response(null, { status: 302, headers: { Location: location } }),
    });
    expect(message).toContain(says);
    expect(asked).toEqual([`${HOST}/letters/hostile.json`]);
  });

  it("refuses a letter's address with a user name or password, without requesting it", async () => {
    const server = fakeServer({});
    const error = await verifyLetter("https://user:secret@letters.example/letters/hostile", {
      fetch: server.fetch,
      ed25519Verify: nobleVerify,
    }).catch((thrown: Error) => thrown);
    expect(error).toBeInstanceOf(CannotVerify);
    expect((error as Error).message).toBe(
      "https://user:secret@letters.example/letters/hostile has a user name or password: the verifier reads only public documents.",
    );
    expect(server.asked).toEqual([]);
  });

  it("stops at an overall time limit, however quickly each page answers", async () => {
    let page = 0;
    const slow: Fetch = (url) =>
      new Promise((resolve) =>
        setTimeout(() => {
          const { pathname } = new URL(url);
          resolve(
            pathname === "/letters/hostile.json"
              ? Response.json(letterJson({}, { length: 5, root: "a".repeat(64) }))
              : Response.json({ entries: [], next_url: `${HOST}/letters/hostile/record.json?after=${++page}` }),
          );
        }, 20),
      );
    const error = await verifyHostile(slow, { timeoutMs: 1_000, maxTotalMs: 300, maxRequests: 100 }).catch(
      (thrown: Error) => thrown,
    );
    expect(error).toBeInstanceOf(CannotVerify);
    expect((error as Error).message).toBe(
      "Reading the letter took longer than 0.3 s in all: stopped (a larger letter needs --max-minutes).",
    );
    expect(page).toBeLessThan(20);
  });
});
