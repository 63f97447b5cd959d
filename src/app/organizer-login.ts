/**
 * An organizer logging in with the admin token: at most ten tries a minute
 * from one connection (the token can't be guessed, and a script trying
 * should be slowed anyway), then the token compared in constant time. The
 * session it opens is a cookie's business (http/authentication.ts).
 */
import { constantTimeEqual, hmacHex } from "../domain/crypto";
import { configuredAdminToken } from "../domain/organizer-session";
import { checkSlidingRate } from "../integrations/rate-limit";
import type { AppDeps } from "./deps";
import { Problem } from "./problem";

/** Login attempts per connection in any minute (a sliding window: see integrations/rate-limit.ts). */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

/**
 * Checks the admin token `given` from the connection at `address` (its IP
 * address, known only by a keyed hash). Tries are counted once a token is
 * configured, the right one included.
 *
 * @returns "accepted"; "refused" for a wrong token; "unset" when no admin
 *   token (of at least 16 characters) is configured, so that nobody can log in
 * @throws Problem 429 with Retry-After (seconds) after ten tries within a minute
 */
export async function checkAdminToken(
  deps: AppDeps,
  address: string,
  given: string,
): Promise<"accepted" | "refused" | "unset"> {
  const token = configuredAdminToken(deps.env.ADMIN_TOKEN);
  if (!token) return "unset";
  const client = await hmacHex(deps.secretKey(), "client", `login:${address}`);
  const verdict = await checkSlidingRate(deps.db, `login:${client}`, LOGIN_ATTEMPTS_PER_MINUTE, deps.now().getTime());
  if (!verdict.allowed) {
    throw new Problem(
      429,
      "Too many attempts",
      "There were too many login attempts from your connection. Wait a minute and try again.",
      { "Retry-After": String(verdict.retryAfterSeconds) },
    );
  }
  return given !== "" && (await constantTimeEqual(given, token)) ? "accepted" : "refused";
}
