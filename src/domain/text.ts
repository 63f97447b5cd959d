/**
 * Rules for the short texts a signer types that are later shown publicly,
 * printed in delivery documents and exported to spreadsheets: names,
 * affiliations, titles, cities. Pure functions, no I/O.
 */

/**
 * U+FFFD (what a decoder leaves of bytes it could not read) and the noncharacters (Unicode 15,
 * section 23.7: U+FDD0–U+FDEF and every plane's xFFFE and xFFFF), which XML 1.0 forbids in part and
 * no text exchanged between people holds.
 */
const UNREADABLE = /[\uFFFD\p{Noncharacter_Code_Point}]/u;

/**
 * Whether `value` holds a character no one can have meant to type: a lone surrogate, U+FFFD or a
 * noncharacter (UNREADABLE). The check of every text a form takes, long texts (a letter's body, a
 * delivery note) included.
 */
export function hasUnreadableCharacter(value: string): boolean {
  return !value.isWellFormed() || UNREADABLE.test(value);
}
const CONTROL = /\p{Cc}/u;
// Bidirectional marks, overrides and isolates (Bidi_Control: the "Trojan Source" characters, and the
// LEFT-TO-RIGHT, RIGHT-TO-LEFT and ARABIC LETTER marks), and invisible spaces and joiners-at-large.
const INVISIBLE_FORMATTING = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u00AD\u180E]/;
/** Letters and symbols that draw nothing: the Hangul fillers and the blank Braille pattern. */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** A character that draws: a letter, a number or a symbol (Unicode L, N, S), blank ones aside (BLANK_LETTERS). */
const DRAWN = /[\p{L}\p{N}\p{S}]/u;
const STACKED_MARKS = /\p{M}{5,}/u;
/**
 * What a spreadsheet would evaluate as a formula (CSV injection,
 * https://owasp.org/www-community/attacks/CSV_Injection): a leading `=`; a
 * leading `+`, `-` or `@` not followed by a letter or digit; one followed by
 * a function call (`@SUM(`, `+HYPERLINK(`); a `+` or `-` followed by
 * arithmetic (`-2+3`, `+1`). Real names such as `+Acumen`, `@Home
 * Foundation` or `-Lab` are not formulas and are kept: every export still
 * neutralizes a leading `=`, `+`, `-` or `@` (domain/signature-export.ts).
 */
function isFormula(text: string): boolean {
  if (text.startsWith("=")) return true;
  const sign = /^[+\-@]/.exec(text);
  if (!sign) return false;
  const rest = text.slice(1);
  if (!/^[\p{L}\p{N}]/u.test(rest)) return true;
  if (/^[\p{L}_][\p{L}\p{N}_.]*\s*\(/u.test(rest)) return true;
  return sign[0] !== "@" && /^[\d\s.,()+\-*/^%]+$/.test(rest);
}
const WEB_ADDRESS = [
  /[a-z][a-z0-9+.-]*:\/\//i,
  /\bwww\./i,
  /\b(?:javascript|data|vbscript):/i,
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*/i,
];
const EMAIL_ADDRESS = /[^\s@]+@[^\s@]+\.[^\s@]+/;
// Markup, or an HTML attribute being written (name="…): never part of a name, often part of an attack.
const MARKUP = /[<>]|[a-z]\s*=\s*["'`]/i;

/** Canonical form of a public text: Unicode NFC, no surrounding space, single spaces inside. */
export function normalizeText(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/gu, " ");
}

/** Counts user-perceived length in code points, so "é" and "😀" each count once. */
export function textLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/** Why a public text can't be published, as a code the message catalogs word in each language. */
export type TextProblem =
  | "unreadable"
  | "control"
  | "invisible"
  | "stacked-marks"
  | "nothing-visible"
  | "too-long"
  | "formula"
  | "markup"
  | "web-address"
  | "email-address";

/** Why a text's characters can't be shown as they were typed. */
export type CharacterProblem = "unreadable" | "control" | "invisible" | "stacked-marks";

/**
 * The first reason `value`'s characters can't be shown as typed (the character checks of
 * publicTextIssue): unreadable (lone surrogates, U+FFFD, noncharacters), control characters (Unicode Cc, line
 * breaks and tabs included), invisible formatting (bidirectional overrides, zero-width spaces…),
 * marks stacked five deep. Undefined when there is none.
 */
export function characterIssue(value: string): CharacterProblem | undefined {
  if (hasUnreadableCharacter(value)) return "unreadable";
  if (CONTROL.test(value)) return "control";
  if (INVISIBLE_FORMATTING.test(value)) return "invisible";
  if (STACKED_MARKS.test(value)) return "stacked-marks";
  return undefined;
}

/**
 * Format characters (Unicode Cf: bidirectional marks, overrides and isolates, zero-width spaces,
 * word joiners, tag characters…) but the two joiners writing needs (U+200C in Persian and Indic
 * scripts, U+200D in emoji), and the Hangul fillers: letters that draw nothing.
 */
const HIDDEN_IN_ORGANIZER_TEXT = /(?![\u200C\u200D])\p{Cf}|[\u115F\u1160\u3164\uFFA0]/u;

/**
 * characterIssue, and every format character ("invisible"), for what organizers type and their
 * colleagues read as it is: a person's name, an API token's label, a passkey's name, a reason in
 * the activity log. Beyond the public names' rules: a colleague's words must read as what they are,
 * and a control character would not fit the columns' CHECKs (SQLite's length() stops at a NUL).
 */
export function organizerTextIssue(value: string): CharacterProblem | undefined {
  return characterIssue(value) ?? (HIDDEN_IN_ORGANIZER_TEXT.test(value) ? "invisible" : undefined);
}

/** The first reason `value` (the raw input) can't be published, or undefined when it is fine. */
export function publicTextIssue(value: string, maxLength: number): TextProblem | undefined {
  const characters = characterIssue(value);
  if (characters) return characters;
  const text = normalizeText(value);
  if (text && !DRAWN.test(text.replace(BLANK_LETTERS, ""))) return "nothing-visible";
  if (textLength(text) > maxLength) return "too-long";
  if (isFormula(text)) return "formula";
  if (MARKUP.test(text)) return "markup";
  if (WEB_ADDRESS.some((pattern) => pattern.test(text))) return "web-address";
  if (EMAIL_ADDRESS.test(text)) return "email-address";
  return undefined;
}

/**
 * The first reason `value` can't be published, as a sentence about `label`
 * ("The name"), or undefined when it is fine. `value` is the raw input: the
 * character checks run before normalization so that a line break is refused
 * rather than silently folded into a space.
 */
export function publicTextProblem(value: string, label: string, maxLength: number): string | undefined {
  const problem = publicTextIssue(value, maxLength);
  if (!problem) return undefined;
  return englishTextProblem(label, problem, maxLength);
}

/** The sentence for `problem` in English (the API's, and the English interface's; other languages have their own in domain/locales). */
export function englishTextProblem(label: string, problem: TextProblem, maxLength: number): string {
  switch (problem) {
    case "unreadable":
      return `${label} contains characters that could not be read. Please type it again.`;
    case "control":
      return `${label} must be on one line, without tabs or other control characters.`;
    case "invisible":
      return `${label} must not contain invisible formatting characters.`;
    case "stacked-marks":
      return `${label} has too many accent marks stacked on one letter.`;
    case "nothing-visible":
      return `${label} must contain at least one visible letter, number or symbol.`;
    case "too-long":
      return `${label} must be at most ${maxLength.toLocaleString("en")} characters long.`;
    case "formula":
      return `${label} can't begin with = or look like a formula (such as +1+2 or @SUM(…)), because spreadsheets would run it.`;
    case "markup":
      return `${label} can't contain < or >, or anything that looks like code.`;
    case "web-address":
      return `${label} can't contain a web address.`;
    case "email-address":
      return `${label} can't contain an email address: we ask for yours separately and never show it.`;
  }
}
