/** The api_tokens table (migrations/0024): per-person API tokens, found by the SHA-256 of the token. */
import { isLocale, type Locale } from "../domain/i18n";
import { lastUseHour } from "../domain/api-tokens";
import type { Role } from "../domain/organizer-roles";
import { knownTimeZone as accountTimeZone } from "../domain/time-zones";

/** A token as its person's list shows it (never the token: only its hash is stored). */
export interface ApiTokenListing {
  id: number;
  label: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** ISO 8601 UTC, to the hour (see touchApiToken), or null when never used. */
  lastUsedAt: string | null;
}

/** The person a working token belongs to, as a bearer check needs them. */
export interface ApiTokenHolder {
  tokenId: number;
  organizerId: number;
  name: string;
  role: Role;
  language: Locale | null;
  /** The account's time zone (organizers.time_zone, an IANA name), or null: none chosen. */
  timeZone: string | null;
  lastUsedAt: string | null;
  /** What its person said the token is for. */
  label: string;
}

/** Stores a token of `organizerId`; returns its id. */
export async function insertApiToken(
  db: D1Database,
  token: { organizerId: number; hash: string; label: string; createdAt: Date },
  cap: number,
): Promise<number | null> {
  // The count and the insert in one statement: requests sent at once can't each see room for one more.
  const row = await db
    .prepare(
      `INSERT INTO api_tokens (organizer_id, token_hash, label, created_at)
       SELECT ?1, ?2, ?3, ?4
       WHERE (SELECT count(*) FROM api_tokens WHERE organizer_id = ?1 AND revoked_at IS NULL) < ?5
       RETURNING id`,
    )
    .bind(token.organizerId, token.hash, token.label, token.createdAt.toISOString(), cap)
    .first<{ id: number }>();
  return row?.id ?? null;
}

/**
 * The holder of the token whose hash is `hash`, if the token is not revoked
 * and its person not disabled: one read by the unique index.
 */
export async function liveApiTokenHolder(db: D1Database, hash: string): Promise<ApiTokenHolder | null> {
  const row = await db
    .prepare(
      `SELECT t.id AS token_id, t.last_used_at, t.label, o.id AS organizer_id, o.name, o.role, o.language,
         o.time_zone
       FROM api_tokens AS t JOIN organizers AS o ON o.id = t.organizer_id
       WHERE t.token_hash = ?1 AND t.revoked_at IS NULL AND o.disabled_at IS NULL`,
    )
    .bind(hash)
    .first<{
      token_id: number;
      last_used_at: string | null;
      label: string;
      organizer_id: number;
      name: string;
      role: Role;
      language: string | null;
      time_zone: string | null;
    }>();
  if (!row) return null;
  return {
    tokenId: row.token_id,
    organizerId: row.organizer_id,
    name: row.name,
    role: row.role,
    language: isLocale(row.language) ? row.language : null,
    timeZone: accountTimeZone(row.time_zone),
    lastUsedAt: row.last_used_at,
    label: row.label,
  };
}

/**
 * The hour `now` falls in, as last_used_at keeps it (ISO 8601 UTC, minutes and seconds zero): a
 * token's "last used" is noted to the hour, so that a program calling the API all day writes its
 * token's row once an hour, not on every request (each write is a D1 row written, which Cloudflare
 * bills: issue 17).
 */
export function apiTokenUseHour(now: Date): string {
  return lastUseHour(now.toISOString());
}

/**
 * Notes that token `id` was used in `now`'s hour (apiTokenUseHour), unless it was noted in that hour
 * already: at most one row written per token per hour, even for requests sent at once. Never before
 * the token's creation: in the hour it was made, its creation time is noted instead of the hour's start.
 */
export async function touchApiToken(db: D1Database, id: number, now: Date): Promise<void> {
  const hour = apiTokenUseHour(now);
  await db
    .prepare(
      "UPDATE api_tokens SET last_used_at = max(?2, created_at) WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at < ?2)",
    )
    .bind(id, hour)
    .run();
}

/** The working tokens of `organizerId`, newest first. */
export async function listApiTokens(db: D1Database, organizerId: number): Promise<ApiTokenListing[]> {
  const { results } = await db
    .prepare(
      `SELECT id, label, created_at, last_used_at FROM api_tokens
       WHERE organizer_id = ?1 AND revoked_at IS NULL ORDER BY id DESC`,
    )
    .bind(organizerId)
    .all<{ id: number; label: string; created_at: string; last_used_at: string | null }>();
  return results.map((row) => ({
    id: row.id,
    label: row.label,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }));
}

/** The working token `id` of `organizerId`, or null (another's, revoked or unknown). */
export async function findApiToken(db: D1Database, organizerId: number, id: number): Promise<ApiTokenListing | null> {
  const row = await db
    .prepare(
      `SELECT id, label, created_at, last_used_at FROM api_tokens
       WHERE id = ?1 AND organizer_id = ?2 AND revoked_at IS NULL`,
    )
    .bind(id, organizerId)
    .first<{ id: number; label: string; created_at: string; last_used_at: string | null }>();
  return row ? { id: row.id, label: row.label, createdAt: row.created_at, lastUsedAt: row.last_used_at } : null;
}

/** Revokes token `id` of `organizerId` at `now`; whether it was working until then. */
export async function revokeApiToken(db: D1Database, organizerId: number, id: number, now: Date): Promise<boolean> {
  const result = await db
    .prepare("UPDATE api_tokens SET revoked_at = ?3 WHERE id = ?1 AND organizer_id = ?2 AND revoked_at IS NULL")
    .bind(id, organizerId, now.toISOString())
    .run();
  return result.meta.changes > 0;
}
