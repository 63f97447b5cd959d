/**
 * The admin token's check, as the login route calls it (no HTTP), against
 * the real local D1: the right token only, never when none is configured,
 * and ten wrong tries a minute per connection. The clock is the test's, so the
 * tries never straddle a minute.
 */
import { describe, expect, it } from "vitest";
import { checkAdminToken, LOGIN_ATTEMPTS_PER_MINUTE } from "../../src/app/organizer-login";
import { ADMIN_TOKEN, randomIp } from "../helpers";
import { organizerDeps } from "./organizer-deps";

/** A clock stopped at the start of a one-minute window (an hour ahead), so that every try of a test falls in it. */
function stoppedClock(): () => Date {
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60 * 60_000);
  return () => start;
}

describe("checking the admin token", () => {
  it("accepts the token, and refuses another or none", async () => {
    const { deps } = organizerDeps({ now: stoppedClock() });
    const address = randomIp();
    expect(await checkAdminToken(deps, address, ADMIN_TOKEN)).toBe("accepted");
    for (const given of ["", "wrong-token-0123456789", `${ADMIN_TOKEN}x`]) {
      expect(await checkAdminToken(deps, address, given), given).toBe("refused");
    }
  });

  it("says no token is set when ADMIN_TOKEN is missing or shorter than 16 characters", async () => {
    for (const ADMIN_TOKEN of ["", "short"]) {
      const { deps } = organizerDeps({ env: { ADMIN_TOKEN } });
      expect(await checkAdminToken(deps, randomIp(), ADMIN_TOKEN)).toBe("unset");
    }
  });

  it("allows ten wrong tries a minute from one connection, then 429 with Retry-After, the right token too", async () => {
    const { deps } = organizerDeps({ now: stoppedClock() });
    const address = randomIp();
    for (let attempt = 0; attempt < LOGIN_ATTEMPTS_PER_MINUTE; attempt++) {
      expect(await checkAdminToken(deps, address, "guess-0123456789abcdef")).toBe("refused");
    }
    // At the start of a minute, ten tries count until the last 60 seconds no longer reach their 10-second bucket.
    await expect(checkAdminToken(deps, address, ADMIN_TOKEN)).rejects.toMatchObject({
      status: 429,
      extraHeaders: { "Retry-After": "70" },
    });
    // Another connection is not slowed by this one.
    expect(await checkAdminToken(deps, randomIp(), ADMIN_TOKEN)).toBe("accepted");
  });
});
