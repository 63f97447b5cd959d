/**
 * The tamper-evident record: published at /letters/{slug}/record.json, its
 * head and length in the letter's JSON, and verifiable from the outside
 * (the same code as `npm run verify`). Editing the database behind the
 * record's back is caught.
 */
import * as noble from "@noble/ed25519";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { verifyLetter } from "../../src/domain/verify-record";
import { appFetch, createLetter, fetchApp, runStatements } from "../helpers";
import { seedSignatures } from "../seed";

const FRESH = { CACHE_MAX_AGE: "0" };

/** What `npm run verify` concludes about the letter at `address`. */
function verifyLetterRecord(address: string) {
  return verifyLetter(address, { fetch: appFetch(), ed25519Verify: noble.verifyAsync });
}

/** A letter whose record holds signatures, a withdrawal and an unlisted signatory (stored as signing stores them). */
async function letterWithHistory() {
  const letter = await createLetter({ organizations: ["AFL-CIO", "WOLA"] });
  // Twice, so that the withdrawal comes before the later signatures in the record.
  await seedSignatures(letter.slug, [{ name: "Stays" }, { name: "Leaves", status: "withdrawn" }]);
  await seedSignatures(letter.slug, [
    { name: "Unlisted", isPublic: false },
    { kind: "organization", name: "Oxfam America" },
  ]);
  return letter;
}

describe("the signatory record", () => {
  it("publishes every change to who is counted, hashed in a chain that adds up to the counts", async () => {
    const letter = await letterWithHistory();
    const json = await (
      await fetchApp(`/letters/${letter.slug}.json`, FRESH)
    ).json<{
      counts: { total: number };
      record: { length: number; root: string; complete: boolean; url: string };
    }>();
    expect(json.counts.total).toBe(5);
    expect(json.record).toMatchObject({
      length: 8,
      complete: true,
      url: `https://undersigned.test/letters/${letter.slug}/record.json`,
    });
    expect(json.record.root).toMatch(/^[0-9a-f]{64}$/);

    const response = await fetchApp(`/letters/${letter.slug}/record.json`, FRESH);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const record = await response.json<{ entries: Record<string, unknown>[]; next_url: string | null }>();
    // The published text comes first: people sign it after.
    expect(record.entries.map((entry) => [entry.seq, entry.event, entry.ref, entry.kind, entry.name])).toEqual([
      [1, "text", "en@1", null, null],
      [2, "signed", expect.any(String), "organization", "AFL-CIO"],
      [3, "signed", expect.any(String), "organization", "WOLA"],
      [4, "signed", expect.any(String), "individual", "Stays"],
      [5, "signed", expect.any(String), "individual", null],
      [6, "withdrawn", expect.any(String), "individual", null],
      [7, "signed", expect.any(String), "individual", null],
      [8, "signed", expect.any(String), "organization", "Oxfam America"],
    ]);
    expect(record.next_url).toBeNull();
    // (A text entry's ref has an @, "en@1": an email would have a domain after it.)
    expect(JSON.stringify(record)).not.toMatch(/@[\w-]+\.|email/);

    const verification = await verifyLetterRecord(`https://undersigned.test/letters/${letter.slug}`);
    expect(verification).toMatchObject({
      ok: true,
      problems: [],
      entries: 8,
      counts: { total: 5, organizations: 3, individuals: 2 },
      root: json.record.root,
    });
  });

  it("pages through a long record with after=", async () => {
    // 29 signatories and the text: 30 entries.
    const letter = await createLetter({ organizations: Array.from({ length: 29 }, (_, i) => `Org ${i}`) });
    await fetchApp(`/letters/${letter.slug}.json`, FRESH);
    const seqs: number[][] = [];
    for (const after of [0, 10, 20, 30]) {
      const page = await (
        await fetchApp(`/letters/${letter.slug}/record.json?after=${after}`, FRESH)
      ).json<{ entries: { seq: number }[]; next_url: string | null }>();
      seqs.push(page.entries.map((entry) => entry.seq));
      if (after === 30) expect(page.next_url).toBeNull();
    }
    expect(seqs.map((page) => page[0])).toEqual([1, 11, 21, undefined]);
    expect(seqs.map((page) => page.length)).toEqual([30, 20, 10, 0]);
    expect((await fetchApp(`/letters/${letter.slug}/record.json?after=abc`)).status).toBe(400);
    expect((await fetchApp(`/letters/${letter.slug}/record.json?after=99999999999999999999`)).status).toBe(400);
  });

  it.each([
    [
      "a name changed",
      (id: number) => [`UPDATE record_entries SET name = 'Mallory' WHERE letter_id = ${id} AND seq = 4`],
      /public fields do not match its digest/,
    ],
    [
      "an event changed",
      (id: number) => [`UPDATE record_entries SET event = 'restored' WHERE letter_id = ${id} AND seq = 6`],
      /does not match its hash/,
    ],
    [
      "an entry deleted",
      (id: number) => [`DELETE FROM record_entries WHERE letter_id = ${id} AND seq = 3`],
      /missing or out of order/,
    ],
    [
      "a time changed",
      (id: number) => [`UPDATE record_entries SET at = '2001-01-01T00:00:00.000Z' WHERE letter_id = ${id} AND seq = 2`],
      /does not match its hash/,
    ],
    [
      "the counts inflated",
      (id: number) => [
        `UPDATE letters SET signature_count = signature_count + 10, individual_count = individual_count + 10 WHERE id = ${id}`,
      ],
      /adds up to 5 signatures .* the letter shows 15/,
    ],
    [
      "a withdrawn signature counted again behind the record's back",
      (id: number) => [
        `UPDATE signatures SET status = 'confirmed' WHERE letter_id = ${id} AND status = 'withdrawn'`,
        `UPDATE letters SET signature_count = signature_count + 1, individual_count = individual_count + 1 WHERE id = ${id}`,
      ],
      /adds up to 5 signatures/,
    ],
  ])("catches %s in D1", async (_, tamper, problem) => {
    const letter = await letterWithHistory();
    const address = `https://undersigned.test/letters/${letter.slug}`;
    expect((await verifyLetterRecord(address)).ok).toBe(true);
    const id = (await env.DB.prepare("SELECT id FROM letters WHERE slug = ?")
      .bind(letter.slug)
      .first<{ id: number }>())!.id;
    await runStatements(tamper(id));
    const result = await verifyLetterRecord(address);
    expect(result.ok).toBe(false);
    expect(result.problems.join(" ")).toMatch(problem);
  });
});
