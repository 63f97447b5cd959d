/**
 * Per-client, per-letter limits on sign attempts: the Workers Rate Limiting
 * binding (SIGN_RATE_LIMITER) when it is configured, else a fixed one-minute
 * window counted in D1. Clients are known only by a keyed hash of their IP
 * address and the letter.
 */
import { countHit } from "../storage/rate-limits";

export const RATE_WINDOW_SECONDS = 60;

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt by `clientHash` on `letterId` and says whether it is
 * allowed: through `limiter` (the Workers Rate Limiting binding) when there
 * is one, else in D1 through `db` (the app's guarded handle, so a failing
 * write is StorageUnavailable, answered 503 "send it again").
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
    const { success } = await limiter.limit({ key });
    // The binding does not say when its window ends; one window is the longest wait.
    return success ? { allowed: true } : { allowed: false, retryAfterSeconds: RATE_WINDOW_SECONDS };
  }
  return checkWindowRate(db, key, limit, now);
}

/** Counts one hit for `key` in the current one-minute window, counted in D1, and says whether it is within `limit`. */
export async function checkWindowRate(db: D1Database, key: string, limit: number, now: number): Promise<RateVerdict> {
  const seconds = Math.floor(now / 1000);
  const windowStart = seconds - (seconds % RATE_WINDOW_SECONDS);
  const hits = await countHit(db, key, windowStart);
  return hits <= limit
    ? { allowed: true }
    : { allowed: false, retryAfterSeconds: windowStart + RATE_WINDOW_SECONDS - seconds };
}
