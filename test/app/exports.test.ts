/**
 * What organizers export, as the routes call it (no HTTP), against the real
 * local D1: signatures a page at a time, the first page read before anything
 * is answered, and the letter in the language it is delivered in.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { appDeps } from "../../src/app/deps";
import { letterInLanguage, signaturePages } from "../../src/app/exports";
import { requireLetter } from "../../src/app/letters";
import { readSettings } from "../../src/env";
import { countingDatabase, createLetter, translation } from "../helpers";
import { organizerDeps, storedSignatures } from "./organizer-deps";

describe("exporting a letter's signatures", () => {
  it("reads the first page before returning, then the rest as it is iterated", async () => {
    const { slug } = await createLetter({ organizations: ["Lead Org"] });
    await storedSignatures(slug, ["confirmed", "hidden", "confirmed"]);
    const counting = countingDatabase(env.DB);
    const deps = appDeps(env, readSettings(env), { db: counting.database });
    const letter = await requireLetter(deps, slug);
    counting.reset();
    const pages = await signaturePages(deps, letter, { status: "confirmed" }, "csv");
    // The first page is read already: a database that fails does so before any response starts.
    expect(counting.queries()).toBeGreaterThan(0);
    const names: string[] = [];
    for await (const page of pages) names.push(...page.map((signature) => signature.name));
    expect(names).toHaveLength(3);
    expect(names[0]).toBe("Lead Org");
  });

  it("delivers the letter in its original or in one of its translations, and refuses another language (400)", async () => {
    const { deps } = organizerDeps();
    const { slug } = await createLetter({
      title: "Letter on a fair process",
      translations: [translation("es", "Carta por un proceso justo", "Pedimos un proceso justo.")],
    });
    const letter = await requireLetter(deps, slug);
    expect((await letterInLanguage(deps, letter, null)).title).toBe("Letter on a fair process");
    expect((await letterInLanguage(deps, letter, "en")).title).toBe("Letter on a fair process");
    expect(await letterInLanguage(deps, letter, "es")).toMatchObject({
      title: "Carta por un proceso justo",
      language: "es",
    });
    await expect(letterInLanguage(deps, letter, "fr")).rejects.toMatchObject({
      status: 400,
      message: "This letter is in English and Spanish: choose one of those.",
    });
  });
});
