/**
 * The record_entries and record_nodes tables: sealing entries (computing
 * their digests and RFC 9162 leaf hashes in order, right after they are
 * written, and the complete subtrees they finish), reading them a page at a
 * time, and the tree's roots and proofs from the stored subtrees.
 *
 * Entries are appended inside the same transaction as the change they
 * record (see signatures.ts), with the hash left empty, because SQLite in D1
 * cannot compute SHA-256. Concurrent sealers are told apart by the letter's
 * sealed length: each batch writes only if that length is still the one it
 * started from, so the first to commit wins and the others write nothing
 * (sealing is deterministic, except over an entry erased between two
 * sealers' reads, whose digest is then that of the fields each read). Each batch of entries is sealed with three
 * statements whatever its size (JSON arrays through json_each), because
 * every statement counts toward a Worker invocation's D1 query limit.
 */
import {
  consistencyProofRanges,
  foldRange,
  hashFromHex,
  hashHex,
  inclusionProofRanges,
  leafHash,
  MerkleFrontier,
  rangeNodes,
  type Hash,
  type NodeAddress,
} from "../domain/merkle";
import { detailsDigest, leafData, type RecordEntry, type SealedRecordEntry } from "../domain/record";

interface EntryRow extends RecordEntry {
  digest: string | null;
  hash: string | null;
}

const ENTRY_COLUMNS = "seq, event, ref, kind, name, organization, title, city, country, salt, at, digest, hash";
/**
 * Entries sealed per batch, each batch committed on its own: small enough that one batch's hashing
 * (about 0.05 ms of CPU an entry: bench, maintenance job after 1,000 new signatures) fits the
 * Workers Free plan's 10 ms of CPU an invocation with room for the rest of the request, so that
 * a request or cron run stopped at the limit still keeps the batches it sealed and the next one
 * goes on (https://developers.cloudflare.com/workers/platform/limits/#cpu-time). 500 a batch
 * could never commit on the Free plan once that many were pending.
 */
const SEAL_BATCH = 50;

function toEntry(row: EntryRow): RecordEntry {
  return {
    seq: row.seq,
    event: row.event,
    ref: row.ref,
    kind: row.kind,
    name: row.name,
    organization: row.organization,
    title: row.title,
    city: row.city,
    country: row.country,
    salt: row.salt,
    at: row.at,
  };
}

function sealedEntry(row: EntryRow): SealedRecordEntry {
  return { ...toEntry(row), digest: row.digest ?? "", hash: row.hash ?? "" };
}

/**
 * The stored complete subtrees at `addresses` (see domain/merkle.ts), in one
 * query, each sought by its primary key (letter_id, level, idx): rows read are
 * the addresses asked for, O(log n) for a proof or a root, whatever the size
 * of the tree. CROSS JOIN keeps the JSON array as the outer loop; a plain JOIN
 * planned record_nodes outside (SEARCH n USING PRIMARY KEY (letter_id=?)) and
 * read the letter's whole tree, hundreds of thousands of rows for one proof
 * (issue 17; test/storage/record-rows.test.ts). @throws Error when one is
 * missing: the tree was not sealed that far, or its rows were deleted.
 */
export async function readRecordNodes(
  db: D1Database,
  letterId: number,
  addresses: readonly NodeAddress[],
): Promise<Hash[]> {
  if (addresses.length === 0) return [];
  const { results } = await db
    .prepare(
      // CROSS JOIN keeps the array outside, each node sought by its whole key: left to choose, SQLite walked the
      // letter's nodes once per address (54,000 rows read to seal 200 entries of a large letter: issue 17).
      `SELECT n.level, n.idx, n.hash FROM json_each(?2) j
       CROSS JOIN record_nodes n ON n.letter_id = ?1 AND n.level = j.value ->> 0 AND n.idx = j.value ->> 1`,
    )
    .bind(letterId, JSON.stringify(addresses.map(({ level, index }) => [level, index])))
    .all<{ level: number; idx: number; hash: string }>();
  const found = new Map(results.map((row) => [`${row.level}/${row.idx}`, hashFromHex(row.hash)]));
  return addresses.map(({ level, index }) => {
    const hash = found.get(`${level}/${index}`);
    if (!hash) throw new Error(`The record's tree has no node ${level}/${index}.`);
    return hash;
  });
}

/**
 * Hashes the letter's unsealed entries, oldest first, stores the complete
 * subtrees they finish, and moves the letter's sealed length and root.
 * Returns the number of sealed entries afterwards.
 */
export async function sealRecord(db: D1Database, letterId: number): Promise<number> {
  for (;;) {
    const head = await db
      .prepare("SELECT record_length, record_sealed FROM letters WHERE id = ?1")
      .bind(letterId)
      .first<{ record_length: number; record_sealed: number }>();
    if (!head || head.record_sealed >= head.record_length) return head?.record_sealed ?? 0;
    const { results } = await db
      .prepare(`SELECT ${ENTRY_COLUMNS} FROM record_entries WHERE letter_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3`)
      .bind(letterId, head.record_sealed, SEAL_BATCH)
      .all<EntryRow>();
    const tree = new MerkleFrontier(
      head.record_sealed,
      await readRecordNodes(db, letterId, rangeNodes(0, head.record_sealed)),
    );
    const sealed: Array<{ seq: number; digest: string; hash: string }> = [];
    const nodes: Array<[number, number, string]> = [];
    for (const row of results) {
      if (row.seq !== tree.size + 1) break;
      // An entry erased before it was sealed (a quick withdrawal) gets the digest of its erased fields.
      const digest = row.digest ?? (await detailsDigest(row));
      const leaf = await leafHash(leafData(row, digest));
      for (const node of await tree.append(leaf)) nodes.push([node.level, node.index, hashHex(node.hash)]);
      sealed.push({ seq: row.seq, digest, hash: hashHex(leaf) });
    }
    if (sealed.length === 0) return head.record_sealed;
    // Every write is guarded by the sealed length this batch was computed from, so a sealer that lost the
    // race writes nothing: an entry erased between two sealers' reads (a quick withdrawal) hashes
    // differently in each, and the loser's subtrees over it must never join the winner's leaves.
    const unmoved = "(SELECT record_sealed FROM letters WHERE id = ?1) = ?5";
    await db.batch([
      // The batch's entries are consecutive (seq first … last): each is sought by its key in that range and
      // finds its digest and hash at its offset in the JSON array. Joined with json_each instead, SQLite loops
      // over the range once per element of the array: n² rows read to seal n entries (issue 17;
      // test/jobs/maintenance-rows.test.ts).
      db
        .prepare(
          `UPDATE record_entries SET digest = (?2 -> CAST(seq - ?3 AS INTEGER)) ->> 0, hash = (?2 -> CAST(seq - ?3 AS INTEGER)) ->> 1
           WHERE letter_id = ?1 AND seq BETWEEN ?3 AND ?4 AND hash IS NULL AND ${unmoved}`,
        )
        .bind(
          letterId,
          JSON.stringify(sealed.map((entry) => [entry.digest, entry.hash])),
          sealed[0]!.seq,
          sealed.at(-1)!.seq,
          head.record_sealed,
        ),
      db
        .prepare(
          `INSERT OR IGNORE INTO record_nodes (letter_id, level, idx, hash)
           SELECT ?1, j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM json_each(?2) j
           WHERE ${unmoved.replace("?5", "?3")}`,
        )
        .bind(letterId, JSON.stringify(nodes), head.record_sealed),
      db
        .prepare("UPDATE letters SET record_sealed = ?2, record_root = ?3 WHERE id = ?1 AND record_sealed = ?4")
        .bind(letterId, tree.size, hashHex(await tree.root()), head.record_sealed),
    ]);
  }
}

/** MTH of the first `size` sealed entries (RFC 9162), from O(log size) stored nodes. */
export async function recordRootAt(db: D1Database, letterId: number, size: number): Promise<Hash> {
  return foldRange(await readRecordNodes(db, letterId, rangeNodes(0, size)));
}

/** The hashes of `ranges`, each a fold of its complete subtrees, read in one query. */
async function rangeHashes(db: D1Database, letterId: number, ranges: Array<[number, number]>): Promise<Hash[]> {
  const perRange = ranges.map(([lo, hi]) => rangeNodes(lo, hi));
  const hashes = await readRecordNodes(db, letterId, perRange.flat());
  let at = 0;
  return Promise.all(perRange.map((nodes) => foldRange(hashes.slice(at, (at += nodes.length)))));
}

/**
 * The inclusion proof of the entry numbered `seq` (1-based) in the tree of
 * the first `size` entries (RFC 9162 §2.1.3.1 PATH), from stored nodes.
 * @throws RangeError when seq is not within 1..size
 */
export function recordInclusionProof(db: D1Database, letterId: number, seq: number, size: number): Promise<Hash[]> {
  return rangeHashes(db, letterId, inclusionProofRanges(seq - 1, size));
}

/**
 * The consistency proof from the tree of the first `from` entries to that of
 * the first `to` (RFC 9162 §2.1.4.1 PROOF), from stored nodes.
 * @throws RangeError unless 0 ≤ from ≤ to
 */
export function recordConsistencyProof(db: D1Database, letterId: number, from: number, to: number): Promise<Hash[]> {
  return rangeHashes(db, letterId, consistencyProofRanges(from, to));
}

export interface RecordPage {
  entries: SealedRecordEntry[];
  /** The seq to continue after, or null when this page reaches the sealed head. */
  next: number | null;
}

/** Sealed entries after `afterSeq`, in order, up to `limit` of them and never past `upTo`. */
export async function listRecordEntries(
  db: D1Database,
  letterId: number,
  afterSeq: number,
  upTo: number,
  limit: number,
): Promise<RecordPage> {
  const { results } = await db
    .prepare(
      `SELECT ${ENTRY_COLUMNS} FROM record_entries WHERE letter_id = ?1 AND seq > ?2 AND seq <= ?3 ORDER BY seq LIMIT ?4`,
    )
    .bind(letterId, afterSeq, upTo, limit)
    .all<EntryRow>();
  const entries = results.map(sealedEntry);
  const last = entries.at(-1);
  return { entries, next: last && last.seq < upTo ? last.seq : null };
}

/**
 * The sealed entry numbered `seq` and every later sealed entry of the same
 * ref (what happened to that signature, or text version, afterwards), in
 * order, never past `upTo`; in one query through record_entries_by_ref, which
 * reads that ref's entries only. Null when the record has no sealed entry `seq`.
 */
export async function findEntryAndLater(
  db: D1Database,
  letterId: number,
  seq: number,
  upTo: number,
): Promise<{ entry: SealedRecordEntry; later: SealedRecordEntry[] } | null> {
  if (seq > upTo) return null;
  const { results } = await db
    .prepare(
      // Without INDEXED BY, SQLite (no statistics in D1) seeks seq >= ?2 by the primary key and reads every
      // later entry of the record, to the end (issue 17; test/storage/record-rows.test.ts).
      `SELECT ${ENTRY_COLUMNS} FROM record_entries INDEXED BY record_entries_by_ref
       WHERE letter_id = ?1 AND ref = (SELECT ref FROM record_entries WHERE letter_id = ?1 AND seq = ?2)
         AND seq >= ?2 AND seq <= ?3
       ORDER BY seq`,
    )
    .bind(letterId, seq, upTo)
    .all<EntryRow>();
  const [entry, ...later] = results.map(sealedEntry);
  return entry?.seq === seq ? { entry, later } : null;
}

/**
 * For each of `refs`, its latest sealed entry that counts it (signed or
 * restored), never past `upTo`: the entry a signer is told is theirs. Refs
 * without one are absent from the map. One query whatever the number of refs
 * (a JSON array through json_each, on record_entries_by_ref).
 */
export async function findCountingEntries(
  db: D1Database,
  letterId: number,
  refs: readonly string[],
  upTo: number,
): Promise<Map<string, SealedRecordEntry>> {
  const found = new Map<string, SealedRecordEntry>();
  if (refs.length === 0) return found;
  const { results } = await db
    .prepare(
      // Without INDEXED BY, SQLite (no statistics in D1) reads every entry of the letter by its primary key.
      `SELECT ${ENTRY_COLUMNS} FROM record_entries INDEXED BY record_entries_by_ref
       WHERE letter_id = ?1 AND ref IN (SELECT value FROM json_each(?2)) AND seq <= ?3 AND event IN ('signed', 'restored')`,
    )
    .bind(letterId, JSON.stringify([...new Set(refs)]), upTo)
    .all<EntryRow>();
  for (const row of results) {
    if ((found.get(row.ref)?.seq ?? 0) < row.seq) found.set(row.ref, sealedEntry(row));
  }
  return found;
}
