/**
 * Letters that look like others (Unicode's confusables, UTS #39's confusables.txt,
 * https://www.unicode.org/reports/tr39/, through `unhomoglyph`'s table of it), read as the one
 * they look like: the shared step of the keys that tell two organizations' names apart
 * (domain/organization.ts comparableName) and two colleagues' (domain/organizer-accounts.ts
 * nameKey). Pure: no I/O.
 */
import confusables from "unhomoglyph/data.json";

let prototypeMap: Map<string, string> | undefined;

/**
 * Unicode's confusable prototypes (UTS #39 §4, confusables.txt as `unhomoglyph` ships it): each
 * character that looks like another character or sequence, to that one ("О" Cyrillic → "O").
 * Made on the first name that needs it (6,311 entries), not when the Worker starts: most requests
 * compare no names (bench/startup.ts measures startup).
 */
function prototypeOf(character: string): string | undefined {
  prototypeMap ??= new Map(Object.entries(confusables as Record<string, string>));
  return prototypeMap.get(character);
}

/**
 * Which characters are read as their confusable prototype: letters, digits and symbols beyond ASCII
 * ("О" Cyrillic, "×" read as "x"). ASCII stays as typed: UTS #39 would also read "m" as "rn" and "l"
 * as "1", so "Barn Foundation" and "Bam Foundation" would be one, and those are told apart on any
 * page. Punctuation, spaces and marks are left to each key's own rules (they read as a space, or
 * nothing), or "Oxfam — Honduras" (an em dash is confusable with a Katakana letter) would lose its
 * key's equality with "Oxfam - Honduras".
 */
const READ_AS_PROTOTYPE = /[^\p{ASCII}\p{P}\p{Z}\p{M}\p{C}]/u;

/**
 * `text` with every character READ_AS_PROTOTYPE picks replaced by its confusable prototype. Text
 * of printable ASCII only comes back as it is.
 */
export function prototypes(text: string): string {
  let read = "";
  for (const character of text) {
    read += READ_AS_PROTOTYPE.test(character) ? (prototypeOf(character) ?? character) : character;
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
