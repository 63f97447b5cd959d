/**
 * Every organizer form refused for its content answers the same way as the
 * public sign form (issue 15): one summary of the problems, first in the
 * form's region, focused on load without a script (autofocus on a
 * tabindex=-1 box), each problem linking to a control that exists, and a
 * page title that begins with "Error: " so a screen reader says so first.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { HTMLElement } from "node-html-parser";
import {
  createLetter,
  fetchWorker,
  formBody,
  letterEditorFields,
  logIn,
  organizerFetch,
  organizerPost,
  parseHtml,
  SAME_ORIGIN_FORM,
  uniqueSlug,
  type OrganizerSession,
} from "../helpers";
import { upload } from "../imports";

/** Checks the refused page's one focused summary, its links and its title; returns the summary's items. */
function expectFocusedSummary(document: HTMLElement): string[] {
  const focused = document.querySelectorAll("[autofocus]");
  expect(focused).toHaveLength(1);
  const summary = focused[0]!;
  expect(summary.classList.contains("error-summary")).toBe(true);
  expect(summary.getAttribute("tabindex")).toBe("-1");
  expect(summary.getAttribute("role")).toBe("alert");
  const heading = document.querySelector(`#${summary.getAttribute("aria-labelledby")}`);
  expect(heading?.textContent).toBeTruthy();
  for (const link of summary.querySelectorAll("a")) {
    const target = link.getAttribute("href")!.slice(1);
    expect(document.querySelector(`[id="${target}"]`), `#${target}`).not.toBeNull();
  }
  expect(document.querySelector("title")!.textContent).toMatch(/^Error: /);
  return summary.querySelectorAll("li").map((item) => item.textContent);
}

async function refused(response: Response, status: number): Promise<HTMLElement> {
  expect(response.status).toBe(status);
  return parseHtml(await response.text());
}

async function draft(session: OrganizerSession): Promise<string> {
  const slug = uniqueSlug("summary");
  expect((await organizerPost(session, "/admin/letters", letterEditorFields(slug))).status).toBe(303);
  return slug;
}

describe("organizer forms refused for their content", () => {
  it("the hand entry: its summary is focused, links to its fields, and the title says Error", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const document = await refused(
      await organizerPost(session, `/admin/letters/${letter.slug}/signatures`, {
        kind: "individual",
        name: "",
        email: "not-an-email",
      }),
      422,
    );
    const items = expectFocusedSummary(document);
    expect(items.length).toBeGreaterThan(0);
    // First in the hand entry's region, before its form.
    expect(document.querySelector("#manual-title")!.parentNode!.querySelector(".error-summary + form")).not.toBeNull();
  });

  it("the delivery form: its summary takes focus, on a page not opened at a #fragment (which would skip autofocus)", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const editor = parseHtml(await (await organizerFetch(session, `/admin/letters/${letter.slug}`)).text());
    expect(editor.querySelector("form#delivery")!.getAttribute("action")).not.toContain("#");
    const document = await refused(
      await organizerPost(session, `/admin/letters/${letter.slug}/state`, {
        change: "deliver",
        delivered_on: "2999-01-01",
      }),
      422,
    );
    expect(expectFocusedSummary(document).length).toBeGreaterThan(0);
    expect(document.querySelector("form#delivery .error-summary")).not.toBeNull();
  });

  it("the letter editor, a translation, the notifications", async () => {
    const session = await logIn();
    const slug = await draft(session);
    expectFocusedSummary(
      await refused(
        await organizerPost(session, `/admin/letters/${slug}`, letterEditorFields(slug, { title: "" })),
        422,
      ),
    );
    expectFocusedSummary(
      await refused(await organizerPost(session, "/admin/letters", letterEditorFields("", { title: "" })), 422),
    );
    expectFocusedSummary(
      await refused(
        await organizerPost(session, `/admin/letters/${slug}/translations/es`, {
          title: "",
          addressee: "",
          summary: "",
          body: "",
        }),
        422,
      ),
    );
    expectFocusedSummary(
      await refused(
        await organizerPost(session, `/admin/letters/${slug}/notifications`, {
          webhook_url: "http://insecure.example",
        }),
        422,
      ),
    );
  });

  it("the order of organizations, the import upload, the filter and the login", async () => {
    const letter = await createLetter({ organizations: ["First Org"], confirmSignatures: false });
    const session = await logIn();
    const firstRef = async () =>
      (await env.DB.prepare(
        "SELECT s.token FROM signatures s JOIN letters l ON l.id = s.letter_id WHERE l.slug = ? AND s.kind = 'organization'",
      )
        .bind(letter.slug)
        .first<{ token: string }>())!.token;
    expectFocusedSummary(
      await refused(
        await organizerPost(session, `/admin/letters/${letter.slug}/order`, {
          [`position-${await firstRef()}`]: "first",
        }),
        422,
      ),
    );
    expectFocusedSummary(await refused(await upload(session, letter.slug, { paste: "" }), 422));
    const filtered = await fetchWorker(`/admin/letters/${letter.slug}/signatures?country=Narnia`, {
      headers: { Cookie: session.cookie },
    });
    expectFocusedSummary(await refused(filtered, 422));
    const login = await fetchWorker("/admin/login", {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": "198.51.100.77" },
      body: formBody({ token: "not-the-token-0123456789", next: "/admin" }),
    });
    expect(login.status).toBeGreaterThanOrEqual(400);
    expectFocusedSummary(parseHtml(await login.text()));
  });

  it("a page with nothing refused has no summary, nothing autofocused, and a plain title", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const response = await fetchWorker(`/admin/letters/${letter.slug}/signatures`, {
      headers: { Cookie: session.cookie },
    });
    const document = parseHtml(await response.text());
    expect(document.querySelectorAll("[autofocus], .error-summary")).toHaveLength(0);
    expect(document.querySelector("title")!.textContent).not.toMatch(/^Error/);
  });
});
