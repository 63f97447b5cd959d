/**
 * The public side's "not found" and "gone" pages, met by a Spanish reader (Accept-Language: es):
 * each in Spanish, from the public catalogs (src/domain/locales), none with English left
 * (issue 15's fresh-eyed trial: an invalid or replaced preview link said "Preview not found…"
 * in English).
 */
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/domain/i18n";
import { catalogTexts } from "../english-left";
import { createLetter, fetchWorker, logIn, organizerPage, organizerPost, parseHtml, translation } from "../helpers";

/** The public English catalog's texts that the Spanish one words differently, and English the app writes outside them. */
function englishOnly(): Set<string> {
  const english = catalogTexts(messagesFor("en"));
  const spanish = catalogTexts(messagesFor("es"));
  return new Set(
    [...english].filter(([path, text]) => spanish.get(path) !== text && text.trim().length > 2).map(([, t]) => t),
  );
}

/** A draft made in the organizer area, and its shareable preview link. */
async function draftWithPreview(): Promise<{ slug: string; link: string; renew: () => Promise<void> }> {
  const session = await logIn();
  const slug = `preview-${crypto.randomUUID().slice(0, 8)}`;
  const created = await organizerPost(session, "/admin/letters", {
    title: "A draft to preview",
    slug,
    date: "2026-11-30",
    language: "en",
    addressee: "Someone",
    body: "Dear Someone:\n\nPlease.",
    summary: "",
    confirm_signatures: "no",
    closes_at: "",
    closes_time_zone: "UTC",
  });
  expect(created.status, await created.clone().text()).toBe(303);
  const { document } = await organizerPage(session, `/admin/letters/${slug}`);
  const url = new URL(document.querySelector("#field-preview-link")!.getAttribute("value")!);
  return {
    slug,
    link: `${url.pathname}${url.search}`,
    renew: async () => {
      expect((await organizerPost(session, `/admin/letters/${slug}/preview-link`, {})).status).toBe(303);
    },
  };
}

describe("public 404 and 410 pages in Spanish", () => {
  it("an invalid or replaced preview link's page is in the reader's language", async () => {
    const { slug, link, renew } = await draftWithPreview();
    await renew();
    const spanish = messagesFor("es").errors.previewNotFound;
    for (const path of [link, `/letters/${slug}/preview?key=${"A".repeat(32)}`, `/letters/${slug}/preview`]) {
      const response = await fetchWorker(path, { headers: { "Accept-Language": "es-HN,es;q=0.9" } });
      expect(response.status, path).toBe(404);
      const document = parseHtml(await response.text());
      expect(document.querySelector("html")?.getAttribute("lang")).toBe("es");
      expect(document.querySelector("h1")?.textContent).toBe(spanish.title);
      expect(document.querySelector("main")?.textContent).toContain(spanish.message);
    }
    expect(messagesFor("en").errors.previewNotFound.title).toBe("Preview not found");
  });

  it("every public page that answers 404 or 410 has no English left", async () => {
    // A letter a Spanish reader reads in Spanish (an English-only letter's own pages are in English, by design).
    const letter = await createLetter({
      organizations: ["Red Org"],
      translations: [translation("es", "Carta por un proceso justo", "Estimado Secretario General:\n\nPedimos.")],
    });
    const draft = await createLetter({ status: "draft" });
    const english = englishOnly();
    const paths = [
      "/no-such-page",
      "/letters/no-such-letter",
      `/letters/${draft.slug}`,
      "/letters/no-such-letter/signatories",
      "/letters/no-such-letter/versions",
      "/letters/no-such-letter/embed",
      "/letters/no-such-letter/feed.atom",
      `/letters/${letter.slug}/record/99999`,
      `/letters/${letter.slug}?lang=xx`,
      `/letters/${letter.slug}/confirm?token=${"A".repeat(43)}`,
      `/letters/${letter.slug}/withdraw?token=${"A".repeat(43)}`,
      `/letters/${draft.slug}/preview?key=${"B".repeat(32)}`,
      "/dev/mail",
    ];
    for (const path of paths) {
      const response = await fetchWorker(path, { headers: { "Accept-Language": "es" } });
      const type = response.headers.get("Content-Type") ?? "";
      if (![404, 410].includes(response.status) || !type.startsWith("text/html")) {
        await response.body?.cancel();
        continue;
      }
      const document = parseHtml(await response.text());
      expect(document.querySelector("html")?.getAttribute("lang"), path).toBe("es");
      const shown = [...document.querySelectorAll("h1, main p, title")].map((node) =>
        node.textContent.replace(/\s+/g, " ").trim(),
      );
      expect(
        shown.filter((text) => english.has(text) || /\b(?:not found|not valid|Ask the)\b/i.test(text)),
        `${path} (${response.status})`,
      ).toEqual([]);
    }
  });
});
