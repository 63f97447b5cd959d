/**
 * Times on organizer pages, and which time zone they are in. Every moment is
 * a `<time>` element whose text is the area's one format (the catalogs'
 * `time`: "Nov 30, 2026, 8:02 AM (Honduras time, UTC−6)"), which names its
 * zone. A letter's pages read their times in the letter's closing-time zone
 * (passed as `zone`); every other page in the reader's own, their account's
 * (organizers.time_zone), else UTC, and says which with AccountZoneNote.
 *
 * The account's zone and the moment the page is drawn at come from
 * PageTimeContext, provided once per page by http/organizer-area.tsx
 * adminDocument: UTC and the clock when no provider is around (a view drawn
 * on its own in a test).
 */
import { createContext, useContext } from "hono/jsx";
import {
  DEFAULT_TIME_ZONE,
  formatUtcOffset,
  timeZoneOptions,
  timeZonePlace,
  utcOffsetMinutes,
} from "../../domain/time-zones";
import { useAdminWords } from "./admin-words";

/** The id of the account page's time zone section (its heading), which the notes link to. */
export const TIME_ZONE_HEADING = "time-zone";

/** What a page needs to know to write times: the reader's zone and the page's moment. */
export interface PageTime {
  /** The reader's account's time zone (an IANA name), or null: none chosen (UTC). */
  accountZone: string | null;
  /** When the page is drawn (ISO 8601), for offsets that follow daylight saving; null: the clock. */
  now: string | null;
}

export const PageTimeContext = createContext<PageTime>({ accountZone: null, now: null });

/** The reader's time zone (their account's, else UTC), and whether they chose it. */
export function useAccountTimeZone(): { zone: string; chosen: boolean } {
  const { accountZone } = useContext(PageTimeContext);
  return { zone: accountZone ?? DEFAULT_TIME_ZONE, chosen: accountZone !== null };
}

/** When the page is drawn (ISO 8601). */
export function usePageNow(): string {
  return useContext(PageTimeContext).now ?? new Date().toISOString();
}

/**
 * A moment as text in the reader's time zone (for pages about no letter), for
 * where a `<time>` element can't go (inside an attribute, a hidden label).
 */
export function useAccountTime(): (iso: string) => string {
  const t = useAdminWords();
  const { zone } = useAccountTimeZone();
  return (iso) => t.time(iso, zone);
}

/** A moment: read in `zone` (a letter's, on its pages), else in the reader's own time zone. */
export function Time({ iso, zone }: { iso: string; zone?: string }) {
  const t = useAdminWords();
  const account = useAccountTimeZone();
  return <time datetime={iso}>{t.time(iso, zone ?? account.zone)}</time>;
}

/** `zone` as a sentence names it, with its offset at the page's moment: "Honduras time (UTC−6)", "UTC". */
function useZoneWords(zone: string): string {
  const t = useAdminWords();
  const now = usePageNow();
  return t.timeZones.zone(timeZonePlace(zone, t.locale), formatUtcOffset(utcOffsetMinutes(now, zone)));
}

/**
 * On a page about no letter: which time zone its times are in (the reader's,
 * or UTC when they chose none), with a link to the account page's choice.
 */
export function AccountZoneNote() {
  const t = useAdminWords();
  const w = t.timeZones;
  const { zone, chosen } = useAccountTimeZone();
  const named = useZoneWords(zone);
  return (
    <p class="time-zone-note">
      {chosen ? w.yours(named) : w.none}{" "}
      <a href={`/admin/account#${TIME_ZONE_HEADING}`}>{chosen ? w.change : w.choose}</a>
    </p>
  );
}

/** On a letter's page: its times and days are in the letter's time zone, `zone`, named. */
export function LetterZoneNote({ zone }: { zone: string }) {
  const t = useAdminWords();
  return <p class="time-zone-note">{t.timeZones.letters(useZoneWords(zone))}</p>;
}

/** The options of a time zone's select, in the area's language (UTC first, then by country and city), `selected` chosen. */
export function TimeZoneOptions({ selected }: { selected: string }) {
  const t = useAdminWords();
  return (
    <>
      {timeZoneOptions(t.locale).map(({ zone, label }) => (
        <option value={zone} selected={selected === zone}>
          {label}
        </option>
      ))}
    </>
  );
}
