/**
 * What an entry of the activity log says besides its action, in the reader's language (issue 15):
 * its detail, a code and its arguments (a key of the organizer catalogs' `activity.details`, and
 * what its words take), and the fields of its before/after objects, each named in
 * `activity.fields` and, when its values are the system's own words (a status, a stage, a role),
 * worded in `activity.values`. Both are stored as data (migrations/0027, 0025) and worded when
 * the owners' page or its CSV file is drawn, in the language of whoever reads it. What people
 * typed (a reason, a token's label, a person's name, a file's name) is an argument, never
 * translated. Pure: no I/O.
 */
import type { ImportStep } from "./activity";
import type { LetterState } from "./letter";
import type { AdminMessages } from "./locales/admin/en";
import type { Role } from "./organizer-roles";
import type { SignatureStatus } from "./signature";
import type { ImportMode } from "./signature-import";

type DetailWords = AdminMessages["activity"]["details"];

/** A detail's code: a key of the catalogs' `activity.details`. */
export type ActivityDetailCode = keyof DetailWords;

/** What the words of the detail `K` take (none for a fixed sentence): strings, numbers, booleans, null. */
export type ActivityDetailArgs<K extends ActivityDetailCode> = DetailWords[K] extends (...args: infer A) => string
  ? A
  : [];

/**
 * An entry's detail as it is stored (organizer_activity.detail_json): a code and its arguments.
 * Once entries are stored, a code's arguments keep their meaning: to say something else, change
 * its words, or add a code.
 */
export type ActivityDetail = {
  [K in ActivityDetailCode]: { code: K; args: ActivityDetailArgs<K> };
}[ActivityDetailCode] & {
  /**
   * Present when the action came through a bearer token on the organizers' API: the API token's
   * label, or null for ADMIN_TOKEN; worded after the detail (activity.details.viaApiToken).
   */
  apiToken?: string | null;
  /**
   * Beside `apiToken`: the token's api_tokens.id (null for ADMIN_TOKEN), never worded: what tells
   * two tokens of one label apart where an entry is written once in a while per token
   * (storage/activity.ts insertActivityUnlessSince).
   */
  apiTokenId?: number | null;
};

/** The detail `code` with `args` (typed by the English catalog's words for it). */
export function activityDetail<K extends ActivityDetailCode>(code: K, ...args: ActivityDetailArgs<K>): ActivityDetail {
  return { code, args } as unknown as ActivityDetail;
}

/** `detail` in the words of the catalog `t`. */
export function detailWords(t: AdminMessages, detail: ActivityDetail): string {
  const words = t.activity.details[detail.code] as string | ((...args: unknown[]) => string);
  const said = typeof words === "function" ? words(...(detail.args as unknown[])) : words;
  return withApiToken(t, said, detail.apiToken);
}

/** `words`, then which bearer token the action came through (when `apiToken` is not undefined). */
function withApiToken(t: AdminMessages, words: string, apiToken: string | null | undefined): string {
  if (apiToken === undefined) return words;
  const via = t.activity.details.viaApiToken(apiToken);
  return words.trim() ? `${words} ${via}` : via;
}

/** A detail read back from storage: a code and arguments, not yet known to be the catalogs'. */
export interface StoredDetail {
  code: string;
  args: unknown[];
  /** The API token's label (null: ADMIN_TOKEN) when the action came through a bearer token. */
  apiToken?: string | null;
}

/**
 * Reads organizer_activity.detail_json: `{ code, args }` with a string code and an array of
 * arguments, else null (NULL, or JSON of another shape).
 */
export function readStoredDetail(json: string | null): StoredDetail | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { code, args, apiToken } = value as { code?: unknown; args?: unknown; apiToken?: unknown };
  if (typeof code !== "string" || !Array.isArray(args)) return null;
  const stored: StoredDetail = { code, args: args as unknown[] };
  if (typeof apiToken === "string" || apiToken === null) stored.apiToken = apiToken;
  return stored;
}

/**
 * What an entry's detail says to a reader of the catalog `t`: its code's words with its arguments;
 * else (an entry written before details had codes, or a code this version does not know, or
 * arguments its words don't take) the English words stored beside it, as they are.
 *
 * @returns the words, or null for an entry without a detail
 */
export function entryDetailWords(
  t: AdminMessages,
  entry: { detail: string | null; detailCode: StoredDetail | null },
): string | null {
  const coded = entry.detailCode;
  if (coded && Object.hasOwn(t.activity.details, coded.code)) {
    const words = t.activity.details[coded.code as ActivityDetailCode] as string | ((...args: unknown[]) => string);
    if (typeof words === "string")
      return coded.args.length === 0 ? withApiToken(t, words, coded.apiToken) : entry.detail;
    if (words.length === coded.args.length) {
      try {
        return withApiToken(t, words(...coded.args), coded.apiToken);
      } catch {
        return entry.detail;
      }
    }
  }
  return entry.detail;
}

/**
 * The fields the log's before/after objects hold, and their values. recordActivity takes only
 * these (app/activity.ts), so that a field, or a value of the system's own words, that the
 * catalogs don't name is a compile error where it is written.
 */
export type ActivityFields = {
  // A signature's
  status: SignatureStatus;
  /** Who verified an organization, or "no". */
  verified: "organizers" | "email-domain" | "no";
  // A letter's
  stage: LetterState;
  title: string;
  slug: string;
  /** YYYY-MM-DD */
  date: string;
  /** BCP 47 tag. */
  language: string;
  addressee: string;
  summary: string;
  /**
   * The letter's own choice, or the deployment's default as it was when the entry was written
   * ("site-default-email" with a mailer, else "site-default-at-once": domain/signing.ts
   * signingPolicy); null (entries written before defaults were told apart): the default.
   */
  confirmSignatures: boolean | "site-default-email" | "site-default-at-once" | null;
  reviewOrganizations: boolean;
  /** ISO 8601 UTC. */
  closesAt: string | null;
  /** IANA zone. */
  closesTimeZone: string;
  /** YYYY-MM-DD */
  deliveredOn: string | null;
  /**
   * A delivery's public notes: BCP 47 tag → the note in that language, each cut at
   * ACTIVITY_VALUE_LIMIT characters (domain/activity.ts activityNotes).
   */
  deliveryNotes: Record<string, string>;
  // Its notifications
  /** The webhook's site (scheme, host, port), "none", or "unreadable-address" for an address that can't be read. */
  webhook: string;
  webhookGetsEmails: boolean;
  dailySummary: "on" | "off";
  /** The HTTP status a test delivery got, or "none". */
  answer: number | "none";
  // An import's
  mode: ImportMode;
  state: ImportStep;
  // A person's
  name: string;
  email: string;
  role: Role;
  /** Their account's time zone: an IANA zone, or "UTC" for none chosen. */
  timeZone: string;
};

/** A field of the log's before/after objects. */
export type ActivityField = keyof ActivityFields;

/**
 * How a field's values are shown: "words" looked up in the catalogs' activity.values (booleans
 * as yes/no, numbers as numbers, anything else as it is); "typed" as people typed them, never
 * looked up (a title "open" is not the stage "open"); "language" by the language's name; "day"
 * and "time" as a date and a moment; "zone" (an IANA time zone) by its country and city, as the
 * zone's select names it ("Honduras — Tegucigalpa"), never its code; "notes" (language → text) a
 * line per language, as typed.
 */
export type ActivityFieldKind = "words" | "typed" | "language" | "day" | "time" | "zone" | "notes";

export const ACTIVITY_FIELD_KINDS: Record<ActivityField, ActivityFieldKind> = {
  status: "words",
  verified: "words",
  stage: "words",
  title: "typed",
  slug: "typed",
  date: "day",
  language: "language",
  addressee: "typed",
  summary: "typed",
  confirmSignatures: "words",
  reviewOrganizations: "words",
  closesAt: "time",
  closesTimeZone: "zone",
  deliveredOn: "day",
  deliveryNotes: "notes",
  webhook: "words",
  webhookGetsEmails: "words",
  dailySummary: "words",
  answer: "words",
  mode: "words",
  state: "words",
  name: "typed",
  email: "typed",
  role: "words",
  timeZone: "zone",
};

/**
 * The values of "words" fields that are the system's own words, each worded in activity.values
 * (a webhook's site and a test delivery's HTTP status are shown as they are).
 */
export type ActivityValue =
  | SignatureStatus
  | LetterState
  | Role
  | ImportMode
  | ImportStep
  | ActivityFields["verified"]
  | ActivityFields["dailySummary"]
  | "site-default-email"
  | "site-default-at-once"
  | "none"
  | "unreadable-address";

/** Whether `key` is a field the log writes (entries stored by earlier versions may hold others). */
export function isActivityField(key: string): key is ActivityField {
  return Object.hasOwn(ACTIVITY_FIELD_KINDS, key);
}

type Missing<Wanted extends PropertyKey, Have> = Exclude<Wanted, keyof Have>;

/**
 * True, or a compile error that names a field (or a value) the log writes that the English
 * catalog does not word; the other catalogs have English's keys (AdminMessages).
 */
export const EVERY_FIELD_WORDED: [
  Missing<ActivityField, AdminMessages["activity"]["fields"]>,
  Missing<ActivityValue, AdminMessages["activity"]["values"]>,
] extends [never, never]
  ? true
  : never = true;
