/**
 * Cloudflare Access for the organizer area (optional): when ACCESS_TEAM_DOMAIN
 * and ACCESS_AUD are set, a request carrying a valid Access JWT is an
 * organizer's, without the admin token. The team's public keys are fetched
 * once and kept for ten minutes (fetched again at once for a key id we have
 * not seen: Access rotates its keys).
 */
import { accessTeam, verifyAccessJwt, type AccessIdentity, type AccessKeySet } from "../domain/access-jwt";
import { ConfigurationError, type Bindings } from "../env";

const KEYS_MS = 10 * 60_000;
const keySets = new Map<string, { keys: AccessKeySet; fetchedAt: number }>();

async function fetchKeys(certsUrl: string): Promise<AccessKeySet> {
  const response = await fetch(certsUrl, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`Access certificates answered ${response.status}`);
  const body = await response.json<{ keys?: unknown }>();
  if (!Array.isArray(body.keys)) throw new Error("Access certificates without keys");
  return { keys: body.keys as AccessKeySet["keys"] };
}

/** Whether Access is configured for the organizer area. */
export function accessConfigured(env: Bindings): boolean {
  return Boolean(env.ACCESS_TEAM_DOMAIN?.trim() && env.ACCESS_AUD?.trim());
}

/** The Access identity of a request's JWT, or null (no header, invalid token, keys unavailable). */
export async function accessIdentity(
  env: Bindings,
  token: string | undefined,
  now = new Date(),
): Promise<AccessIdentity | null> {
  if (!token || !accessConfigured(env)) return null;
  const team = accessTeam(env.ACCESS_TEAM_DOMAIN!);
  if (!team)
    throw new ConfigurationError(
      `ACCESS_TEAM_DOMAIN must be a host such as your-team.cloudflareaccess.com, not "${env.ACCESS_TEAM_DOMAIN}".`,
    );
  const audience = env.ACCESS_AUD!.trim();
  const verify = (keys: AccessKeySet) => verifyAccessJwt(token, { keys, audience, issuer: team.issuer, now });
  try {
    const cached = keySets.get(team.certsUrl);
    if (cached && now.getTime() - cached.fetchedAt < KEYS_MS) {
      const identity = await verify(cached.keys);
      if (identity) return identity;
      // Perhaps a new key: look again, at most once a minute.
      if (now.getTime() - cached.fetchedAt < 60_000) return null;
    }
    const keys = await fetchKeys(team.certsUrl);
    keySets.set(team.certsUrl, { keys, fetchedAt: now.getTime() });
    return await verify(keys);
  } catch (error) {
    console.error(JSON.stringify({ event: "access_keys_unavailable", error: String(error) }));
    return null;
  }
}

/** Forgets the fetched keys (tests). */
export function forgetAccessKeys(): void {
  keySets.clear();
}
