/**
 * The organizers' CSV export of a letter's signatures: which signatures it
 * holds by default, its columns, one record per signature in the downloader's
 * language (the organizer area's catalogs) with its times in the letter's
 * zone, the separator a spreadsheet in that language expects, the guard
 * against spreadsheet formulas, and the file's name. Pure: no I/O; the CSV
 * syntax itself (BOM, quoting) is csv-stringify's.
 */
import { SUSPICION_WINDOW_MINUTES, SUSPICIOUS_PER_CLIENT, SUSPICIOUS_PER_EMAIL_DOMAIN } from "./bots";
import { countryName } from "./countries";
import type { AdminMessages } from "./i18n";
import { utcOffsetMinutes } from "./time-zones";
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object, pipe, transform } from "zod/mini";
import { field } from "./form-fields";
import { isEmptyFilter, signatureFilterSchema, type SignatureFilter } from "./signature-filter";
import {
  isSignatureFlag,
  UNRANKED_POSITION,
  type OrganizationContact,
  type OrganizationVerification,
  type SignatoryDetails,
  type SignatureChannel,
  type SignatureFlag,
  type SignatureStatus,
} from "./signature";

/** The fields of a signature the export reads (storage's OrganizerSignatureRow has them all). */
export interface ExportedSignature extends SignatoryDetails, OrganizationContact {
  email: string | null;
  status: SignatureStatus;
  isPublic: boolean;
  channel: SignatureChannel;
  source: string | null;
  flag: string | null;
  position: number;
  createdAt: string;
  confirmedAt: string | null;
  /** When an organization's contact stated they may sign on its behalf (ISO 8601); null when entered or imported by the organizers. */
  authorizedAt: string | null;
  /** An organization's verification, when (ISO 8601), and the domain an "email-domain" one proved. */
  verification: OrganizationVerification | null;
  verifiedAt: string | null;
  verifiedDomain: string | null;
  /** The import it came in by (channel "import"): its id, and the file's name when known. */
  importId: number | null;
  importName: string | null;
}

/** A column of the signatures' CSV file: a key of the catalogs' `csv.signatures`, which heads it. */
export type ExportColumn = keyof AdminMessages["csv"]["signatures"];

/** The signatures' CSV file's columns, in the order of each record's cells (exportHeader, exportRecord). */
export const EXPORT_COLUMNS = [
  "kind",
  "name",
  "organization",
  "title",
  "city",
  "countryCode",
  "country",
  "website",
  "contactName",
  "contactRole",
  "email",
  "authorizedAt",
  "verification",
  "verifiedAt",
  "verifiedDomain",
  "status",
  "public",
  "channel",
  "import",
  "source",
  "flag",
  "signedAt",
  "confirmedAt",
  "position",
] as const satisfies readonly ExportColumn[];

/** The columns of times: each headed with the zone its times are read in (zonedHeading). */
export const EXPORT_TIME_COLUMNS: ReadonlySet<ExportColumn> = new Set([
  "authorizedAt",
  "verifiedAt",
  "signedAt",
  "confirmedAt",
]);

/** A column of times headed with the IANA zone they are read in: "Firmada el (America/Tegucigalpa)". */
export function zonedHeading(heading: string, zone: string): string {
  return `${heading} (${zone})`;
}

/**
 * The header row of the signatures' CSV file in the words of `t` (the downloader's catalog), its
 * times' columns naming `zone` (the letter's closing-time zone, which its times are written in).
 */
export function exportHeader(t: AdminMessages, zone: string): string[] {
  const headings = t.csv.signatures;
  return EXPORT_COLUMNS.map((column) =>
    EXPORT_TIME_COLUMNS.has(column) ? zonedHeading(headings[column], zone) : headings[column],
  ).map(neutralizeCell);
}

/** `status=all` in the export's address: every status, withdrawn and rejected ones included. */
export const ALL_STATUSES = "all";

/**
 * The export's query (GET /admin/letters/{slug}/signatures.csv): the
 * organizers' list filter, except that without a `status` parameter the
 * export holds the confirmed signatures only (what the letter counts and a
 * coalition delivers); `status=all` or an empty `status=` (the list's "any
 * status") holds every one.
 */
export const exportQuerySchema = pipe(
  transform((query: unknown): unknown => {
    const fields = { ...(typeof query === "object" && query !== null ? query : {}) } as Record<string, unknown>;
    if (fields.status === undefined) fields.status = "confirmed";
    else if (typeof fields.status === "string" && fields.status.trim() === ALL_STATUSES) delete fields.status;
    return fields;
  }),
  signatureFilterSchema,
);

/**
 * The delivery document's query (GET /admin/letters/{slug}/delivery):
 * `lang`, the language to deliver the letter in (one of its own, which only
 * the letter can say), or null for its original.
 */
export const deliveryQuerySchema = object({ lang: field((text) => text.trim() || null) });

// What spreadsheets may read as the start of a formula, at the very start or once they trim
// leading blanks (LibreOffice's "Trim spaces" import option, or a user's TRIM()): = + - @, a tab or
// a carriage return, and their fullwidth forms (OWASP "CSV Injection"). Names may begin with + - @
// (`+Acumen`, `@Home Foundation`: domain/text.ts), so every cell of every column is checked here,
// not only those the sign form could have refused.
const FORMULA_START = /^[\s\u00a0\u2000-\u200b\u3000\ufeff]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * Text as a spreadsheet will only ever show it: a cell that starts with a formula character,
 * directly or after leading blanks, gets a `'` before it (which spreadsheets read as "text",
 * and do not show), as csv-stringify's `escape_formulas` does for the very first character:
 * "+Acumen" becomes "'+Acumen". Other cells are returned unchanged.
 */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A cell as it was before neutralizeCell: the `'` it put before a formula character (directly or
 * after blanks) taken off, so that a file this service wrote (the refused rows of an import, once
 * fixed; a signatures export) reads back as it was written: "'+Acumen" is "+Acumen" again. Any other
 * cell, a `'` before a letter among them ("'t Hooft"), is returned unchanged.
 */
export function unneutralizeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * "2017-12-20 08:03:09" for an ISO 8601 instant, on the wall clock of the IANA `zone` (UTC when not
 * given): a form Excel and LibreOffice read as a date and time, and that sorts as text does. Empty
 * for null; text that is not an instant is returned as it is.
 */
export function spreadsheetTime(iso: string | null, zone = "UTC"): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) || Number.isNaN(ms)) return iso;
  const wall = new Date(ms + utcOffsetMinutes(ms, zone) * 60_000).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 19)}`;
}

/**
 * The separator of CSV files for a reader of `locale`: a semicolon where the language writes
 * decimals with a comma (es, fr, pt: Excel there splits a file's columns at semicolons, and opens a
 * comma-separated file as one column), else a comma (en). Read from the runtime's CLDR data.
 */
export function spreadsheetDelimiter(locale: string): "," | ";" {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal");
  return decimal?.value === "," ? ";" : ",";
}

/**
 * Each flag's words in a catalog (signatures.flags), with the thresholds of the rules that set it
 * (domain/bots.ts). A mapped type over SignatureFlag: a flag without an entry here, or without
 * words in the catalogs, is a compile error.
 */
const FLAG_WORDS: { readonly [F in SignatureFlag]: (t: AdminMessages) => string } = {
  "many-from-one-connection": (t) =>
    t.signatures.flags["many-from-one-connection"](SUSPICIOUS_PER_CLIENT, SUSPICION_WINDOW_MINUTES),
  "many-from-one-email-domain": (t) =>
    t.signatures.flags["many-from-one-email-domain"](SUSPICIOUS_PER_EMAIL_DOMAIN, SUSPICION_WINDOW_MINUTES),
  "organization-domain-taken": (t) => t.signatures.flags["organization-domain-taken"],
};

/**
 * Why a signature was flagged (a stored signatures.flag: domain/signature.ts SIGNATURE_FLAGS), in
 * the words of `t`; text that is no flag the app writes, as it is.
 */
export function flagWords(flag: string, t: AdminMessages): string {
  return isSignatureFlag(flag) ? FLAG_WORDS[flag](t) : flag;
}

/**
 * Where a signature came from besides its channel, in the words of `t`: how one entered by hand
 * reached the organizers ("On paper"), else a partner's attribution (`?source=`) as it was given.
 */
export function sourceWords(signature: { channel: SignatureChannel; source: string | null }, t: AdminMessages): string {
  const { channel, source } = signature;
  if (source === null) return "";
  const received: Record<string, string> = t.signatures.manual.receivedBy;
  return channel === "manual" && Object.hasOwn(received, source) ? received[source]! : source;
}

/**
 * One signature as the cells of its CSV record, in EXPORT_COLUMNS' order, in the words of `t` (the
 * downloader's catalog: its kind, status, channel, yes/no as the organizer area says them, its
 * country's name in that language) and its times on the wall clock of `zone` (the letter's), every
 * cell neutralized (neutralizeCell).
 */
export function exportRecord(signature: ExportedSignature, t: AdminMessages, zone: string): string[] {
  const values: Record<string, string> = t.activity.values;
  const channels: Record<string, string> = t.signatures.channels;
  const cells: Record<ExportColumn, string> = {
    kind: t.imports.kindNames[signature.kind],
    name: signature.name,
    organization: signature.organization ?? "",
    title: signature.title ?? "",
    city: signature.city ?? "",
    countryCode: signature.country ?? "",
    country: signature.country ? countryName(signature.country, t.locale) : "",
    website: signature.website ?? "",
    contactName: signature.contactName ?? "",
    contactRole: signature.contactRole ?? "",
    email: signature.email ?? "",
    authorizedAt: spreadsheetTime(signature.authorizedAt, zone),
    verification: signature.verification ? (values[signature.verification] ?? signature.verification) : "",
    verifiedAt: spreadsheetTime(signature.verifiedAt, zone),
    verifiedDomain: signature.verifiedDomain ?? "",
    status: t.signatures.statuses[signature.status],
    public: signature.isPublic ? t.activity.yes : t.activity.no,
    channel: channels[signature.channel] ?? signature.channel,
    import: signature.importName ?? (signature.importId === null ? "" : t.signatures.importNumber(signature.importId)),
    source: sourceWords(signature, t),
    flag: signature.flag ? flagWords(signature.flag, t) : "",
    signedAt: spreadsheetTime(signature.createdAt, zone),
    confirmedAt: spreadsheetTime(signature.confirmedAt, zone),
    position: signature.position < UNRANKED_POSITION ? String(signature.position) : "",
  };
  return EXPORT_COLUMNS.map((column) => neutralizeCell(cells[column]));
}

/** The words of the downloaded files' names in a catalog: lower-case ASCII words joined by hyphens. */
export type FileNameWords = AdminMessages["csv"]["fileNames"];

/**
 * The export's file name, in the downloader's words (`words`, the catalog's csv.fileNames): the
 * letter, which signatures, and the day, so that the two exports (and a filtered one) never
 * overwrite each other in a downloads folder:
 * `honduras-new-elections-2017-confirmed-signatures-2026-11-29.csv` (the default export, in
 * English), `…-firmas-confirmadas-…` (in Spanish), `…-all-signatures-…` (every status),
 * `…-in-review-signatures-…` (one other status), with `-filtered` (`-filtradas`) before the day
 * when the filter narrows anything else. ASCII (the slug and the catalogs' words are).
 *
 * @param filter the export's filter as read by exportQuerySchema (no status: every status)
 * @param day "YYYY-MM-DD": today on the letter's clock (its closing-time zone), as the file's times are
 */
export function exportFileName(slug: string, filter: SignatureFilter, day: string, words: FileNameWords): string {
  const { status, ...rest } = filter;
  const which = words.signatures[status ?? ALL_STATUSES];
  const filtered = isEmptyFilter(rest) ? "" : `-${words.filtered}`;
  return `${slug}-${which}${filtered}-${day}.csv`;
}

/**
 * The activity log's file name in the reader's words: `activity-2026-11-30.csv`, `actividad-…`.
 *
 * @param day "YYYY-MM-DD": today in the reader's time zone, as the file's times are
 */
export function activityFileName(day: string, words: FileNameWords): string {
  return `${words.activity}-${day}.csv`;
}
