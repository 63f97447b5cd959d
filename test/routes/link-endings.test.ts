/**
 * What the page of an emailed link that no longer works says (issue 15, found by a fresh-eyed
 * trial): the person is told why, in their language — an invitation replaced by a newer one (an
 * owner pressed "Resend"), a link used already, one that stopped when they signed in with another,
 * an invitation withdrawn (the account disabled), a link expired — not "used already" for all.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  fetchApp,
  linkIn,
  logIn,
  mailTo,
  type OrganizerSession,
  parseHtml,
  postOrganizerForm,
  stopClock,
  texts,
} from "../helpers";

const MAIL = { MAILER: "local" };

afterEach(() => {
  vi.useRealTimers();
});

function newEmail(who = "colleague"): string {
  return `${who}-${crypto.randomUUID().slice(0, 8)}@coalition.example`;
}

function get(path: string, headers: Record<string, string> = {}) {
  return fetchApp(path, MAIL, { headers, redirect: "manual" });
}

function tokenOf(path: string): string {
  return new URL(path, "https://x").searchParams.get("token")!;
}

/** The links of the emails sent to `email`, oldest first. */
async function linksTo(email: string): Promise<string[]> {
  return (await mailTo(email)).map((mail) => linkIn(mail.body, "/admin/link"));
}

async function idOf(email: string): Promise<number> {
  return (await env.DB.prepare("SELECT id FROM organizers WHERE email = ?1").bind(email).first<{ id: number }>())!.id;
}

async function invite(owner: OrganizerSession, name: string, email: string, language = "en"): Promise<number> {
  const invited = await postOrganizerForm(
    "/admin/people",
    { name, email, role: "editor", language },
    { session: owner, env: MAIL },
  );
  expect(invited.status).toBe(303);
  return idOf(email);
}

function resend(owner: OrganizerSession, id: number) {
  return postOrganizerForm(`/admin/people/${id}/invitation`, {}, { session: owner, env: MAIL });
}

function press(path: string) {
  return postOrganizerForm("/admin/link", { token: tokenOf(path), next: "/admin" }, { env: MAIL });
}

/** What a gone link's page (GET, then its button's POST) says: the status, heading and paragraphs, alike for both. */
async function gone(path: string, headers: Record<string, string> = {}) {
  const opened = await get(path, headers);
  const page = parseHtml(await opened.text());
  const said = { status: opened.status, title: page.querySelector("h1")!.text, text: texts(page, "main p").join(" ") };
  const pressed = await press(path);
  expect(pressed.headers.get("Set-Cookie")).toBeNull();
  const pressedPage = parseHtml(await pressed.text());
  expect({
    status: pressed.status,
    title: pressedPage.querySelector("h1")!.text,
    text: texts(pressedPage, "main p").join(" "),
  }).toEqual(said);
  return { ...said, lang: page.querySelector("html")!.getAttribute("lang"), links: texts(page, "main a") };
}

describe("an invitation that no longer works says why", () => {
  it("replaced by a newer one (the owner pressed Resend): use the latest email, not 'used already' (failed before)", async () => {
    const owner = await logIn();
    const email = newEmail("caro");
    const id = await invite(owner, "Caro", email);
    expect((await resend(owner, id)).status).toBe(303);
    const [first, latest] = await linksTo(email);

    const said = await gone(first!);
    expect(said.status).toBe(410);
    expect(said.title).toBe("This invitation was replaced by a newer one");
    expect(said.text).toContain("Use the link in the latest email from us");
    expect(said.text).not.toContain("used");

    // The latest one works, and the first still says it was replaced (not that she has joined).
    expect((await press(latest!)).status).toBe(303);
    expect((await gone(first!)).title).toBe("This invitation was replaced by a newer one");
    // The one she used says so.
    expect((await gone(latest!)).title).toBe("This invitation was used already");
  });

  it("in the language the invitation was sent in, whatever the browser's", async () => {
    const owner = await logIn();
    const email = newEmail("lucia");
    const id = await invite(owner, "Lucía", email, "es");
    await resend(owner, id);
    const [first] = await linksTo(email);
    const said = await gone(first!, { "Accept-Language": "en" });
    expect(said.lang).toBe("es");
    expect(said.title).toBe("Esta invitación fue reemplazada por una más reciente");
    expect(said.text).toContain("Use el enlace del correo más reciente que le enviamos");
  });

  it("withdrawn: the owner disabled the account before it was accepted", async () => {
    const owner = await logIn();
    const email = newEmail("dani");
    const id = await invite(owner, "Dani", email);
    const disabled = await postOrganizerForm(
      `/admin/people/${id}/disable`,
      { confirmed: "yes" },
      { session: owner, env: MAIL },
    );
    expect(disabled.status).toBe(303);
    const [link] = await linksTo(email);
    const said = await gone(link!);
    expect(said.status).toBe(410);
    expect(said.title).toBe("This invitation was withdrawn");
    // No way to ask for a sign-in link is offered: a disabled account gets none.
    expect(said.links).not.toContain("Email me a new sign-in link");

    // Enabled again, the old invitation still opens nothing, but its page no longer says the access
    // is removed (it was given back), and offers a way in (test/routes/attack15c-organizer.test.ts).
    await postOrganizerForm(`/admin/people/${id}/enable`, {}, { session: owner, env: MAIL });
    const after = await gone(link!);
    expect(after.title).toBe("This invitation no longer works");
    expect(after.text).toContain("The access has been given back since.");
    expect(after.links).toContain("Email me a new sign-in link");
  });

  it("expired after 7 days", async () => {
    stopClock("2031-04-01T10:00:00.000Z");
    const owner = await logIn();
    const email = newEmail("eli");
    await invite(owner, "Eli", email);
    vi.setSystemTime(new Date("2031-04-08T10:00:01.000Z"));
    const [link] = await linksTo(email);
    const said = await gone(link!);
    expect(said.title).toBe("This invitation has expired");
    expect(said.text).toContain("Invitations work for 7 days.");
  });

  it("an expired invitation that was then resent says it was replaced: the latest email is what helps", async () => {
    stopClock("2031-05-01T10:00:00.000Z");
    const email = newEmail("fede");
    const id = await invite(await logIn(), "Fede", email);
    vi.setSystemTime(new Date("2031-05-09T10:00:00.000Z"));
    expect((await resend(await logIn(), id)).status).toBe(303);
    const [first] = await linksTo(email);
    expect((await gone(first!)).title).toBe("This invitation was replaced by a newer one");
  });
});

describe("a sign-in link that no longer works says why", () => {
  async function joined(owner: OrganizerSession, name: string): Promise<{ email: string; id: number }> {
    const email = newEmail(name.toLowerCase());
    const id = await invite(owner, name, email);
    const [invitation] = await linksTo(email);
    expect((await press(invitation!)).status).toBe(303);
    return { email, id };
  }

  function askLink(email: string) {
    return postOrganizerForm("/admin/login/link", { email, next: "/admin" }, { env: MAIL });
  }

  it("two asked in a row, the later one used: the earlier says she signed in with another since", async () => {
    const owner = await logIn();
    const { email } = await joined(owner, "Gabi");
    await askLink(email);
    await askLink(email);
    const [invitation, earlier, later] = await linksTo(email);
    expect((await press(later!)).status).toBe(303);

    const said = await gone(earlier!);
    expect(said.status).toBe(410);
    expect(said.title).toBe("This sign-in link no longer works");
    expect(said.text).toContain("You signed in with another link since");
    expect(said.links).toContain("Email me a new sign-in link");
    expect((await gone(later!)).title).toBe("This sign-in link was used already");
    // The invitation she accepted was used, not replaced.
    expect((await gone(invitation!)).title).toBe("This invitation was used already");
  });

  it("an invitation not accepted yet, then a sign-in link used: the invitation says she has joined", async () => {
    const owner = await logIn();
    const email = newEmail("hebe");
    await invite(owner, "Hebe", email);
    await askLink(email);
    const [invitation, signIn] = await linksTo(email);
    expect((await press(signIn!)).status).toBe(303);
    const said = await gone(invitation!);
    expect(said.title).toBe("You have joined already");
    expect(said.text).toContain("sign in from the login page");
  });

  it("withdrawn: the account was disabled", async () => {
    const owner = await logIn();
    const { email, id } = await joined(owner, "Ines");
    await askLink(email);
    const [, link] = await linksTo(email);
    await postOrganizerForm(`/admin/people/${id}/disable`, { confirmed: "yes" }, { session: owner, env: MAIL });
    const said = await gone(link!);
    expect(said.title).toBe("Your access to the organizer area was removed");
    expect(said.links).not.toContain("Email me a new sign-in link");
  });

  it("in the account's own language", async () => {
    const owner = await logIn();
    const email = newEmail("jo");
    await invite(owner, "Jô", email, "pt");
    await askLink(email);
    await askLink(email);
    const [, earlier, later] = await linksTo(email);
    await press(later!);
    const said = await gone(earlier!, { "Accept-Language": "fr" });
    expect(said.lang).toBe("pt");
    expect(said.title).toBe("Este link para entrar não funciona mais");
  });

  it("an unknown link says only that it does not work, in the browser's language", async () => {
    const opened = await get(`/admin/link?token=${"A".repeat(43)}`, { "Accept-Language": "fr" });
    expect(opened.status).toBe(404);
    const page = parseHtml(await opened.text());
    expect(page.querySelector("html")!.getAttribute("lang")).toBe("fr");
  });
});
