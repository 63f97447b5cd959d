/**
 * What a fresh-eyed trial of the organizer area (issue 15) found, each through HTTP as a browser
 * sends it: every refusal says its own reason, in the organizer's language.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { adminMessagesFor, LOCALES } from "../../src/domain/i18n";
import {
  createLetter,
  fetchWorker,
  formBody,
  logIn,
  organizerFetch,
  organizerPost,
  parseHtml,
  randomIp,
  SAME_ORIGIN_FORM,
  texts,
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
      for (const headers of [
        // Another site's form, and a form whose browser sends no Origin at all (an old page, a privacy extension).
        { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
        { Origin: "null" },
      ]) {
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
