/**
 * The D1 fallback of the per-client rate limit, driven with explicit times:
 * a sliding minute (two fixed windows, the previous one weighted by how much
 * of it the last 60 seconds still cover), counted per key, refused hits not
 * counted, Retry-After the wait until one more hit fits. (The answer a client
 * sees is in test/routes/bots-and-limits.test.ts.)
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  checkSignRate,
  checkSlidingRate,
  RATE_PERIOD_SECONDS,
  slidingRetryAfter,
} from "../../src/integrations/rate-limit";

/** A minute boundary (seconds since the epoch divisible by 60), in ms. */
const MINUTE = Date.parse("2030-06-15T12:00:00.000Z");
const PERIOD_MS = RATE_PERIOD_SECONDS * 1000;

function uniqueKey(): string {
  return `test:${crypto.randomUUID()}`;
}

async function hits(key: string, limit: number, times: number[]) {
  const verdicts = [];
  for (const at of times) verdicts.push(await checkSlidingRate(env.DB, key, limit, at));
  return verdicts;
}

describe("checkSlidingRate", () => {
  it("allows `limit` hits in a minute, then refuses with the seconds until one more fits", async () => {
    const key = uniqueKey();
    const verdicts = await hits(key, 2, [MINUTE + 10_000, MINUTE + 10_000, MINUTE + 10_000, MINUTE + 10_000]);
    // Two hits this minute: the next fits once 50% of the next minute has passed (2 × 0.5 + 1 = 2), 80 s on.
    expect(verdicts).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 80 },
      { allowed: false, retryAfterSeconds: 80 },
    ]);
    expect(await checkSlidingRate(env.DB, key, 2, MINUTE + 89_000)).toMatchObject({ allowed: false });
    expect(await checkSlidingRate(env.DB, key, 2, MINUTE + 90_001)).toEqual({ allowed: true });
  });

  it("never admits twice the limit across a minute's boundary, as a fixed window would", async () => {
    const key = uniqueKey();
    const limit = 20;
    // A burst at the end of one minute…
    const before = await hits(key, limit, Array<number>(25).fill(MINUTE + 59_000));
    expect(before.filter((verdict) => verdict.allowed)).toHaveLength(limit);
    // …still weighs almost fully two seconds later, in the next minute: nothing more fits.
    const after = await hits(key, limit, Array<number>(25).fill(MINUTE + 61_000));
    expect(after.filter((verdict) => verdict.allowed)).toHaveLength(0);
    // Within any minute from the burst on, at most `limit` more are admitted.
    let admitted = 0;
    for (let at = MINUTE + 61_000; at < MINUTE + 119_000; at += 1_000) {
      if ((await checkSlidingRate(env.DB, key, limit, at)).allowed) admitted += 1;
    }
    expect(admitted).toBeLessThanOrEqual(limit);
  });

  it("doesn't count refused hits: a client that keeps trying while refused waits no longer", async () => {
    const [patient, insistent] = [uniqueKey(), uniqueKey()];
    await hits(patient, 3, [MINUTE, MINUTE, MINUTE]);
    await hits(insistent, 3, [MINUTE, MINUTE, MINUTE, ...Array<number>(50).fill(MINUTE + 30_000)]);
    const [a, b] = [
      await checkSlidingRate(env.DB, patient, 3, MINUTE + 81_000),
      await checkSlidingRate(env.DB, insistent, 3, MINUTE + 81_000),
    ];
    expect(a).toEqual({ allowed: true });
    expect(b).toEqual({ allowed: true });
  });

  it("counts each key on its own", async () => {
    const [first, second] = [uniqueKey(), uniqueKey()];
    expect(await checkSlidingRate(env.DB, first, 1, MINUTE)).toEqual({ allowed: true });
    expect((await checkSlidingRate(env.DB, first, 1, MINUTE)).allowed).toBe(false);
    expect(await checkSlidingRate(env.DB, second, 1, MINUTE)).toEqual({ allowed: true });
  });
});

describe("slidingRetryAfter", () => {
  it("waits within this minute while it has room, else into the next", () => {
    // 10 last minute, 5 this minute, limit 10, 30 s in: 10 × 0.5 + 5 = 10; one more fits at 10 × (1 − x) ≤ 4, x = 0.6.
    expect(slidingRetryAfter({ previous: 10, current: 5 }, 10, MINUTE + 30_000, MINUTE, PERIOD_MS)).toBe(6);
    // This minute full: the next, once 10 × (1 − x) + 1 ≤ 10, x = 0.1.
    expect(slidingRetryAfter({ previous: 0, current: 10 }, 10, MINUTE + 30_000, MINUTE, PERIOD_MS)).toBe(36);
    // Never less than a second.
    expect(slidingRetryAfter({ previous: 10, current: 5 }, 10, MINUTE + 35_999, MINUTE, PERIOD_MS)).toBe(1);
  });
});

describe("checkSignRate", () => {
  it("counts per letter and client in D1 when no Rate Limiting binding is configured", async () => {
    const client = crypto.randomUUID();
    expect(await checkSignRate(undefined, env.DB, 1, client, 1, MINUTE)).toEqual({ allowed: true });
    expect(await checkSignRate(undefined, env.DB, 1, client, 1, MINUTE + 30_000)).toEqual({
      allowed: false,
      retryAfterSeconds: 90,
    });
    expect(await checkSignRate(undefined, env.DB, 2, client, 1, MINUTE + 30_000)).toEqual({ allowed: true });
    const row = await env.DB.prepare("SELECT hits FROM rate_limits WHERE key = ?1 AND window_start = ?2")
      .bind(`sign:1:${client}`, MINUTE / 1000)
      .first<{ hits: number }>();
    expect(row).toEqual({ hits: 1 });
  });
});
