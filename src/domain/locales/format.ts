/**
 * Formatting helpers the message catalogs share: numbers, plurals and dates
 * through Intl for one locale, so no catalog hand-formats a number or a date.
 */

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

/** The form of `forms` that `locale`'s plural rules pick for `value`, with "#" replaced by the number. */
export function plural(locale: string, value: number, forms: PluralForms): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const words = forms[rules.select(value) as keyof PluralForms] ?? forms.other;
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
