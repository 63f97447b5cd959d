/** Counted nouns in English messages (the verifier's, the record's). Pure. */

/**
 * "1 entry", "2 entries": `count` (as digits, no grouping: it may be pasted back as an argument) and the noun.
 * @param many the plural, when it is not `one` + "s"
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
