/**
 * Sign attempts refused after validation, counted per letter, UTC day and
 * reason (migrations/0011). Counts only: nothing that identifies anyone.
 */
import type { RefusalReason } from "../domain/bots";

/** Adds one refused attempt for `reason` on `letterId` on `day` (YYYY-MM-DD, UTC). */
export async function countRefusedAttempt(
  db: D1Database,
  letterId: number,
  day: string,
  reason: RefusalReason,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO refused_sign_attempts (letter_id, day, reason, attempts) VALUES (?1, ?2, ?3, 1)
       ON CONFLICT (letter_id, day, reason) DO UPDATE SET attempts = attempts + 1`,
    )
    .bind(letterId, day, reason)
    .run();
}

/** Refused attempts of one reason: since `since` (a YYYY-MM-DD day, inclusive) and in all. */
export interface RefusedAttemptCount {
  reason: RefusalReason;
  recent: number;
  total: number;
}

/** The letter's refused attempts per reason (only reasons that have any), the recent ones counted from `since`. */
export async function listRefusedAttempts(
  db: D1Database,
  letterId: number,
  since: string,
): Promise<RefusedAttemptCount[]> {
  const { results } = await db
    .prepare(
      `SELECT reason, sum(CASE WHEN day >= ?2 THEN attempts ELSE 0 END) AS recent, sum(attempts) AS total
       FROM refused_sign_attempts WHERE letter_id = ?1 GROUP BY reason`,
    )
    .bind(letterId, since)
    .all<RefusedAttemptCount>();
  return results;
}
