/**
 * Signed checkpoints of the record (app/checkpoints.ts): made when the
 * record moves, at most once a minute while serving readers, caught up by
 * the minute job; published in the letter's JSON, at
 * /letters/{slug}/checkpoints and in the letter's feed, signed with the key
 * served at /.well-known/undersigned-record-key and checked here with
 * @noble/ed25519 (not the Web Crypto that signed them); and the RFC 9162
 * consistency proofs between any two sizes of the record.
 */
import * as noble from "@noble/ed25519";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appDeps } from "../../src/app/deps";
import { checkpointRecords } from "../../src/app/checkpoints";
import { readSettings } from "../../src/env";
import { hashFromHex, hashHex, MerkleFrontier, verifyConsistency } from "../../src/domain/merkle";
import { openCheckpoint, parseVerifierKey, type Ed25519Verify } from "../../src/domain/signed-note";
import { escapeXml } from "../../src/views/feeds";
import {
  createLetter,
  fetchApp,
  getPage,
  individual,
  letterRow,
  ORIGIN,
  postSignature,
  runMinuteJob,
  runStatements,
  stopClock,
} from "../helpers";
import { seedSignatures } from "../seed";

/** The verifier key of vitest.config.ts's RECORD_SIGNING_KEY. */
const TEST_VERIFIER_KEY = "undersigned.test+5e6766fc+AZCK5uPNoelJq7DzsFcgTrOJb1DYUwRu8EY4tQ0hQVrM";
const FRESH = { CACHE_MAX_AGE: "0" };
const NO_KEY = { RECORD_SIGNING_KEY: "" };

const nobleVerify: Ed25519Verify = (signature, message, publicKey) => noble.verifyAsync(signature, message, publicKey);

interface CheckpointJson {
  size: number;
  root: string;
  time: string;
  note: string;
  url?: string;
}

interface LetterJson {
  record: {
    length: number;
    root: string;
    complete: boolean;
    checkpoint: CheckpointJson | null;
    checkpoints_url: string;
    key_url: string;
  };
}

interface CheckpointsJson {
  letter: { slug: string; url: string };
  key: string | null;
  checkpoints: CheckpointJson[];
  next_url: string | null;
}

async function getJson<T>(path: string, overrides: Partial<Cloudflare.Env> = FRESH): Promise<T> {
  const response = await fetchApp(path, overrides);
  expect(response.status, path).toBe(200);
  return response.json<T>();
}

/** The minute's cron (webhooks and checkpoints), as Cloudflare runs it, naming copies under ORIGIN. */
function minuteJobAt(at: Date, overrides: Partial<Cloudflare.Env> = {}): Promise<void> {
  return runMinuteJob({ PUBLIC_URL: ORIGIN, ...overrides }, at);
}

async function storedCheckpoints(slug: string): Promise<number[]> {
  const { results } = await env.DB.prepare(
    "SELECT c.size FROM record_checkpoints c JOIN letters l ON l.id = c.letter_id WHERE l.slug = ? ORDER BY c.size",
  )
    .bind(slug)
    .all<{ size: number }>();
  return results.map((row) => row.size);
}

/** Checks `note` against the key the site serves, with @noble/ed25519, and reads it. */
async function openWithServedKey(note: string) {
  const served = await fetchApp("/.well-known/undersigned-record-key");
  expect(served.status).toBe(200);
  const opened = await openCheckpoint(note, await parseVerifierKey(await served.text()), nobleVerify);
  if ("problem" in opened) throw new Error(opened.problem);
  return opened.checkpoint;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("signed checkpoints", () => {
  it("signs the record when it moves, and publishes the checkpoint in the letter's JSON, its checkpoints and its feed", async () => {
    // The letter's text is the record's first entry, its signatories the next three.
    const letter = await createLetter({ organizations: ["AFL-CIO", "WOLA"], individuals: ["Ana"] });
    const json = await getJson<LetterJson>(`/letters/${letter.slug}.json`);
    const { checkpoint } = json.record;
    expect(checkpoint).toMatchObject({
      size: 4,
      root: json.record.root,
      url: `${ORIGIN}/letters/${letter.slug}/checkpoints?before=5`,
    });
    expect(json.record).toMatchObject({
      length: 4,
      checkpoints_url: `${ORIGIN}/letters/${letter.slug}/checkpoints`,
      key_url: `${ORIGIN}/.well-known/undersigned-record-key`,
    });
    // The same in the API's copy of the letter.
    expect((await getJson<LetterJson>(`/api/v1/letters/${letter.slug}`)).record.checkpoint).toEqual(checkpoint);

    // The key, served as text; the note, checked with @noble/ed25519 against it, says what the JSON says.
    const key = await fetchApp("/.well-known/undersigned-record-key");
    expect(key.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(key.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await key.text()).toBe(`${TEST_VERIFIER_KEY}\n`);
    const opened = await openWithServedKey(checkpoint!.note);
    expect(opened).toEqual({
      origin: `undersigned.test/letters/${letter.slug}`,
      size: 4,
      root: hashFromHex(json.record.root),
      time: checkpoint!.time,
    });
    // A note changed by one character no longer verifies.
    const forged = checkpoint!.note.replace("\n4\n", "\n3\n");
    const refused = await openCheckpoint(forged, await parseVerifierKey(TEST_VERIFIER_KEY), nobleVerify);
    expect("problem" in refused && refused.problem).toMatch(/does not verify/);

    const list = await fetchApp(`/letters/${letter.slug}/checkpoints`);
    expect(list.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await list.json<CheckpointsJson>()).toEqual({
      letter: { slug: letter.slug, url: `${ORIGIN}/letters/${letter.slug}` },
      key: TEST_VERIFIER_KEY,
      checkpoints: [{ size: 4, root: checkpoint!.root, time: checkpoint!.time, note: checkpoint!.note }],
      next_url: null,
    });

    const feed = await (await fetchApp(`/letters/${letter.slug}/feed.atom`, FRESH)).text();
    expect(feed).toContain(`<id>${ORIGIN}/letters/${letter.slug}/checkpoints#4</id>`);
    expect(feed).toContain(`<content type="text" xml:space="preserve">${escapeXml(checkpoint!.note)}</content>`);

    // Reading again signs nothing new: the record has not moved.
    await getJson<LetterJson>(`/letters/${letter.slug}.json`);
    expect(await storedCheckpoints(letter.slug)).toEqual([4]);
  });

  it("shows the key in every page's footer, linked to its address", async () => {
    const letter = await createLetter();
    for (const path of ["/", `/letters/${letter.slug}`, "/letters/no-such-letter"]) {
      const { document } = await getPage(path);
      expect(document.querySelector("footer .record-key code")?.textContent, path).toBe(TEST_VERIFIER_KEY);
      expect(
        document.querySelector('footer .record-key a[href="/.well-known/undersigned-record-key"]'),
        path,
      ).not.toBeNull();
    }
  });

  it("signs at most once a minute while serving readers; the minute job signs what moved since, and no cached copy keeps an earlier one", async () => {
    const start = Date.parse("2031-03-01T12:00:00.000Z");
    const at = (seconds: number) => {
      vi.setSystemTime(start + seconds * 1_000);
      return new Date(start + seconds * 1_000);
    };
    stopClock(start);
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const path = `/letters/${letter.slug}.json`;
    /** The letter's JSON as readers get it (CACHE_MAX_AGE 60), and how it was served. */
    const read = async () => {
      const response = await fetchApp(path);
      expect(response.status).toBe(200);
      return { cache: response.headers.get("X-Cache"), record: (await response.json<LetterJson>()).record };
    };

    // The first read signs the first checkpoint; the copy it drew is kept.
    expect(await read()).toMatchObject({
      cache: "MISS",
      record: { checkpoint: { size: 2, time: at(0).toISOString() } },
    });
    expect(await read()).toMatchObject({ cache: "HIT", record: { checkpoint: { size: 2 } } });

    // A change within the minute: the record moves, the checkpoint waits.
    at(30);
    expect((await postSignature(letter.slug, individual({ name: "Within The Minute" }))).status).toBe(303);
    expect(await read()).toMatchObject({ cache: "MISS", record: { length: 3, checkpoint: { size: 2 } } });
    expect(await read()).toMatchObject({ cache: "HIT", record: { checkpoint: { size: 2 } } });
    expect(await storedCheckpoints(letter.slug)).toEqual([2]);

    // The minute job signs it, and the cached copy that showed the earlier checkpoint is drawn anew.
    const jobAt = at(45);
    await minuteJobAt(jobAt);
    expect(await storedCheckpoints(letter.slug)).toEqual([2, 3]);
    const afterJob = await read();
    expect(afterJob).toMatchObject({ cache: "MISS", record: { checkpoint: { size: 3, time: jobAt.toISOString() } } });
    expect(await openWithServedKey(afterJob.record.checkpoint!.note)).toMatchObject({
      size: 3,
      time: jobAt.toISOString(),
    });
    await minuteJobAt(jobAt); // nothing left to sign
    expect(await storedCheckpoints(letter.slug)).toEqual([2, 3]);

    // Another change within the job's minute, shown with the job's checkpoint and cached...
    at(60);
    expect((await postSignature(letter.slug, individual({ name: "Within The Next Minute" }))).status).toBe(303);
    expect(await read()).toMatchObject({ cache: "MISS", record: { length: 4, checkpoint: { size: 3 } } });
    expect(await read()).toMatchObject({ cache: "HIT" });
    // ...then, a minute after the job's, a reader of another document signs at once, and that cached copy is drawn anew.
    at(110);
    const feed = await (await fetchApp(`/letters/${letter.slug}/feed.atom`)).text();
    expect(feed).toContain(`/checkpoints#4</id>`);
    expect(await storedCheckpoints(letter.slug)).toEqual([2, 3, 4]);
    expect(await read()).toMatchObject({
      cache: "MISS",
      record: { checkpoint: { size: 4, time: at(110).toISOString() } },
    });
  });

  it("never signs a record that no longer extends its own latest checkpoint, nor trusts a checkpoint row it did not sign", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO", "WOLA"], individuals: ["Ana"] });
    const { id } = (await letterRow(letter.slug))!;
    const signed = (await getJson<LetterJson>(`/letters/${letter.slug}.json`)).record.checkpoint!;
    expect(signed.size).toBe(4);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // Someone with the database but not the key deletes WOLA (entry 3), renumbers the rest, and has the app
    // re-hash everything; then a signature arrives, so the record grows past the checkpoint.
    await runStatements([
      `DELETE FROM record_entries WHERE letter_id = ${id} AND seq = 3`,
      `UPDATE record_entries SET seq = seq - 1 WHERE letter_id = ${id} AND seq > 3`,
      `UPDATE record_entries SET hash = NULL WHERE letter_id = ${id}`,
      `DELETE FROM record_nodes WHERE letter_id = ${id}`,
      `DELETE FROM signatures WHERE letter_id = ${id} AND name = 'WOLA'`,
      `UPDATE letters SET signature_count = signature_count - 1, organization_count = organization_count - 1,
         record_length = record_length - 1, record_sealed = 0, record_root = NULL WHERE id = ${id}`,
    ]);
    await seedSignatures(letter.slug, [{ name: "Later" }, { name: "Later Still" }]);
    // Neither the minute job nor a reader signs the rewritten record: its first 4 entries no longer make the root
    // the server signed.
    await minuteJobAt(new Date());
    const json = await getJson<LetterJson>(`/letters/${letter.slug}.json`);
    expect(json.record.length).toBe(5);
    expect(json.record.checkpoint).toMatchObject({ size: 4, root: signed.root });
    expect(await storedCheckpoints(letter.slug)).toEqual([4]);
    expect(logged.mock.calls.map(([line]) => JSON.parse(String(line)) as unknown)).toContainEqual(
      expect.objectContaining({ event: "record_checkpoint_refused", letter: letter.slug, checkpoint: 4 }),
    );

    // A checkpoint row written by hand (a root that matches the rewritten record, with no valid signature) is not
    // trusted as the latest: the server still refuses to sign on top of it.
    const { results } = await env.DB.prepare("SELECT record_root FROM letters WHERE id = ?").bind(id).all<{
      record_root: string;
    }>();
    await runStatements([
      `INSERT INTO record_checkpoints (letter_id, size, root, at, note) VALUES (${id}, 5, '${results[0]!.record_root}', '${new Date().toISOString()}', 'forged')`,
    ]);
    await seedSignatures(letter.slug, [{ name: "Even Later" }]);
    await minuteJobAt(new Date());
    expect(await storedCheckpoints(letter.slug)).toEqual([4, 5]);
    logged.mockRestore();
  });

  it("never signs a root its stored tree does not make", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const { id } = (await letterRow(letter.slug))!;
    expect((await getJson<LetterJson>(`/letters/${letter.slug}.json`)).record.checkpoint).toMatchObject({ size: 2 });
    await seedSignatures(letter.slug, [{ name: "Next" }]);
    await getJson<LetterJson>(`/letters/${letter.slug}.json`); // sealed, within the minute: not signed yet
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // Someone with the database but not the key sets the letter's root to one of their choosing.
    await runStatements([`UPDATE letters SET record_root = '${"ab".repeat(32)}' WHERE id = ${id}`]);
    await minuteJobAt(new Date(Date.now() + 61_000));
    expect(await storedCheckpoints(letter.slug)).toEqual([2]);
    expect(logged.mock.calls.map(([line]) => JSON.parse(String(line)) as unknown)).toContainEqual(
      expect.objectContaining({ event: "record_checkpoint_refused", letter: letter.slug, checkpoint: 3 }),
    );
    logged.mockRestore();
  });

  it("stores one checkpoint per size however many sign it at once", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO", "WOLA"] });
    const deps = appDeps(env, readSettings(env));
    await Promise.all([checkpointRecords(deps), checkpointRecords(deps), checkpointRecords(deps)]);
    await Promise.all(Array.from({ length: 4 }, () => getJson(`/letters/${letter.slug}.json`)));
    expect(await storedCheckpoints(letter.slug)).toEqual([3]);
  });

  it("pages through the checkpoints, newest first, with before=", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const { id } = (await letterRow(letter.slug))!;
    // 105 checkpoints stored as they would be (their notes are not checked here).
    await runStatements(
      Array.from(
        { length: 105 },
        (_, i) =>
          `INSERT INTO record_checkpoints (letter_id, size, root, at, note) VALUES (${id}, ${i + 1}, '${"0".repeat(64)}', '2031-01-01T00:00:00.000Z', 'note ${i + 1}')`,
      ),
    );
    const first = await getJson<CheckpointsJson>(`/letters/${letter.slug}/checkpoints`);
    expect(first.checkpoints.map((checkpoint) => checkpoint.size)).toEqual(
      Array.from({ length: 100 }, (_, i) => 105 - i),
    );
    expect(first.next_url).toBe(`${ORIGIN}/letters/${letter.slug}/checkpoints?before=6`);
    const second = await getJson<CheckpointsJson>(new URL(first.next_url!).pathname + new URL(first.next_url!).search);
    expect(second.checkpoints.map((checkpoint) => checkpoint.size)).toEqual([5, 4, 3, 2, 1]);
    expect(second.next_url).toBeNull();
  });

  it("without RECORD_SIGNING_KEY, signs nothing and says so", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const json = await getJson<LetterJson>(`/letters/${letter.slug}.json`, { ...FRESH, ...NO_KEY });
    expect(json.record).toMatchObject({
      length: 2,
      checkpoint: null,
      checkpoints_url: `${ORIGIN}/letters/${letter.slug}/checkpoints`,
    });
    expect(
      await getJson<CheckpointsJson>(`/letters/${letter.slug}/checkpoints`, { ...FRESH, ...NO_KEY }),
    ).toMatchObject({ key: null, checkpoints: [] });
    const feed = await (await fetchApp(`/letters/${letter.slug}/feed.atom`, { ...FRESH, ...NO_KEY })).text();
    expect(feed).not.toContain("/checkpoints#");
    const key = await fetchApp("/.well-known/undersigned-record-key", { ...FRESH, ...NO_KEY });
    expect(key.status).toBe(404);
    expect(await key.text()).toContain("RECORD_SIGNING_KEY");
    await minuteJobAt(new Date(), NO_KEY);
    expect(await storedCheckpoints(letter.slug)).toEqual([]);
    const page = await fetchApp(`/letters/${letter.slug}`, NO_KEY);
    expect(await page.text()).not.toContain("record-key");
  });

  it("refuses a malformed RECORD_SIGNING_KEY as a configuration error, saying how to make one", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await fetchApp("/", { RECORD_SIGNING_KEY: "PRIVATE+KEY+undersigned.test+00000000+AQ==" });
    expect(response.status).toBe(503);
    expect(errors.mock.calls.flat().join("\n")).toMatch(/RECORD_SIGNING_KEY .*npm run record-key/);
    errors.mockRestore();
  });
});

describe("consistency proofs", () => {
  /** A letter whose record has 22 sealed entries, and the root of each of its first sizes, computed from record.json's hashes. */
  async function letterWithRoots() {
    const letter = await createLetter({ organizations: Array.from({ length: 13 }, (_, i) => `Org ${i}`) });
    await seedSignatures(
      letter.slug,
      Array.from({ length: 8 }, (_, i) => ({ name: `Person ${i}` })),
    );
    const json = await getJson<LetterJson>(`/letters/${letter.slug}.json`);
    expect(json.record.length).toBe(22);
    const record = await getJson<{ entries: { hash: string }[] }>(`/letters/${letter.slug}/record.json`);
    const tree = new MerkleFrontier();
    const roots = [hashHex(await tree.root())];
    for (const entry of record.entries) {
      await tree.append(hashFromHex(entry.hash)!);
      roots.push(hashHex(await tree.root()));
    }
    expect(roots.at(-1)).toBe(json.record.root);
    return { slug: letter.slug, roots, json };
  }

  it("proves each size of the record extends each smaller one (RFC 9162 §2.1.4)", async () => {
    const { slug, roots, json } = await letterWithRoots();
    for (const [from, to] of [
      [0, 5],
      [1, 1],
      [1, 22],
      [3, 7],
      [4, 8],
      [5, 22],
      [8, 16],
      [13, 20],
      [20, 22],
      [21, 22],
      [22, 22],
    ] as const) {
      const proof = await getJson<{ from: number; to: number; root_from: string; root_to: string; proof: string[] }>(
        `/letters/${slug}/record/consistency.json?from=${from}&to=${to}`,
      );
      expect(proof, `${from}→${to}`).toMatchObject({ from, to, root_from: roots[from], root_to: roots[to] });
      const hashes = proof.proof.map((hex) => hashFromHex(hex)!);
      expect(
        await verifyConsistency(from, to, hashes, hashFromHex(roots[from])!, hashFromHex(roots[to])!),
        `${from}→${to}`,
      ).toBe(true);
      if (hashes.length > 0) {
        const altered = hashes.map((hash, i) => (i === 0 ? hashFromHex("f".repeat(64))! : hash));
        expect(await verifyConsistency(from, to, altered, hashFromHex(roots[from])!, hashFromHex(roots[to])!)).toBe(
          false,
        );
      }
    }
    // Without to=, the proof reaches the record's current length, from the checkpoint a reader kept.
    const kept = json.record.checkpoint!;
    const response = await fetchApp(`/letters/${slug}/record/consistency.json?from=${kept.size}`);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await response.json()).toMatchObject({
      from: 22,
      to: 22,
      root_from: kept.root,
      root_to: kept.root,
      proof: [],
    });
    const fromSeven = await getJson<{ to: number; root_to: string; proof: string[] }>(
      `/letters/${slug}/record/consistency.json?from=7`,
    );
    expect(fromSeven).toMatchObject({ to: 22, root_to: json.record.root });
  });

  it.each([
    ["/checkpoints?before=abc", "This checkpoints link is not valid"],
    ["/checkpoints?before=-1", "This checkpoints link is not valid"],
    ["/checkpoints?before=1&before=2", "This checkpoints link is not valid"],
    ["/checkpoints?before=9999999999999999", "This checkpoints link is not valid"],
    ["/record/consistency.json", "This proof link is not valid"],
    ["/record/consistency.json?from=", "This proof link is not valid"],
    ["/record/consistency.json?from=1.5", "This proof link is not valid"],
    ["/record/consistency.json?from=1&to=x", "This proof link is not valid"],
    ["/record/consistency.json?from=1&from=2", "This proof link is not valid"],
    ["/record/consistency.json?from=5&to=3", "No proof backwards"],
    ["/record/consistency.json?from=1&to=4", "Beyond the record"],
    ["/record/consistency.json?from=4", "No proof backwards"],
  ])("answers %s with a 400 that says why", async (path, title) => {
    const letter = await createLetter({ organizations: ["AFL-CIO", "WOLA"] });
    const response = await fetchApp(`/letters/${letter.slug}${path}`, FRESH);
    expect(response.status).toBe(400);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await response.json()).toMatchObject({ error: { status: 400, title } });
  });

  it("says what from= must be, not that it is missing, when it is given wrong", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const response = await fetchApp(`/letters/${letter.slug}/record/consistency.json?from=1.5`, FRESH);
    const { error } = await response.json<{ error: { message: string } }>();
    expect(error.message).toContain("a whole number such as 12");
    expect(error.message).not.toContain("required");
  });

  it("answers 404 for a letter that is not published", async () => {
    const draft = await createLetter({ status: "draft", organizations: ["AFL-CIO"] });
    for (const path of ["/checkpoints", "/record/consistency.json?from=0"]) {
      expect((await fetchApp(`/letters/${draft.slug}${path}`, FRESH)).status).toBe(404);
    }
    expect(await storedCheckpoints(draft.slug)).toEqual([]);
  });
});
