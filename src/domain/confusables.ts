/**
 * Letters that look like others (Unicode's confusables, UTS #39's confusables.txt,
 * https://www.unicode.org/reports/tr39/, through `unhomoglyph`'s table of it), read as the one
 * they look like: the shared step of the keys that tell two organizations' names apart
 * (domain/organization.ts comparableName) and two colleagues' (domain/organizer-accounts.ts
 * nameKey). Pure: no I/O.
 */
import { CONFUSABLES_TABLE } from "./confusables-table";

/** The prototype indexes' room in an index key: a key is code point × PROTOTYPE_SLOTS + prototype index. */
const PROTOTYPE_SLOTS = 4096;

/** CONFUSABLES_TABLE made searchable: keys in ascending order, and the prototypes they index. */
interface ConfusablesIndex {
  keys: Float64Array;
  prototypes: string[];
}

/**
 * CONFUSABLES_TABLE as sorted keys (code point × PROTOTYPE_SLOTS + its prototype's index, exact in
 * a double) for a binary search: a typed array of 5,912 numbers and one sort, a fraction of a
 * millisecond warm, where a Map of 5,912 strings took milliseconds. Made when the Worker starts
 * (bench/startup.ts measures startup), not on the first name beyond ASCII: its first build took 6
 * to 9 ms of CPU on a loaded machine, which startup's 1 s limit holds and a signing request's
 * 10 ms on the Free plan would not.
 */
function buildConfusablesIndex(): ConfusablesIndex {
  const rows = JSON.parse(CONFUSABLES_TABLE) as [string, string][];
  if (rows.length > PROTOTYPE_SLOTS) throw new Error("More confusable prototypes than PROTOTYPE_SLOTS");
  const keys: number[] = [];
  rows.forEach(([, deltas], prototypeIndex) => {
    let point = 0;
    for (const delta of deltas.split(",")) {
      point += parseInt(delta, 36);
      keys.push(point * PROTOTYPE_SLOTS + prototypeIndex);
    }
  });
  return { keys: Float64Array.from(keys).sort(), prototypes: rows.map(([prototype]) => prototype) };
}

const index: ConfusablesIndex = buildConfusablesIndex();

/**
 * Unicode's confusable prototype of one character (UTS #39 §4, confusables.txt as `unhomoglyph`
 * ships it), for the characters READ_AS_PROTOTYPE picks (5,912 of its 6,311): the character or
 * sequence it looks like ("О" Cyrillic → "O").
 *
 * @param character one character (one code point)
 * @returns its prototype, or undefined when it has none
 */
export function confusablePrototype(character: string): string | undefined {
  const point = character.codePointAt(0);
  if (point === undefined) return undefined;
  const { keys, prototypes } = index;
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const key = keys[middle]!;
    const keyPoint = Math.floor(key / PROTOTYPE_SLOTS);
    if (keyPoint === point) return prototypes[key - keyPoint * PROTOTYPE_SLOTS];
    if (keyPoint < point) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
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
 * The map a table of encodeConfusables's form stands for (the tests compare it with `unhomoglyph`'s).
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
    read += READ_AS_PROTOTYPE.test(character) ? (confusablePrototype(character) ?? character) : character;
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
