/**
 * The record_checkpoints table: the signed checkpoints of each letter's
 * record (migrations/0013), one per tree size, newest = largest size.
 *
 * A checkpoint is stored only when its size is beyond the letter's latest
 * one and, unless the caller says otherwise, when that latest one is older
 * than a given time, both checked by the INSERT itself: concurrent makers
 * (readers sealing the record in several isolates, the minute job) never
 * store two checkpoints of one size, a smaller one after a larger one, or
 * two within the interval. Reading the latest one is one lookup on the
 * primary key (letter_id, size).
 */

/** A stored checkpoint: the tree size and root (hex) it signs, when it was signed (ISO 8601), and the signed note. */
export interface StoredCheckpoint {
  size: number;
  root: string;
  at: string;
  note: string;
}

const COLUMNS = "size, root, at, note";

/**
 * The letter's checkpoint with the largest size no larger than `atMost`
 * (a document shows the checkpoint of a record at most as long as the one
 * it shows), or null.
 */
export function latestCheckpoint(
  db: D1Database,
  letterId: number,
  atMost: number = Number.MAX_SAFE_INTEGER,
): Promise<StoredCheckpoint | null> {
  return db
    .prepare(`SELECT ${COLUMNS} FROM record_checkpoints WHERE letter_id = ?1 AND size <= ?2 ORDER BY size DESC LIMIT 1`)
    .bind(letterId, atMost)
    .first<StoredCheckpoint>();
}

/**
 * A page of the letter's checkpoints, newest (largest size) first: those
 * smaller than `before` (every one when null), at most `limit`, and the
 * size to continue before, or null on the last page.
 */
export async function listCheckpoints(
  db: D1Database,
  letterId: number,
  before: number | null,
  limit: number,
): Promise<{ checkpoints: StoredCheckpoint[]; next: number | null }> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM record_checkpoints WHERE letter_id = ?1 AND size < ?2 ORDER BY size DESC LIMIT ?3`)
    .bind(letterId, before ?? Number.MAX_SAFE_INTEGER, limit + 1)
    .all<StoredCheckpoint>();
  const checkpoints = results.slice(0, limit);
  return { checkpoints, next: results.length > limit ? checkpoints.at(-1)!.size : null };
}

/**
 * Stores `checkpoint` unless the letter already has one of its size or
 * larger, or (when `notAfter` is given, an ISO 8601 time) its latest one was
 * signed after `notAfter`. One statement, so the check and the write are one.
 * @returns whether it was stored
 */
export async function insertCheckpoint(
  db: D1Database,
  letterId: number,
  checkpoint: StoredCheckpoint,
  { notAfter = null }: { notAfter?: string | null } = {},
): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT OR IGNORE INTO record_checkpoints (letter_id, size, root, at, note)
       SELECT ?1, ?2, ?3, ?4, ?5
       WHERE NOT coalesce(
         (SELECT size >= ?2 OR (?6 IS NOT NULL AND at > ?6) FROM record_checkpoints
          WHERE letter_id = ?1 ORDER BY size DESC LIMIT 1), 0)`,
    )
    .bind(letterId, checkpoint.size, checkpoint.root, checkpoint.at, checkpoint.note, notAfter)
    .run();
  return result.meta.changes > 0;
}

/** A letter's record as sealed: how many entries are sealed, their root (hex), and how many are written. */
export interface RecordHead {
  id: number;
  slug: string;
  sealed: number;
  root: string | null;
  length: number;
}

/**
 * Published letters (not drafts) whose record has entries to seal, or whose
 * sealed length is beyond their latest checkpoint: what the minute job signs.
 */
export async function lettersAwaitingCheckpoint(db: D1Database): Promise<RecordHead[]> {
  const { results } = await db
    .prepare(
      `SELECT id, slug, record_sealed AS sealed, record_root AS root, record_length AS length FROM letters l
       WHERE status <> 'draft' AND (record_sealed < record_length OR record_sealed >
         coalesce((SELECT max(size) FROM record_checkpoints c WHERE c.letter_id = l.id), 0))
       ORDER BY id`,
    )
    .all<RecordHead>();
  return results;
}

/** The letter's record head as it is now (after sealing), or null when the letter is gone. */
export function recordHead(db: D1Database, letterId: number): Promise<RecordHead | null> {
  return db
    .prepare(
      "SELECT id, slug, record_sealed AS sealed, record_root AS root, record_length AS length FROM letters WHERE id = ?1",
    )
    .bind(letterId)
    .first<RecordHead>();
}
