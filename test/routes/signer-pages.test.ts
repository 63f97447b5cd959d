/**
 * What a signer meets around the form (issue 16, "Form details" and the
 * thank-you page): every id on a page is its own, a refused form's page says
 * "Error:" first in its <title> (in the letter's language), the thank-you
 * page shares the letter's canonical address, and the withdraw page says
 * whose signature it takes back with a button that looks destructive.
 */
import { describe, expect, it } from "vitest";
import type { HTMLElement } from "node-html-parser";
import { createLetter, fetchApp, individual, parseHtml, postSignature, texts, translation } from "../helpers";

const FRESH = { CACHE_MAX_AGE: "0" };

/** The ids used more than once on a page. */
function duplicateIds(document: HTMLElement): string[] {
  const ids = document.querySelectorAll("[id]").map((element) => element.getAttribute("id")!);
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

/** The page a link of `document` leads to, whose href contains `fragment`. */
function hrefWith(document: HTMLElement, fragment: string): string {
  const link = document.querySelectorAll("a").find((a) => a.getAttribute("href")?.includes(fragment));
  if (!link) throw new Error(`No link with ${fragment}`);
  return link.getAttribute("href")!;
}

describe("the signer's pages", () => {
  it("give each id once: the letter, the refused form, the thank-you and the withdraw pages", async () => {
    const letter = await createLetter();
    const pages: Record<string, HTMLElement> = {};
    pages.letter = parseHtml(await (await fetchApp(`/letters/${letter.slug}`, FRESH)).text());
    const refused = await postSignature(letter.slug, { kind: "individual", name: "", email: "nope" });
    expect(refused.status).toBe(422);
    pages.refused = parseHtml(await refused.text());
    const signed = await postSignature(letter.slug, individual({ title: "Directora" }));
    pages.thanks = parseHtml(await (await fetchApp(signed.headers.get("Location")!, FRESH)).text());
    pages.withdraw = parseHtml(await (await fetchApp(hrefWith(pages.thanks, "/withdraw?token="), FRESH)).text());
    for (const [name, document] of Object.entries(pages)) expect(duplicateIds(document), name).toEqual([]);
    // The sign section's heading and the Title field each have their own id; the field is named by its label.
    expect(pages.letter.querySelector("#sign-title")?.tagName).toBe("INPUT");
    expect(texts(pages.letter, 'label[for="sign-title"]')).toEqual(["Title or role (optional, public)"]);
  });

  it("start the <title> of a refused form's page with “Error:”, in the page's language", async () => {
    const english = await createLetter();
    const french = await createLetter({ language: "fr", title: "Lettre pour un processus juste" });
    const spanish = await createLetter({ language: "es", title: "Carta por un proceso justo" });
    for (const [letter, prefix] of [
      [english, "Error: "],
      [french, "Erreur : "],
      [spanish, "Error: "],
    ] as const) {
      const page = parseHtml(await (await fetchApp(`/letters/${letter.slug}`, FRESH)).text());
      expect(texts(page, "title")[0], letter.language).not.toMatch(/^Err/);
      const refused = await postSignature(letter.slug, { kind: "individual", name: "", email: "nope" });
      expect(refused.status).toBe(422);
      expect(texts(parseHtml(await refused.text()), "title")).toEqual([`${prefix}${letter.title} · Undersigned`]);
    }
  });

  it("share, after signing, the letter's canonical address: its share links and a read-only field, no ?lang=", async () => {
    const letter = await createLetter({
      translations: [translation("es", "Carta por un proceso justo", "Pedimos un proceso justo.")],
    });
    const canonical = `https://undersigned.test/letters/${letter.slug}`;
    const signed = await postSignature(letter.slug, individual({ lang: "en" }));
    expect(signed.headers.get("Location")).toContain("lang=en");
    const thanks = parseHtml(await (await fetchApp(signed.headers.get("Location")!, FRESH)).text());
    const field = thanks.querySelector("#share-address")!;
    expect(field.getAttribute("value")).toBe(canonical);
    expect(field.hasAttribute("readonly")).toBe(true);
    expect(texts(thanks, 'label[for="share-address"]')).toEqual(["Help it grow: share the letter's address"]);
    const shares = thanks.querySelectorAll(".share-links a").map((a) => a.getAttribute("href")!);
    expect(shares.length).toBeGreaterThan(3);
    for (const href of shares) expect(decodeURIComponent(href)).toContain(canonical);
    expect(thanks.querySelector("section.share")!.toString()).not.toContain("lang=");
    expect(thanks.querySelectorAll("script")).toEqual([]);

    // In the letter's other language, its address in that language.
    const inSpanish = await postSignature(letter.slug, individual({ lang: "es" }));
    const gracias = parseHtml(await (await fetchApp(inSpanish.headers.get("Location")!, FRESH)).text());
    expect(gracias.querySelector("#share-address")!.getAttribute("value")).toBe(`${canonical}?lang=es`);
  });

  it("say on the withdraw page whose signature it takes back, with a destructive-looking button", async () => {
    const letter = await createLetter();
    const signed = await postSignature(letter.slug, individual({ name: "Ana Withdrawer", city: "Lyon" }));
    const thanks = parseHtml(await (await fetchApp(signed.headers.get("Location")!, FRESH)).text());
    const page = parseHtml(await (await fetchApp(hrefWith(thanks, "/withdraw?token="), FRESH)).text());
    expect(texts(page, "main .receipt")).toEqual(["Ana Withdrawer, Lyon"]);
    expect(page.querySelector("main form button")?.getAttribute("class")).toBe("button-danger");
  });
});
