/**
 * The organizer_activity table (migrations/0025): the activity log. Its writers (insertActivity,
 * and the entries written at most once in a while: insertActivityUnlessSince, insertNetworkActivity)
 * are given rows made by src/app/activity.ts activityRow.
 */
import type { ActivityAction } from "../domain/activity";
import { readStoredDetail, type StoredDetail } from "../domain/activity-details";
import type { ActivityLogFilter } from "../domain/activity-filter";

/**
 * When `action` was last logged for the letter (ISO 8601 UTC), or null when the log has no such
 * entry (never logged, or pruned by deleteActivityBefore).
 */
export async function lastLetterActivityAt(
  db: D1Database,
  letterId: number,
  action: ActivityAction,
): Promise<string | null> {
  const row = await db
    .prepare("SELECT MAX(at) AS at FROM organizer_activity WHERE letter_id = ?1 AND action = ?2")
    .bind(letterId, action)
    .first<{ at: string | null }>();
  return row?.at ?? null;
}

/** One entry as it is stored. */
export interface ActivityRow {
  /** ISO 8601 UTC. */
  at: string;
  /** organizers.id, or null for the system. */
  organizerId: number | null;
  /** The person's name when they acted, or null for the system. */
  organizerName: string | null;
  action: ActivityAction;
  letterId: number | null;
  signatureId: number | null;
  /** JSON objects of the changed fields, or null. */
  beforeJson: string | null;
  afterJson: string | null;
  /** The detail in English words (cut at 1,000 characters), or null. */
  detail: string | null;
  /** The detail as its code and arguments, JSON (domain/activity-details.ts ActivityDetail), or null. */
  detailJson: string | null;
}

/** The columns insertActivityStatement writes, in its order (?1 … ?10). */
const INSERTED_COLUMNS = `organizer_activity
         (at, organizer_id, organizer_name, action, letter_id, letter_title, signature_id, before_json, after_json, detail,
          detail_json)`;

/** The values of INSERTED_COLUMNS from a row bound as ?1 … ?10 (the letter's title read from letters). */
const INSERTED_VALUES = "?1, ?2, ?3, ?4, ?5, (SELECT title FROM letters WHERE id = ?5), ?6, ?7, ?8, ?9, ?10";

/** `row` bound as ?1 … ?10, in INSERTED_COLUMNS' order (the title aside). */
function rowParams(row: ActivityRow): (string | number | null)[] {
  return [
    row.at,
    row.organizerId,
    row.organizerName,
    row.action,
    row.letterId,
    row.signatureId,
    row.beforeJson,
    row.afterJson,
    row.detail,
    row.detailJson,
  ];
}

/**
 * Appends one entry. The letter's title is copied from the letters table in the same statement
 * (so that the entry still says which letter once it is deleted).
 */
export async function insertActivity(db: D1Database, row: ActivityRow): Promise<void> {
  await insertActivityStatement(db, row).run();
}

/**
 * The statement insertActivity runs, for a caller that batches it with the change it logs. With
 * `onlyIf`, the entry is written only when the signature `id` carries `nonce` as its change_nonce
 * (storage/signatures.ts changeSignatureStatus): when the change in the same batch was made.
 */
export function insertActivityStatement(
  db: D1Database,
  row: ActivityRow,
  onlyIf?: { signatureId: number; nonce: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO ${INSERTED_COLUMNS}
       SELECT ${INSERTED_VALUES}
       WHERE ?11 IS NULL OR EXISTS (SELECT 1 FROM signatures WHERE id = ?11 AND change_nonce = ?12)`,
    )
    .bind(...rowParams(row), onlyIf?.signatureId ?? null, onlyIf?.nonce ?? null);
}

/**
 * The statement that appends `row` with what changed read from the database itself, for a caller
 * that batches it just before the UPDATE it logs: `source.from` names the row changed and the
 * change's condition ("organizers WHERE id = ?1 AND role != ?2 …", its parameters `source.params`
 * bound as ?1, ?2 …, `row`'s after them), and `source.before` is an SQL expression over that row
 * giving the entry's before_json (`json_object('role', role)`; `row.beforeJson` is not used). The
 * entry is written only when `from` selects the row: given the UPDATE's own condition, in the same
 * batch (a transaction), it is written exactly when the change is made, and says what the row held
 * then. A "before" read in an earlier statement could be stale by then: two changes at once would
 * both be logged from the same value, one of them a change that never happened.
 */
export function insertActivityBeforeStatement(
  db: D1Database,
  row: ActivityRow,
  source: { before: string; from: string; params: (string | number | null)[] },
): D1PreparedStatement {
  const at = (n: number) => `?${source.params.length + n}`;
  // INSERTED_VALUES' order, numbered after the source's parameters, before_json read from the row.
  const values = [1, 2, 3, 4, 5].map(at).join(", ");
  return db
    .prepare(
      `INSERT INTO ${INSERTED_COLUMNS}
       SELECT ${values}, (SELECT title FROM letters WHERE letters.id = ${at(5)}), ${at(6)}, ${source.before},
         ${at(8)}, ${at(9)}, ${at(10)}
       FROM ${source.from}`,
    )
    .bind(...source.params, ...rowParams(row));
}

/**
 * Appends `row` (an entry of organizer `row.organizerId` about letter `row.letterId`) unless the
 * log has one of the same person, action, letter and detail code, through the same way in (its
 * detail's `apiTokenId` and `apiToken`: the same API token, or ADMIN_TOKEN, or neither: a
 * session), at or after `since` (ISO 8601 UTC): a read through one token never hides a read
 * through another. The check and the write are in one statement, which D1 runs alone (one statement at a time
 * per database), so that requests at the same moment write one entry between them, never one
 * each. The earlier entry is sought among the window's entries (organizer_activity_by_time): a
 * read bounded by the window, where the person's or the letter's index would read their whole
 * history.
 *
 * @returns whether the entry was written
 */
export async function insertActivityUnlessSince(db: D1Database, row: ActivityRow, since: string): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO ${INSERTED_COLUMNS}
       SELECT ${INSERTED_VALUES}
       WHERE NOT EXISTS (
         SELECT 1 FROM organizer_activity INDEXED BY organizer_activity_by_time
         WHERE organizer_id = ?2 AND action = ?4 AND letter_id IS ?5 AND at >= ?11
           AND json_extract(detail_json, '$.code') IS json_extract(?10, '$.code')
           -- "->" gives JSON ('null' for ADMIN_TOKEN's id), SQL NULL only where the key is absent (a session).
           AND (detail_json -> '$.apiTokenId') IS (?10 -> '$.apiTokenId')
           AND (detail_json -> '$.apiToken') IS (?10 -> '$.apiToken'))`,
    )
    .bind(...rowParams(row), since)
    .run();
  return result.meta.changes > 0;
}

/**
 * Appends `row`, an entry whose detail's first argument names a client network (a refused
 * sign-in: app/organizer-login.ts), unless at or after `since` (ISO 8601 UTC) the log has
 * - an entry of the same action naming the same network: nothing is written; or
 * - `cap` entries of the same action and detail code (as many networks): then `overflow` (an
 *   entry of the same action saying that more networks were refused) is written instead, once
 *   since `since`.
 * Both in one batch (a transaction), each a check and its write in one statement: requests at the
 * same moment never write an entry each, and however many networks a distributed attempt comes
 * from, the log gets at most `cap` + 1 entries in the window. Found by organizer_activity_by_time.
 *
 * @returns "written" (the network's entry), "repeat" (its network had one), or "capped"
 *   (past `cap` networks: the overflow entry, if not written before, was written)
 */
export async function insertNetworkActivity(
  db: D1Database,
  row: ActivityRow,
  overflow: ActivityRow,
  since: string,
  cap: number,
): Promise<"written" | "repeat" | "capped"> {
  // ?11 since, ?12 the network's entry's detail (its code, and the network as its first argument), ?13 the cap.
  const recent = "FROM organizer_activity INDEXED BY organizer_activity_by_time WHERE at >= ?11 AND action = ?4";
  const networks = `(SELECT count(*) ${recent} AND json_extract(detail_json, '$.code') = json_extract(?12, '$.code'))`;
  const sameNetwork = `EXISTS (SELECT 1 ${recent} AND json_extract(detail_json, '$.args[0]') = json_extract(?12, '$.args[0]'))`;
  const guard = [since, row.detailJson, cap];
  const [own, more] = await db.batch([
    db
      .prepare(
        `INSERT INTO ${INSERTED_COLUMNS} SELECT ${INSERTED_VALUES} WHERE NOT ${sameNetwork} AND ${networks} < ?13`,
      )
      .bind(...rowParams(row), ...guard),
    db
      .prepare(
        `INSERT INTO ${INSERTED_COLUMNS} SELECT ${INSERTED_VALUES}
         WHERE NOT ${sameNetwork} AND ${networks} >= ?13
           AND NOT EXISTS (SELECT 1 ${recent} AND json_extract(detail_json, '$.code') = json_extract(?10, '$.code'))`,
      )
      .bind(...rowParams(overflow), ...guard),
  ]);
  if (own!.meta.changes > 0) return "written";
  return more!.meta.changes > 0 ? "capped" : "repeat";
}

/**
 * Deletes up to `limit` entries from before `cutoff` (ISO 8601 UTC), oldest first.
 *
 * @returns how many were deleted
 */
export async function deleteActivityBefore(db: D1Database, cutoff: string, limit: number): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM organizer_activity WHERE id IN
         (SELECT id FROM organizer_activity WHERE at < ?1 ORDER BY at LIMIT ?2)`,
    )
    .bind(cutoff, limit)
    .run();
  return result.meta.changes;
}

/** One entry as the owners' page and its CSV show it: with the letter and signature it names, as they are now. */
export interface ActivityListEntry {
  id: number;
  /** ISO 8601 UTC. */
  at: string;
  organizerId: number | null;
  organizerName: string | null;
  action: string;
  letterId: number | null;
  /** The letter's title now, or as it was when it was deleted; null for entries about no letter. */
  letterTitle: string | null;
  /** The letter's address now; null once it is deleted (or for entries about no letter). */
  letterSlug: string | null;
  signatureId: number | null;
  /** The signature's name and reference now; null once it is erased (or for entries about none). */
  signatureName: string | null;
  signatureRef: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The detail's English words; alone (without detailCode) for entries written before details had codes. */
  detail: string | null;
  /** The detail's code and arguments, to word in the reader's language (domain/activity-details.ts entryDetailWords). */
  detailCode: StoredDetail | null;
}

interface ListRow {
  id: number;
  at: string;
  organizer_id: number | null;
  organizer_name: string | null;
  action: string;
  letter_id: number | null;
  letter_title: string | null;
  letter_slug: string | null;
  current_title: string | null;
  signature_id: number | null;
  signature_name: string | null;
  signature_ref: string | null;
  before_json: string | null;
  after_json: string | null;
  detail: string | null;
  detail_json: string | null;
}

function parsed(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  const value: unknown = JSON.parse(json);
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * A page of the log, newest first, narrowed by `filter` (person 0: the system's entries; its days
 * already turned into instants, domain/activity-filter.ts activityLogFilter), starting after the
 * entry `before` (keyset: ids only grow).
 *
 * @param limit entries per page (the caller asks for one more to know whether older ones exist)
 */
export async function activityPage(
  db: D1Database,
  filter: ActivityLogFilter,
  { before, limit }: { before?: number; limit: number },
): Promise<ActivityListEntry[]> {
  // Only the filters given become conditions (not `?n IS NULL OR …`, which keeps SQLite from
  // choosing the index of the filter that is set: organizer, action, letter or time).
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  const where = (condition: string, value: string | number) => {
    params.push(value);
    conditions.push(condition.replaceAll("?", `?${params.length}`));
  };
  if (before !== undefined) where("a.id < ?", before);
  if (filter.person === 0) conditions.push("a.organizer_id IS NULL");
  else if (filter.person !== undefined) where("a.organizer_id = ?", filter.person);
  if (filter.action !== undefined) where("a.action = ?", filter.action);
  if (filter.letter !== undefined) where("a.letter_id = ?", filter.letter);
  if (filter.since) where("a.at >= ?", filter.since);
  if (filter.earlierThan) where("a.at < ?", filter.earlierThan);
  params.push(limit);
  const { results } = await db
    .prepare(
      `SELECT a.id, a.at, a.organizer_id, a.organizer_name, a.action, a.letter_id, a.letter_title,
         l.slug AS letter_slug, l.title AS current_title, a.signature_id, s.name AS signature_name,
         s.token AS signature_ref, a.before_json, a.after_json, a.detail, a.detail_json
       FROM organizer_activity a
       LEFT JOIN letters l ON l.id = a.letter_id
       LEFT JOIN signatures s ON s.id = a.signature_id
       ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""}
       ORDER BY a.id DESC
       LIMIT ?${params.length}`,
    )
    .bind(...params)
    .all<ListRow>();
  return results.map((row) => ({
    id: row.id,
    at: row.at,
    organizerId: row.organizer_id,
    organizerName: row.organizer_name,
    action: row.action,
    letterId: row.letter_id,
    letterTitle: row.current_title ?? row.letter_title,
    letterSlug: row.letter_slug,
    signatureId: row.signature_id,
    signatureName: row.signature_name,
    signatureRef: row.signature_ref,
    before: parsed(row.before_json),
    after: parsed(row.after_json),
    detail: row.detail,
    detailCode: readStoredDetail(row.detail_json),
  }));
}

/** The people the log names (for its filter): every organizer, by name, and whether they are still active. */
export async function activityPeople(db: D1Database): Promise<{ id: number; name: string; disabled: boolean }[]> {
  const { results } = await db
    .prepare("SELECT id, name, disabled_at FROM organizers ORDER BY name COLLATE NOCASE, id")
    .all<{ id: number; name: string; disabled_at: string | null }>();
  return results.map((row) => ({ id: row.id, name: row.name, disabled: row.disabled_at !== null }));
}
