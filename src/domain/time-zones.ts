/**
 * Time zones for letters' closing times: which IANA zone names are offered
 * and accepted (tzdata's zone.tab, plus UTC), a wall-clock time in a zone to
 * the UTC instant it names and back, the zone's UTC offset at an instant, and
 * how a zone is named to people ("Honduras", "New York", "UTC−6"). Pure: no
 * I/O; every computation goes through Intl.DateTimeFormat with `timeZone`
 * (ECMA-402), so the runtime's tz data decides offsets and daylight saving.
 */
import { countryName } from "./countries";
import { ZONE_CITIES } from "./time-zone-cities";
import { ZONES_BY_COUNTRY } from "./time-zone-data";

/** The zone of letters that never chose one (letters from before time zones, and from content/ files). */
export const DEFAULT_TIME_ZONE = "UTC";

/** Zone name → ISO 3166-1 alpha-2 code of its country (zone.tab's row), UTC excluded. */
const COUNTRY_OF_ZONE: ReadonlyMap<string, string> = new Map(
  Object.entries(ZONES_BY_COUNTRY).flatMap(([country, zones]) =>
    zones.split(" ").map((zone): [string, string] => [zone, country]),
  ),
);

/** True for the zone names a letter may close in: zone.tab's (canonical IANA names) and "UTC". */
export function isTimeZone(value: string): boolean {
  return value === DEFAULT_TIME_ZONE || COUNTRY_OF_ZONE.has(value);
}

/** `value` when it is a zone isTimeZone accepts, else null (a stored zone tzdata has since renamed, say). */
export function knownTimeZone(value: string | null | undefined): string | null {
  return typeof value === "string" && isTimeZone(value) ? value : null;
}

/** The country `zone` is in (ISO 3166-1 alpha-2), or null for UTC and unknown names. */
export function countryOfTimeZone(zone: string): string | null {
  return COUNTRY_OF_ZONE.get(zone) ?? null;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `instant` (ms since the epoch) in `zone`, as ms of a UTC date with those fields. */
function wallClockMs(instant: number, zone: string): number {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormats.set(zone, format);
  }
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) fields[part.type] = Number(part.value);
  return Date.UTC(fields.year!, fields.month! - 1, fields.day, fields.hour, fields.minute, fields.second);
}

/** `zone`'s offset from UTC at `instant` (ISO 8601 or ms), in minutes east of Greenwich: −360 for Honduras. */
export function utcOffsetMinutes(instant: string | number, zone: string): number {
  const ms = typeof instant === "number" ? instant : Date.parse(instant);
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClockMs(whole, zone) - whole) / 60_000);
}

/** "UTC−6", "UTC+5:30", "UTC" for an offset in minutes (with the minus sign U+2212, as CLDR writes it). */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return "UTC";
  const sign = minutes < 0 ? "\u2212" : "+";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

/** The wall-clock time of `instant` in `zone`, as a datetime-local input writes it: "2026-12-01T23:59". */
export function wallClockTime(instant: string, zone: string): string {
  return new Date(wallClockMs(Date.parse(instant), zone)).toISOString().slice(0, 16);
}

/**
 * The UTC instant (ISO 8601) the wall-clock time `local` ("YYYY-MM-DDTHH:MM",
 * a real day and time) names in `zone`: "2026-12-01T23:59" in
 * America/Tegucigalpa is "2026-12-02T05:59:00.000Z". A time that comes twice
 * (clocks turned back) is its first occurrence; a time that never comes
 * (clocks turned forward over it) is null.
 */
export function instantOfWallClock(local: string, zone: string): string | null {
  const wall = Date.parse(`${local}:00Z`);
  // The offsets in force a day either side cover any transition near the time (none comes twice within a day).
  const candidates = [...new Set([wall - 86_400_000, wall + 86_400_000].map((ms) => utcOffsetMinutes(ms, zone)))]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => wallClockMs(instant, zone) === wall)
    .sort((a, b) => a - b);
  const first = candidates[0];
  return first === undefined ? null : new Date(first).toISOString();
}

/**
 * The UTC instant (ISO 8601) the day `day` ("YYYY-MM-DD") begins at in
 * `zone`: its midnight, "2026-11-30" in America/Tegucigalpa is
 * "2026-11-30T06:00:00.000Z"; where the clocks skip midnight (Chile, Paraguay
 * and others turn them forward at 00:00), the first moment the day has.
 */
export function startOfDayIn(day: string, zone: string): string {
  const midnight = instantOfWallClock(`${day}T00:00`, zone);
  if (midnight) return midnight;
  // Midnight was skipped: the day begins when the clocks jump, read with the offset before it.
  const wall = Date.parse(`${day}T00:00:00Z`);
  return new Date(wall - utcOffsetMinutes(wall - 86_400_000, zone) * 60_000).toISOString();
}

/** The day after `day` ("YYYY-MM-DD"), on the calendar; after 9999-12-31, "+010000-01-01" (an expanded year). */
function nextDay(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
  return next.slice(0, next.indexOf("T"));
}

/**
 * Whether `instant` (ISO 8601, as Date#toISOString writes it) falls after the calendar's last
 * day in UTC, 9999-12-31: it is written then with an expanded year ("+010000-01-01T06:00:00.000Z"),
 * which sorts before "2026-…" as text. Stored times are ISO 8601 in UTC compared as text, so none
 * may be such an instant, and no bound compared with them either.
 */
export function isPastYear9999(instant: string): boolean {
  return instant.startsWith("+");
}

/**
 * The instants a filter's days span in `zone`: `since` the start of `from`,
 * `before` the start of the day after `to` (so `to` is taken whole, its last
 * millisecond included), each null when that day is not given. "From
 * 2026-11-30 to 2026-11-30" in America/Tegucigalpa is since
 * 2026-11-30T06:00Z, before 2026-12-01T06:00Z; daylight saving is followed.
 * A `to` whose next day starts after year 9999 in UTC (9999-12-31 in UTC and
 * west of it) means no end, `before` null: that instant, written with an
 * expanded year (isPastYear9999), would sort before every stored time and
 * match none.
 *
 * @param from a day ("YYYY-MM-DD") or undefined
 * @param to a day ("YYYY-MM-DD") or undefined
 * @param zone an IANA zone name isTimeZone accepts
 */
export function daysIn(
  from: string | undefined,
  to: string | undefined,
  zone: string,
): { since: string | null; before: string | null } {
  const before = to ? startOfDayIn(nextDay(to), zone) : null;
  return {
    since: from ? startOfDayIn(from, zone) : null,
    before: before === null || isPastYear9999(before) ? null : before,
  };
}

/**
 * How a zone is named to people, in `locale`: its country's name when the
 * country has one zone, else the zone's city ("New York", es "Nueva York").
 */
export function timeZonePlace(zone: string, locale: string): string | null {
  const country = countryOfTimeZone(zone);
  if (!country) return null;
  if (!ZONES_BY_COUNTRY[country]!.includes(" ")) return countryName(country, locale);
  return cityOfZone(zone, locale);
}

/**
 * A zone as a sentence names it, never its IANA id: "Honduras time",
 * "New York time", "UTC" (English words, for the English-only messages of
 * forms; pages use the catalogs' `moment`).
 */
export function timeZoneName(zone: string): string {
  const place = timeZonePlace(zone, "en");
  return place ? `${place} time` : "UTC";
}

/**
 * The city a zone is named by in `locale`: CLDR's (time-zone-cities.ts,
 * "America/New_York" → es "Nueva York"), else the zone's own name
 * ("America/Argentina/Buenos_Aires" → "Buenos Aires").
 */
function cityOfZone(zone: string, locale: string): string {
  const named = ZONE_CITIES[locale.split("-")[0]!.toLowerCase()]?.[zone];
  return named ?? zone.slice(zone.lastIndexOf("/") + 1).replaceAll("_", " ");
}

/** Joining words and generic ones a city may share with its country without naming it ("Isla", "San", "de"). */
const GENERIC_NAME_WORDS = new Set(
  "and the of del las los des les dos das city ciudad cidade ville island islands isla islas ile iles ilha ilhas saint sainte san santa santo sao".split(
    " ",
  ),
);

/** The distinctive words of a place's name: lowercase, without accents, of three letters or more. */
function placeWords(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 3 && !GENERIC_NAME_WORDS.has(word));
}

/**
 * Whether `city` only repeats the name of `country` (ISO 3166-1 alpha-2), in `locale` or in
 * English, or spelled another way: "Wallis & Futuna" for Wallis y Futuna, "Singapore" for Singapur,
 * "El Vaticano" for Ciudad del Vaticano, "Bahrein" for Barein. CLDR names the only zone of many
 * small countries by the country itself.
 */
function cityRepeatsCountry(city: string, country: string, locale: string): boolean {
  const named = [...placeWords(countryName(country, locale)), ...placeWords(countryName(country, "en"))];
  // The same word, or one spelled another way ("Bahrein", "Bahrain"; "Tunis", "Tunisia").
  const same = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 4) === b.slice(0, 4));
  return placeWords(city).some((word) => named.some((name) => same(word, name)));
}

/**
 * A zone as people choose it, in `locale`: "UTC"; "Estados Unidos — Nueva York" (its country,
 * then its city); the country alone when it has one zone whose city only repeats its name
 * ("Wallis y Futuna", "Panamá", never "Panamá — Panamá"); a name this list does not know (a zone
 * stored before tzdata renamed it) as it is.
 */
export function timeZoneLabel(zone: string, locale: string): string {
  if (zone === DEFAULT_TIME_ZONE) return DEFAULT_TIME_ZONE;
  const country = countryOfTimeZone(zone);
  if (!country) return zone;
  const place = countryName(country, locale);
  const city = cityOfZone(zone, locale);
  const only = !ZONES_BY_COUNTRY[country]!.includes(" ");
  return only && cityRepeatsCountry(city, country, locale) ? place : `${place} — ${city}`;
}

/** A time zone as an organizer chooses it: its IANA name, and "Estados Unidos — Nueva York" in the area's language. */
export interface TimeZoneOption {
  zone: string;
  label: string;
}

const optionsByLocale = new Map<string, readonly TimeZoneOption[]>();

/**
 * Every zone a letter may close in, UTC first, then by country name and
 * city in `locale` ("Brasil — São Paulo", "México — Ciudad de México"; as
 * timeZoneLabel names them), computed once per locale.
 */
export function timeZoneOptions(locale: string): readonly TimeZoneOption[] {
  let options = optionsByLocale.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    const zones = [...COUNTRY_OF_ZONE.keys()].map((zone) => ({ zone, label: timeZoneLabel(zone, locale) }));
    zones.sort((a, b) => collator.compare(a.label, b.label));
    options = [{ zone: DEFAULT_TIME_ZONE, label: "UTC" }, ...zones];
    optionsByLocale.set(locale, options);
  }
  return options;
}
