/**
 * Sealing the record (storage/record.ts sealRecord) while a signer withdraws
 * and another reader seals at the same time: the stored Merkle subtrees must
 * stay those of the stored leaves, whatever order the sealers commit in.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashHex, leafHash, MerkleFrontier } from "../../src/domain/merkle";
import { leafData, type RecordEntry } from "../../src/domain/record";
import { interceptDatabase } from "../../src/storage/database";
import { recordRootAt, sealRecord } from "../../src/storage/record";
import { changeSignatureStatus } from "../../src/storage/signatures";
import { createLetter } from "../helpers";
import { letterIdOf, seedSignatures } from "../seed";

/** A D1 binding whose first batch waits for `gate` before it runs, and says when it has run. */
function heldAtFirstBatch(gate: Promise<void>) {
  let held = false;
  let ran!: () => void;
  const done = new Promise<void>((resolve) => (ran = resolve));
  const database = interceptDatabase(env.DB, async (call, invoke) => {
    if (call.method !== "batch" || held) return invoke();
    held = true;
    await gate;
    const result = await invoke();
    ran();
    return result;
  });
  return { database, done };
}

function opened(): { gate: Promise<void>; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
}

/** The root of the letter's stored leaf hashes, recomputed from the entries themselves. */
async function rootOfStoredEntries(letterId: number): Promise<string> {
  const { results } = await env.DB.prepare(
    "SELECT seq, event, ref, kind, at, digest, hash FROM record_entries WHERE letter_id = ?1 ORDER BY seq",
  )
    .bind(letterId)
    .all<Pick<RecordEntry, "seq" | "event" | "ref" | "kind" | "at"> & { digest: string; hash: string }>();
  const tree = new MerkleFrontier();
  for (const row of results) {
    const leaf = await leafHash(leafData(row, row.digest));
    expect(hashHex(leaf), `entry ${row.seq}'s stored hash`).toBe(row.hash);
    await tree.append(leaf);
  }
  return hashHex(await tree.root());
}

describe("sealing while a signer withdraws", () => {
  it("keeps the stored subtrees those of the stored leaves when two sealers read either side of the withdrawal", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const letterId = await letterIdOf(letter.slug);
    await sealRecord(env.DB, letterId); // the text and AFL-CIO: entries 1 and 2
    const [ana] = await seedSignatures(letter.slug, [{ name: "Ana Quick" }]); // entry 3, not sealed yet

    // Sealer A reads entry 3 with Ana's name and is held before it writes.
    const first = opened();
    const a = heldAtFirstBatch(first.gate);
    const sealingA = sealRecord(a.database, letterId);
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Ana withdraws at once: entry 3 is erased, entry 4 appended.
    expect(
      await changeSignatureStatus(
        env.DB,
        { id: ana!.id, letterId, kind: "individual", status: "confirmed" },
        "withdrawn",
        {
          forgetEmail: true,
        },
      ),
    ).toBe(true);

    // Sealer B reads entries 3 (erased) and 4, and is held until A has written.
    const second = opened();
    const b = heldAtFirstBatch(second.gate);
    const sealingB = sealRecord(b.database, letterId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.open();
    await a.done;
    second.open();
    await Promise.all([sealingA, sealingB]);

    const head = await env.DB.prepare("SELECT record_length, record_sealed, record_root FROM letters WHERE id = ?1")
      .bind(letterId)
      .first<{ record_length: number; record_sealed: number; record_root: string }>();
    expect(head).toMatchObject({ record_length: 4, record_sealed: 4 });
    const fromLeaves = await rootOfStoredEntries(letterId);
    expect(head!.record_root).toBe(fromLeaves);
    // What every proof and checkpoint is read from: the stored subtrees.
    expect(hashHex(await recordRootAt(env.DB, letterId, 4))).toBe(fromLeaves);
  });
});
