/**
 * Formatting for pages: dates, numbers and counts, through Intl so that each
 * letter's own language formats its own date.
 */
import type { SignatureCounts } from "../domain/letter";

/** The interface language. Letters carry their own language for their text and date. */
export const INTERFACE_LOCALE = "en";

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "December 20, 2017" for "2017-12-20" (or a full ISO time) in `locale`. */
export function formatDate(isoDate: string, locale: string = INTERFACE_LOCALE): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat([locale, INTERFACE_LOCALE], { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  const time = isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate;
  return format.format(new Date(time));
}

const numbers = new Intl.NumberFormat(INTERFACE_LOCALE);

export function formatNumber(value: number): string {
  return numbers.format(value);
}

/** "1 organization", "13 organizations". */
export function countOf(value: number, singular: string, plural: string): string {
  return `${formatNumber(value)} ${value === 1 ? singular : plural}`;
}

/** "13 signatures: 13 organizations and 0 individuals". */
export function describeCounts(counts: SignatureCounts): string {
  return `${countOf(counts.total, "signature", "signatures")}: ${countOf(counts.organizations, "organization", "organizations")} and ${countOf(counts.individuals, "individual", "individuals")}`;
}
