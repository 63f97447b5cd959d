/**
 * Country names (domain/countries.ts countryName), which lists of signatories
 * look up on every line: the names kept once looked up are the runtime's own
 * (Intl.DisplayNames, CLDR) in every language, on the first call and after,
 * and a code we don't accept is named as the runtime names it without being kept.
 */
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countryName } from "../../src/domain/countries";
import { LOCALES } from "../../src/domain/i18n";

describe("countryName", () => {
  it("names every accepted country as Intl.DisplayNames does, in every language, first time and again", () => {
    for (const locale of LOCALES) {
      const display = new Intl.DisplayNames([locale, "en"], { type: "region", fallback: "code" });
      for (const code of COUNTRY_CODES) {
        const expected = display.of(code);
        expect(countryName(code, locale)).toBe(expected);
        expect(countryName(code, locale)).toBe(expected);
      }
    }
  });

  it("names a code it does not accept as the runtime does (the code itself when unknown)", () => {
    expect(countryName("ZZ", "en")).toBe(new Intl.DisplayNames(["en"], { type: "region", fallback: "code" }).of("ZZ"));
    expect(countryName("QO", "fr")).toBe(
      new Intl.DisplayNames(["fr", "en"], { type: "region", fallback: "code" }).of("QO"),
    );
  });

  it("keeps the languages apart", () => {
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName("DE", "es")).toBe("Alemania");
    expect(countryName("DE", "en")).toBe("Germany");
  });
});
