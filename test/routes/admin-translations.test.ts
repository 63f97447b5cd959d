/**
 * Translations written in the organizer area: one per interface language
 * other than the letter's own, previewed as the translated public page,
 * kept in the text's history, deleted; the public page follows at once.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  createLetter,
  getPage,
  logIn,
  organizerFetch,
  organizerPage,
  organizerPost,
  parseHtml,
  texts,
} from "../helpers";

const SPANISH = {
  title: "Carta al Secretario General sobre las elecciones",
  addressee: "Su Excelencia\nSecretario General",
  body: "Estimado Secretario General:\n\nNosotras, las organizaciones abajo firmantes, pedimos un proceso justo y transparente en todo el país.",
  summary: "",
};

describe("translations in the organizer area", () => {
  it("are offered for each interface language but the letter's own", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const { document } = await organizerPage(session, `/admin/letters/${letter.slug}`);
    expect(texts(document, "#translations-title + p + ul a")).toEqual([
      "Translate into Spanish",
      "Translate into French",
      "Translate into Portuguese",
    ]);
    for (const language of ["en", "de", "xx"]) {
      expect(
        (await organizerFetch(session, `/admin/letters/${letter.slug}/translations/${language}`)).status,
        language,
      ).toBe(404);
    }
  });

  it("mark only the fields holding the translation's text with its language, never labels, hints or buttons", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const { document } = await organizerPage(session, `/admin/letters/${letter.slug}/translations/fr`);
    const form = document.querySelector("#letter-form")!;
    expect(form.hasAttribute("lang")).toBe(false);
    for (const name of ["title", "addressee", "body", "summary"]) {
      expect(form.querySelector(`[name=${name}]`)?.getAttribute("lang"), name).toBe("fr");
    }
    const marked = document.querySelectorAll("main [lang]");
    for (const element of marked) {
      const tag = element.tagName.toLowerCase();
      if (element.getAttribute("lang") === "fr") expect(["input", "textarea"], tag).toContain(tag);
    }
    // The letter editor: its text fields in the letter's language, its labels in the organizer's.
    const editor = await organizerPage(session, `/admin/letters/${letter.slug}`);
    const editorForm = editor.document.querySelector("#letter-form")!;
    expect(editorForm.hasAttribute("lang")).toBe(false);
    for (const name of ["title", "addressee", "body", "summary"]) {
      expect(editorForm.querySelector(`[name=${name}]`)?.getAttribute("lang"), name).toBe(letter.language);
    }
  });

  it("are written, previewed, published at once, kept in the history, and deleted", async () => {
    const letter = await createLetter({ organizations: ["Lead Org"] });
    const session = await logIn();
    const path = `/admin/letters/${letter.slug}/translations/es`;
    const form = await organizerPage(session, path);
    expect(form.response.status).toBe(200);
    expect(texts(form.document, "h1")).toEqual(["New translation into Spanish"]);

    const bad = await organizerPost(session, path, { ...SPANISH, title: "", body: "<script>x</script>" });
    expect(bad.status).toBe(422);
    expect(texts(parseHtml(await bad.text()), ".error-summary li")).toHaveLength(1);

    const preview = await organizerPost(session, `${path}/preview`, SPANISH);
    expect(preview.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
    const previewed = parseHtml(await preview.text());
    expect(previewed.querySelector("html")?.getAttribute("lang")).toBe("es");
    expect(texts(previewed, "h1")).toEqual([SPANISH.title]);

    const saved = await organizerPost(session, path, SPANISH);
    expect(saved.headers.get("Location")).toBe(`${path}?done=saved`);
    const page = await getPage(`/letters/${letter.slug}?lang=es`);
    expect(page.response.status).toBe(200);
    expect(texts(page.document, "h1")).toEqual([SPANISH.title]);
    expect(texts(page.document, ".signatory-name")).toEqual(["Lead Org"]);
    const row = await env.DB.prepare("SELECT managed_by, text_updated_at FROM letters WHERE slug = ?")
      .bind(letter.slug)
      .first();
    // A translation is not a change to the text people signed.
    expect(row).toEqual({ managed_by: "admin", text_updated_at: null });
    const { results } = await env.DB.prepare(
      "SELECT r.language, r.title FROM letter_revisions r JOIN letters l ON l.id = r.letter_id WHERE l.slug = ? ORDER BY r.id",
    )
      .bind(letter.slug)
      .all();
    expect(results).toEqual([
      { language: "en", title: letter.title },
      { language: "es", title: SPANISH.title },
    ]);

    const editor = await organizerPage(session, `/admin/letters/${letter.slug}`);
    expect(texts(editor.document, "#translations-title + p + ul li")[0]).toContain("Edit the translation into Spanish");
    // The letter's own language can't become one it is translated into.
    const clash = await organizerPost(session, `/admin/letters/${letter.slug}`, {
      title: letter.title,
      slug: letter.slug,
      date: letter.date,
      language: "es",
      addressee: letter.addressee,
      body: letter.bodyMarkdown,
      confirm_signatures: "default",
    });
    expect(clash.status).toBe(422);

    const deleted = await organizerPost(session, `${path}/delete`, { confirmed: "yes" });
    expect(deleted.headers.get("Location")).toBe(`/admin/letters/${letter.slug}?done=translation-deleted`);
    expect((await getPage(`/letters/${letter.slug}?lang=es`)).response.status).toBe(404);
  });
});
