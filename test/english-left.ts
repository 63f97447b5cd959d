/**
 * English left on a page of the organizer area drawn in another language: the English
 * catalog's texts that the other catalog words differently, found as an element's whole
 * text or a labelling attribute. Data (titles, names) is not in the catalogs, so it never
 * counts.
 */
import { adminMessagesFor, type Locale } from "../src/domain/i18n";
import { parseHtml } from "./helpers";

/** Every text of a catalog (functions aside) with its key path. */
export function catalogTexts(value: unknown, path = ""): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === "string") found.set(path, value);
  else if (typeof value === "object" && value !== null)
    for (const [key, inner] of Object.entries(value))
      for (const [p, text] of catalogTexts(inner, path ? `${path}.${key}` : key)) found.set(p, text);
  return found;
}

/** The English catalog's texts that `language` words differently: none of them may show on its pages. */
export function englishOnly(language: Locale = "es"): Set<string> {
  const english = catalogTexts(adminMessagesFor("en"));
  const other = catalogTexts(adminMessagesFor(language));
  return new Set(
    [...english]
      .filter(([path, text]) => other.get(path) !== text && text.trim().length > 2)
      .map(([, text]) => text.trim()),
  );
}

/** The English texts (of `english`, see englishOnly) an element's whole text, or a labelling attribute, consists of. */
export function englishOn(html: string, english: Set<string>): string[] {
  const document = parseHtml(html);
  const found = new Set<string>();
  for (const element of document.querySelectorAll("*")) {
    const text = element.textContent.replace(/\s+/g, " ").trim();
    if (english.has(text)) found.add(text);
    for (const name of ["aria-label", "title", "placeholder", "label", "data-label"]) {
      const value = element.getAttribute(name)?.trim();
      if (value && english.has(value)) found.add(`${name}="${value}"`);
    }
  }
  return [...found];
}
