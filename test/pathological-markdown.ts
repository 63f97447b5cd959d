/**
 * Letter bodies made to be slow or deep for a Markdown renderer, each at
 * most 100,000 characters (BODY_MAX_LENGTH): repeated emphasis and
 * strikethrough openers (quadratic scans in marked), deep quotes, lists and
 * emphasis (recursion), indentation staircases, bracket and backtick runs,
 * wide tables, many reference definitions. test/domain/markdown.test.ts
 * renders each within bounded work; bench/markdown.ts times them.
 */
import { BODY_MAX_LENGTH } from "../src/domain/letter-form";

/** Repeats `unit` as often as fits in BODY_MAX_LENGTH. */
function fill(unit: string): string {
  return unit.repeat(Math.floor(BODY_MAX_LENGTH / unit.length));
}

function staircase(line: (depth: number) => string): string {
  let text = "";
  for (let depth = 0; text.length + line(depth).length + 1 <= BODY_MAX_LENGTH; depth++) text += `${line(depth)}\n`;
  return text;
}

const HALF = BODY_MAX_LENGTH / 2 - 1;

export const PATHOLOGICAL_BODIES: Record<string, string> = {
  "*a repeated": fill("*a"),
  "_a repeated": fill("_a"),
  "a_ repeated": fill("a_"),
  "**a repeated": fill("**a"),
  "*a** repeated": fill("*a**"),
  "**_ repeated": fill("**_"),
  "~a repeated": fill("~a"),
  "~~a repeated": fill("~~a"),
  "*a _b ~c [d repeated": fill("*a _b ~c [d "),
  "* runs around a word": `${"*".repeat(HALF)}a${"*".repeat(HALF)}`,
  "_ runs around a word": `${"_".repeat(HALF)}a${"_".repeat(HALF)}`,
  "nested emphasis pairs": `${"*a _".repeat(12_000)}x`,
  "> repeated": fill(">"),
  "> with spaces": fill("> "),
  "- markers on one line": `${fill("- ").slice(0, -2)}a`,
  "1. markers on one line": `${"1. ".repeat(33_000)}a`,
  "> - mixed markers": `${"> - ".repeat(24_000)}a`,
  "list staircase": staircase((depth) => `${" ".repeat(2 * depth)}- a`),
  "quote staircase": staircase((depth) => `${" ".repeat(depth % 4)}${">".repeat(depth)} a`),
  "tab staircase": staircase((depth) => `${"\t".repeat(depth)}- a`),
  "[ repeated": fill("["),
  "[ links nested": `${"[".repeat(HALF / 2)}a${"](x)".repeat(HALF / 2)}`,
  "![ repeated": fill("!["),
  "*[ repeated": fill("*["),
  "[a]( repeated": fill("[a]("),
  backticks: `${"`".repeat(HALF)}a${"``".repeat(HALF / 2)}`,
  "<a repeated": fill("<a"),
  "long table": `|a|\n|-|\n${fill("|a|\n").slice(0, BODY_MAX_LENGTH - 8)}`,
  "wide table": `|${"a|".repeat(10_000)}\n|${"-|".repeat(10_000)}\n|${"a|".repeat(10_000)}\n`,
  "reference definitions": `${"[a]: x\n".repeat(10_000)}${"[a]".repeat(9_000)}`,
  "\\* escapes": fill("\\*a"),
  "&entities": fill("&amp;*"),
};
