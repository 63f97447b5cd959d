/**
 * The organizers' filter over a letter's signatures, as it travels in a URL
 * (`?q=&status=&kind=&country=&channel=&flagged=1&from=&to=`): the list page,
 * its bulk actions and the CSV export all read the same one. Pure: no I/O.
 */
import { isCountryCode } from "./countries";
import { SIGNATURE_KINDS, SIGNATURE_STATUSES, type SignatureKind, type SignatureStatus } from "./signature";

export const SIGNATURE_CHANNELS = ["initial", "form", "api", "manual"] as const;
export type FilterChannel = (typeof SIGNATURE_CHANNELS)[number];

export interface SignatureFilter {
  /** Text found in the name, the organization or the email address (any case). */
  q?: string;
  status?: SignatureStatus;
  kind?: SignatureKind;
  country?: string;
  channel?: FilterChannel;
  /** Only signatures the trust checks flagged as suspicious. */
  flagged?: boolean;
  /** Signed on or after this day, and on or before that one (YYYY-MM-DD, UTC). */
  from?: string;
  to?: string;
}

const FILTER_PARAMS = ["q", "status", "kind", "country", "channel", "flagged", "from", "to"] as const;
const SEARCH_MAX_LENGTH = 200;

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** Reads the filter from query parameters (or a form): empty values mean "any"; anything else unknown is a problem to show. */
export function parseSignatureFilter(params: URLSearchParams | FormData): {
  filter: SignatureFilter;
  problems: string[];
} {
  const filter: SignatureFilter = {};
  const problems: string[] = [];
  const get = (name: string) => {
    const value = params.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  const q = get("q");
  if (q) {
    if (q.length > SEARCH_MAX_LENGTH) problems.push(`The search can be at most ${SEARCH_MAX_LENGTH} characters.`);
    else filter.q = q;
  }
  const status = get("status");
  if (status) {
    if ((SIGNATURE_STATUSES as readonly string[]).includes(status)) filter.status = status as SignatureStatus;
    else problems.push(`The status must be one of ${SIGNATURE_STATUSES.join(", ")}.`);
  }
  const kind = get("kind");
  if (kind) {
    if ((SIGNATURE_KINDS as readonly string[]).includes(kind)) filter.kind = kind as SignatureKind;
    else problems.push("The kind must be organization or individual.");
  }
  const country = get("country").toUpperCase();
  if (country) {
    if (isCountryCode(country)) filter.country = country;
    else problems.push("The country must be a two-letter country code, such as HN.");
  }
  const channel = get("channel");
  if (channel) {
    if ((SIGNATURE_CHANNELS as readonly string[]).includes(channel)) filter.channel = channel as FilterChannel;
    else problems.push(`The channel must be one of ${SIGNATURE_CHANNELS.join(", ")}.`);
  }
  if (get("flagged") === "1") filter.flagged = true;
  for (const name of ["from", "to"] as const) {
    const day = get(name);
    if (!day) continue;
    if (isDay(day)) filter[name] = day;
    else problems.push(`“${name === "from" ? "Signed from" : "Signed until"}” must be a date such as 2017-12-20.`);
  }
  if (filter.from && filter.to && filter.from > filter.to) problems.push("“Signed from” comes after “Signed until”.");
  return { filter, problems };
}

/** The filter as query parameters, for links and forms that keep it. */
export function filterParams(filter: SignatureFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_PARAMS) {
    const value = filter[name];
    if (value === undefined || value === false) continue;
    params.set(name, value === true ? "1" : value);
  }
  return params;
}

/** True when the filter narrows nothing. */
export function isEmptyFilter(filter: SignatureFilter): boolean {
  return filterParams(filter).size === 0;
}
