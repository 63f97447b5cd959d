/**
 * What a fresh-eyed trial of the organizer area (issue 15) found, each through HTTP as a browser
 * sends it: every refusal says its own reason, in the organizer's language.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { adminMessagesFor, LOCALES } from "../../src/domain/i18n";
import {
  createLetter,
  fetchWorker,
  formBody,
  letterEditorFields,
  logIn,
  organizerFetch,
  organizerPage,
  organizerPost,
  parseHtml,
  randomIp,
  SAME_ORIGIN_FORM,
  SPANISH_TRANSLATION,
  stopClock,
  texts,
  uniqueSlug,
} from "../helpers";
import { sessionAs } from "../organizers";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The heading and first paragraph of an error page. */
async function errorWords(response: Response): Promise<{ title: string; message: string }> {
  const document = parseHtml(await response.text());
  return { title: texts(document, "h1")[0] ?? "", message: texts(document, "main p")[0] ?? "" };
}

describe("a form refused as cross-site", () => {
  it("says it came from another site or an old page, not that it is a role problem, in the area's language", async () => {
    const owner = await sessionAs("Cross Site Owner", "owner");
    const { slug } = await createLetter({ status: "draft" });
    for (const locale of LOCALES) {
      const words = adminMessagesFor(locale);
      const refusedOrigins: Record<string, string>[] = [
        // Another site's form, and a form whose browser sends no usable Origin (an old page, a privacy extension).
        { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
        { Origin: "null" },
      ];
      for (const headers of refusedOrigins) {
        const response = await organizerFetch(owner, `/admin/letters/${slug}/state`, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept-Language": locale,
            ...headers,
          },
          body: formBody({ csrf: owner.csrf, change: "publish" }),
        });
        expect(response.status).toBe(403);
        const shown = await errorWords(response);
        expect(shown.title, locale).toBe(words.problems.crossSite.title);
        expect(shown.title).not.toBe(words.problems.notForYourRole.title);
        expect(shown.message).toBe(words.problems.crossSite.message);
      }
    }
    expect(adminMessagesFor("en").problems.crossSite.message).toBe(
      "This form was sent from another site or an old page: go back, reload, and send it again.",
    );
  });

  it("on the login form too, before anyone is signed in, in the browser's language", async () => {
    const response = await fetchWorker("/admin/login", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://evil.example",
        "Accept-Language": "es",
        "CF-Connecting-IP": randomIp(),
      },
      body: formBody({ token: "whatever-it-is-long", next: "/admin" }),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect((await errorWords(response)).title).toBe(adminMessagesFor("es").problems.crossSite.title);
  });

  it("each 403 of the area has words of its own: role, cross-site, an old form's token", async () => {
    const viewer = await sessionAs("Role Viewer", "viewer");
    const role = await organizerFetch(viewer, "/admin/people");
    expect(role.status).toBe(403);
    expect((await errorWords(role)).title).toBe("Not for your role");
    const session = await logIn();
    const stale = await organizerPost({ ...session, csrf: "stale" }, "/admin/logout", {});
    expect(stale.status).toBe(403);
    expect((await errorWords(stale)).title).not.toBe("Not for your role");
    const crossSite = await organizerFetch(session, "/admin/logout", {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      body: formBody({ csrf: session.csrf }),
    });
    expect((await errorWords(crossSite)).title).toBe("Sent from another site or an old page");
  });
});

/** A draft made in the organizer area by `session`; returns its address. */
async function draftBy(session: { cookie: string; csrf: string }, overrides: Record<string, string> = {}) {
  const response = await organizerPost(session, "/admin/letters", letterEditorFields(uniqueSlug("trial"), overrides));
  expect(response.status, await response.clone().text()).toBe(303);
  return new URL(response.headers.get("Location")!, "https://x.test").pathname.split("/").at(-1)!;
}

describe("a draft's address, locked", () => {
  it("says the true reason: after a signature is added to a draft never published, it has signatures", async () => {
    const session = await logIn();
    const slug = await draftBy(session);
    const hint = async () =>
      texts((await organizerPage(session, `/admin/letters/${slug}`)).document, "#field-slug-hint")[0] ?? "";
    const slugInput = async () =>
      (await organizerPage(session, `/admin/letters/${slug}`)).document.querySelector("#field-slug");
    const en = adminMessagesFor("en").editor;
    expect(await hint()).toBe(en.slugHint);
    expect((await slugInput())?.hasAttribute("readonly")).toBe(false);
    const added = await organizerPost(session, `/admin/letters/${slug}/signatures`, {
      kind: "individual",
      name: "Paper Signer",
      received: "paper",
      public: "1",
    });
    expect(added.status, await added.clone().text()).toBe(303);
    expect((await slugInput())?.hasAttribute("readonly")).toBe(true);
    expect(await hint()).toBe(en.slugFixedSigned);
    expect(en.slugFixedSigned).not.toContain("published");
    // Published, the reason is the publication.
    const published = await organizerPost(session, `/admin/letters/${slug}/state`, { change: "publish" });
    expect(published.status).toBe(303);
    expect(await hint()).toBe(en.slugFixed);
  });
});

describe("the first new letter's date", () => {
  /** The new-letter form's default date and closing-time zone for `session`, the request carrying `cf`. */
  async function newLetterDefaults(session: { cookie: string; csrf: string }, cf?: Record<string, unknown>) {
    const init: RequestInit = cf ? { cf } : {};
    const response = await organizerFetch(session, "/admin/letters/new", init);
    const document = parseHtml(await response.text());
    return {
      date: document.querySelector("#field-date")?.getAttribute("value"),
      zone: document.querySelector("#field-closes-time-zone option[selected]")?.getAttribute("value"),
    };
  }

  it("is today in the account's zone, else in the zone Cloudflare gives the request, else UTC; the guess is never stored", async () => {
    // 03:00 UTC on November 30 is still November 29 in Honduras, and noon in Tokyo.
    stopClock("2026-11-30T03:00:00.000Z");
    const editor = await sessionAs("New Letter Writer", "editor");
    expect(await newLetterDefaults(editor, { timezone: "America/Tegucigalpa", country: "HN" })).toEqual({
      date: "2026-11-29",
      zone: "America/Tegucigalpa",
    });
    // Locally (no cf object), or a zone this app doesn't know: UTC.
    expect(await newLetterDefaults(editor)).toEqual({ date: "2026-11-30", zone: "UTC" });
    expect(await newLetterDefaults(editor, { timezone: "Mars/Olympus_Mons" })).toEqual({
      date: "2026-11-30",
      zone: "UTC",
    });
    // A default only: the account still has no zone of its own.
    const stored = await env.DB.prepare("SELECT time_zone, letter_time_zone FROM organizers WHERE id = ?1")
      .bind(editor.id)
      .first();
    expect(stored).toEqual({ time_zone: null, letter_time_zone: null });
    // The account's zone comes first, wherever the request comes from.
    expect((await organizerPost(editor, "/admin/account/time-zone", { time_zone: "Asia/Tokyo" })).status).toBe(303);
    expect(await newLetterDefaults(editor, { timezone: "America/Tegucigalpa" })).toEqual({
      date: "2026-11-30",
      zone: "Asia/Tokyo",
    });
  });
});

describe("the history of the text", () => {
  it("says when a version saved in a draft was published, and how many signatures counted then", async () => {
    stopClock("2026-12-01T22:50:00.000Z");
    const session = await logIn();
    const slug = await draftBy(session);
    const translated = await organizerPost(session, `/admin/letters/${slug}/translations/es`, SPANISH_TRANSLATION);
    expect(translated.status, await translated.clone().text()).toBe(303);
    for (const name of ["Ana Paper", "Beto Paper", "Carla Paper"]) {
      const added = await organizerPost(session, `/admin/letters/${slug}/signatures`, {
        kind: "individual",
        name,
        received: "paper",
        public: "1",
      });
      expect(added.status).toBe(303);
    }
    vi.setSystemTime(new Date("2026-12-01T23:10:00.000Z"));
    expect((await organizerPost(session, `/admin/letters/${slug}/state`, { change: "publish" })).status).toBe(303);
    const history = texts((await organizerPage(session, `/admin/letters/${slug}`)).document, "ol.history li");
    expect(history).toHaveLength(2);
    // Both versions were saved in the draft (no signature then) and published with it, three signatures counted then.
    expect(history.map((line) => line.replace(/^.*?\(UTC\)/, "…"))).toEqual([
      expect.stringMatching(
        /^… \(current\) · in Spanish · saved as a draft; published on .* \(UTC\), with 3 signatures then$/,
      ),
      expect.stringMatching(
        /^… \(current\) · in English · saved as a draft; published on .* \(UTC\), with 3 signatures then$/,
      ),
    ]);
  });
});
