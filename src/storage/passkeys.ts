/**
 * The passkeys table (migrations/0026): each organizer's WebAuthn
 * credentials, by their credential id (base64url).
 */
import type { Role } from "../domain/organizer-roles";

/** A passkey as its owner's list shows it. */
export interface StoredPasskey {
  /** base64url */
  credentialId: string;
  organizerId: number;
  name: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** ISO 8601 UTC, or null before its first use. */
  lastUsedAt: string | null;
}

/** What signing in with a passkey needs: its public key and counter, and the person it belongs to. */
export interface PasskeyCredential extends StoredPasskey {
  /** The COSE public key, base64url. */
  publicKey: string;
  /** The signature counter at its last use (0: the authenticator keeps none). */
  counter: number;
  /** "internal", "hybrid", "usb", … */
  transports: string[];
  organizerName: string;
  role: Role;
  /** ISO 8601 UTC when an owner disabled the person, else null. */
  disabledAt: string | null;
}

/** A passkey to store, just verified. */
export interface NewPasskey {
  credentialId: string;
  organizerId: number;
  publicKey: string;
  counter: number;
  transports: readonly string[];
  name: string;
  createdAt: Date;
}

interface PasskeyRow {
  credential_id: string;
  organizer_id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

function passkey(row: PasskeyRow): StoredPasskey {
  return {
    credentialId: row.credential_id,
    organizerId: row.organizer_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

/**
 * Stores a passkey. False when its credential id is stored already (for
 * anyone: an authenticator makes each id once, so that is the same passkey
 * added twice).
 */
export async function insertPasskey(db: D1Database, key: NewPasskey): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO passkeys (credential_id, organizer_id, public_key, counter, transports, name, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (credential_id) DO NOTHING`,
    )
    .bind(
      key.credentialId,
      key.organizerId,
      key.publicKey,
      key.counter,
      key.transports.join(","),
      key.name,
      key.createdAt.toISOString(),
    )
    .run();
  return result.meta.changes === 1;
}

/** The passkeys of organizer `organizerId`, oldest first. */
export async function passkeysOf(db: D1Database, organizerId: number): Promise<StoredPasskey[]> {
  const { results } = await db
    .prepare(
      `SELECT credential_id, organizer_id, name, created_at, last_used_at FROM passkeys
       WHERE organizer_id = ?1 ORDER BY created_at, credential_id`,
    )
    .bind(organizerId)
    .all<PasskeyRow>();
  return results.map(passkey);
}

/** The credential ids of organizer `organizerId`'s passkeys with their transports (for excludeCredentials). */
export async function passkeyIdsOf(
  db: D1Database,
  organizerId: number,
): Promise<{ credentialId: string; transports: string[] }[]> {
  const { results } = await db
    .prepare("SELECT credential_id, transports FROM passkeys WHERE organizer_id = ?1")
    .bind(organizerId)
    .all<{ credential_id: string; transports: string }>();
  return results.map((row) => ({ credentialId: row.credential_id, transports: transportsOf(row.transports) }));
}

function transportsOf(text: string): string[] {
  return text === "" ? [] : text.split(",");
}

/** The passkey with this credential id with what signing in needs, or null. */
export async function passkeyCredential(db: D1Database, credentialId: string): Promise<PasskeyCredential | null> {
  const row = await db
    .prepare(
      `SELECT p.credential_id, p.organizer_id, p.name, p.created_at, p.last_used_at, p.public_key, p.counter,
         p.transports, o.name AS organizer_name, o.role, o.disabled_at
       FROM passkeys AS p JOIN organizers AS o ON o.id = p.organizer_id
       WHERE p.credential_id = ?1`,
    )
    .bind(credentialId)
    .first<
      PasskeyRow & {
        public_key: string;
        counter: number;
        transports: string;
        organizer_name: string;
        role: Role;
        disabled_at: string | null;
      }
    >();
  if (!row) return null;
  return {
    ...passkey(row),
    publicKey: row.public_key,
    counter: row.counter,
    transports: transportsOf(row.transports),
    organizerName: row.organizer_name,
    role: row.role,
    disabledAt: row.disabled_at,
  };
}

/**
 * Records a sign-in with the passkey: its new counter and when, only if its
 * counter is still `counterRead` (two answers racing with one counter: one
 * wins). Whether it was recorded.
 */
export async function recordPasskeyUse(
  db: D1Database,
  credentialId: string,
  counterRead: number,
  newCounter: number,
  at: Date,
): Promise<boolean> {
  const result = await db
    .prepare("UPDATE passkeys SET counter = ?3, last_used_at = ?4 WHERE credential_id = ?1 AND counter = ?2")
    .bind(credentialId, counterRead, newCounter, at.toISOString())
    .run();
  return result.meta.changes === 1;
}

/** Renames organizer `organizerId`'s passkey; whether there was one to rename. */
export async function renamePasskey(
  db: D1Database,
  organizerId: number,
  credentialId: string,
  name: string,
): Promise<boolean> {
  const result = await db
    .prepare("UPDATE passkeys SET name = ?3 WHERE credential_id = ?1 AND organizer_id = ?2")
    .bind(credentialId, organizerId, name)
    .run();
  return result.meta.changes === 1;
}

/** Deletes organizer `organizerId`'s passkey; its name, or null when there was none. */
export async function deletePasskey(db: D1Database, organizerId: number, credentialId: string): Promise<string | null> {
  const row = await db
    .prepare("DELETE FROM passkeys WHERE credential_id = ?1 AND organizer_id = ?2 RETURNING name")
    .bind(credentialId, organizerId)
    .first<{ name: string }>();
  return row?.name ?? null;
}
