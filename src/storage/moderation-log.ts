/**
 * The moderation log (migrations/0020): organizers' actions on a signature
 * that the public record does not tell, with their reason. One writer,
 * logModeration, so that who acted can be added in one place.
 */
import type { SignatureStatus } from "../domain/signature";

/** What the log keeps of one action. */
export interface ModerationLogEntry {
  letterId: number;
  signatureId: number;
  action: "confirm" | "resend";
  /** The organizer's words (required for "confirm"; at most 500 characters). */
  reason: string | null;
  from: SignatureStatus;
  to: SignatureStatus;
  /** When (ISO 8601 UTC). */
  at: string;
}

/** Appends `entry` to the log. */
export async function logModeration(db: D1Database, entry: ModerationLogEntry): Promise<void> {
  await db
    .prepare(
      `INSERT INTO moderation_log (letter_id, signature_id, action, reason, from_status, to_status, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(entry.letterId, entry.signatureId, entry.action, entry.reason, entry.from, entry.to, entry.at)
    .run();
}

/** The log of one signature, oldest first. */
export async function moderationLogOf(db: D1Database, signatureId: number): Promise<ModerationLogEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT letter_id, signature_id, action, reason, from_status, to_status, created_at
       FROM moderation_log WHERE signature_id = ?1 ORDER BY id`,
    )
    .bind(signatureId)
    .all<{
      letter_id: number;
      signature_id: number;
      action: ModerationLogEntry["action"];
      reason: string | null;
      from_status: SignatureStatus;
      to_status: SignatureStatus;
      created_at: string;
    }>();
  return results.map((row) => ({
    letterId: row.letter_id,
    signatureId: row.signature_id,
    action: row.action,
    reason: row.reason,
    from: row.from_status,
    to: row.to_status,
    at: row.created_at,
  }));
}
