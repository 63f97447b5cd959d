/**
 * checkTextVersions, on made-up versions and entries: every way versions.json
 * and the record's text entries can disagree is named by the version's ref;
 * and the word-level difference the versions page draws.
 */
import { describe, expect, it } from "vitest";
import { wordChanges } from "../../src/domain/text-diff";
import {
  checkTextVersions,
  parseTextVersionRef,
  textVersionDigest,
  textVersionRef,
  type TextVersion,
} from "../../src/domain/text-versions";

async function version(
  language: string,
  number: number,
  seq: number,
  body: string,
): Promise<TextVersion & { seq: number }> {
  const text = { language, title: "Title", summary: "Summary", addressee: "To someone", body_markdown: body };
  return {
    ref: textVersionRef(language, number),
    number,
    ...text,
    published_at: `2024-01-0${seq}T00:00:00.000Z`,
    digest: await textVersionDigest(text),
    seq,
  };
}

function entryOf(v: TextVersion & { seq: number }) {
  return { seq: v.seq, event: "text" as const, ref: v.ref, at: v.published_at, digest: v.digest };
}

const signed = (seq: number) => ({
  seq,
  event: "signed" as const,
  ref: `sig${seq}`,
  at: "2024-01-01T00:00:00.000Z",
  digest: "0".repeat(64),
});

describe("checkTextVersions", () => {
  it("accepts versions that are exactly the record's text entries, signatures between them", async () => {
    const versions = [await version("en", 1, 1, "We ask."), await version("es", 1, 2, "Pedimos.")];
    versions.push(await version("en", 2, 4, "We ask again."));
    const entries = [entryOf(versions[0]!), entryOf(versions[1]!), signed(3), entryOf(versions[2]!)];
    expect(await checkTextVersions(entries, versions)).toEqual([]);
    // A version without its seq (read from elsewhere) is matched by its ref alone.
    expect(
      await checkTextVersions(
        entries,
        versions.map(({ seq: _, ...rest }) => rest),
      ),
    ).toEqual([]);
  });

  it("names a version whose text, digest, date or seq is not what its entry recorded", async () => {
    const v = await version("en", 1, 1, "We ask.");
    const entries = [entryOf(v)];
    expect(await checkTextVersions(entries, [{ ...v, body_markdown: "We never asked." }])).toEqual([
      "The text version en@1 is not the text entry 1 recorded: it was changed after it was published.",
    ]);
    const forged = await version("en", 1, 1, "We never asked.");
    expect(await checkTextVersions(entries, [forged])).toEqual([
      "The text version en@1 is not the text entry 1 recorded: it was changed after it was published.",
    ]);
    expect(await checkTextVersions(entries, [{ ...v, published_at: "2030-01-01T00:00:00.000Z" }])).toEqual([
      "The text version en@1 says it was published at 2030-01-01T00:00:00.000Z; entry 1 recorded it at 2024-01-01T00:00:00.000Z.",
    ]);
    expect(await checkTextVersions([signed(1), { ...entries[0]!, seq: 2 }], [v])).toEqual([
      "The text version en@1 says it is entry 1; the record has it as entry 2.",
    ]);
  });

  it("names versions missing from either side, published twice, or numbered against their ref", async () => {
    const one = await version("en", 1, 1, "We ask.");
    const two = await version("en", 2, 2, "We ask again.");
    expect(await checkTextVersions([entryOf(one), entryOf(two)], [one])).toEqual([
      "Entry 2 records the text version en@2, which the letter no longer publishes.",
    ]);
    expect(await checkTextVersions([entryOf(two)], [one, two])).toEqual([
      "Entry 2 records the text version en@2, but the record's last version in en was 0: a version is missing or out of order.",
      "The text version en@1 is published but not in the record.",
    ]);
    // Newer than the record read (by its seq): a second run settles it.
    expect(await checkTextVersions([entryOf(one)], [one, two])).toEqual([
      "The text version en@2 is published as entry 2, past the record's last entry (1): it is newer than the record read, or its entry is missing. Verify again.",
    ]);
    expect(await checkTextVersions([entryOf(one)], [one, { ...one, body_markdown: "We never asked." }])).toEqual([
      "The text version en@1 is published more than once.",
    ]);
    expect(await checkTextVersions([entryOf(one), { ...entryOf(one), seq: 2 }], [one])).toEqual([
      "Entry 2 records the text version en@1 again (entry 1 did).",
    ]);
    expect(await checkTextVersions([entryOf(one)], [{ ...one, number: 3 }])).toEqual([
      "The text version en@1 says it is version 3 in en: its ref names another.",
    ]);
    expect(await checkTextVersions([{ ...entryOf(one), ref: "preamble" }], [])).toEqual([
      'Entry 1 is a text entry whose ref "preamble" names no version.',
    ]);
  });

  it("reads a ref's language and number", () => {
    expect(parseTextVersionRef("pt-BR@12")).toEqual({ language: "pt-BR", number: 12 });
    for (const ref of ["en@0", "en@", "@1", "en@1@2", "en@01", "e@1"]) expect(parseTextVersionRef(ref)).toBeNull();
  });
});

describe("wordChanges", () => {
  it("marks the words that changed and keeps the rest, spaces included", () => {
    expect(wordChanges("We ask for a fair process.", "We ask for a free and fair process.")).toEqual([
      { kind: "same", text: "We ask for a " },
      { kind: "added", text: "free and " },
      { kind: "same", text: "fair process." },
    ]);
    expect(wordChanges("Dear all,\n\nWe ask.", "Dear all,\n\nWe demand.")).toEqual([
      { kind: "same", text: "Dear all,\n\nWe " },
      { kind: "removed", text: "ask" },
      { kind: "added", text: "demand" },
      { kind: "same", text: "." },
    ]);
  });

  it("gives the text unchanged, or nothing for two empty texts", () => {
    expect(wordChanges("Same.", "Same.")).toEqual([{ kind: "same", text: "Same." }]);
    expect(wordChanges("", "")).toEqual([]);
    expect(wordChanges("", "New.")).toEqual([{ kind: "added", text: "New." }]);
  });
});
