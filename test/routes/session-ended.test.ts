/**
 * A session that ends while someone is typing (issue 15): the form they send
 * is answered 401 with a page that keeps what they typed (text fields only:
 * no file, no secret, not the old CSRF token), links to logging in in
 * another tab, and sends it again; once logged in, "Send again" shows what
 * will be sent with the new session's CSRF token, and only that page's Send
 * acts. A form drawn in an earlier session (or an earlier Cloudflare Access
 * session), sent once logged in again, is answered 403 with that same page:
 * its old CSRF token acts on nothing, and what was typed is not lost.
 * Cross-site posts are still refused, with or without a session.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  fetchWorker,
  formBody,
  letterEditorFields,
  logIn,
  ORIGIN,
  organizerPost,
  parseHtml,
  SAME_ORIGIN_FORM,
  SPANISH_TRANSLATION,
  uniqueSlug,
  type OrganizerSession,
} from "../helpers";

async function draft(session: OrganizerSession): Promise<string> {
  const slug = uniqueSlug("kept");
  expect((await organizerPost(session, "/admin/letters", letterEditorFields(slug))).status).toBe(303);
  return slug;
}

async function translationTitle(slug: string) {
  return (
    await env.DB.prepare(
      "SELECT t.title FROM letter_translations t JOIN letters l ON l.id = t.letter_id WHERE l.slug = ? AND t.language = 'es'",
    )
      .bind(slug)
      .first<{ title: string }>()
  )?.title;
}

/** The hidden fields of the form in `html` (repeated names kept), and the form's action. */
function formOf(html: string) {
  const form = parseHtml(html).querySelector("main form[method=post]")!;
  const fields = form.querySelectorAll("input[type=hidden]").map((input) => ({
    name: input.getAttribute("name")!,
    value: input.getAttribute("value") ?? "",
  }));
  return { action: form.getAttribute("action")!, fields, form };
}

function asBody(fields: { name: string; value: string }[]): string {
  const params = new URLSearchParams();
  for (const { name, value } of fields) params.append(name, value);
  return params.toString();
}

describe("a form sent after the session ended", () => {
  it("keeps the translation typed, and saves it once logged in again, through a page that shows it first", async () => {
    const session = await logIn();
    const slug = await draft(session);
    const path = `/admin/letters/${slug}/translations/es`;
    const typed = {
      ...SPANISH_TRANSLATION,
      body: 'Estimado Secretario General:\n\nPedimos <un> proceso "justo" & libre.',
    };
    // The session ends (logged out elsewhere, or expired): the cookie no longer names a live one.
    const ended = await fetchWorker(path, {
      method: "POST",
      headers: SAME_ORIGIN_FORM,
      body: formBody({ csrf: session.csrf, ...typed }),
      redirect: "manual",
    });
    expect(ended.status).toBe(401);
    expect(ended.headers.get("Cache-Control")).toBe("no-store");
    const html = await ended.text();
    const kept = formOf(html);
    expect(kept.action).toBe(path);
    expect(Object.fromEntries(kept.fields.map(({ name, value }) => [name, value]))).toEqual({ ...typed, resume: "1" });
    expect(html).not.toContain(session.csrf);
    const login = parseHtml(html).querySelector('a[href^="/admin/login"]')!;
    expect(login.getAttribute("target")).toBe("_blank");
    expect(await translationTitle(slug)).toBeUndefined();

    // Logged in again (in another tab): "Send again" shows what will be sent, and saves nothing yet.
    const again = await logIn();
    const resumed = await fetchWorker(kept.action, {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, Cookie: again.cookie },
      body: asBody(kept.fields),
      redirect: "manual",
    });
    expect(resumed.status).toBe(200);
    const reviewHtml = await resumed.text();
    const review = { ...formOf(reviewHtml), html: reviewHtml };
    expect(review.fields.find((field) => field.name === "csrf")?.value).toBe(again.csrf);
    expect(review.fields.some((field) => field.name === "resume")).toBe(false);
    expect(await translationTitle(slug)).toBeUndefined();
    // What will be sent is named by the form's own labels, never by its field names.
    const names = parseHtml(review.html)
      .querySelectorAll(".kept-fields dt")
      .map((dt) => dt.textContent.trim());
    expect(names).toContain("Title");
    expect(names).toContain("Text of the letter");
    for (const raw of ["title", "addressee", "body", "summary"]) expect(names).not.toContain(raw);

    const sent = await fetchWorker(review.action, {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, Cookie: again.cookie },
      body: asBody(review.fields),
      redirect: "manual",
    });
    expect(sent.status).toBe(303);
    expect(await translationTitle(slug)).toBe(typed.title);
  });

  it("keeps a form drawn in an earlier session, sent once logged in again, and acts only on the new token", async () => {
    const before = await logIn();
    const slug = await draft(before);
    const path = `/admin/letters/${slug}/translations/es`;
    // Logged out (or the session expired), then logged in again in another tab; the old tab's form is sent.
    expect((await organizerPost(before, "/admin/logout", {})).status).toBe(303);
    const now = await logIn();
    const stale = await fetchWorker(path, {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, Cookie: now.cookie },
      body: formBody({ csrf: before.csrf, ...SPANISH_TRANSLATION }),
      redirect: "manual",
    });
    expect(stale.status).toBe(403);
    const html = await stale.text();
    expect(html).not.toContain(before.csrf);
    const review = formOf(html);
    expect(review.action).toBe(path);
    expect(Object.fromEntries(review.fields.map(({ name, value }) => [name, value]))).toEqual({
      csrf: now.csrf,
      ...SPANISH_TRANSLATION,
    });
    expect(await translationTitle(slug)).toBeUndefined();
    const sent = await fetchWorker(review.action, {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, Cookie: now.cookie },
      body: asBody(review.fields),
      redirect: "manual",
    });
    expect(sent.status).toBe(303);
    expect(await translationTitle(slug)).toBe(SPANISH_TRANSLATION.title);
  });

  it("never writes back a file, a secret or the old CSRF token, and says a file must be chosen again", async () => {
    const form = new FormData();
    form.set("csrf", "old-csrf-token-value");
    form.set("file", new File(["Name\nAna"], "people.csv", { type: "text/csv" }));
    form.set("paste", "Name,Email\nAna,ana@example.org");
    form.set("webhook_secret", "whsec_never-in-a-page");
    form.set("token", "admin-token-never-in-a-page");
    const ended = await fetchWorker("/admin/imports/some-letter", {
      method: "POST",
      headers: { Origin: ORIGIN, "Sec-Fetch-Site": "same-origin" },
      body: form,
      redirect: "manual",
    });
    expect(ended.status).toBe(401);
    const html = await ended.text();
    for (const secret of ["old-csrf-token-value", "whsec_never-in-a-page", "admin-token-never-in-a-page", "Name\nAna"])
      expect(html).not.toContain(secret);
    const kept = formOf(html);
    expect(kept.form.getAttribute("enctype")).toBe("multipart/form-data");
    expect(kept.fields.map((field) => field.name)).toEqual(["paste", "resume"]);
    expect(html).toContain("choose the file again");
  });

  it("is still refused from another site, with or without a session, and a resumed post acts on nothing", async () => {
    const session = await logIn();
    const slug = await draft(session);
    const crossSite = { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" };
    const withoutSession = await fetchWorker(`/admin/letters/${slug}/delete`, {
      method: "POST",
      headers: crossSite,
      body: formBody({ confirmed: "yes" }),
      redirect: "manual",
    });
    expect(withoutSession.status).toBe(403);
    const withSession = await fetchWorker(`/admin/letters/${slug}/delete`, {
      method: "POST",
      headers: { ...crossSite, Cookie: session.cookie },
      body: formBody({ confirmed: "yes", resume: "1" }),
      redirect: "manual",
    });
    expect(withSession.status).toBe(403);
    // Same site, with the session, marked as resumed but without the CSRF token: shown, not done.
    const resumed = await fetchWorker(`/admin/letters/${slug}/delete`, {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, Cookie: session.cookie },
      body: formBody({ confirmed: "yes", resume: "1" }),
      redirect: "manual",
    });
    expect(resumed.status).toBe(200);
    expect(
      (await env.DB.prepare("SELECT count(*) AS n FROM letters WHERE slug = ?").bind(slug).first<{ n: number }>())!.n,
    ).toBe(1);
  });
});
