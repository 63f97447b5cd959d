/**
 * Findings of the attack on the organizer team (issue 15), each a named input that once
 * answered 500 or let something outlive what should end it: control characters in the
 * address to go back to after signing in (`next`, `back`), impossible calendar days in
 * filters and forms, passkeys that survived removing someone's access, the per-person cap
 * on API tokens passed by sending requests at once, and a session left live by signing in
 * again in the same browser.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  createLetter,
  fetchApp,
  linkIn,
  logIn,
  mailTo,
  organizerFetch,
  organizerPost,
  parseHtml,
  postOrganizerForm,
  randomIp,
  sessionAs,
} from "../helpers";
import { API_TOKENS_PER_PERSON } from "../../src/domain/api-tokens";
import { insertSession } from "../../src/storage/organizer-sessions";

const MAIL = { MAILER: "local" };
const CRLF_NEXT = "/admin?\r\nx";

describe("control characters in the address to go back to", () => {
  it("are refused before any redirect: the login page, the login form, the language switcher", async () => {
    const owner = await logIn();
    const login = await organizerFetch(owner, `/admin/login?next=${encodeURIComponent(CRLF_NEXT)}`);
    expect(login.status).toBe(303);
    expect(login.headers.get("Location")).toBe("/admin");
    const form = await postOrganizerForm("/admin/login", { token: ADMIN_TOKEN, next: CRLF_NEXT }, { env: MAIL });
    expect(form.status).toBe(303);
    expect(form.headers.get("Location")).toBe("/admin");
    for (const back of [CRLF_NEXT, "/admin\u0000", "/admin?\tx", "/admin?\u2028x"]) {
      const language = await organizerPost(owner, "/admin/language", { language: "es", back });
      expect(language.status, JSON.stringify(back)).toBe(303);
      expect(language.headers.get("Location")).toBe("/admin");
    }
  });

  it("in an emailed sign-in link: pressing it signs in and lands in the area (the link is not burned by a 500)", async () => {
    const person = await sessionAs("editor", { name: "Eddie" });
    const email = (await env.DB.prepare("SELECT email FROM organizers WHERE id = ?1")
      .bind(person.organizerId)
      .first<{ email: string }>())!.email;
    expect((await postOrganizerForm("/admin/login/link", { email, next: CRLF_NEXT }, { env: MAIL })).status).toBe(200);
    const path = linkIn((await mailTo(email)).at(-1)!.body, "/admin/link");
    expect(decodeURIComponent(path)).not.toMatch(/[\r\n]/);
    const page = await fetchApp(path, MAIL);
    expect(page.status).toBe(200);
    const fields = Object.fromEntries(
      parseHtml(await page.text())
        .querySelector('form[action="/admin/link"]')!
        .querySelectorAll("input[type=hidden]")
        .map((input) => [input.getAttribute("name")!, input.getAttribute("value")!]),
    );
    // Even a next changed by hand on the way.
    const pressed = await postOrganizerForm("/admin/link", { ...fields, next: CRLF_NEXT }, { env: MAIL });
    expect(pressed.status).toBe(303);
    expect(pressed.headers.get("Location")).toBe("/admin");
    expect(pressed.headers.get("Set-Cookie")).toBeTruthy();
  });
});

describe("impossible calendar days", () => {
  const DAYS = ["2026-13-01", "0000-00-00", "9999-99-99", "2026-02-30"];

  it("in the activity and signatures filters: a refusal, never a 500", async () => {
    const owner = await logIn();
    const letter = await createLetter();
    const list = `/admin/letters/${letter.slug}/signatures`;
    for (const day of DAYS) {
      for (const path of [
        `/admin/activity?from=${day}`,
        `/admin/activity.csv?to=${day}`,
        `${list}?from=${day}`,
        `${list}.csv?from=${day}`,
      ]) {
        const response = await organizerFetch(owner, path);
        expect([400, 422], path).toContain(response.status);
      }
    }
  });

  it("in the letter form, its preview and the delivery date: a 4xx with the field's message, never a 500", async () => {
    const owner = await logIn();
    const letter = await createLetter();
    for (const day of DAYS) {
      const created = await organizerPost(owner, "/admin/letters", {
        title: "A letter",
        slug: "",
        date: day,
        language: "en",
        body: "Dear all.",
      });
      expect(created.status, `date ${day}`).toBe(422);
      const preview = await organizerPost(owner, "/admin/letters/preview", {
        title: "A letter",
        body: "Dear all.",
        language: "en",
        closes_at: `${day}T10:00`,
        closes_time_zone: "UTC",
      });
      expect(preview.status, `closes_at ${day}`).toBeLessThan(500);
      const delivered = await organizerPost(owner, `/admin/letters/${letter.slug}/state`, {
        change: "deliver",
        delivered_on: day,
      });
      expect([400, 422], `delivered_on ${day}`).toContain(delivered.status);
    }
  });
});

describe("what ends when access ends", () => {
  it("removing someone's access deletes their passkeys: enabled again, an old passkey no longer signs in", async () => {
    const owner = await logIn();
    const editor = await sessionAs("editor", { name: "Eddie Passkey" });
    await env.DB.prepare(
      "INSERT INTO passkeys (credential_id, organizer_id, public_key, name) VALUES ('cred-eddie', ?1, 'key', 'Laptop')",
    )
      .bind(editor.organizerId)
      .run();
    const people = `/admin/people/${editor.organizerId}`;
    expect((await organizerPost(owner, `${people}/disable`, { confirmed: "yes" })).status).toBe(303);
    expect((await organizerPost(owner, `${people}/enable`, {})).status).toBe(303);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM passkeys WHERE organizer_id = ?1")
      .bind(editor.organizerId)
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
  });

  it("keeps the cap of API tokens per person when many are asked at once", async () => {
    const viewer = await sessionAs("viewer", { name: "Vi Racer" });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        organizerPost(viewer, "/admin/account/tokens", { label: `race ${index}` }),
      ),
    );
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
    const live = await env.DB.prepare(
      "SELECT count(*) AS n FROM api_tokens WHERE organizer_id = ?1 AND revoked_at IS NULL",
    )
      .bind(viewer.organizerId)
      .first<{ n: number }>();
    expect(live!.n).toBe(API_TOKENS_PER_PERSON);
  });

  it("signing in again in the same browser ends the session it carried", async () => {
    const moderator = await sessionAs("moderator", { name: "Mo Switch" });
    const response = await postOrganizerForm(
      "/admin/login",
      { token: ADMIN_TOKEN, next: "/admin" },
      { env: MAIL, headers: { Cookie: moderator.cookie } },
    );
    expect(response.status).toBe(303);
    expect((await organizerFetch(moderator, "/admin/account")).status).not.toBe(200);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM organizer_sessions WHERE organizer_id = ?1")
      .bind(moderator.organizerId)
      .first<{ n: number }>();
    expect(rows!.n).toBe(0);
  });

  it("stores no session for a person disabled between the check and the sign-in", async () => {
    const person = await sessionAs("editor", { name: "Late Disable" });
    await env.DB.prepare("DELETE FROM organizer_sessions WHERE organizer_id = ?1").bind(person.organizerId).run();
    await env.DB.prepare("UPDATE organizers SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = ?1")
      .bind(person.organizerId)
      .run();
    const now = new Date();
    const stored = await insertSession(env.DB, {
      idHash: "late-disable-session",
      organizerId: person.organizerId,
      via: "magic-link",
      tokenFingerprint: null,
      device: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    });
    expect(stored).toBe(false);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM organizer_sessions WHERE organizer_id = ?1")
      .bind(person.organizerId)
      .first<{ n: number }>();
    expect(rows!.n).toBe(0);
  });
});

describe("the Authorization header", () => {
  it("reads the token whatever the scheme's case and the spaces around it (RFC 6750, RFC 9110)", async () => {
    for (const header of [`Bearer  ${ADMIN_TOKEN}`, `bearer ${ADMIN_TOKEN}`, `BEARER ${ADMIN_TOKEN} `]) {
      const response = await fetchApp("/admin/api/letters/none/signatures", MAIL, {
        headers: { Authorization: header, "CF-Connecting-IP": randomIp() },
      });
      expect(response.status, JSON.stringify(header)).toBe(404);
    }
  });
});

describe("the editor's pages answered to a refused form", () => {
  /** The page's own script and preview frame are allowed by the policy it came with. */
  async function expectPolicyFits(response: Response) {
    const html = await response.text();
    const csp = response.headers.get("Content-Security-Policy")!;
    const document = parseHtml(html);
    if (document.querySelector("script[src]")) expect(csp).toContain("script-src 'self'");
    if (document.querySelector("iframe")) expect(csp).toContain("frame-src 'self'");
    return document;
  }

  it("allow the editor's script and preview: a delivery date in the future, a translation without a title", async () => {
    const owner = await logIn();
    const letter = await createLetter();
    expect(
      (await organizerPost(owner, `/admin/letters/${letter.slug}/state`, { change: "close", confirmed: "yes" })).status,
    ).toBe(303);
    const delivered = await organizerPost(owner, `/admin/letters/${letter.slug}/state`, {
      change: "deliver",
      delivered_on: "2999-01-01",
    });
    expect(delivered.status).toBe(422);
    const page = await expectPolicyFits(delivered);
    expect(page.querySelector("script[src]")).not.toBeNull();
    const translation = await organizerPost(owner, `/admin/letters/${letter.slug}/translations/es`, {
      title: "",
      body: "Texto.",
    });
    expect(translation.status).toBe(422);
    await expectPolicyFits(translation);
  });
});
