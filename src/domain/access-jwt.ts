/**
 * Cloudflare Access's JWT (the Cf-Access-Jwt-Assertion header Access adds to
 * every request it lets through): checked against the team's public keys,
 * the application's audience tag, the issuer and the token's times, as
 * https://developers.cloudflare.com/cloudflare-one/identity/authorization-cookie/validating-json/
 * describes. Pure: the keys are given.
 */
import { fromBase64Url } from "./crypto";

export interface AccessIdentity {
  /** Access's id for the user. */
  subject: string;
  email: string | null;
  /** When Access issued this application token (`iat`, seconds since the epoch), or null if it says not. */
  issuedAt: number | null;
  /** When the token expires (`exp`, seconds since the epoch): the application session ends then. */
  expiresAt: number;
}

export interface AccessKeySet {
  keys: readonly (JsonWebKey & { kid?: string })[];
}

const decoder = new TextDecoder();

function decodeJson(part: string): Record<string, unknown> | null {
  const bytes = fromBase64Url(part);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(decoder.decode(bytes));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The identity in `token` if it is a valid Access token for `audience` from `issuer` at `now`; else null. */
export async function verifyAccessJwt(
  token: string,
  options: { keys: AccessKeySet; audience: string; issuer: string; now: Date },
): Promise<AccessIdentity | null> {
  const parts = token.split(".");
  if (parts.length !== 3 || token.length > 8_192) return null;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  const signature = fromBase64Url(signaturePart);
  if (!header || !payload || !signature || header.alg !== "RS256") return null;
  const jwk = options.keys.keys.find((key) => key.kid === header.kid && key.kty === "RSA");
  if (!jwk) return null;
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey(
      "jwk",
      { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: "RS256", ext: true },
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
      false,
      ["verify"],
    );
  } catch {
    return null;
  }
  const signed = new TextEncoder().encode(`${headerPart}.${payloadPart}`);
  if (!(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, signed))) return null;
  const seconds = options.now.getTime() / 1000;
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(options.audience)) return null;
  if (payload.iss !== options.issuer) return null;
  if (typeof payload.exp !== "number" || payload.exp <= seconds) return null;
  if (typeof payload.nbf === "number" && payload.nbf > seconds + 60) return null;
  if (typeof payload.sub !== "string" || payload.sub === "") return null;
  return {
    subject: payload.sub,
    email: typeof payload.email === "string" ? payload.email : null,
    issuedAt: typeof payload.iat === "number" ? payload.iat : null,
    expiresAt: payload.exp,
  };
}

/**
 * What names one Access session of one person, for what must end with it
 * (the CSRF token of the forms drawn for them: http/authentication.ts):
 * "access:{sub}:{iat}:{exp}" of the application token. Access keeps one
 * application token for the application session's duration (the
 * CF_Authorization cookie) and issues a new one, with new times, when that
 * session is renewed or the person signs in again; an old one fails the
 * `exp` check. So a key seen once is worth nothing once its session is over.
 *
 * @see https://developers.cloudflare.com/cloudflare-one/identity/users/session-management/
 */
export function accessSessionKey(identity: AccessIdentity): string {
  return `access:${identity.subject}:${identity.issuedAt ?? ""}:${identity.expiresAt}`;
}

/** The issuer and the certificates' address of a team domain given as "team.cloudflareaccess.com" or with https://. */
export function accessTeam(domain: string): { issuer: string; certsUrl: string } | null {
  const host = domain
    .trim()
    .replace(/^https:\/\//, "")
    .replace(/\/$/, "");
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(host)) return null;
  return { issuer: `https://${host}`, certsUrl: `https://${host}/cdn-cgi/access/certs` };
}
