/**
 * A stand-in for Cloudflare Access, for tests of the organizer area behind
 * it: a team, an application's audience tag, a key pair whose public half is
 * served at the team's certificates address (fetch is spied on), and JWTs
 * signed as Access signs the Cf-Access-Jwt-Assertion it adds to requests
 * (https://developers.cloudflare.com/cloudflare-one/identity/authorization-cookie/application-token/).
 * A test file that serves the certificates calls `vi.restoreAllMocks()` and
 * `forgetAccessKeys()` after each test.
 */
import { vi } from "vitest";
import { toBase64Url } from "../src/domain/crypto";
import { fetchApp } from "./helpers";

export const ACCESS_TEAM = "coalition.cloudflareaccess.com";
export const ACCESS_AUD = "4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2";
/** The bindings that put Access in front of the organizer area. */
export const ACCESS = { ACCESS_TEAM_DOMAIN: ACCESS_TEAM, ACCESS_AUD };

const ALGORITHM = {
  name: "RSASSA-PKCS1-v1_5",
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: "SHA-256",
};

let teamKeys: Promise<CryptoKeyPair> | null = null;

/** The team's key pair (made once per test file): its public key is the one served as "key-1". */
export function accessKeys(): Promise<CryptoKeyPair> {
  teamKeys ??= crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
  return teamKeys;
}

/** A key pair that is not the team's, for forged tokens. */
export function otherKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
}

/**
 * Answers fetches of the team's certificates address with its public key
 * (kid "key-1"), and any other address with 404.
 *
 * @returns how many times the certificates were fetched so far
 */
export function serveAccessCertificates(): { fetched: () => number } {
  let fetched = 0;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = new Request(input).url;
    if (url !== `https://${ACCESS_TEAM}/cdn-cgi/access/certs`) return new Response("not found", { status: 404 });
    fetched++;
    const jwk = await crypto.subtle.exportKey("jwk", (await accessKeys()).publicKey);
    return Response.json({ keys: [{ ...jwk, kid: "key-1", alg: "RS256", use: "sig" }] });
  });
  return { fetched: () => fetched };
}

/**
 * An application token as Access signs it: for user "user-1"
 * (coordinator@coalition.example), issued now, valid ten minutes, with
 * `claims` over those (seconds for iat and exp).
 */
export async function accessJwt(
  claims: Record<string, unknown> = {},
  { key, kid = "key-1" }: { key?: CryptoKey; kid?: string } = {},
): Promise<string> {
  const encode = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    aud: [ACCESS_AUD],
    iss: `https://${ACCESS_TEAM}`,
    sub: "user-1",
    email: "coordinator@coalition.example",
    type: "app",
    iat: now,
    nbf: now,
    exp: now + 600,
    ...claims,
  };
  const head = `${encode({ alg: "RS256", kid, typ: "JWT" })}.${encode(payload)}`;
  const signing = key ?? (await accessKeys()).privateKey;
  const signature = new Uint8Array(
    await crypto.subtle.sign("RSASSA-PKCS1-v1_5", signing, new TextEncoder().encode(head)),
  );
  return `${head}.${toBase64Url(signature)}`;
}

/** A request through Access: with `token` in Cf-Access-Jwt-Assertion, Access configured, redirects not followed. */
export function withAccess(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Cf-Access-Jwt-Assertion", token);
  return fetchApp(path, ACCESS, { redirect: "manual", ...init, headers });
}
