/**
 * Secrets of too little randomness are treated as unset (issue 15): the
 * estimate (domain/token-strength.ts) must refuse what people type and
 * accept what `npm start` and `openssl rand -base64 32` make.
 */
import { describe, expect, it } from "vitest";
import { configuredAdminToken } from "../../src/domain/organizer-session";
import { estimatedBits, MIN_SECRET_BITS, weakSecretReason } from "../../src/domain/token-strength";
import { toBase64Url, toHex } from "../../src/domain/crypto";

function randomBytes(count: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(count));
}

describe("estimatedBits", () => {
  it.each([
    "aaaaaaaaaaaaaaaa",
    "passwordpassword",
    "Password123456789",
    "test-admin-token-0123456789",
    "Summer2024!Summer2024!",
    "0123456789abcdef0123",
    "qwertyuiopasdfghjkl",
    "abcdefghijklmnopqrstuvwxyz",
    "admin1234admin1234admin1234",
    "letmeinletmeinletmein",
    "9876543210987654321",
  ])("finds %s guessable (under 64 bits)", (secret) => {
    expect(estimatedBits(secret)).toBeLessThan(MIN_SECRET_BITS);
    expect(configuredAdminToken(secret)).toBeNull();
  });

  it("accepts every token npm start makes (18 random bytes, base64url) and what openssl rand -base64 32 prints", () => {
    for (let index = 0; index < 500; index++) {
      const token = toBase64Url(randomBytes(18));
      expect(estimatedBits(token), token).toBeGreaterThanOrEqual(MIN_SECRET_BITS);
      expect(configuredAdminToken(token)).toBe(token);
    }
    const openssl = btoa(String.fromCharCode(...randomBytes(32)));
    expect(configuredAdminToken(openssl)).toBe(openssl);
    // npm start's SECRET_KEY: 32 random bytes in hex.
    expect(weakSecretReason("SECRET_KEY", toHex(randomBytes(32)), 32)).toBeNull();
  });

  it("says why, and how to make a good one, without repeating the secret", () => {
    const reason = weakSecretReason("ADMIN_TOKEN", "passwordpassword", 16)!;
    expect(reason).toContain("ADMIN_TOKEN is too easy to guess");
    expect(reason).toContain("openssl rand -base64 32");
    expect(reason).not.toContain("passwordpassword");
    expect(weakSecretReason("ADMIN_TOKEN", "short", 16)).toContain("shorter than 16 characters");
    expect(estimatedBits("")).toBe(0);
  });

  it("costs a long secret on its first 256 characters, in little time", () => {
    const long = toBase64Url(randomBytes(600));
    expect(estimatedBits(long)).toBeGreaterThan(1_000);
    expect(estimatedBits("a".repeat(10_000))).toBeLessThan(MIN_SECRET_BITS);
  });
});
