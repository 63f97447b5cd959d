/**
 * Formatting for pages: dates, numbers and counts, through Intl (see
 * domain/locales/format.ts) in the page's language.
 */
import type { Messages } from "../domain/i18n";
import type { SignatureCounts } from "../domain/letter";
import { formatDate as formatDateIn, formatNumber as formatNumberIn } from "../domain/locales/format";

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
