/**
 * Issue 15's fresh-eyed trial: "Buttons offered that can only fail". The organizer area does not
 * offer an action it would refuse up front: the last owner's Disable and role change, an
 * invitation or a confirmation email with no mailer, a waiting signature's actions on a closed
 * letter. (This file's owners are its own: the last owner depends on who else is one.)
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminMessagesFor } from "../../src/domain/i18n";
import {
  createLetter,
  fetchApp,
  logIn,
  organizerPost,
  parseHtml,
  postOrganizerForm,
  texts,
  type OrganizerSession,
} from "../helpers";
import { sessionAs } from "../organizers";
import { seedSignatures } from "../seed";

const MAIL = { MAILER: "local" } as const;
const en = adminMessagesFor("en");

/** The People page as `session` sees it, with the bindings `bindings` (a mailer or none). */
async function peoplePage(session: OrganizerSession, bindings: Partial<Cloudflare.Env> = {}) {
  const response = await fetchApp("/admin/people", bindings, { headers: { Cookie: session.cookie } });
  expect(response.status).toBe(200);
  return parseHtml(await response.text());
}

/** The forms a person's row of People offers (their actions' last path segment). */
function rowActions(document: ReturnType<typeof parseHtml>, id: number): string[] {
  return document
    .querySelectorAll(`form[action^="/admin/people/${id}/"]`)
    .map((form) => form.getAttribute("action")!.split("/").at(-1)!);
}

describe("People offers only what can be done", () => {
  it("the last active owner has no Disable and no role change, and says why; with another owner, both come back", async () => {
    const bootstrap = await logIn();
    const alone = await peoplePage(bootstrap, MAIL);
    // The admin token's account, the only owner: disabling it would leave nobody to manage people (409).
    expect(rowActions(alone, 1)).toEqual([]);
    expect(texts(alone, "tbody tr:first-child td:last-child")[0]).toBe(en.people.lastOwner);
    const refused = await organizerPost(bootstrap, "/admin/people/1/disable", {});
    expect(refused.status).toBe(409);

    const olga = await sessionAs("Olga Owner", "owner");
    const two = await peoplePage(bootstrap, MAIL);
    expect(rowActions(two, 1)).toEqual(["disable"]);
    expect(rowActions(two, olga.id)).toEqual(["role", "disable"]);

    // Olga disables the admin token's account: she is the last owner now.
    const disabled = await organizerPost(olga, "/admin/people/1/disable", { confirmed: "yes" });
    expect(disabled.status).toBe(303);
    const last = await peoplePage(olga, MAIL);
    expect(rowActions(last, olga.id)).toEqual([]);
    expect(last.querySelector(`select[name="role"]#role-${olga.id}`)).toBeNull();
    expect(rowActions(last, 1)).toEqual(["enable"]);
    await env.DB.prepare("UPDATE organizers SET disabled_at = NULL WHERE id = 1").run();
  });

  it("without a mailer, no invitation form and no Resend: a notice says why", async () => {
    const owner = await sessionAs("Mail Owner", "owner");
    const invited = await postOrganizerForm(
      "/admin/people",
      { name: "Invited Ines", email: `ines-${crypto.randomUUID().slice(0, 8)}@example.org`, role: "viewer" },
      { session: owner, env: MAIL },
    );
    expect(invited.status).toBe(303);
    const ines = await env.DB.prepare("SELECT id FROM organizers WHERE name = 'Invited Ines'").first<{ id: number }>();
    const withMail = await peoplePage(owner, MAIL);
    expect(rowActions(withMail, ines!.id)).toEqual(["role", "invitation", "disable"]);
    expect(withMail.querySelector('form[action="/admin/people"]')).not.toBeNull();

    const mailless = await peoplePage(owner, { MAILER: "" });
    expect(rowActions(mailless, ines!.id)).toEqual(["role", "disable"]);
    expect(mailless.querySelector('form[action="/admin/people"]')).toBeNull();
    expect(texts(mailless, "#invite ~ .notice, #invite + .notice")).toEqual([en.people.noMailer]);
  });

  it("a waiting signature offers no email without a mailer, and nothing that acts once signing has closed", async () => {
    const moderator = await sessionAs("Waiting Moderator", "moderator");
    const open = await createLetter({ confirmSignatures: true });
    const [waiting] = await seedSignatures(open.slug, [{ name: "Waiting Walter", status: "unconfirmed" }]);
    const actions = async (slug: string, bindings: Partial<Cloudflare.Env>) => {
      const response = await fetchApp(`/admin/letters/${slug}/signatures?status=unconfirmed`, bindings, {
        headers: { Cookie: moderator.cookie },
      });
      const document = parseHtml(await response.text());
      return [
        ...document.querySelectorAll(`[formaction*="/${waiting!.ref}/"]`).map((b) => b.getAttribute("formaction")!),
        ...document.querySelectorAll(`a[href*="/${waiting!.ref}/"]`).map((a) => a.getAttribute("href")!),
      ].map((path) => path.split("?")[0]!.split("/").at(-1)!);
    };
    expect(await actions(open.slug, MAIL)).toEqual(["reject", "resend", "confirm"]);
    expect(await actions(open.slug, { MAILER: "" })).toEqual(["reject", "confirm"]);
    await env.DB.prepare("UPDATE letters SET status = 'closed', closed_at = ?2 WHERE slug = ?1")
      .bind(open.slug, new Date().toISOString())
      .run();
    expect(await actions(open.slug, MAIL)).toEqual(["reject"]);
    // What the page no longer offers is still refused if sent.
    const confirmed = await organizerPost(moderator, `/admin/letters/${open.slug}/signatures/${waiting!.ref}/confirm`, {
      reason: "They asked by phone.",
    });
    expect(confirmed.status).toBe(409);
  });
});

describe("a form kept because its CSRF field was missing or old", () => {
  /** The kept-form page's heading, text, and what it will send (label → shown value). */
  function keptPage(html: string) {
    const document = parseHtml(html);
    const shown: Record<string, string> = {};
    const terms = document.querySelectorAll(".kept-fields dt");
    const values = document.querySelectorAll(".kept-fields dd");
    terms.forEach((dt, index) => (shown[dt.textContent.trim()] = values[index]!.textContent.trim()));
    return { heading: texts(document, "h1")[0], text: texts(document, "main h1 + p")[0], shown };
  }

  it("says what happened (nobody signed out) and shows each choice by its label, not its raw value", async () => {
    const owner = await sessionAs("Kept Owner", "owner");
    const posted = await postOrganizerForm(
      "/admin/people",
      { name: "Kept Colleague", email: "kept@example.org", role: "owner", language: "es" },
      { session: { ...owner, csrf: "" }, env: MAIL },
    );
    // Sent with an empty csrf field: no token at all (a copy of the page, something in the browser removed it).
    expect(posted.status).toBe(403);
    const missing = keptPage(await posted.text());
    expect(missing.heading).toBe(en.kept.missingHeading);
    expect(missing.heading).not.toBe(en.kept.resumeHeading);
    expect(missing.text).toBe(en.kept.missingText);
    expect(missing.shown).toMatchObject({ Role: "Owner", Language: "Spanish", Name: "Kept Colleague" });

    const stale = await postOrganizerForm(
      "/admin/people",
      { name: "Kept Colleague", email: "kept@example.org", role: "viewer", language: "pt" },
      { session: { ...owner, csrf: "a-token-of-an-earlier-session" }, env: MAIL },
    );
    expect(stale.status).toBe(403);
    const old = keptPage(await stale.text());
    expect(old.heading).toBe(en.kept.staleHeading);
    expect(old.shown).toMatchObject({ Role: "Viewer", Language: "Portuguese" });
  });
});
