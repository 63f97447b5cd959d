/**
 * letter_translations through its storage functions, as the organizer editor
 * will call them: write, read, replace, delete; a letter's languages come
 * with it; its translations go when it does.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/domain/markdown";
import { findPublishedLetter } from "../../src/storage/letters";
import {
  deleteLetterTranslation,
  findLetterTranslation,
  listLetterTranslations,
  upsertLetterTranslation,
  type TranslationText,
} from "../../src/storage/letter-translations";
import { createLetter, getPage, letterRow, texts } from "../helpers";

function portuguese(title = "Carta por um processo justo"): TranslationText {
  const bodyMarkdown = "Prezado Secretário-Geral:\n\nPedimos um processo justo.";
  return {
    language: "pt",
    title,
    summary: "Pedimos um processo justo.",
    addressee: "Senhor Alguém",
    bodyMarkdown,
    bodyHtml: renderMarkdown(bodyMarkdown),
  };
}

describe("letter translations in storage", () => {
  it("writes, finds, lists, replaces and deletes a letter's translation; the letter lists its languages", async () => {
    const letter = await createLetter();
    const { id } = (await letterRow(letter.slug))!;
    expect(await listLetterTranslations(env.DB, id)).toEqual([]);
    await upsertLetterTranslation(env.DB, id, portuguese());
    const stored = await findLetterTranslation(env.DB, id, "pt");
    expect(stored).toMatchObject({ language: "pt", title: "Carta por um processo justo", addressee: "Senhor Alguém" });
    expect(stored!.bodyHtml).toBe("<p>Prezado Secretário-Geral:</p>\n<p>Pedimos um processo justo.</p>\n");
    expect((await findPublishedLetter(env.DB, letter.slug))!.languages).toEqual(["en", "pt"]);

    await upsertLetterTranslation(env.DB, id, portuguese());
    expect(await findLetterTranslation(env.DB, id, "pt")).toEqual(stored);
    await upsertLetterTranslation(env.DB, id, portuguese("Carta por um processo justo e transparente"));
    expect((await listLetterTranslations(env.DB, id)).map((t) => t.title)).toEqual([
      "Carta por um processo justo e transparente",
    ]);

    expect(await deleteLetterTranslation(env.DB, id, "pt")).toBe(true);
    expect(await deleteLetterTranslation(env.DB, id, "pt")).toBe(false);
    expect(await findLetterTranslation(env.DB, id, "pt")).toBeNull();
    expect((await findPublishedLetter(env.DB, letter.slug))!.languages).toEqual(["en"]);
  });

  it("goes with its letter", async () => {
    const letter = await createLetter();
    const { id } = (await letterRow(letter.slug))!;
    await upsertLetterTranslation(env.DB, id, portuguese());
    await env.DB.batch([
      env.DB.prepare("PRAGMA foreign_keys = ON"),
      env.DB.prepare("DELETE FROM letters WHERE id = ?").bind(id),
    ]);
    expect(await listLetterTranslations(env.DB, id)).toEqual([]);
  });

  it("draws a Portuguese translation's form with Portuguese country names from Intl, sorted as Portuguese sorts them", async () => {
    const letter = await createLetter();
    await upsertLetterTranslation(env.DB, (await letterRow(letter.slug))!.id, portuguese());
    const { document } = await getPage(`/letters/${letter.slug}?lang=pt`);
    expect(document.querySelector("html")!.getAttribute("lang")).toBe("pt");
    const options = document.querySelectorAll("#sign-country option");
    expect(options[0]!.textContent).toBe("Escolha um país");
    const names = Object.fromEntries(options.map((option) => [option.getAttribute("value") ?? "", option.textContent]));
    expect(names).toMatchObject({ DE: "Alemanha", US: "Estados Unidos", HN: "Honduras", ES: "Espanha" });
    expect(texts(document, 'label[for="sign-country"]')).toEqual(["País (opcional, público)"]);
    const listed = options.slice(1).map((option) => option.textContent);
    expect(listed).toEqual([...listed].sort(new Intl.Collator("pt").compare));
  });
});
