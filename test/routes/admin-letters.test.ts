/**
 * The letter editor and a letter's life: drafts created and previewed in the
 * browser, a shareable draft link, publishing, closing (by hand and on
 * time), reopening, delivering, going back to draft, deleting; the text's
 * history and the public "updated on"; content files and the organizer area
 * writing the same table without overwriting each other.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { HTMLElement } from "node-html-parser";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { letterDocumentStatements } from "../../src/storage/letters-sql";
import {
  createLetter,
  fetchWorker,
  formBody,
  getPage,
  individual,
  logIn,
  organizerFetch,
  organizerPage,
  organizerPost,
  parseHtml,
  postSignature,
  runStatements,
  SAME_ORIGIN_FORM,
  sessionAs,
  SPANISH_TRANSLATION,
  texts,
  uniqueSlug,
  type OrganizerSession,
} from "../helpers";

function letterFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Letter to the Secretary General on elections",
    slug: uniqueSlug("drafted"),
    date: "2017-12-20",
    language: "en",
    addressee: "The Honorable Luis Almagro\r\n  Secretary General  \r\n\r\nOrganization of American States",
    body: "Dear Secretary General:\n\nWe, the undersigned organizations, **strongly** commend you for calling for new elections in Honduras.\n\nSincerely,",
    summary: "",
    confirm_signatures: "no",
    closes_at: "",
    ...overrides,
  };
}

async function createDraft(session: OrganizerSession, overrides: Record<string, string> = {}) {
  const fields = letterFields(overrides);
  const response = await organizerPost(session, "/admin/letters", fields);
  expect(response.status).toBe(303);
  return fields.slug!;
}

/** What the editor's history says of each version, beside the link of its time. */
function historyWords(document: HTMLElement): string[] {
  return document
    .querySelectorAll(".history li")
    .map((item) => item.textContent.replace(item.querySelector("a")!.textContent, "").replace(/\s+/g, " ").trim());
}

async function stored(slug: string) {
  return env.DB.prepare("SELECT * FROM letters WHERE slug = ?").bind(slug).first<Record<string, unknown>>();
}

async function changeState(
  session: OrganizerSession,
  slug: string,
  change: string,
  extra: Record<string, string> = {},
) {
  return organizerPost(session, `/admin/letters/${slug}/state`, { change, confirmed: "yes", ...extra });
}

describe("the letter editor", () => {
  it("draws a labelled form beside a preview frame, with its optional script allowed and nothing else", async () => {
    const session = await logIn();
    const { response, document } = await organizerPage(session, "/admin/letters/new");
    expect(response.status).toBe(200);
    for (const id of [
      "field-title",
      "field-slug",
      "field-date",
      "field-language",
      "field-addressee",
      "field-body",
      "field-summary",
      "field-closes-at",
    ]) {
      expect(document.querySelector(`label[for="${id}"]`), id).not.toBeNull();
    }
    expect(document.querySelector("#preview-button")?.getAttribute("formaction")).toBe("/admin/letters/preview");
    expect(document.querySelector("iframe")?.getAttribute("name")).toBe(
      document.querySelector("#preview-button")?.getAttribute("formtarget"),
    );
    const csp = response.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const script = document.querySelector("script")?.getAttribute("src");
    expect(script).toMatch(/^\/assets\/admin-editor\.[0-9a-f]{8}\.js$/);
    expect((await fetchWorker(script!)).headers.get("Content-Type")).toContain("javascript");
  });

  it("gives the form back with every problem, keeping what was typed (422)", async () => {
    const session = await logIn();
    const response = await organizerPost(
      session,
      "/admin/letters",
      letterFields({ title: "", slug: "Not A Slug", date: "2017-02-30", body: "   ", closes_at: "soon" }),
    );
    expect(response.status).toBe(422);
    const document = parseHtml(await response.text());
    expect(texts(document, ".error-summary li")).toHaveLength(5);
    expect(document.querySelector("#field-slug")?.getAttribute("value")).toBe("Not A Slug");
    expect(document.querySelector("#field-addressee")?.textContent).toContain("Luis Almagro");
    expect(document.querySelector("#field-title")?.getAttribute("aria-invalid")).toBe("true");
  });

  it("refuses a closing time past year 9999 in UTC beside its field, and takes the last minute of UTC's", async () => {
    const session = await logIn();
    // 23:59 on 9999-12-31 in Honduras is 05:59 on 10000-01-01 in UTC: stored as "+010000-…", it
    // would sort before every time as text, and the letter would close at once.
    const late = letterFields({ closes_at: "9999-12-31T23:59", closes_time_zone: "America/Tegucigalpa" });
    const refused = await organizerPost(session, "/admin/letters", late);
    expect(refused.status).toBe(422);
    const document = parseHtml(await refused.text());
    expect(texts(document, ".error-summary li").join(" ")).toContain("before the year 10000");
    expect(await stored(late.slug!)).toBeNull();
    const slug = await createDraft(session, { closes_at: "9999-12-31T23:59", closes_time_zone: "UTC" });
    expect(await stored(slug)).toMatchObject({ closes_at: "9999-12-31T23:59:00.000Z" });
  });

  it("refuses hostile text with a message, storing nothing", async () => {
    const session = await logIn();
    const hostile: Record<string, string>[] = [
      { title: "<script>alert(1)</script>" },
      { body: "Hello\u0000there" },
      { title: '=HYPERLINK("x")' },
      { slug: "new" },
    ];
    for (const overrides of hostile) {
      const fields = letterFields(overrides);
      const response = await organizerPost(session, "/admin/letters", fields);
      expect(response.status, JSON.stringify(overrides)).toBe(422);
      expect(await stored(fields.slug!)).toBeNull();
    }
    // Over the 100,000-character cap but within the editor's form limit (sized to the cap at its worst,
    // 12 bytes a character URL-encoded): the editor's own message, not a 413.
    const long = await organizerPost(session, "/admin/letters", letterFields({ body: "x".repeat(600 * 1024) }));
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("can be at most 100,000 characters");
    const huge = await organizerPost(session, "/admin/letters", letterFields({ body: "x".repeat(1400 * 1024) }));
    expect(huge.status).toBe(413);
  });

  it("creates a draft only organizers see, written in the organizer area, with its first version kept", async () => {
    const session = await logIn();
    const fields = letterFields();
    const response = await organizerPost(session, "/admin/letters", fields);
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/admin/letters/${fields.slug}?done=created`);
    const row = (await stored(fields.slug!))!;
    expect(row).toMatchObject({
      status: "draft",
      managed_by: "admin",
      addressee: "The Honorable Luis Almagro\nSecretary General\nOrganization of American States",
    });
    expect(row.body_html).toContain("<strong>strongly</strong>");
    expect(row.summary).toBe(
      "We, the undersigned organizations, strongly commend you for calling for new elections in Honduras.",
    );
    expect((await fetchWorker(`/letters/${fields.slug}`)).status).toBe(404);
    const { document } = await organizerPage(session, "/admin");
    expect(
      document.querySelector(`a[href="/admin/letters/${fields.slug}"]`)?.closest("tr")?.querySelector(".badge")
        ?.textContent,
    ).toBe("draft");
    const editor = await organizerPage(session, `/admin/letters/${fields.slug}?done=created`);
    expect(texts(editor.document, ".flash")).toEqual(["The draft is saved. Publish it when it is ready."]);
    expect(editor.document.querySelectorAll(".history li")).toHaveLength(1);
    // Another letter can't take its address.
    const again = await organizerPost(session, "/admin/letters", letterFields({ slug: fields.slug! }));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Another letter already has this address");
  });

  it("previews the form as the public page, framable by our own pages only", async () => {
    const session = await logIn();
    const fields = letterFields({ title: "A title only in the form" });
    const response = await organizerPost(session, "/admin/letters/preview", fields);
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'self'");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const document = parseHtml(await response.text());
    expect(texts(document, "h1")).toEqual(["A title only in the form"]);
    expect(document.querySelector(".letter-body strong")?.textContent).toBe("strongly");
    expect(texts(document, ".notice")[0]).toContain("Preview of a draft");
    // A draft is previewed with the form it will have once open.
    expect(document.querySelector("form.sign-form, #sign form")).not.toBeNull();
    expect(await stored(fields.slug!)).toBeNull();
    const empty = await organizerPost(session, "/admin/letters/preview", letterFields({ title: "" }));
    expect(texts(parseHtml(await empty.text()), "li")).toEqual(["Give the letter a title."]);
  });

  it("shares a draft through a link that needs no login, for that letter only", async () => {
    const session = await logIn();
    const slug = await createDraft(session);
    const other = await createDraft(session);
    const { document } = await organizerPage(session, `/admin/letters/${slug}`);
    const link = new URL(document.querySelector("#field-preview-link")!.getAttribute("value")!);
    const preview = await fetchWorker(`${link.pathname}${link.search}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("Cache-Control")).toBe("no-store");
    expect(preview.headers.get("X-Robots-Tag")).toContain("noindex");
    expect(texts(parseHtml(await preview.text()), "h1")).toEqual(["Letter to the Secretary General on elections"]);
    for (const wrong of [
      `/letters/${other}/preview${link.search}`,
      `/letters/${slug}/preview?key=${"A".repeat(32)}`,
      `/letters/${slug}/preview`,
    ]) {
      expect((await fetchWorker(wrong)).status, wrong).toBe(404);
    }
    expect((await changeState(session, slug, "publish")).status).toBe(303);
    const published = await fetchWorker(`${link.pathname}${link.search}`, { redirect: "manual" });
    expect(published.status).toBe(303);
    expect(published.headers.get("Location")).toBe(`/letters/${slug}`);
  });

  it("makes a new preview link for editors: the old one stops working, and the log says who did it", async () => {
    const editor = await sessionAs("editor", { name: "Elena Editor" });
    const slug = await createDraft(editor);
    const linkOf = async (session: OrganizerSession) => {
      const { document } = await organizerPage(session, `/admin/letters/${slug}`);
      const value = document.querySelector("#field-preview-link")?.getAttribute("value");
      return value ? new URL(value) : null;
    };
    const old = (await linkOf(editor))!;
    expect((await fetchWorker(`${old.pathname}${old.search}`)).status).toBe(200);

    const { document } = await organizerPage(editor, `/admin/letters/${slug}`);
    const form = document.querySelector(`form[action="/admin/letters/${slug}/preview-link"]`);
    expect(form?.querySelector("button")?.textContent).toBe("New preview link");
    const made = await organizerPost(editor, `/admin/letters/${slug}/preview-link`, {});
    expect(made.status).toBe(303);
    expect(made.headers.get("Location")).toBe(`/admin/letters/${slug}?done=previewLink#share-preview-title`);
    const after = await organizerPage(editor, made.headers.get("Location")!);
    expect(texts(after.document, "#share-preview-title ~ .flash")).toEqual([
      "There is a new preview link. The one before it no longer works.",
    ]);

    const renewed = (await linkOf(editor))!;
    expect(renewed.search).not.toBe(old.search);
    expect((await fetchWorker(`${old.pathname}${old.search}`)).status).toBe(404);
    expect((await fetchWorker(`${renewed.pathname}${renewed.search}`)).status).toBe(200);

    const entry = await env.DB.prepare(
      "SELECT organizer_name, letter_id, before_json, after_json, detail FROM organizer_activity WHERE action = 'preview-link-renewed' AND organizer_id = ?1",
    )
      .bind(editor.organizerId)
      .first<Record<string, unknown>>();
    expect(entry).toMatchObject({ organizer_name: "Elena Editor", before_json: null, after_json: null, detail: null });
    expect(entry?.letter_id).toBe((await stored(slug))!.id);
    // The log never holds a link's key.
    expect(JSON.stringify(entry)).not.toContain(renewed.searchParams.get("key"));

    // Offered only to those who edit letters; the others are refused.
    for (const role of ["moderator", "viewer"] as const) {
      const session = await sessionAs(role);
      const page = await organizerPage(session, `/admin/letters/${slug}`);
      expect(page.document.querySelector(`form[action="/admin/letters/${slug}/preview-link"]`), role).toBeNull();
      expect(await linkOf(session), role).toBeNull();
      expect((await organizerPost(session, `/admin/letters/${slug}/preview-link`, {})).status, role).toBe(403);
    }
    expect((await fetchWorker(`${renewed.pathname}${renewed.search}`)).status).toBe(200);
  });
});

describe("a letter's stages", () => {
  it("goes from draft to open, closed, open again and delivered, and the public page follows at once", async () => {
    const session = await logIn();
    const slug = await createDraft(session);
    expect((await changeState(session, slug, "publish")).headers.get("Location")).toBe(
      `/admin/letters/${slug}?done=publish`,
    );
    let page = await getPage(`/letters/${slug}`);
    expect(page.response.status).toBe(200);
    expect(texts(page.document, ".status")).toEqual(["Open for signatures"]);

    expect((await changeState(session, slug, "close")).status).toBe(303);
    page = await getPage(`/letters/${slug}`);
    // Closed by hand before any deadline: the day it closed.
    expect(texts(page.document, ".status")).toEqual([
      `Signing closed on ${new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(new Date())}`,
    ]);
    expect((await postSignature(slug, individual())).status).toBe(409);

    expect((await changeState(session, slug, "reopen")).status).toBe(303);
    expect(texts((await getPage(`/letters/${slug}`)).document, ".status")).toEqual(["Open for signatures"]);

    const delivered = await changeState(session, slug, "deliver", {
      delivered_on: "2017-12-20",
      delivery_note: "Delivered to the OAS on 20 December 2017.",
    });
    expect(delivered.status).toBe(303);
    page = await getPage(`/letters/${slug}`);
    expect(texts(page.document, ".status")).toEqual(["Delivered on December 20, 2017"]);
    expect(texts(page.document, ".delivery-note")).toEqual(["Delivered to the OAS on 20 December 2017."]);
    expect(texts(page.document, "#sign p")[0]).toContain("it was delivered on December 20, 2017");
    expect((await postSignature(slug, individual())).status).toBe(409);
    const json = await (await fetchWorker(`/letters/${slug}.json`)).json<Record<string, unknown>>();
    expect(json).toMatchObject({
      status: "closed",
      delivered_on: "2017-12-20",
      delivery_note: "Delivered to the OAS on 20 December 2017.",
    });
    const feed = await (await fetchWorker(`/letters/${slug}/feed.atom`)).text();
    expect(feed).toContain("<title>Delivered: Letter to the Secretary General on elections</title>");
    // Delivered letters are not reopened; their delivery may be corrected.
    expect((await changeState(session, slug, "reopen")).status).toBe(409);
    expect(
      (await changeState(session, slug, "deliver", { delivered_on: "2017-12-21", delivery_note: "" })).status,
    ).toBe(303);
    expect(await stored(slug)).toMatchObject({ delivered_on: "2017-12-21", delivery_note: null, status: "closed" });
  });

  it("refuses changes that do not apply, with a reason", async () => {
    const session = await logIn();
    const slug = await createDraft(session);
    expect((await changeState(session, slug, "close")).status).toBe(409);
    expect((await changeState(session, slug, "explode")).status).toBe(400);
    expect((await changeState(session, slug, "deliver", { delivered_on: "someday" })).status).toBe(409);
    await changeState(session, slug, "publish");
    expect((await changeState(session, slug, "deliver", { delivered_on: "someday" })).status).toBe(422);
    // Back to draft while nobody has signed; not after.
    expect((await changeState(session, slug, "unpublish")).status).toBe(303);
    await changeState(session, slug, "publish");
    expect((await postSignature(slug, individual())).status).toBe(303);
    const refused = await changeState(session, slug, "unpublish");
    expect(refused.status).toBe(409);
    expect(texts(parseHtml(await refused.text()), "main p")[0]).toContain("can't go back to being a draft");
  });

  it("closes on time through the cron job, and reopening clears a closing time that has passed", async () => {
    const session = await logIn();
    const slug = await createDraft(session, { closes_at: "2030-01-01T12:00" });
    await changeState(session, slug, "publish");
    expect(await stored(slug)).toMatchObject({ status: "open", closes_at: "2030-01-01T12:00:00.000Z" });
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.parse("2030-01-01T12:05:00Z"), cron: "*/5 * * * *" }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    // The job ran "in 2030": the letter is closed.
    expect((await stored(slug))!.status).toBe("closed");
    await env.DB.prepare("UPDATE letters SET closes_at = '2001-01-01T00:00:00.000Z' WHERE slug = ?").bind(slug).run();
    // (The job "in 2030" also forgot every session, long expired by then.)
    expect((await changeState(await logIn(), slug, "reopen")).status).toBe(303);
    expect(await stored(slug)).toMatchObject({ status: "open", closes_at: null });
  });

  it("deletes a draft nobody signed, and nothing else", async () => {
    const session = await logIn();
    const slug = await createDraft(session);
    const response = await organizerPost(session, `/admin/letters/${slug}/delete`, { confirmed: "yes" });
    expect(response.headers.get("Location")).toBe("/admin?done=deleted");
    expect(await stored(slug)).toBeNull();
    const published = await createDraft(session);
    await changeState(session, published, "publish");
    expect((await organizerPost(session, `/admin/letters/${published}/delete`, { confirmed: "yes" })).status).toBe(409);
    expect(await stored(published)).not.toBeNull();
  });

  it("needs a session and the CSRF token for every change", async () => {
    const session = await logIn();
    const slug = await createDraft(session);
    const anonymous = await fetchWorker(`/admin/letters/${slug}/state`, {
      method: "POST",
      headers: SAME_ORIGIN_FORM,
      body: formBody({ change: "publish" }),
      redirect: "manual",
    });
    expect(anonymous.status).toBe(401);
    const forged = await organizerPost({ ...session, csrf: "forged" }, `/admin/letters/${slug}/state`, {
      change: "publish",
    });
    expect(forged.status).toBe(403);
    expect((await stored(slug))!.status).toBe("draft");
  });
});

describe("editing a letter's text", () => {
  it("keeps every version, and says “updated on” publicly only for edits made after people signed", async () => {
    const session = await logIn();
    const slug = await createDraft(session);
    await organizerPost(session, `/admin/letters/${slug}`, letterFields({ slug, title: "Second draft title" }));
    await changeState(session, slug, "publish");
    // Published but unsigned: no public notice of the edit.
    await organizerPost(session, `/admin/letters/${slug}`, letterFields({ slug, title: "Published title" }));
    expect(texts((await getPage(`/letters/${slug}`)).document, ".letter .meta")[0]).not.toContain("Updated");
    expect((await postSignature(slug, individual())).status).toBe(303);
    const save = await organizerPost(
      session,
      `/admin/letters/${slug}`,
      letterFields({ slug, title: "Published title", body: "Dear Secretary General:\n\nA corrected text." }),
    );
    expect(save.headers.get("Location")).toBe(`/admin/letters/${slug}?done=saved`);
    const page = await getPage(`/letters/${slug}`);
    expect(texts(page.document, ".letter .meta")[0]).toMatch(/Updated on \w+ \d+, \d{4}/);
    expect(texts(page.document, ".letter-body p")).toContain("A corrected text.");
    // Saving the same text again adds no version.
    await organizerPost(
      session,
      `/admin/letters/${slug}`,
      letterFields({ slug, title: "Published title", body: "Dear Secretary General:\n\nA corrected text." }),
    );
    const { document } = await organizerPage(session, `/admin/letters/${slug}`);
    const versions = document.querySelectorAll(".history li");
    expect(versions).toHaveLength(4);
    expect(versions[0]!.textContent).toContain("(current)");
    expect(versions[0]!.textContent).toContain("1 signature then");
    const oldest = versions.at(-1)!.querySelector("a")!.getAttribute("href")!;
    const old = await organizerPage(session, oldest);
    expect(texts(old.document, "article h1")).toEqual(["Letter to the Secretary General on elections"]);
    expect(texts(old.document, ".letter-body p")).toContain(
      "We, the undersigned organizations, strongly commend you for calling for new elections in Honduras.",
    );
  });

  it("marks a draft's text published once the letter is, names each version's language, and one current per language", async () => {
    const session = await logIn();
    const slug = await createDraft(session, { title: "First title" });
    await changeState(session, slug, "publish");
    await organizerPost(session, `/admin/letters/${slug}`, letterFields({ slug, title: "Second title" }));
    await organizerPost(session, `/admin/letters/${slug}/translations/es`, SPANISH_TRANSLATION);
    await organizerPost(session, `/admin/letters/${slug}`, letterFields({ slug, title: "Third title" }));
    const { document } = await organizerPage(session, `/admin/letters/${slug}`);
    expect(historyWords(document)).toEqual([
      "(current) · in English · published, 0 signatures then",
      "(current) · in Spanish · published, 0 signatures then",
      "· in English · published, 0 signatures then",
      // Saved as a draft, then made public by publishing the letter: said so, with when.
      expect.stringMatching(/^· in English · saved as a draft; published on .+, with 0 signatures then$/),
    ]);
    // A letter in one language names none; a draft's text stays a draft until it is published.
    const other = await createDraft(session);
    const draft = await organizerPage(session, `/admin/letters/${other}`);
    expect(historyWords(draft.document)).toEqual(["(current) · draft"]);
  });

  it("never changes a published letter's address", async () => {
    const session = await logIn();
    const slug = await createDraft(session);
    const renamed = uniqueSlug("renamed");
    await organizerPost(session, `/admin/letters/${slug}`, letterFields({ slug: renamed }));
    expect(await stored(renamed)).not.toBeNull();
    await changeState(session, renamed, "publish");
    await organizerPost(session, `/admin/letters/${renamed}`, letterFields({ slug: uniqueSlug("again") }));
    expect(await stored(renamed)).not.toBeNull();
    const { document } = await organizerPage(session, `/admin/letters/${renamed}`);
    expect(document.querySelector("#field-slug")?.hasAttribute("readonly")).toBe(true);
  });

  it("takes a letter over from its content file, after which loading the file leaves it alone", async () => {
    const session = await logIn();
    const file = await createLetter({ title: "Title from the file", organizations: ["Lead Org"] });
    const { document } = await organizerPage(session, `/admin/letters/${file.slug}`);
    expect(texts(document, ".notice")[0]).toContain(`content/${file.slug}.md`);
    expect(document.querySelector("#field-body")?.textContent).toBe(file.bodyMarkdown);
    // Until it is taken over, the file wins: loading it again changes the letter.
    await runStatements(await letterDocumentStatements({ ...file, title: "File edited" }));
    expect((await stored(file.slug))!.title).toBe("File edited");
    await organizerPost(
      session,
      `/admin/letters/${file.slug}`,
      letterFields({ slug: file.slug, title: "Title from the browser" }),
    );
    expect(await stored(file.slug)).toMatchObject({ title: "Title from the browser", managed_by: "admin" });
    await runStatements(
      await letterDocumentStatements({ ...file, title: "File edited again", organizations: undefined } as never),
    );
    expect(await stored(file.slug)).toMatchObject({ title: "Title from the browser", signature_count: 1 });
  });

  it("answers an unknown letter with 404", async () => {
    const session = await logIn();
    for (const path of [
      "/admin/letters/no-such-letter",
      "/admin/letters/NOT_A_SLUG",
      "/admin/letters/no-such-letter/revisions/1",
    ]) {
      expect((await organizerFetch(session, path)).status, path).toBe(404);
    }
  });
});
