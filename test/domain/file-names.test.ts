/**
 * The words of downloaded files' names (the catalogs' csv.fileNames), in every language of the
 * organizer area: lower-case ASCII words joined by hyphens, so that a name needs no RFC 8187
 * encoding and every system keeps it as it is; and the names made of them.
 */
import { describe, expect, it } from "vitest";
import { adminMessagesFor, LOCALES } from "../../src/domain/i18n";
import { activityFileName, exportFileName } from "../../src/domain/signature-export";

/** Every string in `value`, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return typeof value === "object" && value !== null ? Object.values(value).flatMap(strings) : [];
}

describe("the downloaded files' names", () => {
  it("are lower-case ASCII words joined by hyphens, in every language, each file's its own", () => {
    for (const locale of LOCALES) {
      const words = adminMessagesFor(locale).csv.fileNames;
      for (const word of strings(words)) expect(word, locale).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(new Set(Object.values(words.signatures)).size, locale).toBe(Object.keys(words.signatures).length);
    }
  });

  it("say which signatures, whether filtered, and the day, in the reader's words", () => {
    const es = adminMessagesFor("es").csv.fileNames;
    const en = adminMessagesFor("en").csv.fileNames;
    expect(exportFileName("carta", { status: "confirmed" }, "2026-11-30", es)).toBe(
      "carta-firmas-confirmadas-2026-11-30.csv",
    );
    expect(exportFileName("carta", { country: "HN" }, "2026-11-30", es)).toBe(
      "carta-todas-las-firmas-filtradas-2026-11-30.csv",
    );
    expect(exportFileName("letter", { status: "in_review" }, "2026-11-30", en)).toBe(
      "letter-in-review-signatures-2026-11-30.csv",
    );
    expect(activityFileName("2026-11-30", adminMessagesFor("pt").csv.fileNames)).toBe("atividade-2026-11-30.csv");
  });
});
