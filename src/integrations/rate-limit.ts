/**
 * Per-client, per-letter limits on sign attempts: the Workers Rate Limiting
 * binding (SIGN_RATE_LIMITER) when it is configured, else the same rule
 * counted in D1. Clients are known only by a keyed hash of their IP address
 * and the letter.
 *
 * The rule is a sliding window of RATE_PERIOD_SECONDS: at any moment, the
 * attempts of the last minute are estimated as those of the current fixed
 * minute plus those of the minute before, weighted by how much of it the
 * last 60 seconds still cover, and an attempt is admitted while the estimate
 * stays within the limit. It is the approximation Cloudflare's own rate
 * limiting uses ("Counting things, a lot of different things…",
 * https://blog.cloudflare.com/counting-things-a-lot-of-different-things/),
 * the infrastructure behind the binding, whose period can only be 10 or 60
 * seconds (https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/).
 * Unlike a fixed window, which admits twice its limit within a few seconds
 * across a minute's boundary, a burst at the end of one minute still weighs
 * almost fully at the start of the next; but only almost: the estimate takes
 * the previous minute's attempts as spread evenly over it, so ten at 09:00:59
 * weigh nine at 09:01:06, and one more then makes eleven within a minute. For
 * signing that is enough. The sign-in limits, which guard secrets and
 * mailboxes, use an exact rule of their own: checkRecentHits.
 */
import { bucketHitsOf, countHitInBuckets, countHitWithin, windowHits } from "../storage/rate-limits";

/** The sliding window, in seconds: the binding's longer period (it allows 10 or 60). */
export const RATE_PERIOD_SECONDS = 60;

/** The longest window checkSlidingRate counts over: an hour (the maintenance job keeps two). */
export const MAX_PERIOD_SECONDS = 3_600;

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt by `clientHash` on `letterId` and says whether it is
 * allowed (at most `limit` a sliding minute): through `limiter` (the Workers
 * Rate Limiting binding) when there is one, else (or when the binding throws)
 * in D1 through `db` (the app's guarded handle, so a failing write is
 * StorageUnavailable, answered 503 "send it again"). `now` in ms.
 */
export async function checkSignRate(
  limiter: RateLimit | undefined,
  db: D1Database,
  letterId: number,
  clientHash: string,
  limit: number,
  now: number,
): Promise<RateVerdict> {
  const key = `sign:${letterId}:${clientHash}`;
  if (limiter) {
    let success: boolean;
    try {
      ({ success } = await limiter.limit({ key }));
    } catch (error) {
      // The binding failed: the same rule counted in D1, rather than a 500 that loses the signer's form.
      console.error(JSON.stringify({ event: "rate_limiter_failed", error: String(error) }));
      return checkSlidingRate(db, key, limit, now);
    }
    // The binding does not say when it will admit again; one period is the longest wait.
    return success ? { allowed: true } : { allowed: false, retryAfterSeconds: RATE_PERIOD_SECONDS };
  }
  return checkSlidingRate(db, key, limit, now);
}

/**
 * The sliding-window rule counted in D1 for `key` at `now` (ms): admits the
 * hit and counts it while the estimate stays within `limit`; a refused hit
 * is not counted. Refused: the seconds until one more hit would be admitted.
 *
 * @param periodSeconds the window (RATE_PERIOD_SECONDS unless given): the
 *   same rule over a longer period (15 minutes, an hour) for limits on what
 *   a person asks for rarely; at most MAX_PERIOD_SECONDS, since the
 *   maintenance job deletes windows older than two of them
 */
export async function checkSlidingRate(
  db: D1Database,
  key: string,
  limit: number,
  now: number,
  periodSeconds = RATE_PERIOD_SECONDS,
): Promise<RateVerdict> {
  const periodMs = periodSeconds * 1_000;
  const windowStartMs = now - (now % periodMs);
  const start = windowStartMs / 1_000;
  const counts = await countHitWithin(
    db,
    key,
    // The previous window's weight as a ratio of whole ms, compared exactly (see countHitWithin).
    {
      start,
      previousStart: start - periodSeconds,
      previousRemainingMs: periodMs - (now - windowStartMs),
      periodMs,
    },
    limit,
  );
  if (counts.admitted) return { allowed: true };
  return { allowed: false, retryAfterSeconds: slidingRetryAfter(counts, limit, now, windowStartMs, periodMs) };
}

/**
 * Whether one more hit of each key would be admitted at `now` (ms) under its
 * limit, by the same sliding-window rule as checkSlidingRate, counting
 * nothing (one read for all the keys): a verdict per key, in the order
 * given, refused with the wait until it would be admitted. For limits on
 * failures, which are counted only once an attempt has failed but must
 * refuse before it is checked.
 */
export async function peekSlidingRates(
  db: D1Database,
  limits: readonly { key: string; limit: number }[],
  now: number,
): Promise<RateVerdict[]> {
  const periodMs = RATE_PERIOD_SECONDS * 1_000;
  const windowStartMs = now - (now % periodMs);
  const start = windowStartMs / 1_000;
  const hits = await windowHits(
    db,
    limits.map(({ key }) => key),
    start,
    start - RATE_PERIOD_SECONDS,
  );
  const previousRemainingMs = periodMs - (now - windowStartMs);
  return limits.map(({ key, limit }): RateVerdict => {
    const counts = hits.get(key) ?? { current: 0, previous: 0 };
    // The comparison countHitWithin makes, in whole numbers.
    const fits = (counts.current + 1) * periodMs + previousRemainingMs * counts.previous <= limit * periodMs;
    return fits
      ? { allowed: true }
      : { allowed: false, retryAfterSeconds: slidingRetryAfter(counts, limit, now, windowStartMs, periodMs) };
  });
}

/**
 * Whole seconds (at least 1) from `now` (ms) until `previous × (1 − elapsed) +
 * current + 1 ≤ limit`, if nobody else tries meanwhile: later in this window
 * when the current one has room, else in the next, where this window's hits
 * become the previous ones. Computed in whole ms as countHitWithin compares,
 * so that a client who waits exactly this long is admitted.
 */
export function slidingRetryAfter(
  { current, previous }: { current: number; previous: number },
  limit: number,
  now: number,
  windowStartMs: number,
  periodMs: number,
): number {
  // One more hit fits once the previous window's remaining ms are at most room × periodMs / previous
  // (rounded down: whole ms), i.e. from that many ms before the window's end.
  let at: number;
  if (current + 1 <= limit && previous > 0) {
    at = windowStartMs + periodMs - Math.floor(((limit - current - 1) * periodMs) / previous);
  } else {
    const share = Math.floor(((limit - 1) * periodMs) / Math.max(current, 1));
    at = windowStartMs + periodMs + Math.max(0, periodMs - share);
  }
  return Math.max(1, Math.ceil((at - now) / 1_000));
}

/**
 * The buckets a rolling window of `periodSeconds` is counted in: sixths of it (10 s of a minute,
 * 2½ minutes of 15, 10 of an hour). Finer buckets cost more rows; the last sixth is the most an
 * attempt may wait beyond the period (see checkRecentHits).
 */
export const BUCKETS_PER_PERIOD = 6;

/** The bucket `now` (ms) falls in, and the oldest bucket a window of `periodSeconds` at `now` overlaps, in seconds. */
function bucketsAt(now: number, periodSeconds: number): { start: number; oldest: number; bucketMs: number } {
  const bucketMs = (periodSeconds * 1_000) / BUCKETS_PER_PERIOD;
  const startMs = now - (now % bucketMs);
  return { start: startMs / 1_000, oldest: (startMs - periodSeconds * 1_000) / 1_000, bucketMs };
}

/**
 * Whole seconds (at least 1) from `now` (ms) until one more hit fits `limit`: each bucket stops
 * counting once the window's oldest bucket is past it (at its start + period + one bucket), the
 * oldest first.
 */
function rollingRetryAfter(
  buckets: readonly { start: number; hits: number }[],
  limit: number,
  now: number,
  periodSeconds: number,
  bucketMs: number,
): number {
  let counted = buckets.reduce((sum, bucket) => sum + bucket.hits, 0);
  let at = now;
  for (const bucket of buckets) {
    if (counted + 1 <= limit) break;
    counted -= bucket.hits;
    at = bucket.start * 1_000 + periodSeconds * 1_000 + bucketMs;
  }
  return Math.max(1, Math.ceil((at - now) / 1_000));
}

/**
 * The rule of the sign-in limits (wrong secrets, passkey attempts, sign-in links), counted in D1 for
 * `key` at `now` (ms): at most `limit` hits in any `periodSeconds`, however they fall around a
 * minute's (or an hour's) boundary. Hits are counted in buckets of a sixth of the period
 * (BUCKETS_PER_PERIOD), and a hit is admitted (and counted) while the hits of every bucket the last
 * period overlaps, the oldest one counted whole, stay within the limit: whatever window of that
 * length one looks at, it never holds more than `limit`. (checkSlidingRate's estimate, which weighs
 * the previous window by how much of it the period still covers, admits more when the hits came at
 * the end of that window: ten at 09:00:59 and one more at 09:01:07 is eleven within a minute.) The
 * price: a client at its limit may wait up to one bucket longer than the period. A refused hit is
 * not counted; refused, the seconds until one more would be admitted.
 *
 * @param periodSeconds at most MAX_PERIOD_SECONDS (the maintenance job deletes older buckets)
 */
export async function checkRecentHits(
  db: D1Database,
  key: string,
  limit: number,
  now: number,
  periodSeconds = RATE_PERIOD_SECONDS,
): Promise<RateVerdict> {
  const { start, oldest, bucketMs } = bucketsAt(now, periodSeconds);
  const counts = await countHitInBuckets(db, key, { start, oldest }, limit);
  if (counts.admitted) return { allowed: true };
  return { allowed: false, retryAfterSeconds: rollingRetryAfter(counts.buckets, limit, now, periodSeconds, bucketMs) };
}

/**
 * Whether one more hit of each key would be admitted at `now` (ms) under its limit in a minute, by
 * checkRecentHits' rule, counting nothing (one read for all the keys): a verdict per key, in the
 * order given, refused with the wait until it would be admitted. For limits on failures, which are
 * counted only once an attempt has failed but must refuse before it is checked.
 */
export async function peekRecentHits(
  db: D1Database,
  limits: readonly { key: string; limit: number }[],
  now: number,
): Promise<RateVerdict[]> {
  const { start, oldest, bucketMs } = bucketsAt(now, RATE_PERIOD_SECONDS);
  const found = await bucketHitsOf(
    db,
    limits.map(({ key }) => key),
    { start, oldest },
  );
  return limits.map(({ key, limit }): RateVerdict => {
    const buckets = found.get(key) ?? [];
    const counted = buckets.reduce((sum, bucket) => sum + bucket.hits, 0);
    return counted + 1 <= limit
      ? { allowed: true }
      : { allowed: false, retryAfterSeconds: rollingRetryAfter(buckets, limit, now, RATE_PERIOD_SECONDS, bucketMs) };
  });
}
