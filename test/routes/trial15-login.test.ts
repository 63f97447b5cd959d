/**
 * Issue 15's fresh-eyed trial: "No language switch before signing in, and no reason after being
 * signed out". The login page offers the area's languages (plain links: the choice is kept in a
 * cookie, no account needed), and after a session ends elsewhere (logged out everywhere, the
 * account disabled, expired, the admin token changed) the login page says why, in the area's
 * language: a reason code travels in the redirect, never a secret.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { adminMessagesFor } from "../../src/domain/i18n";
import {
  fetchApp,
  fetchWorker,
  formBody,
  logIn,
  organizerFetch,
  organizerPost,
  parseHtml,
  randomIp,
  SAME_ORIGIN_FORM,
  sessionAs,
  stopClock,
  texts,
  type OrganizerSession,
} from "../helpers";

afterEach(() => {
  vi.useRealTimers();
});

/** Where `session`'s browser is sent when it opens /admin/letters/new, and that login page as `language` reads it. */
async function sentToLogin(session: OrganizerSession, language = "en", bindings: Partial<Cloudflare.Env> = {}) {
  const headers = { Cookie: session.cookie, "Accept-Language": language };
  const response = await fetchApp("/admin/letters/new", bindings, { headers, redirect: "manual" });
  expect(response.status).toBe(303);
  const location = response.headers.get("Location")!;
  const page = await fetchWorker(location, { headers: { "Accept-Language": language } });
  const document = parseHtml(await page.text());
  return { location, notice: texts(document, ".flash")[0] ?? null };
}

describe("signed out elsewhere", () => {
  it("after “Log out everywhere” on another device, the login page says the session was ended", async () => {
    const person = await sessionAs("editor");
    const here = { cookie: person.cookie, csrf: person.csrf };
    const other = await sessionAs("editor");
    // The same person's second browser: a second session of the same account.
    const second = await logInAgainAs(person.organizerId);
    expect((await organizerPost(second, "/admin/account/sessions/end-all", {})).status).toBe(303);
    const { location, notice } = await sentToLogin(here, "es");
    expect(location).toBe("/admin/login?next=%2Fadmin%2Fletters%2Fnew&why=ended");
    expect(notice).toBe(adminMessagesFor("es").login.sessionEnded.ended);
    // Someone else's session is not theirs to end.
    expect((await organizerFetch(other, "/admin")).status).toBe(200);
  });

  it("after an owner disabled the account, it says so", async () => {
    const owner = await sessionAs("owner");
    const person = await sessionAs("moderator");
    const disabled = await organizerPost(owner, `/admin/people/${person.organizerId}/disable`, { confirmed: "yes" });
    expect(disabled.status).toBe(303);
    // The maintenance job (every 5 minutes) keeps a session ended early while its cookie can still be sent.
    const { deleteExpiredSessions } = await import("../../src/storage/organizer-sessions");
    await deleteExpiredSessions(env.DB, new Date());
    const { location, notice } = await sentToLogin(person, "fr");
    expect(location).toContain("why=disabled");
    expect(notice).toBe(adminMessagesFor("fr").login.sessionEnded.disabled);
  });

  it("once the session expired, or the admin token changed, it says that", async () => {
    stopClock("2031-03-01T08:00:00.000Z");
    const person = await sessionAs("viewer");
    vi.setSystemTime(new Date("2031-03-01T20:00:01.000Z"));
    const expired = await sentToLogin(person, "pt");
    expect(expired.location).toContain("why=expired");
    expect(expired.notice).toBe(adminMessagesFor("pt").login.sessionEnded.expired);
    vi.useRealTimers();

    const bootstrap = await logIn();
    const changed = await sentToLogin(bootstrap, "en", { ADMIN_TOKEN: "Zr8wNq3vKt6yLp2mXc9bFh5d" });
    expect(changed.location).toContain("why=token-changed");
    expect(changed.notice).toBe("The admin token was changed, which ends the sessions opened with it. Log in again.");
  });

  it("through Cloudflare Access, an identity whose account was disabled is told so", async () => {
    const { serveAccessCertificates, accessJwt, withAccess } = await import("../access");
    const { forgetAccessKeys } = await import("../../src/integrations/access");
    serveAccessCertificates();
    const owner = await sessionAs("owner");
    const person = await sessionAs("editor");
    const token = await accessJwt({ sub: "user-disabled", email: person.email });
    expect((await withAccess("/admin", token)).status).toBe(200);
    expect(
      (await organizerPost(owner, `/admin/people/${person.organizerId}/disable`, { confirmed: "yes" })).status,
    ).toBe(303);
    const refused = await withAccess("/admin", token);
    expect(refused.status).toBe(303);
    expect(refused.headers.get("Location")).toBe("/admin/login?next=%2Fadmin&why=disabled");
    vi.restoreAllMocks();
    forgetAccessKeys();
  });

  it("a form sent after the session ended says why, and a browser that never signed in gets no reason", async () => {
    const person = await sessionAs("editor");
    const second = await logInAgainAs(person.organizerId);
    expect((await organizerPost(second, "/admin/account/sessions/end-all", {})).status).toBe(303);
    const posted = await organizerPost(person, "/admin/account/name", { name: "Renamed" });
    expect(posted.status).toBe(401);
    expect(texts(parseHtml(await posted.text()), "main p")).toContain(adminMessagesFor("en").login.sessionEnded.ended);
    const stranger = await fetchWorker("/admin/letters/new", { redirect: "manual" });
    expect(stranger.headers.get("Location")).toBe("/admin/login?next=%2Fadmin%2Fletters%2Fnew");
    const forged = await fetchWorker("/admin", {
      headers: { Cookie: `__Host-undersigned-session=${"A".repeat(43)}.${"B".repeat(43)}` },
      redirect: "manual",
    });
    expect(forged.headers.get("Location")).toBe("/admin/login?next=%2Fadmin");
  });
});

describe("the login page's language", () => {
  it("offers the other languages as links, keeps the choice in a cookie, and the visitor's next pages follow it", async () => {
    const first = await fetchWorker("/admin/login?next=%2Fadmin%2Fpeople", { headers: { "Accept-Language": "es" } });
    const document = parseHtml(await first.text());
    expect(document.querySelector("html")?.getAttribute("lang")).toBe("es");
    const links = document.querySelectorAll("nav.language-switcher a");
    expect(links.map((link) => link.getAttribute("lang"))).toEqual(["en", "fr", "pt"]);
    expect(links.map((link) => link.getAttribute("href"))).toContain("/admin/login?next=%2Fadmin%2Fpeople&lang=fr");

    const chosen = await fetchWorker("/admin/login?next=%2Fadmin%2Fpeople&lang=fr", {
      headers: { "Accept-Language": "es" },
      redirect: "manual",
    });
    expect(
      parseHtml(await chosen.text())
        .querySelector("html")
        ?.getAttribute("lang"),
    ).toBe("fr");
    const setCookie = chosen.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^undersigned-area-language=fr;/);
    expect(setCookie).toContain("Path=/admin");
    const cookie = setCookie.split(";")[0]!;

    // Without the parameter, the cookie decides, over the browser's Accept-Language.
    const again = await fetchWorker("/admin/login", { headers: { "Accept-Language": "es", Cookie: cookie } });
    expect(
      parseHtml(await again.text())
        .querySelector("html")
        ?.getAttribute("lang"),
    ).toBe("fr");
    const sent = await fetchApp(
      "/admin/login/link",
      { MAILER: "local" },
      {
        method: "POST",
        headers: { ...SAME_ORIGIN_FORM, Cookie: cookie, "Accept-Language": "es", "CF-Connecting-IP": randomIp() },
        body: formBody({ email: "nobody@example.org", next: "/admin" }),
      },
    );
    expect(
      parseHtml(await sent.text())
        .querySelector("html")
        ?.getAttribute("lang"),
    ).toBe("fr");
    // A language the area doesn't have is ignored, not an error.
    const unknown = await fetchWorker("/admin/login?lang=xx", { headers: { "Accept-Language": "pt" } });
    expect(unknown.status).toBe(200);
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
    expect(
      parseHtml(await unknown.text())
        .querySelector("html")
        ?.getAttribute("lang"),
    ).toBe("pt");
  });

  it("keeps the reason for being signed out when the language is switched", async () => {
    const page = await fetchWorker("/admin/login?next=%2Fadmin&why=disabled");
    const links = parseHtml(await page.text()).querySelectorAll("nav.language-switcher a");
    expect(links.map((link) => link.getAttribute("href"))).toContain("/admin/login?next=%2Fadmin&why=disabled&lang=es");
  });
});

/** A second session of organizer `id` (another browser of theirs), stored as a sign-in stores it. */
async function logInAgainAs(id: number): Promise<OrganizerSession> {
  const { newSession, sessionIdHash, csrfToken, SESSION_COOKIE, SESSION_SECONDS } =
    await import("../../src/domain/organizer-session");
  const { insertSession } = await import("../../src/storage/organizer-sessions");
  const session = await newSession(env.SECRET_KEY!);
  const now = new Date();
  await insertSession(env.DB, {
    idHash: await sessionIdHash(session.id),
    organizerId: id,
    via: "passkey",
    tokenFingerprint: null,
    device: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000),
  });
  return { cookie: `${SESSION_COOKIE}=${session.cookie}`, csrf: await csrfToken(env.SECRET_KEY!, session.id) };
}
