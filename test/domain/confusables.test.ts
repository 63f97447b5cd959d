import { describe, expect, it } from "vitest";
import confusables from "unhomoglyph/data.json";
import {
  confusablePrototypes,
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
    const table = confusablePrototypes();
    expect(table.size).toBe(READ.size);
    for (const [character, prototype] of READ) expect(table.get(character), character).toBe(prototype);
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
