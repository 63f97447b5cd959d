/**
 * Formatting for pages: dates, numbers and counts, through Intl (see
 * domain/locales/format.ts) in the page's language.
 */
import { adminMessagesFor, type Messages } from "../domain/i18n";
import type { SignatureCounts } from "../domain/letter";
import { formatDate as formatDateIn, formatNumber as formatNumberIn } from "../domain/locales/format";
import { DEFAULT_TIME_ZONE } from "../domain/time-zones";

/** The interface language of pages that are English only (the index, the API page). */
export const INTERFACE_LOCALE = "en";

/** "December 20, 2017" for "2017-12-20" (or a full ISO time) in `locale`. */
export function formatDate(isoDate: string, locale: string = INTERFACE_LOCALE): string {
  return formatDateIn(isoDate, locale);
}

export function formatNumber(value: number, locale: string = INTERFACE_LOCALE): string {
  return formatNumberIn(value, locale);
}

/** "13 signatures: 13 organizations and 0 individuals", in the page's language. */
export function describeCounts(counts: SignatureCounts, t: Messages): string {
  return t.counts.summary(counts.total, counts.organizations, counts.individuals);
}

/**
 * The organizer area's one way to show a moment, in `locale`, read in the
 * IANA `zone` (a letter's closing-time zone on its pages, else UTC) and naming
 * it: "Nov 30, 2026, 8:02 AM (Honduras time, UTC−6)", "Dec 1, 2026, 12:47 AM
 * (UTC)" (the catalogs' `time`, domain/locales/format.ts formatTime).
 */
export function formatTime(iso: string, locale: string = INTERFACE_LOCALE, zone: string = DEFAULT_TIME_ZONE): string {
  return adminMessagesFor(locale).time(iso, zone);
}

/** formatTime in UTC: for pages about no letter (sessions, people, tokens, the activity log). */
export function formatDateTime(iso: string, locale: string = INTERFACE_LOCALE): string {
  return formatTime(iso, locale);
}
