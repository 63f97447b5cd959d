import { describe, expect, it } from "vitest";
import confusables from "unhomoglyph/data.json";
import { CONFUSABLES_TABLE } from "../../src/domain/confusables-table";
import {
  confusablePrototype,
  decodeConfusables,
  encodeConfusables,
  prototypes,
  READ_AS_PROTOTYPE,
} from "../../src/domain/confusables";

/** unhomoglyph's entries the app reads (as scripts/confusables-table.ts selects them). */
const READ = new Map(
  Object.entries(confusables as Record<string, string>).filter(
    ([character]) => [...character].length === 1 && READ_AS_PROTOTYPE.test(character),
  ),
);

describe("the confusables table (src/domain/confusables-table.ts)", () => {
  it("is unhomoglyph's data.json, every character the app reads to its prototype (else: npx tsx scripts/confusables-table.ts)", () => {
    expect(decodeConfusables(CONFUSABLES_TABLE)).toEqual(READ);
  });

  it("gives each of those characters its prototype, and none to others", () => {
    for (const [character, prototype] of READ) expect(confusablePrototype(character), character).toBe(prototype);
    for (const character of ["a", "Z", "é", "ñ", "\u4E2D", "\u{1F600}", "", "\u{10FFFF}"]) {
      expect(confusablePrototype(character), character).toBe(READ.get(character));
    }
  });

  it("decodes what it encodes, prototypes with commas, quotes, tabs and backslashes included", () => {
    const map = new Map([
      ["\u0430", "a"],
      ["\u{1D41A}", "a"],
      ["\u2488", "l,"],
      ["\u2216", "\\"],
      ["\u33C4", "\u33C4\t\u20DD"],
      ["\uFF02", '"'],
    ]);
    expect(decodeConfusables(encodeConfusables(map))).toEqual(map);
  });

  it("reads letters beyond ASCII as their prototype, and leaves ASCII as typed", () => {
    expect(prototypes("\u041Exfam")).toBe("Oxfam");
    expect(prototypes("Barn rn l1")).toBe("Barn rn l1");
  });
});
