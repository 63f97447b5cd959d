/** The organizer_sessions table: logins, looked up by the SHA-256 of their id. */

/** Stores a session that lasts until `expiresAt`. */
export async function insertSession(db: D1Database, idHash: string, expiresAt: Date): Promise<void> {
  await db
    .prepare("INSERT INTO organizer_sessions (id_hash, expires_at) VALUES (?1, ?2)")
    .bind(idHash, expiresAt.toISOString())
    .run();
}

/** Whether the session exists and has not expired at `now`. */
export async function isLiveSession(db: D1Database, idHash: string, now: Date): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS live FROM organizer_sessions WHERE id_hash = ?1 AND expires_at > ?2")
    .bind(idHash, now.toISOString())
    .first<{ live: number }>();
  return row !== null;
}

export async function deleteSession(db: D1Database, idHash: string): Promise<void> {
  await db.prepare("DELETE FROM organizer_sessions WHERE id_hash = ?1").bind(idHash).run();
}

/** Forgets sessions that expired before `now` (the maintenance job). */
export async function deleteExpiredSessions(db: D1Database, now: Date): Promise<number> {
  const result = await db
    .prepare("DELETE FROM organizer_sessions WHERE expires_at <= ?1")
    .bind(now.toISOString())
    .run();
  return result.meta.changes;
}
