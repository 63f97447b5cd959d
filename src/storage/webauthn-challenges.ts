/**
 * The webauthn_challenges table (migrations/0026): the challenges the
 * server gave browsers for a passkey ceremony, each taken by the one answer
 * that uses it.
 */

export type ChallengePurpose = "registration" | "authentication";

/**
 * Stores a challenge until `expiresAt`, for `purpose` (and, adding a
 * passkey, the account it is for), and deletes the challenges expired at
 * `now`, so that the table holds only the last few minutes' (one batch: a
 * transaction).
 */
export async function insertChallenge(
  db: D1Database,
  challenge: { challenge: string; purpose: ChallengePurpose; organizerId: number | null; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db.batch([
    db.prepare("DELETE FROM webauthn_challenges WHERE expires_at <= ?1").bind(now.toISOString()),
    db
      .prepare("INSERT INTO webauthn_challenges (challenge, purpose, organizer_id, expires_at) VALUES (?1, ?2, ?3, ?4)")
      .bind(challenge.challenge, challenge.purpose, challenge.organizerId, challenge.expiresAt.toISOString()),
  ]);
}

/**
 * Takes (deletes) the challenge if it was given for `purpose` (and
 * `organizerId`, or null when signing in) and is still live at `now`:
 * whether it was. One statement, so two answers with one challenge can't
 * both take it.
 */
export async function takeChallenge(
  db: D1Database,
  challenge: string,
  purpose: ChallengePurpose,
  organizerId: number | null,
  now: Date,
): Promise<boolean> {
  const row = await db
    .prepare(
      `DELETE FROM webauthn_challenges
       WHERE challenge = ?1 AND purpose = ?2 AND organizer_id IS ?3 AND expires_at > ?4
       RETURNING 1 AS taken`,
    )
    .bind(challenge, purpose, organizerId, now.toISOString())
    .first<{ taken: number }>();
  return row !== null;
}
