/**
 * The D1 fallback of the per-client rate limit, used when the Workers Rate
 * Limiting binding is not configured: hits per key per fixed window, read
 * two windows at a time as a sliding window (integrations/rate-limit.ts).
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
