/**
 * The list of a letter's languages, each named in itself and linked (no
 * script): on the letter page, its signatories pages and the embed card.
 */
import { languageName } from "../domain/i18n";

/** One language a page can be read in, and its address. */
export interface LanguageLink {
  language: string;
  href: string;
}

export function LanguageSwitcher({
  languages,
  current,
  label,
  target,
}: {
  languages: readonly LanguageLink[];
  current: string;
  label: string;
  /** Where the links open: the embed card switches in place ("_self") despite its <base target="_blank">. */
  target?: "_self";
}) {
  if (languages.length < 2) return null;
  return (
    <nav class="language-switcher" aria-label={label}>
      <ul>
        {languages.map(({ language, href }) => (
          <li>
            {language === current ? (
              <a href={href} lang={language} hreflang={language} target={target} aria-current="page">
                {languageName(language)}
              </a>
            ) : (
              <a href={href} lang={language} hreflang={language} target={target}>
                {languageName(language)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
