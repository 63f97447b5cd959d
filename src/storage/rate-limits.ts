/**
 * The rate_limits table: hits per key per fixed window. The D1 fallback of
 * the per-client sign limit, used when the Workers Rate Limiting binding is
 * not configured, reads two windows at a time as a sliding window; the
 * sign-in limits read a period's buckets (sixths of it) at a time as a
 * rolling one (integrations/rate-limit.ts).
 */

/** The hits of a key in the current and the previous window, and whether this hit was admitted. */
export interface WindowCounts {
  admitted: boolean;
  /** Hits admitted in the current window, this one included when admitted. */
  current: number;
  /** Hits admitted in the window before it. */
  previous: number;
}

/**
 * Counts a hit for `key` in the window starting at `windowStart` (seconds)
 * only if it fits: `(current + 1) × periodMs + previousRemainingMs × previous
 * ≤ limit × periodMs`, where `previous` is the window starting at
 * `previousStart` and `previousRemainingMs / periodMs` is the share of it the
 * sliding period still covers. Whole numbers only, so the comparison is
 * exact: a weight like 2/3 in binary floating point would refuse a hit that
 * fits exactly (15 × (1 − 1/3) + 5 computes as 15.000000000000002), and
 * the wait a refused client was told would not be enough. One transaction,
 * so concurrent hits never admit more than the limit. A refused hit is not
 * counted: trying again while refused costs a client nothing more.
 */
export async function countHitWithin(
  db: D1Database,
  key: string,
  windows: { start: number; previousStart: number; previousRemainingMs: number; periodMs: number },
  limit: number,
): Promise<WindowCounts> {
  const previous = "coalesce((SELECT hits FROM rate_limits WHERE key = ?1 AND window_start = ?3), 0)";
  const [counted, read] = await db.batch([
    db
      .prepare(
        `INSERT INTO rate_limits (key, window_start, hits)
         SELECT ?1, ?2, 1 WHERE ?6 + ?4 * ${previous} <= ?5 * ?6
         ON CONFLICT (key, window_start) DO UPDATE SET hits = hits + 1
           WHERE (hits + 1) * ?6 + ?4 * ${previous} <= ?5 * ?6
         RETURNING hits`,
      )
      .bind(key, windows.start, windows.previousStart, windows.previousRemainingMs, limit, windows.periodMs),
    db
      .prepare("SELECT window_start, hits FROM rate_limits WHERE key = ?1 AND window_start IN (?2, ?3)")
      .bind(key, windows.start, windows.previousStart),
  ]);
  const rows = (read!.results ?? []) as { window_start: number; hits: number }[];
  const hitsIn = (start: number) => rows.find((row) => row.window_start === start)?.hits ?? 0;
  return {
    admitted: (counted!.results ?? []).length > 0,
    current: hitsIn(windows.start),
    previous: hitsIn(windows.previousStart),
  };
}

/** Forgets windows that ended before `before` (seconds). */
export async function deleteOldWindows(db: D1Database, before: number): Promise<number> {
  const result = await db.prepare("DELETE FROM rate_limits WHERE window_start < ?1").bind(before).run();
  return result.meta.changes;
}

/**
 * The hits of each of `keys` in the windows starting at `start` and
 * `previousStart` (seconds), counting nothing: one read, for a check that
 * must refuse before it knows whether the attempt fails (the bearer check).
 */
export async function windowHits(
  db: D1Database,
  keys: readonly string[],
  start: number,
  previousStart: number,
): Promise<Map<string, { current: number; previous: number }>> {
  const counts = new Map(keys.map((key) => [key, { current: 0, previous: 0 }]));
  if (keys.length === 0) return counts;
  const marks = keys.map((_, index) => `?${index + 3}`).join(", ");
  const { results } = await db
    .prepare(`SELECT key, window_start, hits FROM rate_limits WHERE window_start IN (?1, ?2) AND key IN (${marks})`)
    .bind(start, previousStart, ...keys)
    .all<{ key: string; window_start: number; hits: number }>();
  for (const row of results) {
    const count = counts.get(row.key);
    if (!count) continue;
    if (row.window_start === start) count.current = row.hits;
    else count.previous = row.hits;
  }
  return counts;
}

/** A key's hits in the buckets (starting at `window_start`, seconds) that a rolling window reads, oldest first. */
export interface BucketHits {
  admitted: boolean;
  buckets: { start: number; hits: number }[];
}

/**
 * Counts a hit for `key` in the bucket starting at `start` (seconds) only if the hits of every bucket
 * from `oldest` to `start` (seconds), this one included, stay within `limit` with it: one
 * transaction, so concurrent hits never admit more. A refused hit is not counted.
 *
 * @returns whether it was admitted, and the buckets from `oldest` to `start` as they are after it
 */
export async function countHitInBuckets(
  db: D1Database,
  key: string,
  { start, oldest }: { start: number; oldest: number },
  limit: number,
): Promise<BucketHits> {
  // Buckets after this one (a clock set back) are not counted: only the period up to now is.
  const recent = "(SELECT coalesce(sum(hits), 0) FROM rate_limits WHERE key = ?1 AND window_start BETWEEN ?3 AND ?2)";
  const [counted, read] = await db.batch([
    db
      .prepare(
        `INSERT INTO rate_limits (key, window_start, hits)
         SELECT ?1, ?2, 1 WHERE ${recent} + 1 <= ?4
         ON CONFLICT (key, window_start) DO UPDATE SET hits = hits + 1 WHERE ${recent} + 1 <= ?4
         RETURNING hits`,
      )
      .bind(key, start, oldest, limit),
    db
      .prepare(
        "SELECT window_start, hits FROM rate_limits WHERE key = ?1 AND window_start BETWEEN ?2 AND ?3 ORDER BY window_start",
      )
      .bind(key, oldest, start),
  ]);
  const rows = (read!.results ?? []) as { window_start: number; hits: number }[];
  return {
    admitted: (counted!.results ?? []).length > 0,
    buckets: rows.map((row) => ({ start: row.window_start, hits: row.hits })),
  };
}

/** Each of `keys`' buckets from `oldest` to `start` (seconds), oldest first, counting nothing: one read. */
export async function bucketHitsOf(
  db: D1Database,
  keys: readonly string[],
  { start, oldest }: { start: number; oldest: number },
): Promise<Map<string, { start: number; hits: number }[]>> {
  const found = new Map(keys.map((key) => [key, [] as { start: number; hits: number }[]]));
  if (keys.length === 0) return found;
  const marks = keys.map((_, index) => `?${index + 3}`).join(", ");
  const { results } = await db
    .prepare(
      `SELECT key, window_start, hits FROM rate_limits WHERE key IN (${marks}) AND window_start BETWEEN ?1 AND ?2`,
    )
    .bind(oldest, start, ...keys)
    .all<{ key: string; window_start: number; hits: number }>();
  // Ordered here, not by SQL: a few rows per key, and the index seek needs no sort step.
  for (const row of [...results].sort((a, b) => a.window_start - b.window_start))
    found.get(row.key)?.push({ start: row.window_start, hits: row.hits });
  return found;
}
