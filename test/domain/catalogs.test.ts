/**
 * The interface's message catalogs (src/domain/locales): every language has
 * every key English has, no more, each of the same type (a text, or a
 * function of the same number of arguments); and the words about
 * organizations' websites and verification are translated, not copied.
 */
import { describe, expect, it } from "vitest";
import { adminMessagesFor, LOCALES, messagesFor } from "../../src/domain/i18n";

/** Every key path of a catalog with what it holds: "text", "function/2" (its arity) or "object". */
function shape(value: unknown, path = ""): Record<string, string> {
  if (typeof value === "function") return { [path]: `function/${value.length}` };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { [path]: typeof value };
  const entries: Record<string, string> = {};
  for (const [key, inner] of Object.entries(value)) Object.assign(entries, shape(inner, path ? `${path}.${key}` : key));
  return entries;
}

describe("the message catalogs", () => {
  it("have English's keys, key for key, each of the same kind", () => {
    const english = shape(messagesFor("en"));
    expect(Object.keys(english).length).toBeGreaterThan(100);
    for (const locale of LOCALES) expect(shape(messagesFor(locale)), locale).toEqual(english);
  });

  it("of the organizer area have English's keys, key for key, each of the same kind", () => {
    const english = shape(adminMessagesFor("en"));
    expect(Object.keys(english).length).toBeGreaterThan(30);
    for (const locale of LOCALES) expect(shape(adminMessagesFor(locale)), locale).toEqual(english);
  });

  it("of the organizer area speak their own language, not English", () => {
    const english = adminMessagesFor("en");
    for (const locale of LOCALES.filter((locale) => locale !== "en")) {
      const words = adminMessagesFor(locale);
      expect(words.locale).toBe(locale);
      expect(words.layout.newLetter, locale).not.toBe(english.layout.newLetter);
      expect(words.counts.individuals(1), locale).not.toBe(english.counts.individuals(1));
      expect(words.languageName("es"), locale).not.toBe(english.languageName("es"));
    }
  });

  it("word counts by the language's plural rules", () => {
    const { counts } = adminMessagesFor("en");
    expect(counts.individuals(1)).toBe("1 individual");
    expect(counts.individuals(2)).toBe("2 individuals");
    expect(adminMessagesFor("fr").counts.signatures(0)).toBe("0 signature");
    expect(adminMessagesFor("es").counts.organizations(1_000)).toBe("1000 organizaciones");
  });

  it("word an organization's verified mark, and what it means, in each language", () => {
    const seen = new Set<string>();
    for (const locale of LOCALES) {
      const { list } = messagesFor(locale);
      const words = [
        list.verifiedByDomain("example.org"),
        list.verifiedByOrganizers,
        list.whatVerifiedMeans,
        list.verifiedExplained,
      ];
      expect(words[0], locale).toContain("example.org");
      for (const text of words) {
        expect(text.trim().length, locale).toBeGreaterThan(5);
        expect(seen.has(text), `${locale}: ${text}`).toBe(false);
        seen.add(text);
      }
    }
  });
});
