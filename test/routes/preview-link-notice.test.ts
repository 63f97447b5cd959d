/**
 * "New preview link" confirms where it is pressed (issue 15, third trial): the page comes back at
 * the share section, and the notice that the link changed is there, beside the link (a status
 * live region), not at the top of the page out of sight; the link has a Copy button, as a new
 * API token has (views/admin/copy-script.ts), loaded under the editor's own-scripts policy.
 * Failed before: the notice sat at the top of the page, and the link had no Copy button.
 */
import { describe, expect, it } from "vitest";
import { COPY_SCRIPT_PATH } from "../../src/views/admin/copy-script";
import { letterEditorFields, organizerFetch, organizerPage, organizerPost, uniqueSlug } from "../helpers";
import { sessionAs } from "../organizers";

describe("a new preview link", () => {
  it("is confirmed beside the link, with a Copy button, in the editor's language", async () => {
    const editor = await sessionAs("Elena Editora", "editor");
    const slug = uniqueSlug("draft");
    const made = await organizerPost(editor, "/admin/letters", letterEditorFields(slug));
    expect(made.status).toBe(303);
    const renewed = await organizerPost(editor, `/admin/letters/${slug}/preview-link`, {});
    expect(renewed.headers.get("Location")).toBe(`/admin/letters/${slug}?done=previewLink#share-preview-title`);

    const response = await organizerFetch(editor, renewed.headers.get("Location")!, {
      headers: { "Accept-Language": "es" },
    });
    expect(response.headers.get("Content-Security-Policy")).toMatch(/script-src[^;]*'self'/);
    const { document } = await organizerPage(editor, renewed.headers.get("Location")!);
    // Nothing at the top of the page: the notice is in the share section, after its heading.
    expect(document.querySelectorAll("main > .flash")).toHaveLength(0);
    const share = document.querySelector('section[aria-labelledby="share-preview-title"]')!;
    const notice = share.querySelector('[role="status"].flash')!;
    expect(notice.textContent).toBe("There is a new preview link. The one before it no longer works.");
    const order = share.querySelectorAll("h2, .flash, #field-preview-link").map((element) => element.tagName);
    expect(order).toEqual(["H2", "P", "INPUT"]);

    // The Copy button: hidden until its script finds a clipboard, which the page loads.
    const button = share.querySelector('button[data-copy="field-preview-link"]')!;
    expect(button.textContent).toBe("Copy the link");
    expect(button.closest(".copy-row")!.hasAttribute("hidden")).toBe(true);
    expect(share.querySelector(`#${button.getAttribute("data-status")}[role="status"]`)).not.toBeNull();
    expect(document.querySelector(`script[src="${COPY_SCRIPT_PATH}"]`)).not.toBeNull();

    // Without the renewal, no notice; the Copy button is always there for a draft's link.
    const plain = (await organizerPage(editor, `/admin/letters/${slug}`)).document;
    expect(plain.querySelectorAll(".flash")).toHaveLength(0);
    expect(plain.querySelector('button[data-copy="field-preview-link"]')).not.toBeNull();
  });
});
