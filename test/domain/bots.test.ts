/**
 * The form stamp, read and carried forward without HTTP: valid while it is
 * ours, for this letter, and younger than its lifetime; carried unchanged
 * while valid, replaced by one drawn now when not.
 */
import { describe, expect, it } from "vitest";
import {
  botVerdict,
  FILL_ALLOWANCE_MS,
  formStamp,
  formStampLifetimeMs,
  MINIMUM_FILL_MS,
  readFormStamp,
  stampToCarry,
} from "../../src/domain/bots";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const NOW = Date.parse("2030-06-15T12:00:00.000Z");
const LIFETIME = formStampLifetimeMs(60);

describe("form stamps", () => {
  it("live a day to fill the form in, plus the age a kept copy of the page may have", () => {
    expect(LIFETIME).toBe(FILL_ALLOWANCE_MS + 60_000);
    expect(FILL_ALLOWANCE_MS).toBe(86_400_000);
  });

  it("read as valid, expired or missing", async () => {
    const stamp = await formStamp(SECRET, "a-letter", NOW - 10_000);
    expect(await readFormStamp(SECRET, "a-letter", stamp, NOW, LIFETIME)).toEqual({
      state: "valid",
      stamp,
      drawnAt: NOW - 10_000,
    });
    expect(await readFormStamp(SECRET, "a-letter", stamp, NOW - 10_000 + LIFETIME, LIFETIME)).toMatchObject({
      state: "valid",
    });
    expect(await readFormStamp(SECRET, "a-letter", stamp, NOW - 10_000 + LIFETIME + 1, LIFETIME)).toEqual({
      state: "expired",
      drawnAt: NOW - 10_000,
    });
    const tampered = `${stamp.slice(0, -5)}${stamp.at(-5) === "B" ? "C" : "B"}${stamp.slice(-4)}`;
    for (const value of [undefined, "", 42, `${stamp}x`, tampered, `${NOW}.${"A".repeat(43)}`]) {
      expect(await readFormStamp(SECRET, "a-letter", value, NOW, LIFETIME), String(value)).toEqual({
        state: "missing",
      });
    }
    expect(await readFormStamp(SECRET, "another-letter", stamp, NOW, LIFETIME)).toEqual({ state: "missing" });
    expect(await readFormStamp(`${SECRET}-rotated`, "a-letter", stamp, NOW, LIFETIME)).toEqual({ state: "missing" });
  });

  it("are carried forward while valid, and drawn anew otherwise", async () => {
    const stamp = await formStamp(SECRET, "a-letter", NOW - 1_000);
    expect(await stampToCarry(SECRET, "a-letter", stamp, NOW, LIFETIME)).toBe(stamp);
    const fresh = await formStamp(SECRET, "a-letter", NOW);
    expect(await stampToCarry(SECRET, "a-letter", undefined, NOW, LIFETIME)).toBe(fresh);
    expect(await stampToCarry(SECRET, "a-letter", stamp, NOW + LIFETIME, LIFETIME)).toBe(
      await formStamp(SECRET, "a-letter", NOW + LIFETIME),
    );
  });

  it("give the bot verdict's reasons in order: honeypot, stamp, expiry, fill time", async () => {
    const verdict = async (fields: Record<string, unknown>) => botVerdict(SECRET, "a-letter", fields, NOW, LIFETIME);
    const fine = await formStamp(SECRET, "a-letter", NOW - MINIMUM_FILL_MS);
    expect(await verdict({ form_stamp: fine })).toEqual({ bot: false });
    expect(await verdict({ form_stamp: fine, url: "x" })).toEqual({ bot: true, reason: "honeypot" });
    expect(await verdict({})).toEqual({ bot: true, reason: "no-stamp" });
    expect(await verdict({ form_stamp: await formStamp(SECRET, "a-letter", NOW - LIFETIME - 1) })).toEqual({
      bot: true,
      reason: "expired",
    });
    expect(await verdict({ form_stamp: await formStamp(SECRET, "a-letter", NOW - MINIMUM_FILL_MS + 1) })).toEqual({
      bot: true,
      reason: "too-fast",
    });
  });
});
