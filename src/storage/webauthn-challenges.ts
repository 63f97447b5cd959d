/**
 * The webauthn_challenges table (migrations/0026), two uses by purpose:
 * - 'registration': the challenges the server gave a signed-in person for
 *   adding a passkey, each taken (deleted) by the one answer that uses it;
 * - 'authentication': the sign-in challenges already USED. Sign-in
 *   challenges are signed, not stored, when given (domain/passkeys.ts
 *   signedChallenge: anyone may ask, and asking costs no write), and
 *   recorded here by the first valid answer, until they expire, so that
 *   none is used twice.
 *
 * What its columns hold now (the comments in migrations/0026 describe the
 * first design, where every challenge given was stored; an applied
 * migration's SQL is not edited, so the truth is here):
 * - `challenge`: base64url, as the options gave it and clientDataJSON names
 *   it: 32 random bytes for 'registration'; for 'authentication', the
 *   56-byte signed challenge (expiry, 16 random bytes, HMAC).
 * - `purpose`: 'registration' (given, not yet answered) or 'authentication'
 *   (answered once: a replay is refused).
 * - `organizer_id`: the account a passkey is being added to; NULL for
 *   'authentication' (the passkey says whose it is).
 * - `expires_at`: ISO 8601, when the challenge stops being accepted (5
 *   minutes after it was given: CHALLENGE_SECONDS); a row past it is
 *   deleted by the next insert, since an expired challenge is refused by
 *   its expiry alone.
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

/**
 * Whether the signed sign-in challenge `challenge` was used already (one
 * read, nothing written: a cheap refusal of a replay before its signature
 * is checked).
 */
export async function isChallengeUsed(db: D1Database, challenge: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS used FROM webauthn_challenges WHERE challenge = ?1 AND purpose = 'authentication'")
    .bind(challenge)
    .first<{ used: number }>();
  return row !== null;
}

/**
 * Records the signed sign-in challenge `challenge` (live until `expiresAt`)
 * as used, unless it was already, and deletes the rows expired at `now`
 * (one batch: a transaction).
 *
 * @returns whether this use was the first (one statement: two answers with
 *   one challenge can't both be)
 */
export async function recordUsedChallenge(
  db: D1Database,
  challenge: string,
  expiresAt: Date,
  now: Date,
): Promise<boolean> {
  const [, inserted] = await db.batch<{ used: number }>([
    db.prepare("DELETE FROM webauthn_challenges WHERE expires_at <= ?1").bind(now.toISOString()),
    db
      .prepare(
        `INSERT INTO webauthn_challenges (challenge, purpose, organizer_id, expires_at)
         VALUES (?1, 'authentication', NULL, ?2) ON CONFLICT (challenge) DO NOTHING RETURNING 1 AS used`,
      )
      .bind(challenge, expiresAt.toISOString()),
  ]);
  return (inserted?.results.length ?? 0) === 1;
}
