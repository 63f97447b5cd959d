/**
 * Organizers proving who they are with a secret: the admin token on the
 * login form, and a bearer token on the JSON API (the admin token, or a
 * person's API token). Both are limited by one rule, so that guessing from
 * one client is slowed to nothing whichever door it knocks at:
 * - per client: at most BEARER_FAILURES_PER_MINUTE (LOGIN_ATTEMPTS_PER_MINUTE,
 *   the same ten) wrong secrets a minute, the login form's and bearer tokens
 *   counted together; past it, the admin token waits on both doors, the
 *   right one too (429), until the minute has room. The right admin token is
 *   never counted: signing in often locks nobody out. An API token (256
 *   random bits, never guessed) passes on the API whatever its client tried,
 *   so that a stranger sharing a network (a NAT, an IPv6 /64) can't stop a
 *   program;
 * - overall: at most SIGN_IN_FAILURES_PER_MINUTE wrong secrets a minute from
 *   everyone together; past it, wrong secrets are answered 429 without
 *   being checked further or counted (a read, no write), and the right
 *   one still passes: strangers can't lock the owner out.
 * What keeps a secret from being guessed by many clients together is its
 * strength, not a limit: ADMIN_TOKEN is refused at start below 64 bits of
 * estimated randomness (domain/token-strength.ts), API tokens hold 256.
 * A client is an IPv4 address, or an IPv6 address's /64
 * (domain/client-network.ts), known only by a keyed hash. Once a limit is
 * reached the attempts it covers are answered 429 with Retry-After until
 * the last 60 seconds hold fewer than the limit again (integrations/rate-limit.ts
 * checkRecentHits: exact around a minute's boundary). Each
 * refusal is logged as `{ event: "sign_in_refused", via, reason }`, never
 * with the secret.
 */
import { apiTokenHash, isApiTokenShape } from "../domain/api-tokens";
import { activityDetail, type ActivityDetail } from "../domain/activity-details";
import { clientNetwork, clientPrefix } from "../domain/client-network";
import { constantTimeEqual, hmacHex } from "../domain/crypto";
import { configuredAdminToken } from "../domain/organizer-session";
import { checkRecentHits, peekRecentHits, type RateVerdict } from "../integrations/rate-limit";
import { apiTokenUseHour, liveApiTokenHolder, touchApiToken, type ApiTokenHolder } from "../storage/api-tokens";
import { organizerById } from "../storage/organizers";
import { BOOTSTRAP_ORGANIZER_ID } from "../domain/organizer-roles";
import { insertNetworkActivity } from "../storage/activity";
import { activityRow } from "./activity";
import type { AppDeps } from "./deps";
import { organizerProblem, type Problem } from "./problem";

/** Wrong secrets per client in any 60 seconds, the login form's and bearer tokens together (integrations/rate-limit.ts checkRecentHits). */
export const BEARER_FAILURES_PER_MINUTE = 10;

/** The same limit, as the login form (and the passkeys' sign-in, per client of its own) knows it. */
export const LOGIN_ATTEMPTS_PER_MINUTE = BEARER_FAILURES_PER_MINUTE;

/** Wrong secrets (admin token on the login form, bearer tokens) from all clients together in any minute. */
export const SIGN_IN_FAILURES_PER_MINUTE = 100;

/** The rate-limit key of every connection's wrong secrets together. */
const ALL_FAILURES_KEY = "sign-in-failures:all";

type Via = "admin-token" | "bearer";

function logRefusal(via: Via, reason: "wrong-secret" | "too-many" | "unset" | "account-disabled"): void {
  console.warn(JSON.stringify({ event: "sign_in_refused", via, reason }));
}

function tooMany(via: Via, verdict: Extract<RateVerdict, { allowed: false }>): Problem {
  logRefusal(via, "too-many");
  return organizerProblem(429, via === "bearer" ? "tooManyTokens" : "tooManyLogins", [], {
    "Retry-After": String(verdict.retryAfterSeconds),
  });
}

/** How long one activity-log entry of refused sign-ins stands for a client network's next ones (ms): 15 minutes. */
export const REFUSED_SIGN_IN_LOG_MS = 15 * 60 * 1000;

/**
 * Client networks whose refused sign-ins get an entry of their own in any REFUSED_SIGN_IN_LOG_MS
 * (15 minutes); past them, one entry says that more came from other networks. Without it, a
 * guess spread over many networks would write up to SIGN_IN_FAILURES_PER_MINUTE (100) entries
 * a minute, burying the rest of the log.
 */
export const REFUSED_SIGN_IN_NETWORKS_LOGGED = 20;

/**
 * Counts one wrong secret from `address` overall and per client (clientKey); 429 once a limit is
 * passed. Within the limits, the refusal is also noted in the activity log for owners
 * (sign-in-refused, the system's), by the client's network (domain/client-network.ts
 * clientPrefix: an IPv4 /24, an IPv6 /64; never the address, never the secret), at most once per
 * network every REFUSED_SIGN_IN_LOG_MS (15 minutes), and for at most
 * REFUSED_SIGN_IN_NETWORKS_LOGGED networks in that time, then once for all the others
 * (signInRefusedElsewhere): at most 21 entries per 15 minutes, however many clients guess. Past
 * the overall limit nothing is written at all. Each check is made in the statement that writes
 * (storage/activity.ts insertNetworkActivity): refusals at the same moment never make an entry each.
 */
async function countFailure(deps: AppDeps, via: Via, clientKey: string, address: string): Promise<void> {
  const now = deps.now().getTime();
  const checks = [
    checkRecentHits(deps.db, ALL_FAILURES_KEY, SIGN_IN_FAILURES_PER_MINUTE, now),
    checkRecentHits(deps.db, clientKey, BEARER_FAILURES_PER_MINUTE, now),
  ];
  for (const verdict of await Promise.all(checks)) if (!verdict.allowed) throw tooMany(via, verdict);
  logRefusal(via, "wrong-secret");
  const system = { ...deps, actor: null };
  const entry = (detail: ActivityDetail) => activityRow(system, { action: "sign-in-refused", detail });
  await insertNetworkActivity(
    deps.db,
    entry(activityDetail("signInRefused", clientPrefix(address), via)),
    entry(activityDetail("signInRefusedElsewhere", REFUSED_SIGN_IN_NETWORKS_LOGGED, REFUSED_SIGN_IN_LOG_MS / 60_000)),
    new Date(now - REFUSED_SIGN_IN_LOG_MS).toISOString(),
    REFUSED_SIGN_IN_NETWORKS_LOGGED,
  );
}

/**
 * Checks the admin token `given` from the client at `address` (its IP
 * address: its /64 for IPv6, known only by a keyed hash). Wrong tries are
 * counted per client (with its wrong bearer tokens) and overall; the right
 * one is refused only while its client is past its limit.
 *
 * @returns "accepted"; "refused" for a wrong token; "unset" when no admin
 *   token is configured (or the one set is too weak: domain/token-strength.ts),
 *   so that nobody can log in; "disabled" for the right token while an owner
 *   has disabled its account (logged as sign_in_refused, "account-disabled")
 * @throws Problem 429 with Retry-After (seconds) after LOGIN_ATTEMPTS_PER_MINUTE
 *   wrong secrets (here or as bearer tokens) within a minute from the client, or for a wrong token once
 *   SIGN_IN_FAILURES_PER_MINUTE wrong secrets came from everyone
 */
export async function checkAdminToken(
  deps: AppDeps,
  address: string,
  given: string,
): Promise<"accepted" | "refused" | "unset" | "disabled"> {
  const token = configuredAdminToken(deps.env.ADMIN_TOKEN);
  if (!token) {
    logRefusal("admin-token", "unset");
    return "unset";
  }
  const clientKey = await failuresKey(deps, address);
  const [clientRoom] = await peekRecentHits(
    deps.db,
    [{ key: clientKey, limit: BEARER_FAILURES_PER_MINUTE }],
    deps.now().getTime(),
  );
  if (!clientRoom!.allowed) throw tooMany("admin-token", clientRoom!);
  if (given !== "" && (await constantTimeEqual(given, token))) {
    if (!(await bootstrapIsActive(deps))) {
      logRefusal("admin-token", "account-disabled");
      return "disabled";
    }
    return "accepted";
  }
  await countFailure(deps, "admin-token", clientKey, address);
  return "refused";
}

/**
 * The rate-limit key of the wrong secrets of the client at `address`, on the login form and as
 * bearer tokens together (and every passkey sign-in attempt: app/passkeys.ts).
 */
export async function failuresKey(deps: AppDeps, address: string): Promise<string> {
  return `sign-in-failures:${await clientHash(deps, "sign-in", address)}`;
}

/**
 * The keyed hash that stands for the client at `address` in the limits of
 * `purpose`: an IPv4 address whole, an IPv6 address by its /64
 * (domain/client-network.ts), never the address itself.
 */
export function clientHash(deps: AppDeps, purpose: string, address: string): Promise<string> {
  return hmacHex(deps.secretKey(), "client", `${purpose}:${clientNetwork(address)}`);
}

/** Whether an owner has left the admin token's account enabled: disabled, the right token signs nobody in. */
async function bootstrapIsActive(deps: AppDeps): Promise<boolean> {
  const account = await organizerById(deps.db, BOOTSTRAP_ORGANIZER_ID);
  return account !== null && account.disabledAt === null;
}

/** Whose a bearer token is: the admin token's (the bootstrap owner) or a person's API token. */
export type BearerHolder = { kind: "admin-token" } | { kind: "api-token"; holder: ApiTokenHolder };

/**
 * Checks the bearer token `given` from the client at `address`: an API
 * token (`us_…`) by one indexed read of its hash, anything else against
 * ADMIN_TOKEN in constant time. The client's and everyone's recent
 * failures are read at the same time (one read); a wrong token is counted
 * (while everyone's limit has room: past it, nothing is written).
 *
 * @returns the token's holder, or null for a wrong, revoked or disabled
 *   person's token (answered 401)
 * @throws Problem 429 with Retry-After (seconds) while the client has sent
 *   BEARER_FAILURES_PER_MINUTE wrong tokens in the last minute (its right
 *   admin token included), or for a wrong token while everyone has sent
 *   SIGN_IN_FAILURES_PER_MINUTE
 * @throws Problem 403 for the admin token while an owner has disabled its account
 */
export async function checkBearer(deps: AppDeps, address: string, given: string): Promise<BearerHolder | null> {
  const clientKey = await failuresKey(deps, address);
  const now = deps.now();
  const isApiToken = isApiTokenShape(given);
  const [rooms, holder] = await Promise.all([
    peekRecentHits(
      deps.db,
      [
        { key: clientKey, limit: BEARER_FAILURES_PER_MINUTE },
        { key: ALL_FAILURES_KEY, limit: SIGN_IN_FAILURES_PER_MINUTE },
      ],
      now.getTime(),
    ),
    isApiToken ? apiTokenHash(given).then((hash) => liveApiTokenHolder(deps.db, hash)) : Promise.resolve(null),
  ]);
  const [clientRoom, overallRoom] = [rooms[0]!, rooms[1]!];
  // A live API token (256 random bits: never guessed) passes whatever anyone tried, so that
  // strangers' failures can't lock out every program.
  if (holder && holder.organizerId !== BOOTSTRAP_ORGANIZER_ID) {
    // Noted once an hour: the holder's read already says whether this hour is noted, so most requests write nothing.
    if (!holder.lastUsedAt || holder.lastUsedAt < apiTokenUseHour(now)) {
      await touchApiToken(deps.db, holder.tokenId, now);
    }
    return { kind: "api-token", holder };
  }
  // The admin token waits only for its own client's failures; wrong tokens for everyone's too.
  if (!clientRoom.allowed) throw tooMany("bearer", clientRoom);
  if (!isApiToken) {
    const token = configuredAdminToken(deps.env.ADMIN_TOKEN);
    if (token && (await constantTimeEqual(given, token))) {
      if (await bootstrapIsActive(deps)) return { kind: "admin-token" };
      logRefusal("bearer", "account-disabled");
      throw organizerProblem(403, "adminTokenDisabled");
    }
  }
  if (!overallRoom.allowed) throw tooMany("bearer", overallRoom);
  await countFailure(deps, "bearer", clientKey, address);
  return null;
}
