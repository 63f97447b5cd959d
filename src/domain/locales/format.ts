/**
 * Formatting helpers the message catalogs share: numbers, plurals and dates
 * through Intl for one locale, so no catalog hand-formats a number or a date.
 */
import { formatUtcOffset, timeZonePlace, utcOffsetMinutes, wallClockTime } from "../time-zones";

/** The words for each CLDR plural category a language uses; "#" stands for the formatted number. */
export interface PluralForms {
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `value` written as `locale` writes numbers ("1,234", "1.234", "1 234"). */
export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * Languages whose catalogs write a count of zero in the plural although their CLDR rules put 0 with 1
 * (Brazilian Portuguese: "0 assinaturas", never "0 assinatura"; French keeps "0 signature").
 */
const ZERO_IS_PLURAL = new Set(["pt"]);

/** The form of `forms` that `locale`'s plural rules pick for `value`, with "#" replaced by the number. */
export function plural(locale: string, value: number, forms: PluralForms): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const category = value === 0 && ZERO_IS_PLURAL.has(locale) ? "other" : rules.select(value);
  const words = forms[category as keyof PluralForms] ?? forms.other;
  return words.replaceAll("#", formatNumber(value, locale));
}

/** "December 20, 2017" for "2017-12-20" (or a full ISO time) in `locale`, read in UTC. */
export function formatDate(isoDate: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat([locale, "en"], { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  const time = isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate;
  return format.format(new Date(time));
}

const momentFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(
  cache: Map<string, Intl.DateTimeFormat>,
  locale: string,
  zone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale} ${zone}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat([locale, "en"], { ...options, timeZone: zone });
    cache.set(key, format);
  }
  return format;
}

/**
 * A moment as people in `zone` read it, in `locale`: "December 1, 2026 at
 * 11:59 PM (Honduras time, UTC−6)", the zone named by `zoneWords` (the
 * catalog's words around the place, see domain/time-zones.ts timeZonePlace,
 * and the offset in force then). The one way every page writes a letter's
 * closing time. A moment at midnight is written as the minute before it, so
 * that no date is shown on which signing is no longer possible ("until 2
 * December, 00:00" reads as if the 2nd were still open).
 *
 * @param iso an ISO 8601 instant
 * @param zone an IANA zone name that Intl accepts (domain/time-zones.ts isTimeZone)
 */
export function formatMoment(
  iso: string,
  zone: string,
  locale: string,
  zoneWords: (place: string | null, offset: string) => string,
): string {
  let ms = Date.parse(iso);
  if (wallClockTime(iso, zone).endsWith("T00:00")) ms -= 60_000;
  const text = cachedFormat(momentFormats, locale, zone, { dateStyle: "long", timeStyle: "short" }).format(ms);
  return `${text} (${zoneWords(timeZonePlace(zone, locale), formatUtcOffset(utcOffsetMinutes(ms, zone)))})`;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as the organizer area writes every time (a signature's, a
 * session's, a version's): "Nov 30, 2026, 8:02 AM (Honduras time, UTC−6)",
 * es "30 nov 2026, 8:02 (hora de Honduras, UTC−6)": the medium date and
 * short time of `locale` on the wall clock of `zone`, then the zone named by
 * `zoneWords` as formatMoment names it (its place, and the offset in force
 * then). `deadline` writes a moment at midnight as the minute before it, as
 * formatMoment does for a closing time.
 *
 * @param iso an ISO 8601 instant
 * @param zone an IANA zone name that Intl accepts (domain/time-zones.ts isTimeZone)
 */
export function formatTime(
  iso: string,
  zone: string,
  locale: string,
  zoneWords: (place: string | null, offset: string) => string,
  { deadline = false }: { deadline?: boolean } = {},
): string {
  let ms = Date.parse(iso);
  if (deadline && wallClockTime(iso, zone).endsWith("T00:00")) ms -= 60_000;
  const text = cachedFormat(timeFormats, locale, zone, { dateStyle: "medium", timeStyle: "short" }).format(ms);
  return `${text} (${zoneWords(timeZonePlace(zone, locale), formatUtcOffset(utcOffsetMinutes(ms, zone)))})`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The time of day of `iso` on the wall clock of `zone`, as `locale` writes it:
 * "1:00 AM", es "1:00", fr and pt "01:00" (for "every day at …", where the day
 * itself does not matter).
 */
export function formatClock(iso: string, zone: string, locale: string): string {
  return cachedFormat(clockFormats, locale, zone, { timeStyle: "short" }).format(Date.parse(iso));
}

/**
 * The day `iso` falls on in `zone`, in `locale`: "December 1, 2026" (for
 * "signing closed on …"). A moment at midnight ends the day before it, and
 * is written as that day, as formatMoment writes it: signing that closed at
 * 2026-12-01T00:00 closed on November 30, the last day anyone could sign.
 *
 * @param iso an ISO 8601 instant
 * @param zone an IANA zone name that Intl accepts (domain/time-zones.ts isTimeZone)
 */
export function formatDayIn(iso: string, zone: string, locale: string): string {
  let ms = Date.parse(iso);
  if (wallClockTime(iso, zone).endsWith("T00:00")) ms -= 60_000;
  return cachedFormat(dayFormats, locale, zone, { dateStyle: "long" }).format(ms);
}

const languageNames = new Map<string, string>();

/**
 * Where CLDR's name of a language is not how the language writes it: Spanish
 * CLDR drops the ring of "bokmål" ("noruego bokmal"), which Spanish texts keep.
 * By interface language, then BCP 47 tag.
 */
const LANGUAGE_NAME_CORRECTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  es: { nb: "noruego bokmål" },
};

/**
 * A language's name in `locale`, as it reads inside a sentence there
 * ("Spanish" in English, "español" in Spanish): the organizer area says
 * "written in Spanish", never "written in Español". `capitalized` for the
 * start of a menu item. A tag Intl doesn't know is shown as given. Names
 * come from Intl.DisplayNames (CLDR), but for LANGUAGE_NAME_CORRECTIONS.
 */
export function formatLanguageName(tag: string, locale: string, capitalized = false): string {
  const key = `${locale} ${tag}`;
  let name = languageNames.get(key);
  if (name === undefined) {
    try {
      name =
        LANGUAGE_NAME_CORRECTIONS[locale]?.[tag] ??
        new Intl.DisplayNames([locale, "en"], { type: "language", fallback: "code" }).of(tag) ??
        tag;
    } catch {
      name = tag;
    }
    languageNames.set(key, name);
  }
  return capitalized ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : name;
}
