/**
 * /letters/{slug}/record, as a person types it or is sent it (a fresh-user trial found a 404
 * while the record had entry pages and JSON): the record's overview, in the letter's language,
 * cached like the other public pages, without script; linked from each entry's page.
 */
import { describe, expect, it } from "vitest";
import { createLetter, fetchWorker, ORIGIN, parseHtml, translation } from "../helpers";
import { seedSignatures } from "../seed";

describe("the record's overview page", () => {
  it("says what the record is, how long it is, where its parts are and how to check it", async () => {
    const letter = await createLetter({ individuals: ["Ana Reyes"] });
    await seedSignatures(letter.slug, [{}, {}]);
    const response = await fetchWorker(`/letters/${letter.slug}/record`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/html");
    expect(response.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+$/);
    const html = await response.text();
    expect(html).not.toContain("<script");
    const document = parseHtml(html);
    expect(document.querySelector("h1")?.textContent).toBe("The public record");
    // The letter's text, its first signatory, then the two seeded signatures.
    expect(document.querySelector("main")!.textContent).toContain(
      "The record has 4 entries so far; the first 4 are hashed into the tree",
    );
    const links = document.querySelectorAll("main a").map((a) => a.getAttribute("href"));
    for (const href of [
      `/letters/${letter.slug}/record/4`,
      `/letters/${letter.slug}/record/1`,
      `/letters/${letter.slug}/record.json`,
      `/letters/${letter.slug}/checkpoints`,
      `/letters/${letter.slug}/versions`,
      "/.well-known/undersigned-record-key",
    ])
      expect(links).toContain(href);
    expect(document.querySelector(".command code")?.textContent).toBe(
      `npm run verify -- ${ORIGIN}/letters/${letter.slug}`,
    );
    // Each entry's page links to it.
    const entry = parseHtml(await (await fetchWorker(`/letters/${letter.slug}/record/2`)).text());
    expect(entry.querySelectorAll("main a").map((a) => a.getAttribute("href"))).toContain(
      `/letters/${letter.slug}/record`,
    );
  });

  it("is in the letter's languages", async () => {
    const letter = await createLetter({
      translations: [
        translation("es", "Carta por un proceso justo", "Pedimos un proceso justo."),
        translation("fr", "Lettre pour un processus équitable", "Nous demandons un processus équitable."),
        translation("pt", "Carta por um processo justo", "Pedimos um processo justo."),
      ],
    });
    const headings = { es: "El registro público", fr: "Le registre public", pt: "O registro público" };
    for (const [language, heading] of Object.entries(headings)) {
      const document = parseHtml(await (await fetchWorker(`/letters/${letter.slug}/record?lang=${language}`)).text());
      expect(document.querySelector("html")?.getAttribute("lang"), language).toBe(language);
      expect(document.querySelector("h1")?.textContent, language).toBe(heading);
    }
  });

  it("is a 404 for a letter that does not exist", async () => {
    const response = await fetchWorker("/letters/no-such-letter/record");
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });
});
