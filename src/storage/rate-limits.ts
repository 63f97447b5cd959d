/**
 * The D1 fallback of the per-client rate limit: a fixed-window counter per
 * key, used when the Workers Rate Limiting binding is not configured.
 */

/** Counts a hit for `key` in the window starting at `windowStart` (seconds) and returns the hits so far. */
export async function countHit(db: D1Database, key: string, windowStart: number): Promise<number> {
  const row = await db
    .prepare(
      `INSERT INTO rate_limits (key, window_start, hits) VALUES (?1, ?2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = hits + 1
       RETURNING hits`,
    )
    .bind(key, windowStart)
    .first<{ hits: number }>();
  return row?.hits ?? 1;
}

/** Forgets windows that ended before `before` (seconds). */
export async function deleteOldWindows(db: D1Database, before: number): Promise<number> {
  const result = await db.prepare("DELETE FROM rate_limits WHERE window_start < ?1").bind(before).run();
  return result.meta.changes;
}
