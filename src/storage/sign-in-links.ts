/**
 * The sign_in_links table (migrations/0023): emailed sign-in links and
 * invitations, by the SHA-256 of their token, each usable once before it
 * expires, and only for an account that is not disabled.
 */
import { isLocale } from "../domain/i18n";
import { isLinkEnd, type LinkEnd, type LinkPurpose, type LinkState } from "../domain/organizer-accounts";

/** A link to store. Times are stored as ISO 8601 UTC. */
export interface NewSignInLink {
  tokenHash: string;
  organizerId: number;
  purpose: LinkPurpose;
  createdAt: Date;
  expiresAt: Date;
}

export async function insertSignInLink(db: D1Database, link: NewSignInLink): Promise<void> {
  await db
    .prepare(
      `INSERT INTO sign_in_links (token_hash, organizer_id, purpose, created_at, expires_at)
       VALUES (?1, ?2, ?3, ?4, ?5)`,
    )
    .bind(link.tokenHash, link.organizerId, link.purpose, link.createdAt.toISOString(), link.expiresAt.toISOString())
    .run();
}

/**
 * The state of the link whose token hashes to `tokenHash` at `now`, read
 * only (a GET of the link's page must not use it up). A link of a disabled
 * account reads as "withdrawn"; one that ended reads as why it ended
 * (sign_in_links.end_reason; "used" for a link ended before reasons were
 * kept), even past its time: that says more than "expired". A link ended
 * when its account was disabled ('withdrawn'), of an account enabled again
 * since, reads as "restored": its access is no longer removed.
 */
export async function signInLinkState(db: D1Database, tokenHash: string, now: Date): Promise<LinkState> {
  const row = await db
    .prepare(
      `SELECT l.organizer_id, l.purpose, l.expires_at, l.used_at, l.end_reason, o.name, o.role, o.language, o.disabled_at
       FROM sign_in_links AS l JOIN organizers AS o ON o.id = l.organizer_id
       WHERE l.token_hash = ?1`,
    )
    .bind(tokenHash)
    .first<{
      organizer_id: number;
      purpose: LinkPurpose;
      expires_at: string;
      used_at: string | null;
      end_reason: string | null;
      name: string;
      role: string;
      language: string | null;
      disabled_at: string | null;
    }>();
  if (!row) return { state: "unknown" };
  const language = isLocale(row.language) ? row.language : null;
  const gone = (state: LinkEnd | "expired" | "restored"): LinkState => ({ state, purpose: row.purpose, language });
  if (row.disabled_at !== null) return gone("withdrawn");
  if (row.used_at !== null) {
    const end = isLinkEnd(row.end_reason) ? row.end_reason : "used";
    return gone(end === "withdrawn" ? "restored" : end);
  }
  if (row.expires_at <= now.toISOString()) return gone("expired");
  return {
    state: "usable",
    organizerId: row.organizer_id,
    purpose: row.purpose,
    name: row.name,
    role: row.role,
    language,
  };
}

/**
 * Uses the link up at `now`, if it is unused, unexpired and its person
 * active: one conditional UPDATE, so of two presses of its button only one
 * acts. Using a link also ends the person's other outstanding links.
 *
 * @returns the person and the link's purpose, or null when nothing changed
 */
export async function useSignInLink(
  db: D1Database,
  tokenHash: string,
  now: Date,
): Promise<{ organizerId: number; purpose: LinkPurpose } | null> {
  const at = now.toISOString();
  const row = await db
    .prepare(
      `UPDATE sign_in_links SET used_at = ?2, end_reason = 'used'
       WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
         AND organizer_id IN (SELECT id FROM organizers WHERE disabled_at IS NULL)
       RETURNING organizer_id, purpose`,
    )
    .bind(tokenHash, at)
    .first<{ organizer_id: number; purpose: LinkPurpose }>();
  if (!row) return null;
  // The person is in: any other link of theirs (two asked in a row, an earlier invitation) ends.
  await endLinks(db, row.organizer_id, now, "superseded");
  return { organizerId: row.organizer_id, purpose: row.purpose };
}

/**
 * Ends (marks used at `now`, for `reason`) the person's outstanding links, of `purpose` only when
 * given: "replaced" when a newer invitation is sent, "superseded" when they signed in with another.
 */
export async function endLinks(
  db: D1Database,
  organizerId: number,
  now: Date,
  reason: Exclude<LinkEnd, "used" | "withdrawn">,
  purpose?: LinkPurpose,
): Promise<void> {
  await db
    .prepare(
      `UPDATE sign_in_links SET used_at = ?2, end_reason = ?3
       WHERE organizer_id = ?1 AND used_at IS NULL AND (?4 IS NULL OR purpose = ?4)`,
    )
    .bind(organizerId, now.toISOString(), reason, purpose ?? null)
    .run();
}

/** Forgets links that expired before `before` (the maintenance job may call it). */
export async function deleteExpiredSignInLinks(db: D1Database, before: Date): Promise<number> {
  const result = await db.prepare("DELETE FROM sign_in_links WHERE expires_at < ?1").bind(before.toISOString()).run();
  return result.meta.changes;
}
