/**
 * Cloudflare Access in front of the organizer area: a valid Access JWT
 * opens it without the admin token; a token that is forged, expired, for
 * another application or from another team does not. The team's keys are
 * served by a stand-in for Access's certificates address (test/access.ts).
 * The CSRF token of the forms drawn for an Access identity belongs to its
 * application token: one seen in an earlier Access session is refused in a
 * later one.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetAccessKeys } from "../../src/integrations/access";
import { accessJwt, otherKeys, serveAccessCertificates, withAccess } from "../access";
import { createLetter, fetchApp, formBody, parseHtml, SAME_ORIGIN_FORM } from "../helpers";

afterEach(() => {
  vi.restoreAllMocks();
  forgetAccessKeys();
});

/** The CSRF token in the forms of the organizer area's home page, drawn for Access token `token`. */
async function csrfOf(token: string): Promise<string> {
  const page = await withAccess("/admin", token);
  expect(page.status).toBe(200);
  return parseHtml(await page.text())
    .querySelector('input[name="csrf"]')!
    .getAttribute("value")!;
}

/** Posts a letter's stage change through Access with `token`, carrying `csrf`. */
function changeStage(slug: string, token: string, csrf: string, change: string) {
  return withAccess(`/admin/letters/${slug}/state`, token, {
    method: "POST",
    headers: SAME_ORIGIN_FORM,
    body: formBody({ csrf, change }),
  });
}

async function statusOf(slug: string): Promise<unknown> {
  return env.DB.prepare("SELECT status FROM letters WHERE slug = ?").bind(slug).first();
}

describe("Cloudflare Access", () => {
  it("opens the organizer area with a valid token, and its forms carry their CSRF token", async () => {
    const certificates = serveAccessCertificates();
    const letter = await createLetter({ status: "draft" });
    const token = await accessJwt();
    const csrf = await csrfOf(token);
    expect((await changeStage(letter.slug, token, csrf, "publish")).status).toBe(303);
    expect((await changeStage(letter.slug, token, "x", "close")).status).toBe(403);
    // The keys were fetched once for both requests.
    expect(certificates.fetched()).toBe(1);
    expect(await statusOf(letter.slug)).toEqual({ status: "open" });
  });

  it("binds the forms' CSRF token to the Access session: one from an earlier token is refused with a later one", async () => {
    serveAccessCertificates();
    const letter = await createLetter({ status: "draft" });
    const now = Math.floor(Date.now() / 1000);
    // The same person's application token of this morning's Access session, and of this afternoon's.
    const earlier = await accessJwt({ iat: now - 4 * 3600, nbf: now - 4 * 3600, exp: now + 60 });
    const later = await accessJwt({ iat: now - 60, nbf: now - 60, exp: now + 8 * 3600 });
    const seen = await csrfOf(earlier);
    // Within one Access session the token stays the same, so the pages drawn in it work.
    expect(await csrfOf(earlier)).toBe(seen);
    const current = await csrfOf(later);
    expect(current).not.toBe(seen);
    // A token seen once (a leaked page, a log) no longer works once that Access session is over.
    const replayed = await changeStage(letter.slug, later, seen, "publish");
    expect(replayed.status).toBe(403);
    expect(await statusOf(letter.slug)).toEqual({ status: "draft" });
    // What the page sent is kept, to send again with this session's token (a person's renewed session loses nothing).
    const kept = parseHtml(await replayed.text());
    expect(kept.querySelector('main form input[name="csrf"]')?.getAttribute("value")).toBe(current);
    expect(kept.querySelector('main form input[name="change"]')?.getAttribute("value")).toBe("publish");
    expect((await changeStage(letter.slug, later, current, "publish")).status).toBe(303);
    expect(await statusOf(letter.slug)).toEqual({ status: "open" });
    // Another person's token, of the same times, is no use either.
    const colleague = await accessJwt({ sub: "user-2", iat: now - 60, nbf: now - 60, exp: now + 8 * 3600 });
    expect(await csrfOf(colleague)).not.toBe(current);
  });

  it("refuses tokens that are forged, expired, for another application, another team, or unsigned", async () => {
    serveAccessCertificates();
    const now = Math.floor(Date.now() / 1000);
    const [header, payload] = (await accessJwt()).split(".");
    const refused = [
      await accessJwt({}, { key: (await otherKeys()).privateKey }),
      await accessJwt({}, { kid: "unknown-key" }),
      await accessJwt({ exp: now - 10 }),
      await accessJwt({ aud: ["another-application"] }),
      await accessJwt({ iss: "https://another-team.cloudflareaccess.com" }),
      await accessJwt({ sub: "" }),
      `${header}.${payload}.`,
      "not-a-jwt",
    ];
    for (const token of refused) {
      const response = await withAccess("/admin", token);
      expect(response.status, token.slice(-20)).toBe(303);
    }
  });

  it("is ignored when not configured, and fails closed when Access's keys can't be fetched", async () => {
    serveAccessCertificates();
    const token = await accessJwt();
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
