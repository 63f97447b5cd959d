/**
 * Cloudflare Access in front of the organizer area: a valid Access JWT
 * opens it without the admin token; a token that is forged, expired, for
 * another application or from another team does not. The team's keys are
 * served by a stand-in for Access's certificates address.
 */
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { toBase64Url } from "../../src/domain/crypto";
import { forgetAccessKeys } from "../../src/integrations/access";
import { createLetter, fetchApp, formBody, parseHtml, SAME_ORIGIN_FORM } from "../helpers";

const TEAM = "coalition.cloudflareaccess.com";
const AUD = "4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2";
const ACCESS = { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };

let keys: CryptoKeyPair;
let otherKeys: CryptoKeyPair;
let certificatesFetched = 0;

beforeAll(async () => {
  const algorithm = {
    name: "RSASSA-PKCS1-v1_5",
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: "SHA-256",
  };
  keys = (await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
  otherKeys = (await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
});

function serveCertificates() {
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = new Request(input).url;
    if (url !== `https://${TEAM}/cdn-cgi/access/certs`) return new Response("not found", { status: 404 });
    certificatesFetched++;
    const jwk = await crypto.subtle.exportKey("jwk", keys.publicKey);
    return Response.json({ keys: [{ ...jwk, kid: "key-1", alg: "RS256", use: "sig" }] });
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  forgetAccessKeys();
});

async function jwt(claims: Record<string, unknown>, { key = keys.privateKey, kid = "key-1" } = {}): Promise<string> {
  const encode = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
  const now = Math.floor(Date.now() / 1000);
  const head = `${encode({ alg: "RS256", kid, typ: "JWT" })}.${encode({ aud: [AUD], iss: `https://${TEAM}`, sub: "user-1", email: "coordinator@coalition.example", iat: now, exp: now + 600, ...claims })}`;
  const signature = new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(head)));
  return `${head}.${toBase64Url(signature)}`;
}

function withAccess(path: string, token: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("Cf-Access-Jwt-Assertion", token);
  return fetchApp(path, ACCESS, { redirect: "manual", ...init, headers });
}

describe("Cloudflare Access", () => {
  it("opens the organizer area with a valid token, and its forms carry their CSRF token", async () => {
    serveCertificates();
    const letter = await createLetter({ status: "draft" });
    const token = await jwt({});
    const page = await withAccess("/admin", token);
    expect(page.status).toBe(200);
    const csrf = parseHtml(await page.text())
      .querySelector('input[name="csrf"]')!
      .getAttribute("value")!;
    const publish = await withAccess(`/admin/letters/${letter.slug}/state`, token, {
      method: "POST",
      headers: SAME_ORIGIN_FORM,
      body: formBody({ csrf, change: "publish" }),
    });
    expect(publish.status).toBe(303);
    const forged = await withAccess(`/admin/letters/${letter.slug}/state`, token, {
      method: "POST",
      headers: SAME_ORIGIN_FORM,
      body: formBody({ csrf: "x", change: "close" }),
    });
    expect(forged.status).toBe(403);
    // The keys were fetched once for both requests.
    expect(certificatesFetched).toBe(1);
    const row = await env.DB.prepare("SELECT status FROM letters WHERE slug = ?").bind(letter.slug).first();
    expect(row).toEqual({ status: "open" });
  });

  it("refuses tokens that are forged, expired, for another application, another team, or unsigned", async () => {
    serveCertificates();
    const now = Math.floor(Date.now() / 1000);
    const [header, payload] = (await jwt({})).split(".");
    const refused = [
      await jwt({}, { key: otherKeys.privateKey }),
      await jwt({}, { kid: "unknown-key" }),
      await jwt({ exp: now - 10 }),
      await jwt({ aud: ["another-application"] }),
      await jwt({ iss: "https://another-team.cloudflareaccess.com" }),
      await jwt({ sub: "" }),
      `${header}.${payload}.`,
      "not-a-jwt",
    ];
    for (const token of refused) {
      const response = await withAccess("/admin", token);
      expect(response.status, token.slice(-20)).toBe(303);
    }
  });

  it("is ignored when not configured, and fails closed when Access's keys can't be fetched", async () => {
    serveCertificates();
    const token = await jwt({});
    const unconfigured = await fetchApp(
      "/admin",
      {},
      { headers: { "Cf-Access-Jwt-Assertion": token }, redirect: "manual" },
    );
    expect(unconfigured.status).toBe(303);
    vi.restoreAllMocks();
    vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("Network connection lost."));
    expect((await withAccess("/admin", token)).status).toBe(303);
  });
});
