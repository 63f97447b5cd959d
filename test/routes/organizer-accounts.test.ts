/**
 * Organizers' accounts through HTTP (issue 15), with the real emails of the
 * local outbox: an owner invites a colleague, whose emailed link (used by
 * its page's button, never by opening it) starts a session with their role;
 * sign-in links are single-use, expire, never work for a disabled account,
 * are limited per address and per connection, and the answer never says
 * whether an address has an account; sessions can be ended one by one or
 * all at once; disabling ends them; the last owner stays.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { app } from "../../src/index";
import {
  fetchApp,
  formBody,
  linkIn,
  logIn,
  mailTo,
  type OrganizerSession,
  ORIGIN,
  parseHtml,
  postOrganizerForm,
  randomIp,
  SAME_ORIGIN_FORM,
  stopClock,
  texts,
} from "../helpers";

const MAIL = { MAILER: "local" };

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function newEmail(who = "colleague"): string {
  return `${who}-${crypto.randomUUID().slice(0, 8)}@coalition.example`;
}

/** A GET with the session's cookie (if any), with a mailer configured. */
function get(path: string, session?: OrganizerSession | null) {
  return fetchApp(path, MAIL, { headers: session ? { Cookie: session.cookie } : {}, redirect: "manual" });
}

/** The session a 303 that signs in sets, with its forms' CSRF token. */
async function sessionFrom(response: Response): Promise<OrganizerSession> {
  expect(response.status).toBe(303);
  const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
  const page = await get("/admin/account", { cookie, csrf: "" });
  expect(page.status).toBe(200);
  const csrf = parseHtml(await page.text())
    .querySelector('input[name="csrf"]')!
    .getAttribute("value")!;
  return { cookie, csrf };
}

/** Opens the link of the last email to `email` whose path has /admin/link, and presses its page's button. */
async function followEmailedLink(email: string): Promise<{ path: string; response: Response }> {
  const mails = await mailTo(email);
  expect(mails.length).toBeGreaterThan(0);
  const path = linkIn(mails.at(-1)!.body, "/admin/link");
  const page = await get(path);
  expect(page.status).toBe(200);
  const form = parseHtml(await page.text()).querySelector('form[action="/admin/link"]')!;
  const fields = Object.fromEntries(
    form
      .querySelectorAll("input[type=hidden]")
      .map((input) => [input.getAttribute("name")!, input.getAttribute("value")!]),
  );
  return { path, response: await postOrganizerForm("/admin/link", fields, { env: MAIL }) };
}

async function inviteAndAccept(
  owner: OrganizerSession,
  name: string,
  role: string,
  email = newEmail(),
): Promise<{ session: OrganizerSession; email: string; id: number }> {
  expect((await postOrganizerForm("/admin/people", { name, email, role }, { session: owner, env: MAIL })).status).toBe(
    303,
  );
  const session = await sessionFrom((await followEmailedLink(email)).response);
  const id = (await env.DB.prepare("SELECT id FROM organizers WHERE email = ?1").bind(email).first<{ id: number }>())!
    .id;
  return { session, email, id };
}

function isSignedIn(session: OrganizerSession) {
  return get("/admin/account", session).then((response) => response.status === 200);
}

describe("invitations", () => {
  it("invites a colleague whose emailed link, pressed once, signs them in with their role", async () => {
    const owner = await logIn();
    const email = newEmail("ana");
    const invited = await postOrganizerForm(
      "/admin/people",
      { name: "Ana Reyes", email, role: "moderator" },
      { session: owner, env: MAIL },
    );
    expect(invited.status).toBe(303);
    expect(invited.headers.get("Location")).toBe("/admin/people?done=invited");

    const [mail] = await mailTo(email);
    expect(mail!.subject).toContain("invites you");
    expect(mail!.body).toContain("moderator");
    const path = linkIn(mail!.body, "/admin/link");
    // The token is in the email only: the database keeps its hash.
    const token = new URL(path, "https://x").searchParams.get("token")!;
    const stored = await env.DB.prepare("SELECT token_hash, purpose FROM sign_in_links").all<{ token_hash: string }>();
    expect(JSON.stringify(stored.results)).not.toContain(token);

    // Opening the link (a person, or a mail scanner, twice) uses nothing up and signs nobody in.
    for (let i = 0; i < 2; i++) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.headers.get("Set-Cookie")).toBeNull();
      const document = parseHtml(await page.text());
      expect(document.querySelector("h1")!.text).toBe("Welcome, Ana Reyes");
      expect(texts(document, "button")).toContain("Accept and sign in");
    }

    const { response } = await followEmailedLink(email);
    expect(response.headers.get("Location")).toBe("/admin");
    const ana = await sessionFrom(response);
    const account = parseHtml(await (await get("/admin/account", ana)).text());
    expect(account.querySelector(".signed-in")!.text).toBe("Signed in as Ana Reyes (moderator)");
    expect(account.querySelector("#field-name")!.getAttribute("value")).toBe("Ana Reyes");
    expect(account.text).toContain(email);
    // A moderator's navigation has no People, and the page answers 403.
    expect(texts(account, "nav a")).not.toContain("People");
    expect((await get("/admin/people", ana)).status).toBe(403);

    // The link worked once.
    const again = await postOrganizerForm("/admin/link", { token, next: "/admin" }, { env: MAIL });
    expect(again.status).toBe(410);
    expect(again.headers.get("Set-Cookie")).toBeNull();
    expect(await again.text()).toContain("This invitation was used already");

    // The owner sees her active, with her last sign-in; the log has both sides.
    const people = parseHtml(await (await get("/admin/people", owner)).text());
    const row = people.querySelectorAll("tbody tr").find((tr) => tr.text.includes(email))!;
    expect(row.querySelector('td[data-label="Status"]')!.text).toBe("active");
    expect(row.querySelector('td[data-label="Last sign-in"] time')).not.toBeNull();
    const log = await env.DB.prepare(
      "SELECT action, organizer_name FROM organizer_activity WHERE action IN ('invitation-sent', 'invitation-accepted') ORDER BY id",
    ).all<{ action: string; organizer_name: string }>();
    expect(log.results).toEqual(
      expect.arrayContaining([
        { action: "invitation-sent", organizer_name: "Owner (admin token)" },
        { action: "invitation-accepted", organizer_name: "Ana Reyes" },
      ]),
    );
  });

  it("says so when the address has an account already, and sends nothing", async () => {
    const owner = await logIn();
    const email = newEmail();
    await postOrganizerForm("/admin/people", { name: "Bea", email, role: "viewer" }, { session: owner, env: MAIL });
    const twice = await postOrganizerForm(
      "/admin/people",
      { name: "Bea again", email: email.toUpperCase(), role: "owner" },
      { session: owner, env: MAIL },
    );
    expect(twice.status).toBe(409);
    const page = parseHtml(await twice.text());
    expect(page.querySelector(".error-summary")!.text).toContain(`${email} already has an account (Bea)`);
    expect(await mailTo(email)).toHaveLength(1);
  });

  it("refuses an invitation with its problems beside the fields, focused", async () => {
    const owner = await logIn();
    const refused = await postOrganizerForm(
      "/admin/people",
      { name: "", email: "not-an-address", role: "king" },
      { session: owner, env: MAIL },
    );
    expect(refused.status).toBe(422);
    const page = parseHtml(await refused.text());
    expect(page.querySelector("title")!.text).toMatch(/^Error: /);
    expect(page.querySelector(".error-summary")!.hasAttribute("autofocus")).toBe(true);
    expect(texts(page, ".error-summary li")).toHaveLength(3);
  });

  it("resends an invitation: the earlier link stops working", async () => {
    const owner = await logIn();
    const email = newEmail();
    await postOrganizerForm("/admin/people", { name: "Caro", email, role: "editor" }, { session: owner, env: MAIL });
    const first = linkIn((await mailTo(email))[0]!.body, "/admin/link");
    const id = (await env.DB.prepare("SELECT id FROM organizers WHERE email = ?1").bind(email).first<{ id: number }>())!
      .id;
    expect(
      (await postOrganizerForm(`/admin/people/${id}/invitation`, {}, { session: owner, env: MAIL })).headers.get(
        "Location",
      ),
    ).toBe("/admin/people?done=resent");
    expect((await get(first)).status).toBe(410);
    const caro = await sessionFrom((await followEmailedLink(email)).response);
    expect(await isSignedIn(caro)).toBe(true);
  });
});

describe("sign-in links", () => {
  const SENT = "If that address belongs to an organizer, a link is on its way.";

  it("signs in once with an emailed link; the second use is refused", async () => {
    const owner = await logIn();
    const { email } = await inviteAndAccept(owner, "Dora", "editor");
    const answer = await postOrganizerForm("/admin/login/link", { email, next: "/admin/account" }, { env: MAIL });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(SENT);
    const mails = await mailTo(email);
    expect(mails.at(-1)!.subject).toContain("sign-in link");
    const { path, response } = await followEmailedLink(email);
    expect(response.headers.get("Location")).toBe("/admin/account");
    const dora = await sessionFrom(response);
    expect(await isSignedIn(dora)).toBe(true);

    const token = new URL(path, "https://x").searchParams.get("token")!;
    const second = await postOrganizerForm("/admin/link", { token, next: "/admin" }, { env: MAIL });
    expect(second.status).toBe(410);
    expect(await second.text()).toContain("This sign-in link was used already");
    expect((await get(path)).status).toBe(410);
    const sessions = await env.DB.prepare(
      "SELECT via FROM organizer_sessions WHERE organizer_id = (SELECT id FROM organizers WHERE email = ?1)",
    )
      .bind(email)
      .all<{ via: string }>();
    expect(sessions.results.map((row) => row.via)).toEqual(["magic-link", "magic-link"]);
  });

  it("ends the person's other links once one is used: two asked in a row, the first one then refused", async () => {
    const owner = await logIn();
    const { email } = await inviteAndAccept(owner, "Fina", "viewer");
    await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
    await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
    const [earlier, later] = (await mailTo(email)).slice(-2).map((mail) => linkIn(mail.body, "/admin/link"));
    const used = new URL(later!, "https://x").searchParams.get("token")!;
    expect((await postOrganizerForm("/admin/link", { token: used, next: "/admin" }, { env: MAIL })).status).toBe(303);
    const other = new URL(earlier!, "https://x").searchParams.get("token")!;
    expect((await postOrganizerForm("/admin/link", { token: other, next: "/admin" }, { env: MAIL })).status).toBe(410);
  });

  it("answers an unknown address exactly as a known one (status, body, headers), and sends nothing", async () => {
    const owner = await logIn();
    const { email } = await inviteAndAccept(owner, "Eva", "viewer");
    const before = (await mailTo(email)).length;
    const known = await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
    const unknownEmail = newEmail("nobody");
    const unknown = await postOrganizerForm(
      "/admin/login/link",
      { email: unknownEmail, next: "/admin" },
      { env: MAIL },
    );
    expect(unknown.status).toBe(known.status);
    expect([...unknown.headers]).toEqual([...known.headers]);
    expect(await unknown.text()).toBe(await known.text());
    expect(await mailTo(unknownEmail)).toHaveLength(0);
    expect(await mailTo(email)).toHaveLength(before + 1);
  });

  it("answers before the email is sent, so a known address takes no longer than an unknown one (failed before: the mail was sent in the request)", async () => {
    const owner = await logIn();
    const { email } = await inviteAndAccept(owner, "Eloísa", "viewer");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      sent.push(typeof init?.body === "string" ? init.body : "");
      await held;
      return Response.json({ id: "sent" });
    });
    const ctx = createExecutionContext();
    // With the mail still on its way (held), the answer is already there.
    const answer = await app.fetch(
      new Request(new URL("/admin/login/link", ORIGIN), {
        method: "POST",
        headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": randomIp() },
        body: formBody({ email, next: "/admin" }),
      }),
      { ...env, RESEND_API_KEY: "re_test_key", MAIL_FROM: "Undersigned <letters@example.org>" },
      ctx,
    );
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(SENT);
    release();
    await waitOnExecutionContext(ctx);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(email);
    expect(sent[0]).toContain("/admin/link?token=");
  });

  it("expires after 15 minutes", async () => {
    const owner = await logIn();
    const { email } = await inviteAndAccept(owner, "Flor", "viewer");
    stopClock("2031-03-01T10:00:00.000Z");
    await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
    const path = linkIn((await mailTo(email)).at(-1)!.body, "/admin/link");
    vi.setSystemTime(new Date("2031-03-01T10:14:00.000Z"));
    expect((await get(path)).status).toBe(200);
    vi.setSystemTime(new Date("2031-03-01T10:15:01.000Z"));
    const expired = await get(path);
    expect(expired.status).toBe(410);
    const page = parseHtml(await expired.text());
    expect(page.querySelector("h1")!.text).toBe("This sign-in link has expired");
    expect(texts(page, "a")).toContain("Email me a new sign-in link");
    const token = new URL(path, "https://x").searchParams.get("token")!;
    expect((await postOrganizerForm("/admin/link", { token, next: "/admin" }, { env: MAIL })).status).toBe(410);
  });

  it("never works for a disabled account: no link is sent, and one sent before no longer works", async () => {
    const owner = await logIn();
    const { email, id, session } = await inviteAndAccept(owner, "Gala", "moderator");
    await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
    const before = linkIn((await mailTo(email)).at(-1)!.body, "/admin/link");
    const mailsBefore = (await mailTo(email)).length;

    expect(
      (await postOrganizerForm(`/admin/people/${id}/disable`, { confirmed: "yes" }, { session: owner, env: MAIL }))
        .status,
    ).toBe(303);
    // Disabling ended her session.
    expect(await isSignedIn(session)).toBe(false);

    expect((await get(before)).status).toBe(410);
    const token = new URL(before, "https://x").searchParams.get("token")!;
    const refused = await postOrganizerForm("/admin/link", { token, next: "/admin" }, { env: MAIL });
    expect(refused.status).toBe(410);
    expect(refused.headers.get("Set-Cookie")).toBeNull();

    const answer = await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
    expect(await answer.text()).toContain(SENT);
    expect(await mailTo(email)).toHaveLength(mailsBefore);
  });

  it("sends at most 3 links to an address per connection in 15 minutes: a stranger can't use up a colleague's (failed before: 3 per address for everyone)", async () => {
    const owner = await logIn();
    const { email } = await inviteAndAccept(owner, "Hana", "viewer");
    const logged: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void logged.push(String(line)));
    const before = (await mailTo(email)).length;
    // A stranger on an IPv6 network: its /64 is one connection, whichever address in it they use.
    const statuses: number[] = [];
    for (const suffix of ["a", "b", "c", "d", "e"]) {
      const answer = await postOrganizerForm(
        "/admin/login/link",
        { email, next: "/admin" },
        { env: MAIL, ip: `2001:db8:1:2::${suffix}` },
      );
      statuses.push(answer.status);
    }
    // Past the limit, the page says no link was sent (429), as it would for any address.
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await mailTo(email)).length - before).toBe(3);
    const refusals = logged.filter((line) => line.includes("sign_in_refused"));
    expect(refusals).toHaveLength(2);
    for (const line of refusals) {
      expect(JSON.parse(line)).toEqual({ event: "sign_in_refused", via: "magic-link", reason: "address-and-client" });
      expect(line).not.toContain(email);
    }
    // Hana, from her own connection, still gets her link; so does the next /64.
    await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL, ip: "203.0.113.7" });
    await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL, ip: "2001:db8:1:3::a" });
    expect((await mailTo(email)).length - before).toBe(5);
  });

  it("sends at most 10 links to an address in an hour, whoever asks, and logs the refusals alike for any address", async () => {
    const owner = await logIn();
    const { email } = await inviteAndAccept(owner, "Hilda", "viewer");
    stopClock("2031-04-01T10:00:00.000Z");
    const logged: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void logged.push(String(line)));
    for (let i = 0; i < 12; i++) await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
    const mails = await mailTo(email);
    expect(mails.filter((mail) => mail.subject.includes("sign-in link"))).toHaveLength(10);
    const refusals = logged.filter((line) => line.includes("sign_in_refused"));
    expect(refusals.map((line) => JSON.parse(line) as unknown)).toEqual([
      { event: "sign_in_refused", via: "magic-link", reason: "address" },
      { event: "sign_in_refused", via: "magic-link", reason: "address" },
    ]);
    // An address without an account is limited, and logged, the same way.
    logged.length = 0;
    const nobody = newEmail("nobody");
    for (let i = 0; i < 12; i++)
      await postOrganizerForm("/admin/login/link", { email: nobody, next: "/admin" }, { env: MAIL });
    expect(logged.filter((line) => line.includes("sign_in_refused"))).toEqual(refusals);
    // Once the hour has slid past most of them, links go out again.
    vi.setSystemTime(new Date("2031-04-01T11:10:00.000Z"));
    await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
    expect((await mailTo(email)).filter((mail) => mail.subject.includes("sign-in link"))).toHaveLength(11);
  });

  it("takes 10 requests a minute from a connection", async () => {
    const owner = await logIn();
    const logged: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void logged.push(String(line)));
    const { email: other } = await inviteAndAccept(owner, "Iris", "viewer");
    const ip = randomIp();
    for (let i = 0; i < 10; i++)
      await postOrganizerForm("/admin/login/link", { email: newEmail("probe"), next: "/admin" }, { env: MAIL, ip });
    const otherBefore = (await mailTo(other)).length;
    logged.length = 0;
    const limited = await postOrganizerForm("/admin/login/link", { email: other, next: "/admin" }, { env: MAIL, ip });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("No link was sent");
    expect(await mailTo(other)).toHaveLength(otherBefore);
    expect(logged.map((line) => JSON.parse(line) as unknown)).toContainEqual({
      event: "sign_in_refused",
      via: "magic-link",
      reason: "client",
    });
    await postOrganizerForm("/admin/login/link", { email: other, next: "/admin" }, { env: MAIL });
    expect(await mailTo(other)).toHaveLength(otherBefore + 1);
  });
});

describe("your account", () => {
  it("lists your sessions, ends one, and logs out everywhere", async () => {
    const owner = await logIn();
    const { email, session: first } = await inviteAndAccept(owner, "Juana", "editor");
    await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
    const second = await sessionFrom((await followEmailedLink(email)).response);
    await postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
    const third = await sessionFrom((await followEmailedLink(email)).response);

    const page = parseHtml(await (await get("/admin/account", first)).text());
    const rows = page.querySelectorAll("#sessions ~ .table-wrap tbody tr, section[aria-labelledby=sessions] tbody tr");
    expect(rows).toHaveLength(3);
    expect(rows.filter((row) => row.text.includes("(this one)"))).toHaveLength(1);

    // End the second from the first.
    const ids = await env.DB.prepare(
      "SELECT id_hash FROM organizer_sessions WHERE organizer_id = (SELECT id FROM organizers WHERE email = ?1) ORDER BY created_at",
    )
      .bind(email)
      .all<{ id_hash: string }>();
    const secondHash = ids.results[1]!.id_hash;
    const ended = await postOrganizerForm(
      "/admin/account/sessions/end",
      { session: secondHash },
      { session: first, env: MAIL },
    );
    expect(ended.headers.get("Location")).toBe("/admin/account?done=ended");
    expect(await isSignedIn(second)).toBe(false);
    expect(await isSignedIn(first)).toBe(true);
    // Another person's session can't be ended from here.
    const ownerHash = (await env.DB.prepare(
      "SELECT id_hash FROM organizer_sessions WHERE organizer_id = 1 ORDER BY created_at DESC LIMIT 1",
    ).first<{ id_hash: string }>())!.id_hash;
    await postOrganizerForm("/admin/account/sessions/end", { session: ownerHash }, { session: first, env: MAIL });
    expect(await isSignedIn(owner)).toBe(true);

    const everywhere = await postOrganizerForm("/admin/account/sessions/end-all", {}, { session: third, env: MAIL });
    expect(everywhere.headers.get("Location")).toBe("/admin/login?out=all&others=1");
    expect(await isSignedIn(first)).toBe(false);
    expect(await isSignedIn(third)).toBe(false);
    expect(await isSignedIn(owner)).toBe(true);
    // The login page it leads to says what happened, in the person's language.
    const said = parseHtml(await (await get(everywhere.headers.get("Location")!)).text());
    expect(texts(said, ".flash[role=status]")).toEqual(["You are logged out here, and 1 other session ended too."]);
    const spanish = await fetchApp("/admin/login?out=all&others=3", MAIL, { headers: { "Accept-Language": "es" } });
    expect(texts(parseHtml(await spanish.text()), ".flash")).toEqual(["Cerró la sesión aquí y en otras 3 sesiones."]);
  });

  it("says so after logging out, or after ending this very session from the list", async () => {
    const owner = await logIn();
    const { session } = await inviteAndAccept(owner, "Lidia", "viewer");
    const hash = (await env.DB.prepare(
      "SELECT id_hash FROM organizer_sessions WHERE organizer_id = (SELECT max(id) FROM organizers) LIMIT 1",
    ).first<{ id_hash: string }>())!.id_hash;
    const ended = await postOrganizerForm("/admin/account/sessions/end", { session: hash }, { session, env: MAIL });
    expect(ended.headers.get("Location")).toBe("/admin/login?out=1");
    const said = parseHtml(await (await get("/admin/login?out=1")).text());
    expect(texts(said, ".flash")).toEqual(["You are logged out."]);
    // Nothing is said without a logout; a number that is not one is ignored.
    expect(texts(parseHtml(await (await get("/admin/login")).text()), ".flash")).toEqual([]);
    const odd = parseHtml(await (await get("/admin/login?out=all&others=x")).text());
    expect(texts(odd, ".flash")).toEqual(["You are logged out here; no other session was open."]);
  });

  it("changes your name, as the header then shows it", async () => {
    const owner = await logIn();
    const { session } = await inviteAndAccept(owner, "Karla", "viewer");
    expect(
      (await postOrganizerForm("/admin/account/name", { name: "  Karla  Núñez " }, { session, env: MAIL })).status,
    ).toBe(303);
    const page = parseHtml(await (await get("/admin/account", session)).text());
    expect(page.querySelector(".signed-in")!.text).toBe("Signed in as Karla Núñez (viewer)");
    const empty = await postOrganizerForm("/admin/account/name", { name: " " }, { session, env: MAIL });
    expect(empty.status).toBe(422);
  });
});

describe("owners", () => {
  it("changes a role, effective on the person's next page", async () => {
    const owner = await logIn();
    const { session, id } = await inviteAndAccept(owner, "Lola", "viewer");
    expect((await get("/admin/people", session)).status).toBe(403);
    expect(
      (await postOrganizerForm(`/admin/people/${id}/role`, { role: "owner" }, { session: owner, env: MAIL })).status,
    ).toBe(303);
    expect((await get("/admin/people", session)).status).toBe(200);
    expect(
      (await postOrganizerForm(`/admin/people/${id}/role`, { role: "viewer" }, { session: owner, env: MAIL })).status,
    ).toBe(303);
    expect((await get("/admin/people", session)).status).toBe(403);
  });

  it("never leaves zero active owners", async () => {
    const admin = await logIn();
    // The bootstrap owner is the only owner: it can't be disabled.
    const alone = await postOrganizerForm(
      "/admin/people/1/disable",
      { confirmed: "yes" },
      { session: admin, env: MAIL },
    );
    expect(alone.status).toBe(409);
    expect(await isSignedIn(admin)).toBe(true);

    // Asked first, it says so at once rather than after a confirmation.
    const askedAlone = await postOrganizerForm("/admin/people/1/disable", {}, { session: admin, env: MAIL });
    expect(askedAlone.status).toBe(409);
    const askedText = await askedAlone.text();
    expect(askedText).toContain("is the last active owner");
    expect(askedText).not.toContain("Disable Owner (admin token)?");

    // With a second owner it can; that owner is then the last, and can neither be demoted nor disabled.
    const { session: mara, id } = await inviteAndAccept(admin, "Mara", "owner");
    const asked = await postOrganizerForm("/admin/people/1/disable", {}, { session: mara, env: MAIL });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Disable Owner (admin token)?");
    expect(
      (await postOrganizerForm("/admin/people/1/disable", { confirmed: "yes" }, { session: mara, env: MAIL })).status,
    ).toBe(303);
    expect(await isSignedIn(admin)).toBe(false);
    expect(
      (await postOrganizerForm(`/admin/people/${id}/role`, { role: "editor" }, { session: mara, env: MAIL })).status,
    ).toBe(409);
    expect(
      (await postOrganizerForm(`/admin/people/${id}/disable`, { confirmed: "yes" }, { session: mara, env: MAIL }))
        .status,
    ).toBe(409);
    expect((await postOrganizerForm(`/admin/people/${id}/disable`, {}, { session: mara, env: MAIL })).status).toBe(409);
    const owners = await env.DB.prepare(
      "SELECT count(*) AS n FROM organizers WHERE role = 'owner' AND disabled_at IS NULL",
    ).first<{ n: number }>();
    expect(owners!.n).toBe(1);

    // Enabled again, the admin token signs in again.
    expect((await postOrganizerForm("/admin/people/1/enable", {}, { session: mara, env: MAIL })).status).toBe(303);
    expect(await isSignedIn(await logIn())).toBe(true);
  });
});
