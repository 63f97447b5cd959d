/**
 * The record_entries table: sealing entries (computing their hashes in
 * order, right after they are written) and reading them a page at a time.
 *
 * Entries are appended inside the same transaction as the change they
 * record (see signatures.ts), with the hash left empty, because SQLite in D1
 * cannot compute SHA-256. Sealing is deterministic, so concurrent sealers
 * write the same hashes and the guard on the letter's head makes one of them
 * a no-op.
 */
import { detailsDigest, entryHash, genesisHash, type RecordEntry, type SealedRecordEntry } from "../domain/record";

interface EntryRow extends RecordEntry {
  digest: string | null;
  hash: string | null;
}

const ENTRY_COLUMNS = "seq, event, ref, kind, name, organization, title, city, country, salt, at, digest, hash";
const SEAL_BATCH = 200;

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

/**
 * Hashes the letter's unsealed entries, oldest first, and moves the letter's
 * head. Returns the number of sealed entries afterwards.
 */
export async function sealRecord(db: D1Database, letterId: number): Promise<number> {
  for (;;) {
    const head = await db
      .prepare("SELECT slug, record_length, record_sealed, record_head FROM letters WHERE id = ?1")
      .bind(letterId)
      .first<{ slug: string; record_length: number; record_sealed: number; record_head: string | null }>();
    if (!head || head.record_sealed >= head.record_length) return head?.record_sealed ?? 0;
    const { results } = await db
      .prepare(`SELECT ${ENTRY_COLUMNS} FROM record_entries WHERE letter_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3`)
      .bind(letterId, head.record_sealed, SEAL_BATCH)
      .all<EntryRow>();
    if (results.length === 0) return head.record_sealed;
    let previous = head.record_head ?? (await genesisHash(head.slug));
    let last = head.record_sealed;
    const updates: D1PreparedStatement[] = [];
    for (const row of results) {
      if (row.seq !== last + 1) break;
      // An entry erased before it was sealed (a quick withdrawal) gets the digest of its erased fields.
      const digest = row.digest ?? (await detailsDigest(row));
      const hash = await entryHash(previous, row, digest);
      updates.push(
        db
          .prepare(
            "UPDATE record_entries SET digest = ?3, hash = ?4 WHERE letter_id = ?1 AND seq = ?2 AND hash IS NULL",
          )
          .bind(letterId, row.seq, digest, hash),
      );
      previous = hash;
      last = row.seq;
    }
    if (updates.length === 0) return head.record_sealed;
    updates.push(
      db
        .prepare("UPDATE letters SET record_sealed = ?2, record_head = ?3 WHERE id = ?1 AND record_sealed = ?4")
        .bind(letterId, last, previous, head.record_sealed),
    );
    await db.batch(updates);
  }
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
  const entries = results.map((row) => ({ ...toEntry(row), digest: row.digest ?? "", hash: row.hash ?? "" }));
  const last = entries.at(-1);
  return { entries, next: last && last.seq < upTo ? last.seq : null };
}
