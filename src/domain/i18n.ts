/**
 * The languages of the interface and of letters: the message catalogs,
 * choosing a language from what a visitor's browser asks for
 * (Accept-Language, RFC 9110 §12.5.4), and languages' own names. Pure: no I/O.
 *
 * A letter can be translated into the interface's languages only, so that a
 * page is never half in one language and half in another.
 */
import { en, type Messages } from "./locales/en";
import { es } from "./locales/es";
import { fr } from "./locales/fr";
import { pt } from "./locales/pt";
import { en as adminEn, type AdminMessages } from "./locales/admin/en";
import { es as adminEs } from "./locales/admin/es";
import { fr as adminFr } from "./locales/admin/fr";
import { pt as adminPt } from "./locales/admin/pt";

export type { Messages } from "./locales/en";
export type { AdminMessages } from "./locales/admin/en";

/** The interface's languages, English first (the fallback). */
export const LOCALES = ["en", "es", "fr", "pt"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

const CATALOGS: Record<Locale, Messages> = { en, es, fr, pt };
const ADMIN_CATALOGS: Record<Locale, AdminMessages> = { en: adminEn, es: adminEs, fr: adminFr, pt: adminPt };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The interface in `locale` (English for anything else). */
export function messagesFor(locale: string | null | undefined): Messages {
  return isLocale(locale) ? CATALOGS[locale] : en;
}

/** The organizer area's words in `locale` (English for anything else): src/domain/locales/admin/. */
export function adminMessagesFor(locale: string | null | undefined): AdminMessages {
  return isLocale(locale) ? ADMIN_CATALOGS[locale] : adminEn;
}

/** The interface language of a BCP 47 tag: its base language when we have it ("es-MX" → "es"), else null. */
export function localeOf(tag: string): Locale | null {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : null;
}

/** How many of a visitor's preferred languages are considered; see preferredLocales. */
export const PREFERENCES_CONSIDERED = 2;

/**
 * The interface's languages a browser accepts, most preferred first
 * (q-values honoured, ties in the header's order, "q=0" refused, regional
 * tags counted as their base language), at most PREFERENCES_CONSIDERED of
 * them: enough for "Spanish, else French", and few enough that a page's
 * cached copies per preference stay a handful.
 */
export function preferredLocales(acceptLanguage: string | null | undefined): Locale[] {
  if (!acceptLanguage) return [];
  const ranges = acceptLanguage
    .slice(0, 1_000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((param) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param)?.[1]).find(Boolean);
      return { locale: localeOf(tag), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range): range is { locale: Locale; q: number; index: number } => range.locale !== null && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const chosen: Locale[] = [];
  for (const { locale } of ranges) {
    if (!chosen.includes(locale)) chosen.push(locale);
    if (chosen.length === PREFERENCES_CONSIDERED) break;
  }
  return chosen;
}

/** The first of `preferred` among `available`, else `available[0]` (a letter's original language). */
export function negotiate(preferred: readonly string[], available: readonly string[]): string {
  return preferred.find((locale) => available.includes(locale)) ?? available[0] ?? DEFAULT_LOCALE;
}

const autonyms = new Map<string, string>();

/** A language's name in itself, capitalized as a menu item: "English", "Español", "Français", "Português". */
export function languageName(tag: string): string {
  let name = autonyms.get(tag);
  if (!name) {
    const raw = new Intl.DisplayNames([tag, "en"], { type: "language" }).of(tag) ?? tag;
    name = raw.charAt(0).toLocaleUpperCase(tag) + raw.slice(1);
    autonyms.set(tag, name);
  }
  return name;
}
