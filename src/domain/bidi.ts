/**
 * Bidirectional text (Unicode Standard Annex #9) for what people type: a
 * name, a title, an affiliation, a letter's title. Shown beside other words,
 * a right-to-left field joins its neighbours' run: "דנה לוי, אוניברסיטת
 * חיפה" drawn in an English sentence reads affiliation first, so the
 * university reads as the signer. Each field is isolated instead: in HTML
 * by views/bidi.tsx Isolated (<bdi>), in text (Atom titles, emails) by
 * isolate() below (FSI … PDI). CSV files keep the raw text. Pure.
 *
 * @see https://www.unicode.org/reports/tr9/#Explicit_Directional_Isolates
 * @see https://html.spec.whatwg.org/multipage/text-level-semantics.html#the-bdi-element
 */

/** U+2068 FIRST STRONG ISOLATE: what follows takes the direction of its first strong letter, apart from its neighbours. */
export const FIRST_STRONG_ISOLATE = "\u2068";
/** U+2069 POP DIRECTIONAL ISOLATE: ends the isolate FIRST_STRONG_ISOLATE began. */
export const POP_DIRECTIONAL_ISOLATE = "\u2069";

/**
 * The scripts written right to left (Unicode Bidi_Class R or AL for their letters): Hebrew and
 * Arabic, and the others in current or historic use.
 */
const RIGHT_TO_LEFT_LETTER =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Mende_Kikakui}\p{Script=Old_South_Arabian}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Avestan}]/u;
const LETTER = /\p{L}/u;

/**
 * The direction of `text` by its first strong letter (UAX #9 rules P2–P3):
 * "rtl" when it is Hebrew, Arabic or another right-to-left script, "ltr"
 * for any other letter, null for a text with no letter (digits and
 * punctuation only, or empty).
 */
export function textDirection(text: string): "rtl" | "ltr" | null {
  for (const character of text) {
    if (RIGHT_TO_LEFT_LETTER.test(character)) return "rtl";
    if (LETTER.test(character)) return "ltr";
  }
  return null;
}

/** Whether `text` holds any right-to-left letter (a Hebrew name inside a Latin one, too). */
export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT_LETTER.test(text);
}

/**
 * `text` as an isolate for plain text (an Atom title, an email's subject or
 * body): between FSI (U+2068) and PDI (U+2069), so that its letters never
 * reorder with the words around it. A text with no right-to-left letter is
 * returned as it is: in the left-to-right sentences of the catalogs' four
 * languages (en, es, fr, pt) it can't reorder, and a reader copying it gets
 * no invisible characters.
 */
export function isolate(text: string): string {
  return hasRightToLeft(text) ? `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text;
}
