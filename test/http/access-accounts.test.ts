/**
 * Cloudflare Access and organizers' accounts (issue 15): an Access identity
 * is the account with its email; one without an account is the bootstrap
 * owner only on a fresh deployment (no account but the admin token's), and
 * nobody once colleagues have accounts: Access letting a person through
 * must not make them an owner. (A file of its own: it needs a database
 * where nobody was invited yet.)
 */
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { toBase64Url } from "../../src/domain/crypto";
import { forgetAccessKeys } from "../../src/integrations/access";
import { fetchApp, parseHtml } from "../helpers";

const TEAM = "coalition.cloudflareaccess.com";
const AUD = "4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2";
const ACCESS = { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };

let keys: CryptoKeyPair;

beforeAll(async () => {
  keys = (await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
});

function serveCertificates() {
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = new Request(input).url;
    if (url !== `https://${TEAM}/cdn-cgi/access/certs`) return new Response("not found", { status: 404 });
    const jwk = await crypto.subtle.exportKey("jwk", keys.publicKey);
    return Response.json({ keys: [{ ...jwk, kid: "key-1", alg: "RS256", use: "sig" }] });
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  forgetAccessKeys();
});

async function jwt(email: string): Promise<string> {
  const encode = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
  const now = Math.floor(Date.now() / 1000);
  const claims = { aud: [AUD], iss: `https://${TEAM}`, sub: `user-${email}`, email, iat: now, exp: now + 600 };
  const head = `${encode({ alg: "RS256", kid: "key-1", typ: "JWT" })}.${encode(claims)}`;
  const signature = new Uint8Array(
    await crypto.subtle.sign("RSASSA-PKCS1-v1_5", keys.privateKey, new TextEncoder().encode(head)),
  );
  return `${head}.${toBase64Url(signature)}`;
}

function withAccess(path: string, email: string) {
  return jwt(email).then((token) =>
    fetchApp(path, ACCESS, { redirect: "manual", headers: { "Cf-Access-Jwt-Assertion": token } }),
  );
}

describe("Cloudflare Access identities and accounts", () => {
  it("makes an identity without an account the bootstrap owner on a fresh deployment only", async () => {
    serveCertificates();
    const fresh = await withAccess("/admin", "first@coalition.example");
    expect(fresh.status).toBe(200);
    expect(parseHtml(await fresh.text()).querySelector(".signed-in")!.text).toBe(
      "Signed in as Owner (admin token) (owner)",
    );

    await env.DB.prepare("INSERT INTO organizers (email, name, role) VALUES (?1, 'Nora', 'moderator')")
      .bind("nora@coalition.example")
      .run();

    // Now an identity Access lets through without an account is nobody here.
    const stranger = await withAccess("/admin/people", "stranger@coalition.example");
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get("Location")).toMatch(/^\/admin\/login\?/);
    expect((await withAccess("/admin/api/letters", "stranger@coalition.example")).status).toBe(401);

    // The identity with an account is that person, with their role.
    const nora = await withAccess("/admin", "Nora@coalition.example");
    expect(nora.status).toBe(200);
    expect(parseHtml(await nora.text()).querySelector(".signed-in")!.text).toBe("Signed in as Nora (moderator)");
    expect((await withAccess("/admin/people", "nora@coalition.example")).status).toBe(403);
  });
});
