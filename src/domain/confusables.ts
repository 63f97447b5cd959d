/**
 * Letters that look like others (Unicode's confusables, UTS #39's confusables.txt,
 * https://www.unicode.org/reports/tr39/, through `unhomoglyph`'s table of it), read as the one
 * they look like: the shared step of the keys that tell two organizations' names apart
 * (domain/organization.ts comparableName) and two colleagues' (domain/organizer-accounts.ts
 * nameKey). Pure: no I/O.
 */
import { CONFUSABLES_TABLE } from "./confusables-table";

let prototypeMap: Map<string, string> | undefined;

/**
 * Unicode's confusable prototypes (UTS #39 §4, confusables.txt as `unhomoglyph` ships it), for the
 * characters READ_AS_PROTOTYPE picks (5,912 of its 6,311): each character that looks like another
 * character or sequence, to that one ("О" Cyrillic → "O"). Decoded from CONFUSABLES_TABLE on the
 * first name that needs it, not when the Worker starts: most requests compare no names
 * (bench/startup.ts measures startup).
 *
 * @returns the map from a character to its prototype
 */
export function confusablePrototypes(): ReadonlyMap<string, string> {
  prototypeMap ??= decodeConfusables(CONFUSABLES_TABLE);
  return prototypeMap;
}

/**
 * A table of confusables in CONFUSABLES_TABLE's form: a JSON array of `[prototype, code points]`,
 * one per prototype, ordered by their first character; the code points of the characters read as
 * that prototype, ascending, each written as its difference from the previous one (the first from
 * 0) in base 36, joined by ",". Half the size of `unhomoglyph`'s data.json in the Worker (whose
 * characters the bundler writes as `\u` escapes) and a string to parse on first use rather than
 * an object of 6,311 keys to build at startup. scripts/confusables-table.ts writes it.
 *
 * @param prototypes each character to its prototype
 * @returns the table, a JSON text
 */
export function encodeConfusables(prototypes: ReadonlyMap<string, string>): string {
  const byPrototype = new Map<string, number[]>();
  for (const [character, prototype] of prototypes) {
    const codePoints = byPrototype.get(prototype) ?? [];
    codePoints.push(character.codePointAt(0)!);
    byPrototype.set(prototype, codePoints);
  }
  const rows = [...byPrototype]
    .map(([prototype, codePoints]) => ({ prototype, codePoints: codePoints.sort((a, b) => a - b) }))
    .sort((a, b) => a.codePoints[0]! - b.codePoints[0]!)
    .map(({ prototype, codePoints }) => [
      prototype,
      codePoints.map((point, index) => (point - (codePoints[index - 1] ?? 0)).toString(36)).join(","),
    ]);
  return JSON.stringify(rows);
}

/**
 * The map a table of encodeConfusables's form stands for.
 *
 * @throws SyntaxError when the table is not JSON
 */
export function decodeConfusables(table: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [prototype, deltas] of JSON.parse(table) as [string, string][]) {
    let point = 0;
    for (const delta of deltas.split(",")) {
      point += parseInt(delta, 36);
      map.set(String.fromCodePoint(point), prototype);
    }
  }
  return map;
}

/**
 * Which characters are read as their confusable prototype: letters, digits and symbols beyond ASCII
 * ("О" Cyrillic, "×" read as "x"). ASCII stays as typed: UTS #39 would also read "m" as "rn" and "l"
 * as "1", so "Barn Foundation" and "Bam Foundation" would be one, and those are told apart on any
 * page. Punctuation, spaces and marks are left to each key's own rules (they read as a space, or
 * nothing), or "Oxfam — Honduras" (an em dash is confusable with a Katakana letter) would lose its
 * key's equality with "Oxfam - Honduras".
 */
export const READ_AS_PROTOTYPE = /[^\p{ASCII}\p{P}\p{Z}\p{M}\p{C}]/u;

/**
 * `text` with every character READ_AS_PROTOTYPE picks replaced by its confusable prototype. Text
 * of printable ASCII only comes back as it is.
 */
export function prototypes(text: string): string {
  let read = "";
  for (const character of text) {
    read += READ_AS_PROTOTYPE.test(character) ? (confusablePrototypes().get(character) ?? character) : character;
  }
  return read;
}

/**
 * `text` read as its confusable prototypes before and after lower-casing (a prototype may be a
 * capital, "А" Cyrillic → "A"; a lower-case letter may have its own), in lower case: "Аna" (a
 * Cyrillic А) and "ana" are one.
 */
export function confusableLowerCase(text: string): string {
  return prototypes(prototypes(text).toLowerCase());
}
