/**
 * The organizer_activity table (migrations/0025): the activity log. One writer, insertActivity,
 * called only by src/app/activity.ts recordActivity.
 */
import type { ActivityAction } from "../domain/activity";

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
  detail: string | null;
}

/**
 * Appends one entry. The letter's title is copied from the letters table in the same statement
 * (so that the entry still says which letter once it is deleted).
 */
export async function insertActivity(db: D1Database, row: ActivityRow): Promise<void> {
  await insertActivityStatement(db, row).run();
}

/** The statement insertActivity runs, for a caller that batches it with the change it logs. */
export function insertActivityStatement(db: D1Database, row: ActivityRow): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO organizer_activity
         (at, organizer_id, organizer_name, action, letter_id, letter_title, signature_id, before_json, after_json, detail)
       VALUES (?1, ?2, ?3, ?4, ?5, (SELECT title FROM letters WHERE id = ?5), ?6, ?7, ?8, ?9)`,
    )
    .bind(
      row.at,
      row.organizerId,
      row.organizerName,
      row.action,
      row.letterId,
      row.signatureId,
      row.beforeJson,
      row.afterJson,
      row.detail,
    );
}
