/**
 * What an import can be refused for, as codes and details (the file, the mapping of its
 * columns, a row), and the fields a column can be read as: the types the organizer area's
 * catalogs word (domain/locales/admin, `imports`). A leaf of domain/, apart from
 * domain/signature-import.ts (which re-exports all of it), so that the catalogs can name
 * these without depending on the import's code.
 */
import type { TextProblem } from "./text";

/**
 * Why a file or paste can't be imported as a whole, as a code and the
 * details its sentence needs; the organizer area's catalogs word it
 * (domain/locales/admin, `imports.fileProblem`). `row` is the file's row
 * number (the header is row 1); `column` counts from 1.
 */
export type ImportFileProblem =
  | { code: "workbook" | "old-excel" | "binary" | "not-utf8" | "too-large" | "pasted-binary" | "empty" }
  | { code: "too-many-columns" | "empty-header" | "no-rows" | "too-many-rows" }
  | { code: "long-cell"; row: number; column: number }
  | { code: "ragged"; row: number; cells: number; columns: number }
  | { code: "quote-not-closed" | "bad-quote" | "opening-quote" | "row-too-long"; row: number | null }
  /** `detail`: the parser's own English words, kept by imports refused before they were left unshown. */
  | { code: "unparsable"; row: number | null; detail?: string }
  /** Words stored before problems were kept as codes (an import made by an older version). */
  | { code: "as-written"; text: string };

/**
 * The fields a column can be read as ("ignore": not read), in the order the
 * mapping form offers them; their names are the catalogs' (imports.fields).
 * "status" is a signature's status as this service's own export writes it
 * (domain/signature-import.ts readStatus): it decides whether a row is
 * imported, and is not stored.
 */
export const IMPORT_FIELDS = [
  "ignore",
  "kind",
  "name",
  "signatory",
  "organization_name",
  "organization",
  "title",
  "contact_name",
  "contact_role",
  "website",
  "city",
  "country",
  "email",
  "public",
  "hide",
  "status",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Why a mapping can't be used as a whole, as a code and its details (the
 * catalogs word it: imports.mappingProblem). A column is named by its
 * header cell, or null for an empty one (`index` counts from 0).
 */
export type ImportMappingProblem =
  | { code: "column-count" | "kind-column-missing" | "no-names" | "no-organization-names" | "email-column-missing" }
  | {
      code: "field-twice";
      field: ImportField;
      first: { name: string | null; index: number };
      second: { name: string | null; index: number };
    }
  /** Confirmation emails can't be sent: no mailer is set up, or the letter is not open for signing. */
  | { code: "no-mailer" | "letter-not-open" };

/** The fields whose text is read by the sign form's rules (domain/text.ts publicTextIssue). */
export type ImportTextField =
  "name" | "organization_name" | "organization" | "title" | "contact_name" | "contact_role" | "city";

/**
 * Why a row is not imported, as a code and its details (the catalogs word
 * it: imports.rowProblem). `value` quotes the cell it is about, shortened.
 */
export type ImportRowProblem =
  | { code: "kind-unknown" | "country-unknown"; value: string }
  | { code: "text"; field: ImportTextField; problem: TextProblem; max: number }
  | { code: "website-too-long"; max: number }
  | {
      code:
        | "kind-empty"
        | "website-invalid"
        | "email-invalid"
        | "email-missing"
        | "organization-name-empty"
        | "website-for-individual"
        | "contact-for-individual"
        | "name-empty"
        | "erased"
        | "found-while-importing";
    }
  /**
   * Two filled cells that say one thing differently: an organization's name twice, its contact twice, its
   * role twice, or the signatory's name (an individual's name, an organization's own) twice.
   */
  | { code: "differ"; pair: "organization" | "contact" | "role" | "signatory" }
  /** A second row of one signer: `row` is the first one's (the file's row number). */
  | { code: "duplicate-in-file"; organization: boolean; row: number }
  | { code: "already-signed"; organization: boolean }
  /**
   * An individual without an email the same as an earlier one (the same name, city and country:
   * domain/organization.ts personKey): a second row of the file (`row` is the first one's), or one the
   * letter has already (an earlier import, a hand entry, the letter's own signatories).
   */
  | { code: "same-person-in-file"; row: number }
  | { code: "person-already-signed" }
  /**
   * A row the file itself says does not count (its Status column, as our export writes it): hidden,
   * rejected or withdrawn there. Skipped, never imported.
   */
  | { code: "status-not-counted"; status: "hidden" | "rejected" | "withdrawn" }
  /** A row whose signer never confirmed their email there, skipped when the coalition vouches. */
  | { code: "status-unconfirmed" }
  /** A Status cell that names no status (`value`, shortened). */
  | { code: "status-unknown"; value: string }
  /** Words stored before problems were kept as codes (an import made by an older version). */
  | { code: "as-written"; text: string };
