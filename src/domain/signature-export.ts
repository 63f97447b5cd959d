/**
 * The organizers' CSV export of a letter's signatures: which signatures it
 * holds by default, its columns, one record per signature, the guard against
 * spreadsheet formulas, and the file's name. Pure: no I/O; the CSV syntax
 * itself (BOM, quoting) is csv-stringify's.
 */
import { countryName } from "./countries";
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object, pipe, transform } from "zod/mini";
import { field } from "./form-fields";
import { isEmptyFilter, signatureFilterSchema, type SignatureFilter } from "./signature-filter";
import {
  UNRANKED_POSITION,
  type OrganizationContact,
  type OrganizationVerification,
  type SignatoryDetails,
  type SignatureChannel,
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

/** The header row, in English, in the order of each record's cells. */
export const EXPORT_COLUMNS = [
  "Kind",
  "Name",
  "Organization or affiliation",
  "Title",
  "City",
  "Country code",
  "Country",
  "Website",
  "Contact name",
  "Contact role",
  "Email",
  "Authorized at (UTC)",
  "Verification",
  "Verified at (UTC)",
  "Verified domain",
  "Status",
  "Public",
  "Channel",
  "Import",
  "Source",
  "Flag",
  "Signed at (UTC)",
  "Confirmed at (UTC)",
  "Position",
] as const;

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

/** "2017-12-20 14:03:09" for an ISO 8601 time: a form both Excel and LibreOffice read as a date and time. */
export function spreadsheetTime(iso: string | null): string {
  if (!iso) return "";
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}

/** One signature as the cells of its CSV record, in EXPORT_COLUMNS' order. */
export function exportRecord(signature: ExportedSignature, locale: string): string[] {
  const cells = [
    signature.kind,
    signature.name,
    signature.organization ?? "",
    signature.title ?? "",
    signature.city ?? "",
    signature.country ?? "",
    signature.country ? countryName(signature.country, locale) : "",
    signature.website ?? "",
    signature.contactName ?? "",
    signature.contactRole ?? "",
    signature.email ?? "",
    spreadsheetTime(signature.authorizedAt),
    signature.verification ?? "",
    spreadsheetTime(signature.verifiedAt),
    signature.verifiedDomain ?? "",
    signature.status,
    signature.isPublic ? "yes" : "no",
    signature.channel,
    signature.importName ?? (signature.importId === null ? "" : `import ${signature.importId}`),
    signature.source ?? "",
    signature.flag ?? "",
    spreadsheetTime(signature.createdAt),
    spreadsheetTime(signature.confirmedAt),
    signature.position < UNRANKED_POSITION ? String(signature.position) : "",
  ];
  return cells.map(neutralizeCell);
}

/**
 * The export's file name: the letter, which signatures, and the day (UTC), so
 * that the two exports (and a filtered one) never overwrite each other in a
 * downloads folder: `honduras-new-elections-2017-confirmed-signatures-2026-11-29.csv`
 * (the default export), `…-all-signatures-…` (every status), `…-in-review-signatures-…`
 * (one other status), with `-filtered` before the day when the filter narrows anything else.
 * ASCII only (the slug and the statuses are), so no RFC 6266 `filename*` is needed.
 *
 * @param filter the export's filter as read by exportQuerySchema (no status: every status)
 */
export function exportFileName(slug: string, filter: SignatureFilter, now: Date): string {
  const { status, ...rest } = filter;
  const which = status ? status.replace("_", "-") : ALL_STATUSES;
  const filtered = isEmptyFilter(rest) ? "" : "-filtered";
  return `${slug}-${which}-signatures${filtered}-${now.toISOString().slice(0, 10)}.csv`;
}
