/**
 * A letter's translations, saved and deleted as a route would (no HTTP),
 * against the real local D1: only in the interface's other languages, and
 * each change refreshes the letter's public copies.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { deleteTranslation, findTranslation, saveTranslation } from "../../src/app/translations";
import { findLetter } from "../../src/storage/letters";
import { organizerDeps, storedDraft } from "./organizer-deps";

const SPANISH = {
  title: "Carta por un proceso justo",
  summary: "Pedimos un proceso justo.",
  addressee: "Excmo. Sr. Alguien",
  bodyMarkdown: "Pedimos un proceso justo.",
  bodyHtml: "<p>Pedimos un proceso justo.</p>",
};

describe("a letter's translations", () => {
  it("are saved into the letter's languages and replaced, refreshing its public copies", async () => {
    const { deps, refreshed } = organizerDeps();
    const letter = await storedDraft();
    await saveTranslation(deps, letter, "es", SPANISH);
    await saveTranslation(deps, letter, "es", { ...SPANISH, title: "Carta corregida" });
    expect((await findTranslation(deps, letter, "es"))!.title).toBe("Carta corregida");
    expect((await findLetter(env.DB, letter.slug))!.languages).toEqual(["en", "es"]);
    expect(refreshed).toEqual([letter.slug, letter.slug]);
  });

  it("are refused in the letter's own language and outside the interface's (404)", async () => {
    const { deps, refreshed } = organizerDeps();
    const letter = await storedDraft();
    for (const language of ["en", "de", "xx"]) {
      await expect(saveTranslation(deps, letter, language, SPANISH)).rejects.toMatchObject({
        status: 404,
        message: "A letter can be translated into Spanish, French, or Portuguese.",
      });
    }
    expect(refreshed).toEqual([]);
  });

  it("are deleted, refreshing the public copies; deleting one it does not have is a 404", async () => {
    const { deps, refreshed } = organizerDeps();
    const letter = await storedDraft();
    await saveTranslation(deps, letter, "fr", { ...SPANISH, title: "Lettre" });
    await deleteTranslation(deps, letter, "fr");
    expect(await findTranslation(deps, letter, "fr")).toBeNull();
    await expect(deleteTranslation(deps, letter, "fr")).rejects.toMatchObject({ status: 404 });
    expect(refreshed).toEqual([letter.slug, letter.slug]);
  });
});
