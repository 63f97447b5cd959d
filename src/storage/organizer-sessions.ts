/**
 * The organizer_sessions table (migrations/0022): each person's sign-ins,
 * looked up by the SHA-256 of their id, with the person they belong to.
 */
import { isLocale, type Locale } from "../domain/i18n";
import type { Role } from "../domain/organizer-roles";
import { knownTimeZone as accountTimeZone } from "../domain/time-zones";
import { SESSION_SECONDS, SESSION_SEEN_EVERY_SECONDS } from "../domain/organizer-session";

/** How a session was opened. */
export type SessionVia = "admin-token" | "magic-link" | "passkey";

/** A session to store. */
export interface NewSession {
  idHash: string;
  organizerId: number;
  via: SessionVia;
  /** For "admin-token" sessions: adminTokenFingerprint of the token; else null. */
  tokenFingerprint: string | null;
  /** The browser in a few words ("Chrome on Android"), at most 100 characters, or null. */
  device: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** The person a live session belongs to. */
export interface SessionHolder {
  organizerId: number;
  name: string;
  role: Role;
  language: Locale | null;
  /** The account's time zone (organizers.time_zone, an IANA name), or null: none chosen. */
  timeZone: string | null;
  via: SessionVia;
  tokenFingerprint: string | null;
  /** When the session was last noted as used (ISO 8601 UTC; see noteSessionSeen), or null. */
  lastSeenAt: string | null;
}

/**
 * Stores a session, and notes when its person last signed in (organizers.last_signed_in_at).
 *
 * @returns false, storing nothing, when the person is disabled
 */
export async function insertSession(db: D1Database, session: NewSession): Promise<boolean> {
  // Only for a person not disabled, checked in the statement that stores it: a disable that lands
  // between the sign-in's check and this write leaves no session to come back to life on enabling.
  const [, inserted] = await db.batch([
    db
      .prepare("UPDATE organizers SET last_signed_in_at = ?2 WHERE id = ?1 AND disabled_at IS NULL")
      .bind(session.organizerId, session.createdAt.toISOString()),
    db
      .prepare(
        `INSERT INTO organizer_sessions (id_hash, organizer_id, via, token_fingerprint, device, created_at, expires_at, last_seen_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6
       WHERE EXISTS (SELECT 1 FROM organizers WHERE id = ?2 AND disabled_at IS NULL)`,
      )
      .bind(
        session.idHash,
        session.organizerId,
        session.via,
        session.tokenFingerprint,
        session.device === null ? null : session.device.slice(0, 100),
        session.createdAt.toISOString(),
        session.expiresAt.toISOString(),
      ),
  ]);
  return inserted!.meta.changes === 1;
}

/** The person whose session this is, if it exists, has not expired at `now`, and its person is not disabled. */
export async function liveSessionHolder(db: D1Database, idHash: string, now: Date): Promise<SessionHolder | null> {
  const row = await db
    .prepare(
      `SELECT s.organizer_id, s.via, s.token_fingerprint, s.last_seen_at, o.name, o.role, o.language, o.time_zone
       FROM organizer_sessions AS s JOIN organizers AS o ON o.id = s.organizer_id
       WHERE s.id_hash = ?1 AND s.expires_at > ?2 AND o.disabled_at IS NULL`,
    )
    .bind(idHash, now.toISOString())
    .first<{
      organizer_id: number;
      via: SessionVia;
      token_fingerprint: string | null;
      last_seen_at: string | null;
      name: string;
      role: Role;
      language: string | null;
      time_zone: string | null;
    }>();
  if (!row) return null;
  return {
    organizerId: row.organizer_id,
    name: row.name,
    role: row.role,
    language: isLocale(row.language) ? row.language : null,
    timeZone: accountTimeZone(row.time_zone),
    via: row.via,
    tokenFingerprint: row.token_fingerprint,
    lastSeenAt: row.last_seen_at,
  };
}

/**
 * Notes that session `idHash` was used at `now`, unless a request noted it within
 * SESSION_SEEN_EVERY_SECONDS before (checked again in the statement: of two requests that both
 * read a stale time, one writes). Callers ask only when the time they read is stale
 * (domain/organizer-session.ts sessionSeenLongAgo), so most requests write nothing.
 */
export async function noteSessionSeen(db: D1Database, idHash: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - SESSION_SEEN_EVERY_SECONDS * 1000);
  await db
    .prepare(
      `UPDATE organizer_sessions SET last_seen_at = ?2
       WHERE id_hash = ?1 AND (last_seen_at IS NULL OR last_seen_at <= ?3)`,
    )
    .bind(idHash, now.toISOString(), staleBefore.toISOString())
    .run();
}

export async function deleteSession(db: D1Database, idHash: string): Promise<void> {
  await db.prepare("DELETE FROM organizer_sessions WHERE id_hash = ?1").bind(idHash).run();
}

/**
 * Forgets sessions that expired before `now` (the maintenance job), once their full SESSION_SECONDS
 * have passed too: one ended early (endSessionOf, an account disabled) is kept until then, so that
 * the browser that holds its cookie (which lasts as long: http/authentication.ts) can be told why.
 */
export async function deleteExpiredSessions(db: D1Database, now: Date): Promise<number> {
  const result = await db
    .prepare("DELETE FROM organizer_sessions WHERE expires_at <= ?1 AND created_at <= ?2")
    .bind(now.toISOString(), new Date(now.getTime() - SESSION_SECONDS * 1000).toISOString())
    .run();
  return result.meta.changes;
}

/** One of a person's live sessions, as their account page lists it. */
export interface SessionSummary {
  /** organizer_sessions.id_hash: names the session in the page's "End" form (never the session's id). */
  idHash: string;
  via: SessionVia;
  /** The browser in a few words, or null. */
  device: string | null;
  /** ISO 8601 UTC. */
  createdAt: string;
  expiresAt: string;
  /** When it was last used (ISO 8601 UTC), to within SESSION_SEEN_EVERY_SECONDS: see noteSessionSeen. */
  lastSeenAt: string;
}

/** The live sessions of organizer `organizerId` at `now`, newest first. */
export async function sessionsOf(db: D1Database, organizerId: number, now: Date): Promise<SessionSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT id_hash, via, device, created_at, expires_at, last_seen_at FROM organizer_sessions
       WHERE organizer_id = ?1 AND expires_at > ?2 ORDER BY created_at DESC, id_hash`,
    )
    .bind(organizerId, now.toISOString())
    .all<{
      id_hash: string;
      via: SessionVia;
      device: string | null;
      created_at: string;
      expires_at: string;
      last_seen_at: string | null;
    }>();
  return results.map((row) => ({
    idHash: row.id_hash,
    via: row.via,
    device: row.device,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at ?? row.created_at,
  }));
}

/**
 * Ends organizer `organizerId`'s live session `idHash` at `now` (another person's is left alone): it
 * expires then, and its row stays until its SESSION_SECONDS would have ended (deleteExpiredSessions),
 * so that the browser that held it can be told it was ended (see sessionRecord), not that it expired.
 *
 * @returns whether one ended
 */
export async function endSessionOf(db: D1Database, organizerId: number, idHash: string, now: Date): Promise<boolean> {
  const result = await db
    .prepare(
      "UPDATE organizer_sessions SET expires_at = ?3 WHERE id_hash = ?1 AND organizer_id = ?2 AND expires_at > ?3",
    )
    .bind(idHash, organizerId, now.toISOString())
    .run();
  return result.meta.changes > 0;
}

/** Ends every live session of organizer `organizerId` at `now`, as endSessionOf does one. @returns how many ended */
export async function endSessionsOf(db: D1Database, organizerId: number, now: Date): Promise<number> {
  const result = await db
    .prepare("UPDATE organizer_sessions SET expires_at = ?2 WHERE organizer_id = ?1 AND expires_at > ?2")
    .bind(organizerId, now.toISOString())
    .run();
  return result.meta.changes;
}

/** What is known of a session that is no longer live, for the browser that held it to be told why. */
export interface SessionRecord {
  via: SessionVia;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** When it expired or was ended (ISO 8601 UTC): SESSION_SECONDS after createdAt unless it was ended early. */
  expiresAt: string;
  /** Whether its person is disabled now. */
  disabled: boolean;
}

/** The session `idHash` as stored, live or not, with whether its person is disabled; null once forgotten. */
export async function sessionRecord(db: D1Database, idHash: string): Promise<SessionRecord | null> {
  const row = await db
    .prepare(
      `SELECT s.via, s.created_at, s.expires_at, o.disabled_at IS NOT NULL AS disabled
       FROM organizer_sessions AS s JOIN organizers AS o ON o.id = s.organizer_id WHERE s.id_hash = ?1`,
    )
    .bind(idHash)
    .first<{ via: SessionVia; created_at: string; expires_at: string; disabled: 0 | 1 }>();
  return row
    ? { via: row.via, createdAt: row.created_at, expiresAt: row.expires_at, disabled: row.disabled === 1 }
    : null;
}
