/**
 * The sign_in_links table (migrations/0023): emailed sign-in links and
 * invitations, by the SHA-256 of their token, each usable once before it
 * expires, and only for an account that is not disabled.
 */
import { isLocale } from "../domain/i18n";
import type { LinkPurpose, LinkState } from "../domain/organizer-accounts";

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
 * account reads as used.
 */
export async function signInLinkState(db: D1Database, tokenHash: string, now: Date): Promise<LinkState> {
  const row = await db
    .prepare(
      `SELECT l.organizer_id, l.purpose, l.expires_at, l.used_at, o.name, o.role, o.language, o.disabled_at
       FROM sign_in_links AS l JOIN organizers AS o ON o.id = l.organizer_id
       WHERE l.token_hash = ?1`,
    )
    .bind(tokenHash)
    .first<{
      organizer_id: number;
      purpose: LinkPurpose;
      expires_at: string;
      used_at: string | null;
      name: string;
      role: string;
      language: string | null;
      disabled_at: string | null;
    }>();
  if (!row) return { state: "unknown" };
  if (row.used_at !== null || row.disabled_at !== null) return { state: "used", purpose: row.purpose };
  if (row.expires_at <= now.toISOString()) return { state: "expired", purpose: row.purpose };
  return {
    state: "usable",
    organizerId: row.organizer_id,
    purpose: row.purpose,
    name: row.name,
    role: row.role,
    language: isLocale(row.language) ? row.language : null,
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
      `UPDATE sign_in_links SET used_at = ?2
       WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
         AND organizer_id IN (SELECT id FROM organizers WHERE disabled_at IS NULL)
       RETURNING organizer_id, purpose`,
    )
    .bind(tokenHash, at)
    .first<{ organizer_id: number; purpose: LinkPurpose }>();
  if (!row) return null;
  // The person is in: any other link of theirs (two asked in a row, an earlier invitation) ends.
  await endLinks(db, row.organizer_id, now);
  return { organizerId: row.organizer_id, purpose: row.purpose };
}

/** Ends (marks used at `now`) the person's outstanding links, of `purpose` only when given. */
export async function endLinks(db: D1Database, organizerId: number, now: Date, purpose?: LinkPurpose): Promise<void> {
  await endLinksStatement(db, organizerId, now, purpose).run();
}

/** The statement of endLinks, for a batch. */
export function endLinksStatement(
  db: D1Database,
  organizerId: number,
  now: Date,
  purpose?: LinkPurpose,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE sign_in_links SET used_at = ?2
       WHERE organizer_id = ?1 AND used_at IS NULL AND (?3 IS NULL OR purpose = ?3)`,
    )
    .bind(organizerId, now.toISOString(), purpose ?? null);
}

/** Forgets links that expired before `before` (the maintenance job may call it). */
export async function deleteExpiredSignInLinks(db: D1Database, before: Date): Promise<number> {
  const result = await db.prepare("DELETE FROM sign_in_links WHERE expires_at < ?1").bind(before.toISOString()).run();
  return result.meta.changes;
}
