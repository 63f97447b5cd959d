/**
 * The D1 fallback of the per-client rate limit, driven with explicit times:
 * fixed one-minute windows, counted per key, Retry-After the rest of the
 * window. (The answer a client sees is in test/routes/bots-and-limits.test.ts.)
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { checkSignRate, checkWindowRate, RATE_WINDOW_SECONDS } from "../../src/integrations/rate-limit";

/** A minute boundary (seconds since the epoch divisible by 60), in ms. */
const MINUTE = Date.parse("2030-06-15T12:00:00.000Z");

function uniqueKey(): string {
  return `test:${crypto.randomUUID()}`;
}

describe("checkWindowRate", () => {
  it("allows `limit` hits in a window, then refuses with the seconds left in it", async () => {
    const key = uniqueKey();
    const verdicts = [];
    for (let hit = 0; hit < 4; hit++) verdicts.push(await checkWindowRate(env.DB, key, 2, MINUTE + 10_000));
    expect(verdicts).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 50 },
      { allowed: false, retryAfterSeconds: 50 },
    ]);
    expect(await checkWindowRate(env.DB, key, 2, MINUTE + 59_999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("starts afresh at the minute boundary, whatever the last window held", async () => {
    const key = uniqueKey();
    for (let hit = 0; hit < 3; hit++) await checkWindowRate(env.DB, key, 1, MINUTE + 59_000);
    expect(await checkWindowRate(env.DB, key, 1, MINUTE + RATE_WINDOW_SECONDS * 1000)).toEqual({ allowed: true });
    expect(await checkWindowRate(env.DB, key, 1, MINUTE + RATE_WINDOW_SECONDS * 1000 + 1)).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });
  });

  it("counts each key on its own", async () => {
    const [first, second] = [uniqueKey(), uniqueKey()];
    expect(await checkWindowRate(env.DB, first, 1, MINUTE)).toEqual({ allowed: true });
    expect((await checkWindowRate(env.DB, first, 1, MINUTE)).allowed).toBe(false);
    expect(await checkWindowRate(env.DB, second, 1, MINUTE)).toEqual({ allowed: true });
  });
});

describe("checkSignRate", () => {
  it("counts per letter and client in D1 when no Rate Limiting binding is configured", async () => {
    const client = crypto.randomUUID();
    expect(await checkSignRate(undefined, env.DB, 1, client, 1, MINUTE)).toEqual({ allowed: true });
    expect(await checkSignRate(undefined, env.DB, 1, client, 1, MINUTE + 30_000)).toEqual({
      allowed: false,
      retryAfterSeconds: 30,
    });
    expect(await checkSignRate(undefined, env.DB, 2, client, 1, MINUTE + 30_000)).toEqual({ allowed: true });
    const row = await env.DB.prepare("SELECT hits FROM rate_limits WHERE key = ?1 AND window_start = ?2")
      .bind(`sign:1:${client}`, MINUTE / 1000)
      .first<{ hits: number }>();
    expect(row).toEqual({ hits: 2 });
  });
});
