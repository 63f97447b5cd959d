/**
 * Organizer actions that can't be taken back, or that change at once what the
 * public sees, ask first (issue 15): deleting a draft, closing signing, going
 * back to draft, deleting a translation, discarding an import, a new webhook
 * secret. The post without the confirmation answers a page that says what
 * will happen (with the button that does it and a way back) and changes
 * nothing; the page's own form does it. Actions that do not apply are still
 * refused (409) without asking.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  createLetter,
  formFieldsOf,
  letterEditorFields,
  logIn,
  organizerPost,
  parseHtml,
  SPANISH_TRANSLATION,
  uniqueSlug,
  type OrganizerSession,
} from "../helpers";
import { importIdOf, upload } from "../imports";

async function draft(session: OrganizerSession): Promise<string> {
  const slug = uniqueSlug("confirm");
  expect((await organizerPost(session, "/admin/letters", letterEditorFields(slug))).status).toBe(303);
  return slug;
}

async function letterStatus(slug: string) {
  return (await env.DB.prepare("SELECT status FROM letters WHERE slug = ?").bind(slug).first<{ status: string }>())
    ?.status;
}

/** Posts `fields` to `path` unconfirmed: the answer must be the question page; then sends its form, as a browser would. */
async function askedThenConfirmed(
  session: OrganizerSession,
  path: string,
  fields: Record<string, string>,
  { question, button, back }: { question: RegExp; button: RegExp; back: string },
  between: () => Promise<void>,
): Promise<Response> {
  const asked = await organizerPost(session, path, fields);
  expect(asked.status).toBe(200);
  const document = parseHtml(await asked.text());
  expect(document.querySelector("h1")!.textContent).toMatch(question);
  // Focus starts on the question, not on the page's body.
  expect(document.querySelectorAll("[autofocus]").map((element) => element.tagName)).toEqual(["H1"]);
  expect(document.querySelectorAll(".consequences li").length).toBeGreaterThan(0);
  const form = document.querySelector("main form[method=post]")!;
  expect(form.getAttribute("action")).toBe(path);
  expect(form.querySelector("button[type=submit]")!.textContent).toMatch(button);
  expect(form.querySelector("a")!.getAttribute("href")).toBe(back);
  await between();
  const { fields: sent } = formFieldsOf(document, {}, "main form[method=post]");
  expect(sent).toMatchObject({ ...fields, confirmed: "yes" });
  return organizerPost(session, path, sent);
}

describe("actions that ask first", () => {
  it("deletes a draft only once confirmed", async () => {
    const session = await logIn();
    const slug = await draft(session);
    const done = await askedThenConfirmed(
      session,
      `/admin/letters/${slug}/delete`,
      {},
      { question: /^Delete the draft “.+”\?$/, button: /Delete the draft for good/, back: `/admin/letters/${slug}` },
      async () => expect(await letterStatus(slug)).toBe("draft"),
    );
    expect(done.status).toBe(303);
    expect(await letterStatus(slug)).toBeUndefined();
  });

  it("closes signing, and goes back to draft, only once confirmed; other stage changes act at once", async () => {
    const session = await logIn();
    const slug = await draft(session);
    expect((await organizerPost(session, `/admin/letters/${slug}/state`, { change: "publish" })).status).toBe(303);
    expect(await letterStatus(slug)).toBe("open");
    const closed = await askedThenConfirmed(
      session,
      `/admin/letters/${slug}/state`,
      { change: "close" },
      { question: /^Close signing of “.+” now\?$/, button: /Close signing now/, back: `/admin/letters/${slug}` },
      async () => expect(await letterStatus(slug)).toBe("open"),
    );
    expect(closed.status).toBe(303);
    expect(await letterStatus(slug)).toBe("closed");
    expect((await organizerPost(session, `/admin/letters/${slug}/state`, { change: "reopen" })).status).toBe(303);
    const unpublished = await askedThenConfirmed(
      session,
      `/admin/letters/${slug}/state`,
      { change: "unpublish" },
      { question: /back to draft\?$/, button: /Take it back to draft/, back: `/admin/letters/${slug}` },
      async () => expect(await letterStatus(slug)).toBe("open"),
    );
    expect(unpublished.status).toBe(303);
    expect(await letterStatus(slug)).toBe("draft");
  });

  it("refuses without asking what does not apply", async () => {
    const session = await logIn();
    const letter = await createLetter({ status: "closed" });
    expect((await organizerPost(session, `/admin/letters/${letter.slug}/state`, { change: "close" })).status).toBe(409);
    expect((await organizerPost(session, `/admin/letters/${letter.slug}/delete`, {})).status).toBe(409);
  });

  it("deletes a translation only once confirmed", async () => {
    const session = await logIn();
    const slug = await draft(session);
    const path = `/admin/letters/${slug}/translations/es`;
    expect((await organizerPost(session, path, SPANISH_TRANSLATION)).status).toBe(303);
    const count = async () =>
      (
        await env.DB.prepare(
          "SELECT count(*) AS n FROM letter_translations JOIN letters ON letters.id = letter_id WHERE slug = ?",
        )
          .bind(slug)
          .first<{ n: number }>()
      )?.n;
    const done = await askedThenConfirmed(
      session,
      `${path}/delete`,
      {},
      { question: /^Delete the translation into .+\?$/, button: /Delete the translation/, back: path },
      async () => expect(await count()).toBe(1),
    );
    expect(done.status).toBe(303);
    expect(await count()).toBe(0);
  });

  it("discards an import only once confirmed", async () => {
    const session = await logIn();
    const letter = await createLetter();
    const id = importIdOf(await upload(session, letter.slug, { paste: "Name,Email\nAna Díaz,ana@example.org" }));
    const path = `/admin/imports/${letter.slug}/${id}/discard`;
    const exists = async () => (await env.DB.prepare("SELECT id FROM imports WHERE id = ?").bind(id).first()) !== null;
    const done = await askedThenConfirmed(
      session,
      path,
      {},
      {
        question: /^Discard the import “.+”\?$/,
        button: /Discard the import/,
        back: `/admin/imports/${letter.slug}/${id}`,
      },
      async () => expect(await exists()).toBe(true),
    );
    expect(done.status).toBe(303);
    expect(await exists()).toBe(false);
  });

  it("replaces the webhook's secret only once confirmed, keeping the other settings as typed", async () => {
    const session = await logIn();
    const slug = await draft(session);
    const path = `/admin/letters/${slug}/notifications`;
    const settings = { webhook_url: "https://crm.example.org/hooks/u", summary_email: "" };
    expect((await organizerPost(session, path, settings)).status).toBe(303);
    const secret = async () =>
      (
        await env.DB.prepare("SELECT webhook_secret FROM letters WHERE slug = ?")
          .bind(slug)
          .first<{ webhook_secret: string }>()
      )?.webhook_secret;
    const before = await secret();
    expect(before).toBeTruthy();
    const done = await askedThenConfirmed(
      session,
      path,
      { ...settings, webhook_includes_email: "1", rotate_secret: "1" },
      { question: /signing secret\?$/, button: /Save with a new secret/, back: `/admin/letters/${slug}#notifications` },
      async () => expect(await secret()).toBe(before),
    );
    expect(done.status).toBe(303);
    expect(await secret()).not.toBe(before);
  });

  it("never writes the CSRF token of the first post, or a secret, back into the question page", async () => {
    const session = await logIn();
    const slug = await draft(session);
    const asked = await organizerPost(session, `/admin/letters/${slug}/notifications`, {
      webhook_url: "https://crm.example.org/hooks/u",
      webhook_secret: "whsec_not-for-pages",
      rotate_secret: "1",
    });
    const html = await asked.text();
    expect(html).not.toContain("whsec_not-for-pages");
    expect(parseHtml(html).querySelectorAll('main form input[name="csrf"]')).toHaveLength(1);
  });
});
