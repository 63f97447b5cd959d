/**
 * Every flag the app writes on a signature (domain/signature.ts SIGNATURE_FLAGS: the database's
 * CHECK allows no other) has words in each of the organizer area's languages, which the
 * signatures page's badge and the CSV file's "Flag" column show (domain/signature-export.ts
 * flagWords), never its code (issue 15, third attack: 'organization-domain-taken' showed as is).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminMessagesFor, LOCALES } from "../../src/domain/i18n";
import { SIGNATURE_FLAGS } from "../../src/domain/signature";
import { flagWords } from "../../src/domain/signature-export";

describe("the flags of signatures", () => {
  it("are the ones the database allows", async () => {
    const table = await env.DB.prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'signatures'",
    ).first<{
      sql: string;
    }>();
    const allowed = /flag TEXT CHECK \(flag IN \(([^)]*)\)\)/.exec(table!.sql)![1]!;
    expect([...allowed.matchAll(/'([^']+)'/g)].map((match) => match[1]).sort()).toEqual([...SIGNATURE_FLAGS].sort());
  });

  it("are each worded in every language of the organizer area, never as their code", () => {
    for (const locale of LOCALES) {
      const t = adminMessagesFor(locale);
      const words = SIGNATURE_FLAGS.map((flag) => flagWords(flag, t));
      for (const [index, said] of words.entries()) {
        expect(said, `${locale} ${SIGNATURE_FLAGS[index]}`).not.toMatch(/many-from|domain-taken/);
        expect(said.length, `${locale} ${SIGNATURE_FLAGS[index]}`).toBeGreaterThan(20);
      }
      expect(new Set(words).size).toBe(SIGNATURE_FLAGS.length);
    }
    // Text that is no flag the app writes is shown as it is.
    expect(flagWords("something-else", adminMessagesFor("es"))).toBe("something-else");
  });
});
