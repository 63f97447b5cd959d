/**
 * The organizer area's door: the login form exchanges the admin token for a
 * signed, HttpOnly, Secure, SameSite=Strict session cookie; every page and
 * the JSON API refuse anyone without it; logout ends the session; forms
 * need the session's CSRF token; nothing is cached or indexed.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_TOKEN,
  createLetter,
  fetchApp,
  fetchWorker,
  formBody,
  getPage,
  logIn,
  organizerFetch,
  organizerPage,
  organizerPost,
  parseHtml,
  randomIp,
  SAME_ORIGIN_FORM,
  stopClock,
  texts,
} from "../helpers";

afterEach(() => {
  vi.useRealTimers();
});

function postLogin(fields: Record<string, string>, headers: Record<string, string> = {}, ip = randomIp()) {
  return fetchWorker("/admin/login", {
    method: "POST",
    headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": ip, ...headers },
    body: formBody(fields),
    redirect: "manual",
  });
}

describe("the organizer area without a session", () => {
  it("sends every page to the login form, and is never cached or indexed", async () => {
    for (const path of ["/admin", "/admin/letters/new", "/admin/letters/anything?x=1"]) {
      const response = await fetchWorker(path, { redirect: "manual" });
      expect(response.status, path).toBe(303);
      expect(response.headers.get("Location")).toBe(`/admin/login?${new URLSearchParams({ next: path })}`);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(response.headers.get("X-Robots-Tag")).toContain("noindex");
    }
    const post = await fetchWorker("/admin/logout", {
      method: "POST",
      headers: SAME_ORIGIN_FORM,
      body: "",
      redirect: "manual",
    });
    expect(post.status).toBe(401);
    expect(await post.text()).toContain("Log in");
  });

  it("answers the JSON API with 401", async () => {
    const letter = await createLetter();
    const response = await fetchWorker(`/admin/api/letters/${letter.slug}/signatures`);
    expect(response.status).toBe(401);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("draws the login form, labelled, never cached, and keeps robots out", async () => {
    const { response, document } = await getPage("/admin/login?next=%2Fadmin%2Fletters%2Fnew");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(document.querySelector('meta[name="robots"]')?.getAttribute("content")).toContain("noindex");
    expect(document.querySelector('label[for="token"]')?.textContent).toBe("Admin token");
    expect(document.querySelector('input[name="next"]')?.getAttribute("value")).toBe("/admin/letters/new");
    // Said for a coordinator first; the setting's technical name only after, as a secondary hint.
    const hint = document.querySelector("#token-hint")!;
    expect(hint.querySelector(".hint-main")!.textContent).toBe(
      "The admin token printed when the site was started, or given to you by whoever runs the site.",
    );
    expect(hint.querySelector(".hint-main code")).toBeNull();
    expect(hint.querySelector(".hint-technical code")?.textContent).toBe("ADMIN_TOKEN");
    const robots = await (await fetchWorker("/robots.txt")).text();
    expect(robots).toMatch(/^Disallow: \/admin$/m);
  });
});

describe("logging in", () => {
  it("refuses a wrong token with a clear message and no cookie", async () => {
    for (const token of ["", "wrong-token-0123456789", `${ADMIN_TOKEN}x`]) {
      const response = await postLogin({ token, next: "/admin" });
      expect(response.status, token).toBe(401);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      const { document } = { document: (await import("../helpers")).parseHtml(await response.text()) };
      expect(texts(document, ".error-summary li")).toEqual(["That is not the admin token. Check it and try again."]);
    }
  });

  it("refuses a login posted from another site", async () => {
    const response = await postLogin(
      { token: ADMIN_TOKEN },
      { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  it("gives a signed, HttpOnly, Secure, SameSite=Strict session cookie and goes where it was asked", async () => {
    const response = await postLogin({ token: ADMIN_TOKEN, next: "/admin/letters/new" });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/admin/letters/new");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^__Host-undersigned-session=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/");
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toContain("Domain=");
    // Only the id's hash is stored.
    const value = cookie.split(";")[0]!.split("=")[1]!;
    const { results } = await env.DB.prepare("SELECT id_hash FROM organizer_sessions").all<{ id_hash: string }>();
    expect(results.some((row) => row.id_hash.includes(value.split(".")[0]!))).toBe(false);
  });

  it("never follows a next address outside the organizer area", async () => {
    for (const next of [
      "https://evil.example/",
      "//evil.example/admin",
      "/letters/x",
      "/admin/login",
      "javascript:alert(1)",
    ]) {
      const response = await postLogin({ token: ADMIN_TOKEN, next });
      expect(response.headers.get("Location"), next).toBe("/admin");
    }
  });

  it("slows down a client that keeps guessing", async () => {
    const ip = randomIp();
    // The limit counts tries in any minute: with the clock stopped, every try falls at the same moment.
    stopClock("2030-06-15T12:00:30.000Z");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++)
      statuses.push((await postLogin({ token: "guess-0123456789abcdef" }, {}, ip)).status);
    expect(statuses.every((status) => status === 401)).toBe(true);
    expect((await postLogin({ token: "guess-0123456789abcdef" }, {}, ip)).status).toBe(429);
    // Even the right token waits.
    const right = await postLogin({ token: ADMIN_TOKEN }, {}, ip);
    expect(right.status).toBe(429);
    // The last 60 seconds are counted in 10-second buckets, the oldest one whole: the ten tries of
    // 12:00:30 count until the window no longer reaches their bucket (12:00:30–40), at 12:01:40.
    expect(right.headers.get("Retry-After")).toBe("70");
    vi.setSystemTime(new Date("2030-06-15T12:01:39.000Z"));
    expect((await postLogin({ token: ADMIN_TOKEN }, {}, ip)).status).toBe(429);
    vi.setSystemTime(new Date("2030-06-15T12:01:40.000Z"));
    expect((await postLogin({ token: ADMIN_TOKEN }, {}, ip)).status).toBe(303);
  });

  it("says the area is closed when no admin token is set", async () => {
    const page = await fetchApp("/admin/login", { ADMIN_TOKEN: "" });
    const closed = parseHtml(await page.text()).querySelector(".notice")!;
    expect(closed.querySelector(".hint-main")!.textContent).toBe(
      "The organizer area can't be opened yet: whoever runs the site has to set its admin token first.",
    );
    expect(closed.querySelector(".hint-technical")!.textContent).toContain("npx wrangler secret put ADMIN_TOKEN");
    const post = await fetchApp(
      "/admin/login",
      { ADMIN_TOKEN: "short" },
      {
        method: "POST",
        headers: SAME_ORIGIN_FORM,
        body: formBody({ token: "short" }),
      },
    );
    expect(post.status).toBe(401);
    expect(post.headers.get("Set-Cookie")).toBeNull();
  });

  it("uses a plain cookie on http://127.0.0.1 (npm start), and no login over plain HTTP elsewhere", async () => {
    const local = await exportsFetch("http://127.0.0.1:8787/admin/login", "http://127.0.0.1:8787");
    expect(local.status).toBe(303);
    const cookie = local.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^undersigned-session=/);
    expect(cookie).not.toContain("Secure");
    expect(cookie).toContain("SameSite=Strict");
    const elsewhere = await exportsFetch("http://letters.example.org/admin/login", "http://letters.example.org");
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get("Set-Cookie")).toBeNull();
  });
});

async function exportsFetch(url: string, origin: string) {
  const { exports } = await import("cloudflare:workers");
  return exports.default.fetch(
    new Request(url, {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, Origin: origin, "CF-Connecting-IP": randomIp() },
      body: formBody({ token: ADMIN_TOKEN }),
      redirect: "manual",
    }),
  );
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

describe("a session", () => {
  it("opens the organizers' list, drafts included, with a logout form carrying the CSRF token", async () => {
    const draft = await createLetter({ status: "draft", title: "A draft only organizers see" });
    const session = await logIn();
    const { response, document } = await organizerPage(session, "/admin");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(texts(document, "table a")).toContain("A draft only organizers see");
    expect(document.querySelector(`a[href="/admin/letters/${draft.slug}"]`)).not.toBeNull();
    expect(document.querySelector('form[action="/admin/logout"] input[name="csrf"]')?.getAttribute("value")).toBe(
      session.csrf,
    );
    // Logged in, the login form sends organizers on.
    const login = await organizerFetch(session, "/admin/login?next=%2Fadmin%2Fletters%2Fnew");
    expect(login.status).toBe(303);
    expect(login.headers.get("Location")).toBe("/admin/letters/new");
  });

  it("is refused when its cookie is forged or altered", async () => {
    const session = await logIn();
    const [id, mac] = session.cookie.split("=")[1]!.split(".") as [string, string];
    const flip = (text: string, at: number) =>
      `${text.slice(0, at)}${text[at] === "A" ? "B" : "A"}${text.slice(at + 1)}`;
    const forged = [
      `${id}.${flip(mac, 20)}`,
      // The last character's unused low bits: the same bytes spelled another way is refused too.
      `${id}.${mac.slice(0, -1)}${BASE64URL[BASE64URL.indexOf(mac.at(-1)!) ^ 1]}`,
      `${flip(id, 5)}.${mac}`,
      `${"A".repeat(43)}.${mac}`,
      id,
      "garbage",
    ];
    for (const value of forged) {
      const response = await organizerFetch({ ...session, cookie: `__Host-undersigned-session=${value}` }, "/admin");
      expect(response.status, value).toBe(303);
    }
  });

  it("refuses a form without the session's CSRF token, or with another's", async () => {
    const session = await logIn();
    const other = await logIn();
    for (const csrf of ["", "x", other.csrf]) {
      const response = await organizerPost({ ...session, csrf }, "/admin/logout", {});
      expect(response.status, csrf).toBe(403);
    }
    expect((await organizerFetch(session, "/admin")).status).toBe(200);
  });

  it("takes the JSON API too, with the CSRF token in a header to change anything", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const list = await organizerFetch(session, `/admin/api/letters/${letter.slug}/signatures`);
    expect(list.status).toBe(200);
    const post = await organizerFetch(
      session,
      `/admin/api/letters/${letter.slug}/signatures/${"0".repeat(32)}/approve`,
      { method: "POST" },
    );
    expect(post.status).toBe(403);
    const withToken = await organizerFetch(
      session,
      `/admin/api/letters/${letter.slug}/signatures/${"0".repeat(32)}/approve`,
      {
        method: "POST",
        headers: { "X-CSRF-Token": session.csrf },
      },
    );
    expect(withToken.status).toBe(404);
  });

  it("ends at logout, everywhere that cookie is kept", async () => {
    const session = await logIn();
    const logout = await organizerPost(session, "/admin/logout", {});
    expect(logout.status).toBe(303);
    expect(logout.headers.get("Location")).toBe("/admin/login?out=1");
    expect(logout.headers.get("Set-Cookie")).toMatch(/^__Host-undersigned-session=;.*Max-Age=0/);
    // A copy of the old cookie no longer opens anything.
    expect((await organizerFetch(session, "/admin")).status).toBe(303);
  });

  it("ends when it expires, and when the admin token changes", async () => {
    const session = await logIn();
    await env.DB.prepare("UPDATE organizer_sessions SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    expect((await organizerFetch(session, "/admin")).status).toBe(303);
    const fresh = await logIn();
    const rotated = await fetchApp(
      "/admin",
      { ADMIN_TOKEN: "a-new-admin-token-after-a-leak" },
      { headers: { Cookie: fresh.cookie }, redirect: "manual" },
    );
    expect(rotated.status).toBe(303);
  });
});
