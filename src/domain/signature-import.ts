/**
 * Sign-ons collected elsewhere, brought in by organizers: reading a CSV file
 * or rows pasted from a spreadsheet (csv-parse, never by hand), guessing
 * which column is which field from headers in English, Spanish, French and
 * Portuguese (a Google Forms export among them), and reading each row into
 * a signature by the sign form's own rules. Pure: no I/O.
 *
 * What a row may hold, and how its columns make a signature, is said once
 * here; app/imports.ts stores, previews and imports.
 */
import { CsvError, parse, type Options } from "csv-parse/sync";
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object, optional, pipe, transform, unknown } from "zod/mini";
import { doneField, field, refuse } from "./form-fields";
import { COUNTRY_CODES, countryName, isCountryCode } from "./countries";
import { normalizeEmail } from "./mailbox";
import { organizationKey, readWebsite } from "./organization";
import {
  FIELD_LIMITS,
  isEmailAddress,
  SIGNATURE_STATUSES,
  type SignatoryDetails,
  type SignatureKind,
  type SignatureStatus,
} from "./signature";
import { adminMessagesFor, LOCALES } from "./i18n";
import { unneutralizeCell, type ExportColumn } from "./signature-export";
import { normalizeText, publicTextIssue } from "./text";

import { IMPORT_LIMITS, PASTED_FILE_NAME } from "./import-limits";
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportFileProblem,
  type ImportMappingProblem,
  type ImportRowProblem,
  type ImportTextField,
} from "./import-problems";

export {
  IMPORT_FIELDS,
  type ImportField,
  type ImportFileProblem,
  type ImportMappingProblem,
  type ImportRowProblem,
  type ImportTextField,
};

export { IMPORT_LIMITS };

/** An import's input refused as a whole: `problem` says why (its words come from the catalogs). */
export class ImportRefused extends Error {
  override name = "ImportRefused";
  constructor(
    readonly problem: ImportFileProblem,
    /** 413 for a file over IMPORT_LIMITS.fileBytes, 415 for a file that is not text, 422 otherwise. */
    readonly status: 413 | 415 | 422 = 422,
  ) {
    super(problem.code);
  }
}

/** A file's problem as kept with its import (imports.problem): JSON. */
export function storedFileProblem(problem: ImportFileProblem): string {
  return JSON.stringify(problem);
}

/** A file's problem as kept with its import, read back; words of an older version as they were written. */
export function readFileProblem(stored: string): ImportFileProblem {
  const read = readJson(stored);
  return isCoded(read) ? (read as ImportFileProblem) : { code: "as-written", text: stored };
}

function readJson(text: string): unknown {
  if (!text.startsWith("{") && !text.startsWith("[")) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isCoded(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string";
}

/**
 * The text of an uploaded file: UTF-8, its byte order mark dropped.
 *
 * @param bytes the file as sent
 * @throws ImportRefused 413 over IMPORT_LIMITS.fileBytes; 415 for a spreadsheet workbook (xlsx, xls, ods)
 *   or other binary data; 422 for text that is not UTF-8 (a Windows-1252 export, most often), with how
 *   to save it as UTF-8
 */
export function decodeImportFile(bytes: Uint8Array): string {
  if (bytes.length > IMPORT_LIMITS.fileBytes) throw tooLarge();
  // A workbook: xlsx and ods are zip files ("PK\3\4"); xls is an OLE2 compound file.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new ImportRefused({ code: "workbook" }, 415);
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportRefused({ code: "old-excel" }, 415);
  }
  if (bytes.includes(0)) {
    throw new ImportRefused({ code: "binary" }, 415);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportRefused({ code: "not-utf8" });
  }
}

function tooLarge(): ImportRefused {
  return new ImportRefused({ code: "too-large" }, 413);
}

/** What a file or paste is read into: its header, its rows (each as long as the header), and the delimiter found. */
export interface ImportTable {
  delimiter: "\t" | "," | ";";
  header: string[];
  rows: string[][];
}

const DELIMITERS = ["\t", ",", ";"] as const;

/** The most characters one row may take in the file: every cell of the widest row within IMPORT_LIMITS, quoted. */
const MAX_RECORD_CHARACTERS = IMPORT_LIMITS.columns * IMPORT_LIMITS.cellCharacters * 4;

/**
 * What ends a row: a Windows, Unix or old Mac line break, wherever it is in the file. Given rather
 * than found (csv-parse finds it from the first one it meets), so that every step reads its window
 * as the whole file reads (a step beginning on a "\r\n" row took every bare "\n" after it for part
 * of a cell), and a file put together from exports of different systems reads as spreadsheets read it.
 */
const RECORD_DELIMITERS = ["\r\n", "\n", "\r"];

/** Parses `text` as CSV with `delimiter` (csv-parse); `toLine` stops early. */
function parseCsv(text: string, delimiter: string, toLine?: number): string[][] {
  const options: Options = {
    delimiter,
    record_delimiter: RECORD_DELIMITERS,
    relax_column_count: true,
    skip_empty_lines: true,
    // Stops a wrong guess (or a hostile file) from building one huge record: the largest row that fits the limits.
    max_record_size: MAX_RECORD_CHARACTERS,
    ...(toLine !== undefined ? { to_line: toLine } : {}),
  };
  return parse(text, options);
}

/**
 * The delimiter of `text`: a tab (rows copied from a spreadsheet), a comma or
 * a semicolon (a CSV file; Excel writes semicolons where the decimal mark is
 * a comma): the one that splits the header row into the most columns; a
 * tab first, then a comma, on a tie. (A ragged row below is then refused,
 * not read with another delimiter.) Our own CSV files are found either way:
 * ";" in Spanish, French and Portuguese, "," in English. csv-parse 7's own
 * `delimiter_auto` is not used: it weighs spaces, ":", "." and "/" too over
 * the first 2 KB, and in 7.0.3 it throws on a plain "Nombre;Correo" file
 * and takes a byte order mark for a cell.
 */
function detectDelimiter(text: string): { delimiter: ImportTable["delimiter"]; columns: number } {
  // Only as much of the text as a header within the limits can take (every cell quoted, every quote
  // doubled): a hostile first line of a million delimiters is never read whole.
  const head = text.slice(0, HEADER_SCAN_CHARACTERS);
  let best: { delimiter: ImportTable["delimiter"]; columns: number } = { delimiter: ",", columns: 0 };
  for (const delimiter of DELIMITERS) {
    let header: string[] | undefined;
    try {
      header = parseCsv(head, delimiter, 1)[0];
    } catch {
      continue;
    }
    if ((header?.length ?? 0) > best.columns) best = { delimiter, columns: header!.length };
  }
  return best;
}

/** The longest header row within IMPORT_LIMITS, in characters: each cell quoted with its quotes doubled, and a delimiter. */
const HEADER_SCAN_CHARACTERS = IMPORT_LIMITS.columns * (IMPORT_LIMITS.cellCharacters * 2 + 3) + 2;

/**
 * csv-parse's error as a problem, with the row it is about (`row`: the file's row number counting the
 * header as row 1, as a spreadsheet numbers it when the file has no blank lines; null if unknown). Its
 * own English message is never kept: the catalogs word each code.
 */
function csvProblem(error: CsvError, row: number | null): ImportFileProblem {
  switch (error.code as string) {
    case "CSV_QUOTE_NOT_CLOSED":
      return { code: "quote-not-closed", row };
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return { code: "bad-quote", row };
    // csv-parse 5 names this one without its CSV_ prefix.
    case "INVALID_OPENING_QUOTE":
    case "CSV_INVALID_OPENING_QUOTE":
      return { code: "opening-quote", row };
    case "CSV_MAX_RECORD_SIZE":
      return { code: "row-too-long", row };
    default:
      return { code: "unparsable", row };
  }
}

/** What the start of a file says: its delimiter, its header, and its text (a byte order mark dropped). */
export interface ImportHead {
  delimiter: ImportTable["delimiter"];
  header: string[];
  /** The whole text without its byte order mark: rows are read from it step by step (readImportRows). */
  body: string;
  /** Where the first row under the header starts in `body`, in UTF-16 code units. */
  rowsStart: number;
}

/**
 * Reads the start of a CSV file or of rows pasted from a spreadsheet: the
 * delimiter detected (see detectDelimiter), quotes as RFC 4180 has them, a
 * byte order mark dropped, blank lines skipped, the first row the header.
 * Reads only the header row, however large the text: the rows are read
 * step by step (readImportRows), each within a request's CPU time.
 *
 * @throws ImportRefused 413 over IMPORT_LIMITS.fileBytes (in UTF-8); 415 for binary data; 422 for nothing
 *   to read, more than IMPORT_LIMITS.columns columns, an empty header, a header with no row under it
 */
export function readImportHead(text: string): ImportHead {
  if (text.length > IMPORT_LIMITS.fileBytes || new TextEncoder().encode(text).length > IMPORT_LIMITS.fileBytes) {
    throw tooLarge();
  }
  if (text.includes("\0")) throw new ImportRefused({ code: "pasted-binary" }, 415);
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) throw new ImportRefused({ code: "empty" });
  const { delimiter, columns } = detectDelimiter(body);
  // Refused before the whole text is read: csv-parse's max_record_size bounds a cell, not a row's cells.
  if (columns > IMPORT_LIMITS.columns) {
    throw new ImportRefused({ code: "too-many-columns" });
  }
  const window = body.slice(0, HEADER_SCAN_CHARACTERS);
  const first = readRecords(window, delimiter, { maxRows: 1, atEnd: window.length === body.length, firstRow: 1 });
  const header = first.rows[0];
  if (!header || header.every((cell) => !cell.trim())) {
    throw new ImportRefused({ code: "empty-header" });
  }
  checkCells(header, 1);
  if (!body.slice(first.next).trim()) {
    throw new ImportRefused({ code: "no-rows" });
  }
  return { delimiter, header: header.map((cell) => cell.trim()), body, rowsStart: first.next };
}

/** Refuses a row with a cell longer than IMPORT_LIMITS.cellCharacters. @throws ImportRefused 422 */
function checkCells(cells: readonly string[], row: number): void {
  const long = cells.findIndex((cell) => cell.length > IMPORT_LIMITS.cellCharacters);
  if (long >= 0) {
    throw new ImportRefused({ code: "long-cell", row, column: long + 1 });
  }
}

/** The rows one step reads from `window`, and how far into it they reach. */
export interface RowsRead {
  rows: string[][];
  /** Where the next step starts, in UTF-16 code units from the window's start (0: the window holds no whole row). */
  next: number;
  /** With next 0: the window's first row has a quoted cell still open at its end. */
  unclosed?: boolean;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/**
 * Up to `maxRows` whole rows at the start of `window` (a slice of the text
 * that starts where a row starts): csv-parse reads the window's UTF-8 bytes
 * and stops after maxRows rows (its `to` option), so a step costs what its
 * rows cost, wherever it is in the file. Unless `atEnd` (the window reaches
 * the end of the text), the last row read may be cut by the window's end:
 * it is left for the next step.
 */
function readRecords(
  window: string,
  delimiter: string,
  { maxRows, atEnd, firstRow }: { maxRows: number; atEnd: boolean; firstRow: number },
): RowsRead {
  const bytes = utf8.encode(window);
  const rows: { cells: string[]; end: number }[] = [];
  try {
    parse(window, {
      delimiter,
      record_delimiter: RECORD_DELIMITERS,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARACTERS,
      to: maxRows,
      on_record: (cells: string[], context) => {
        rows.push({ cells, end: context.bytes });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // Where the window cuts a row, csv-parse sees a quote never closed (a line break ends a row wherever
    // it is cut, and a quote at the window's end closes its cell): the rows before it are whole. Any other
    // fault is in the row itself, wherever the window ends.
    if (atEnd || error.code !== "CSV_QUOTE_NOT_CLOSED")
      throw new ImportRefused(csvProblem(error, firstRow + rows.length));
    if (rows.length === 0) return { rows: [], next: 0, unclosed: true };
    rows.push({ cells: [], end: -1 });
  }
  // A row that ends where the window ends may be cut there: read it again with the next window.
  if (!atEnd && rows.length > 0 && (rows.at(-1)!.end === -1 || rows.at(-1)!.end >= bytes.length)) rows.pop();
  if (rows.length === 0) return { rows: [], next: 0 };
  const end = rows.at(-1)!.end;
  // Blank lines after the last row belong to nobody: skipped with it when the window reaches the end.
  const next = atEnd && rows.length < maxRows ? window.length : fromUtf8.decode(bytes.subarray(0, end)).length;
  return { rows: rows.map((row) => row.cells), next };
}

/** Rows read per step of a file's reading: a step's CPU time stays within the Free plan's 10 ms (bench/import.ts). */
export const IMPORT_READ_ROWS = 400;

/** Characters a step of reading looks at first (it looks further when a row is longer). */
export const IMPORT_READ_WINDOW = 128 * 1024;

/**
 * One step of reading a file's rows: up to `maxRows` rows of `window`, a
 * slice of the text (ImportHead.body) that starts where a row starts, each
 * checked against the header's width and the cell limit.
 *
 * @param firstRow the file's row number (the header is row 1) of the window's first row, for messages
 * @param atEnd whether the window reaches the end of the text
 * @returns the rows and where the next step starts; `next` 0 when the window holds no whole row (look
 *   further, up to rowWindowLimit: a window that wide always holds one); `next` the window's length
 *   and no rows for a window of blank lines only
 * @throws ImportRefused 422 for a row of another width than the header, a cell over
 *   IMPORT_LIMITS.cellCharacters, broken quotes (wherever the row is), a first row that runs on past
 *   rowWindowLimit
 */
export function readImportRows(
  window: string,
  {
    delimiter,
    columns,
    maxRows,
    atEnd,
    firstRow,
  }: {
    delimiter: string;
    columns: number;
    maxRows: number;
    atEnd: boolean;
    firstRow: number;
  },
): RowsRead {
  if (!atEnd && window.length > 0 && blankLinesAtStart(window) === window.length) {
    // Only blank lines so far: skipped, without looking further (a file may hold many of them).
    return { rows: [], next: window.length };
  }
  const read = readRecords(window, delimiter, { maxRows, atEnd, firstRow });
  if (read.next === 0 && !atEnd && window.length >= rowWindowLimit(window, columns)) {
    // The first row runs on past the longest row of `columns` cells within IMPORT_LIMITS: never read further.
    const code = read.unclosed ? "CSV_QUOTE_NOT_CLOSED" : "CSV_MAX_RECORD_SIZE";
    throw new ImportRefused(csvProblem(new CsvError(code, ""), firstRow));
  }
  for (const [index, row] of read.rows.entries()) {
    if (row.length !== columns) {
      throw new ImportRefused({ code: "ragged", row: firstRow + index, cells: row.length, columns });
    }
    checkCells(row, firstRow + index);
  }
  return read;
}

/** The most characters a row of `columns` cells within IMPORT_LIMITS takes in a file: every cell quoted, its quotes doubled. */
function maxRowCharacters(columns: number): number {
  return columns * (IMPORT_LIMITS.cellCharacters * 2 + 3) + 2;
}

/** How many code units of blank lines `window` starts with. */
function blankLinesAtStart(window: string): number {
  return /^[\r\n]*/.exec(window)![0].length;
}

/**
 * The widest window a step of reading a file of `columns` columns may need, from `window` (one it
 * read, that held no whole row): its blank lines, then the longest row the header's width allows. A
 * row that has not ended there is refused (readImportRows), however long it runs on: a hostile row
 * is never read again in ever wider windows.
 */
export function rowWindowLimit(window: string, columns: number): number {
  return blankLinesAtStart(window) + maxRowCharacters(columns);
}

/** Refused when a file has more rows than an import takes. */
export function tooManyRows(): ImportRefused {
  return new ImportRefused({ code: "too-many-rows" });
}

/**
 * Reads a whole text at once (readImportHead, then readImportRows step by
 * step): for tests and the benchmark, and what the organizer area does over
 * several requests.
 *
 * @throws ImportRefused as readImportHead and readImportRows do, and 422 over IMPORT_LIMITS.rows rows
 */
export function readImportTable(
  text: string,
  /** The step's first window (code units) and rows: the Worker's, unless a test reads in other steps. */
  { window: firstWidth = IMPORT_READ_WINDOW, maxRows = IMPORT_READ_ROWS }: { window?: number; maxRows?: number } = {},
): ImportTable {
  const head = readImportHead(text);
  const rows: string[][] = [];
  let start = head.rowsStart;
  let width = firstWidth;
  while (start < head.body.length) {
    const window = head.body.slice(start, start + width);
    const atEnd = start + window.length >= head.body.length;
    const read = readImportRows(window, {
      delimiter: head.delimiter,
      columns: head.header.length,
      maxRows,
      atEnd,
      firstRow: rows.length + 2,
    });
    if (read.next === 0) {
      if (atEnd) break;
      width = Math.min(width * 2, rowWindowLimit(window, head.header.length));
      continue;
    }
    rows.push(...read.rows);
    if (rows.length > IMPORT_LIMITS.rows) throw tooManyRows();
    start += read.next;
    width = firstWidth;
  }
  if (rows.length === 0) {
    throw new ImportRefused({ code: "no-rows" });
  }
  return { delimiter: head.delimiter, header: head.header, rows };
}

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}

/** The kind of every row of an import: all organizations, all individuals, or as a column says. */
export const IMPORT_KINDS = ["organization", "individual", "column"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * How an import's rows count: "vouch", the coalition vouches for them
 * (counted at once, record entry "signed", like a signature entered by
 * hand; individuals without an email allowed, as on paper), or "confirm",
 * each signer gets the normal confirmation email and counts once they click.
 */
export const IMPORT_MODES = ["vouch", "confirm"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** How an import's columns are read: one field per header column, the rows' kind, and how they count. */
export interface ImportMapping {
  columns: ImportField[];
  kind: ImportKind;
  mode: ImportMode;
}

/** Lower case, no accents, punctuation as spaces: how headers and yes/no values are compared. */
function folded(text: string): string {
  return organizationKey(text) ?? "";
}

/**
 * Headers that name each field, folded (see folded), in English, Spanish,
 * French and Portuguese, with Google Forms' own ("Timestamp", "Email Address"
 * and their translations). A header matches a field when it equals one of
 * its words or starts with one followed by more words ("Nombre completo",
 * "Email address (private)").
 */
const HEADER_WORDS: Readonly<Record<Exclude<ImportField, "ignore">, readonly string[]>> = {
  kind: [
    "kind",
    "type",
    "signing as",
    "sign as",
    "signature type",
    "type of signature",
    "tipo",
    "tipo de firma",
    "firma como",
    "firmo como",
    "type de signature",
    "signe en tant que",
    "je signe en tant que",
    "tipo de assinatura",
    "assina como",
    "assino como",
  ],
  name: [
    "name",
    "full name",
    "your name",
    "first and last name",
    "signatory",
    "nombre",
    "nombre completo",
    "nombre y apellido",
    "nombre y apellidos",
    "nombres y apellidos",
    "su nombre",
    "nom",
    "nom complet",
    "prenom et nom",
    "nom et prenom",
    "votre nom",
    "nome",
    "nome completo",
    "seu nome",
  ],
  // A column that names a person or, on an organization's row, the organization itself: our own
  // export's "Name" (read through EXPORT_COLUMN_FIELDS, with the rest of its header); other files name
  // people and organizations in columns of their own, so no other header is guessed as it.
  signatory: [],
  organization_name: [
    "organization name",
    "organisation name",
    "name of the organization",
    "name of organization",
    "nombre de la organizacion",
    "nombre de la organizacion o institucion",
    "nom de l organisation",
    "nom de l organisme",
    "nome da organizacao",
  ],
  organization: [
    "organization",
    "organisation",
    "affiliation",
    "organization or affiliation",
    "institution",
    "organizacion",
    "organizacion o afiliacion",
    "institucion",
    "afiliacion",
    "entidad",
    "organisme",
    "association",
    "organizacao",
    "instituicao",
    "entidade",
    "afiliacao",
  ],
  title: [
    "title",
    "job title",
    "position",
    "role",
    "cargo",
    "puesto",
    "titulo",
    "fonction",
    "poste",
    "titre",
    "funcao",
  ],
  contact_name: [
    "contact name",
    "contact person",
    "contact",
    "nombre del contacto",
    "persona de contacto",
    "contacto",
    "personne de contact",
    "nom du contact",
    "pessoa de contato",
    "nome do contato",
    "contato",
  ],
  contact_role: [
    "contact role",
    "contact title",
    "contact s role",
    "cargo del contacto",
    "fonction du contact",
    "cargo do contato",
  ],
  website: ["website", "web site", "web", "url", "sitio web", "pagina web", "site web", "site internet", "site"],
  city: ["city", "town", "ciudad", "localidad", "municipio", "ville", "commune", "cidade"],
  country: ["country", "pais", "pays", "país"],
  email: [
    "email",
    "contact email",
    "email de contacto",
    "correo de contacto",
    "email du contact",
    "email de contato",
    "e mail",
    "email address",
    "e mail address",
    "correo",
    "correo electronico",
    "direccion de correo electronico",
    "direccion de correo",
    "courriel",
    "adresse e mail",
    "adresse email",
    "adresse electronique",
    "endereco de e mail",
    "endereco de email",
    "e mail de contato",
  ],
  public: [
    "public",
    "list publicly",
    "publish my name",
    "publico",
    "publicar mi nombre",
    "publier mon nom",
    "publicar meu nome",
  ],
  hide: [
    "hide",
    "hide my name",
    "hide name",
    "anonymous",
    "ocultar",
    "ocultar mi nombre",
    "anonimo",
    "masquer",
    "masquer mon nom",
    "anonyme",
    "ocultar meu nome",
  ],
  // Only our own export's Status column (EXPORT_COLUMN_FIELDS) is read as one: another file's "Status" or
  // "Estado" (a state of a country, a form's own workflow) says something else.
  status: [],
};

/** Google Forms' first column, in its four languages: the time of the response, not imported. */
const TIMESTAMP_WORDS = ["timestamp", "marca temporal", "horodateur", "carimbo de data hora", "fecha", "date"];

/** The field a header names, or "ignore". Longest match first, so "Organization name" is not "Organization". */
function guessField(header: string): ImportField {
  const key = folded(header);
  if (!key || TIMESTAMP_WORDS.includes(key)) return "ignore";
  let best: { field: ImportField; length: number } = { field: "ignore", length: 0 };
  for (const [field, words] of Object.entries(HEADER_WORDS) as [ImportField, readonly string[]][]) {
    for (const word of words) {
      const folding = folded(word);
      if ((key === folding || key.startsWith(`${folding} `)) && folding.length > best.length) {
        best = { field, length: folding.length };
      }
    }
  }
  return best.field;
}

/**
 * The fields of our own signatures' CSV file's columns (domain/signature-export.ts EXPORT_COLUMNS),
 * so that a file exported from one letter imports into another: its "Name" is the signatory's (a
 * person's name, an organization's own), its country code is read and its country's name is not
 * (either would do), its status decides whether a row is imported (readStatus), and what the sign
 * form does not take (times, channel…) is not read.
 */
const EXPORT_COLUMN_FIELDS: Readonly<Record<ExportColumn, ImportField>> = {
  kind: "kind",
  name: "signatory",
  organization: "organization",
  title: "title",
  city: "city",
  countryCode: "country",
  country: "ignore",
  website: "website",
  contactName: "contact_name",
  contactRole: "contact_role",
  email: "email",
  authorizedAt: "ignore",
  verification: "ignore",
  verifiedAt: "ignore",
  verifiedDomain: "ignore",
  status: "status",
  public: "public",
  channel: "ignore",
  import: "ignore",
  source: "ignore",
  flag: "ignore",
  signedAt: "ignore",
  confirmedAt: "ignore",
  position: "ignore",
};

/**
 * The export's headings as it wrote them before it spoke the downloader's language (English, its
 * times in UTC), kept so that those files read back whatever the English catalog says now.
 */
const ENGLISH_EXPORT_HEADINGS: Readonly<Record<ExportColumn, string>> = {
  kind: "Kind",
  name: "Name",
  organization: "Organization or affiliation",
  title: "Title",
  city: "City",
  countryCode: "Country code",
  country: "Country",
  website: "Website",
  contactName: "Contact name",
  contactRole: "Contact role",
  email: "Email",
  authorizedAt: "Authorized at (UTC)",
  verification: "Verification",
  verifiedAt: "Verified at (UTC)",
  verifiedDomain: "Verified domain",
  status: "Status",
  public: "Public",
  channel: "Channel",
  import: "Import",
  source: "Source",
  flag: "Flag",
  signedAt: "Signed at (UTC)",
  confirmedAt: "Confirmed at (UTC)",
  position: "Position",
};

/** A heading folded (see folded) without the zone a column of times names after it: "Firmada el (UTC)" is "firmada el". */
function headingKey(heading: string): string {
  return folded(heading.replace(/\s*\([^()]*\)\s*$/, ""));
}

let exportHeadingSets: ReadonlyMap<string, ExportColumn>[] | undefined;

/** Our export's headings in each language of the organizer area, and as it wrote them before, each folded to its column. */
function exportHeadings(): ReadonlyMap<string, ExportColumn>[] {
  exportHeadingSets ??= [
    ...LOCALES.map((locale) => adminMessagesFor(locale).csv.signatures),
    ENGLISH_EXPORT_HEADINGS,
  ].map(
    (headings) =>
      new Map(
        (Object.entries(headings) as [ExportColumn, string][]).map(([column, heading]) => [
          headingKey(heading),
          column,
        ]),
      ),
  );
  return exportHeadingSets;
}

/**
 * The headings of our own export's language when `header` is our export's (its kind, name and
 * "organization or affiliation" columns, in one language, whatever else was added or taken out),
 * else null.
 */
function ownExportHeadings(header: readonly string[]): ReadonlyMap<string, ExportColumn> | null {
  const keys = new Set(header.map(headingKey));
  const telling: ExportColumn[] = ["kind", "name", "organization"];
  for (const headings of exportHeadings()) {
    const columns = new Set([...keys].map((key) => headings.get(key)));
    if (telling.every((column) => columns.has(column))) return headings;
  }
  return null;
}

/**
 * The mapping guessed from a header row: each column's field (see
 * HEADER_WORDS, or EXPORT_COLUMN_FIELDS for a column of our own export, in
 * any of its languages; a field guessed for two columns is kept for the
 * first only), the rows' kind ("column" when a column says it;
 * organizations when there is an organization's name and no person's
 * name; else individuals), and the coalition vouching.
 */
export function guessMapping(header: readonly string[]): ImportMapping {
  const ours = ownExportHeadings(header);
  const taken = new Set<ImportField>();
  const columns = header.map((cell) => {
    const exported = ours?.get(headingKey(cell));
    const field = exported ? EXPORT_COLUMN_FIELDS[exported] : guessField(cell);
    if (field === "ignore" || taken.has(field)) return "ignore";
    taken.add(field);
    return field;
  });
  const kind: ImportKind = taken.has("kind")
    ? "column"
    : (taken.has("organization_name") || taken.has("organization")) && !taken.has("name")
      ? "organization"
      : "individual";
  return { columns, kind, mode: "vouch" };
}

/**
 * The problems of a mapping as a whole, before any row is read: a field
 * chosen for two columns, a name that no column gives, a kind read from a
 * column that none is mapped to, an email-less import asking for
 * confirmation emails.
 */
export function mappingProblems(mapping: ImportMapping, header: readonly string[]): ImportMappingProblem[] {
  const problems: ImportMappingProblem[] = [];
  if (mapping.columns.length !== header.length) problems.push({ code: "column-count" });
  const seen = new Map<ImportField, number>();
  mapping.columns.forEach((field, index) => {
    if (field === "ignore") return;
    const first = seen.get(field);
    if (first !== undefined) {
      problems.push({
        code: "field-twice",
        field,
        first: { name: header[first] || null, index: first },
        second: { name: header[index] || null, index },
      });
    } else seen.set(field, index);
  });
  const has = (field: ImportField) => seen.has(field);
  if (mapping.kind === "column" && !has("kind")) {
    problems.push({ code: "kind-column-missing" });
  }
  if (mapping.kind !== "organization" && !has("name") && !has("contact_name") && !has("signatory")) {
    problems.push({ code: "no-names" });
  }
  if (mapping.kind !== "individual" && !has("organization_name") && !has("organization") && !has("signatory")) {
    problems.push({ code: "no-organization-names" });
  }
  if (mapping.mode === "confirm" && !has("email")) {
    problems.push({ code: "email-column-missing" });
  }
  return problems;
}

// Values of a kind column, folded: what a sign-on form offers, in four languages.
const ORGANIZATION_WORDS =
  /\b(?:organi[sz]ation|organizacion|organizacao|organisme|institution|institucion|instituicao|entidad|entidade|association|asociacion|associacao|ong|ngo|colectivo|coletivo|collectif|on behalf|en nombre|au nom|em nome d[ae] )/;
const INDIVIDUAL_WORDS =
  /\b(?:individual|individuo|individuel|individuelle|person|persona|personne|pessoa|personal|pessoal|particular|particulier|myself|a titulo|a titre|em nome proprio|citizen|ciudadan|citoyen|cidad)/;

/** The kind a cell of the kind column says, or null when it says neither (or both). */
export function readKind(value: string): SignatureKind | null {
  const key = folded(value);
  const organization = ORGANIZATION_WORDS.test(` ${key} `);
  const individual = INDIVIDUAL_WORDS.test(` ${key} `);
  if (organization === individual) return null;
  return organization ? "organization" : "individual";
}

// Folded (see folded): "não" is "nao", "-" is "".
const NO = new Set(["no", "n", "non", "nao", "false", "faux", "falso", "0"]);

/**
 * A yes/no cell: no, non, não, false, 0 and an empty cell are no; anything
 * else filled in is yes (yes, sí, oui, sim, true, 1, x, and the option's own
 * text, which is what a ticked checkbox of Google Forms exports).
 */
export function readYes(value: string): boolean {
  const key = folded(value);
  return key !== "" && !NO.has(key);
}

let statusWords: Map<string, SignatureStatus> | undefined;

/**
 * The words earlier versions gave a status, before each language said one status one way (issue
 * 15, third trial): exports of theirs wrote the log's words in the Status column ("esperando su
 * correo"), and import pages and lists said others ("cuenta", "en attente de vérification"). A
 * file exported then is still read.
 */
const FORMER_STATUS_WORDS: Readonly<Record<string, SignatureStatus>> = {
  "waiting for its email": "unconfirmed",
  "waiting for the email link": "unconfirmed",
  "esperando su correo": "unconfirmed",
  "espera el enlace del correo": "unconfirmed",
  "espera revisión": "in_review",
  cuenta: "confirmed",
  "en attente de son e-mail": "unconfirmed",
  "attend le lien de l’e-mail": "unconfirmed",
  "attend une vérification": "in_review",
  "en attente de vérification": "in_review",
  "aguardando o e-mail": "unconfirmed",
  "aguarda o link do e-mail": "unconfirmed",
  "aguarda revisão": "in_review",
  conta: "confirmed",
};

/**
 * Each status's words in the organizer area's four languages (as lists, logs and exports say it,
 * and as earlier versions did: FORMER_STATUS_WORDS) and its code, folded.
 */
function statusesByWord(): Map<string, SignatureStatus> {
  if (statusWords) return statusWords;
  statusWords = new Map();
  for (const status of SIGNATURE_STATUSES) statusWords.set(folded(status), status);
  for (const [words, status] of Object.entries(FORMER_STATUS_WORDS)) statusWords.set(folded(words), status);
  for (const locale of LOCALES) {
    const t = adminMessagesFor(locale);
    const values: Record<string, string | undefined> = t.activity.values;
    const imported: Record<string, string | undefined> = t.imports.statuses;
    for (const status of SIGNATURE_STATUSES)
      for (const words of [t.signatures.statuses[status], values[status], imported[status]]) {
        const key = words ? folded(words) : "";
        if (key && !statusWords.has(key)) statusWords.set(key, status);
      }
  }
  return statusWords;
}

/**
 * A signature's status as a cell of our own export's Status column gives it: its words in any of
 * the organizer area's languages ("oculta", "rejected", "en attente de vérification", "esperando su
 * correo"), accents and case aside, or its code ("withdrawn", "in_review"); null for an empty cell,
 * false for anything else.
 */
export function readStatus(value: string): SignatureStatus | null | false {
  const key = folded(value);
  if (!key) return null;
  return statusesByWord().get(key) ?? false;
}

/** Statuses a row of the file is skipped for whatever the import's mode: the file itself does not count them. */
const NOT_COUNTED: ReadonlySet<SignatureStatus> = new Set(["hidden", "rejected", "withdrawn"]);

/**
 * Why a row's status (when the mapping reads one) keeps it out of the import, or null: hidden,
 * rejected or withdrawn in the file (skipped: counting them again would undo what was decided
 * there); never confirmed by email there, when the coalition vouches (counting them would vouch for
 * an address nobody confirmed; with "each signer confirms", they get the email as every row does);
 * a status nobody writes. Confirmed, in review and empty cells import as any row.
 */
function statusProblem(cell: string, mode: ImportMode): ImportRowProblem | null {
  const status = readStatus(cell);
  if (status === false) return { code: "status-unknown", value: normalizeText(cell).slice(0, 40) };
  if (status && NOT_COUNTED.has(status))
    return { code: "status-not-counted", status: status as "hidden" | "rejected" | "withdrawn" };
  if (status === "unconfirmed" && mode === "vouch") return { code: "status-unconfirmed" };
  return null;
}

let countryNames: Map<string, string> | undefined;

/** Every country's name in English, Spanish, French and Portuguese (the runtime's CLDR data), folded, to its code. */
function countriesByName(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map(Object.entries(COUNTRY_ALIASES));
  for (const code of COUNTRY_CODES) {
    for (const locale of ["en", "es", "fr", "pt"]) {
      const name = folded(countryName(code, locale));
      if (name && !countryNames.has(name)) countryNames.set(name, code);
    }
  }
  return countryNames;
}

// Names people write that CLDR's short names are not.
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  usa: "US",
  "u s a": "US",
  "united states of america": "US",
  "estados unidos de america": "US",
  eeuu: "US",
  "ee uu": "US",
  eua: "US",
  uk: "GB",
  "great britain": "GB",
  "reino unido de gran bretana": "GB",
  "republica dominicana": "DO",
  "dominican rep": "DO",
};

/**
 * The ISO 3166-1 alpha-2 code of a country cell: a code in any case ("hn"),
 * or the country's name in English, Spanish, French or Portuguese, accents
 * and case aside ("Honduras", "México", "Brasil", "États-Unis"). Null for
 * an empty cell, false for anything else.
 */
export function readCountry(value: string): string | null | false {
  const text = value.trim();
  if (!text) return null;
  if (/^[a-z]{2}$/i.test(text) && isCountryCode(text.toUpperCase())) return text.toUpperCase();
  return countriesByName().get(folded(text)) ?? false;
}

/** One row read into a signature, before it is stored. */
export interface ImportedSignature extends SignatoryDetails {
  contactName: string | null;
  contactRole: string | null;
  /** Normalized (domain/mailbox.ts normalizeEmail); null when the row has none (allowed when the coalition vouches). */
  email: string | null;
  isPublic: boolean;
}

/** A row's problems as kept with it (import_rows.reason): JSON. */
export function storedRowProblems(problems: readonly ImportRowProblem[]): string {
  return JSON.stringify(problems);
}

/** A row's problems as kept with it, read back; words of an older version as they were written. */
export function readRowProblems(stored: string): ImportRowProblem[] {
  const read = readJson(stored);
  return Array.isArray(read) && read.every(isCoded)
    ? (read as ImportRowProblem[])
    : [{ code: "as-written", text: stored }];
}

/** A row read: the signature, or why it is refused. */
export type RowReading = { signature: ImportedSignature } | { refused: ImportRowProblem[] };

/**
 * Reads one row by `mapping`, with the sign form's rules for each field
 * (domain/text.ts publicTextIssue for names and places, organization.ts
 * readWebsite, signature.ts isEmailAddress after normalizeEmail). An
 * organization's name comes from "Organization's name", else "Signatory",
 * else "Organization"; its contact from "Contact person", else "Name"; the
 * contact's role from "Contact's role", else "Title". An individual's name
 * comes from "Name", else "Signatory"; their affiliation from
 * "Organization", else "Organization's name". A
 * filled cell that does not fit the row's kind (a website or a contact for
 * an individual; two different names for one) is refused, never dropped.
 * The email is required unless the coalition vouches. A row whose Status
 * (our own export's column) says it does not count is skipped first (see
 * statusProblem).
 */
export function readImportRow(cells: readonly string[], mapping: ImportMapping): RowReading {
  // A cell of a file this service wrote (the refused rows' CSV, fixed) reads as it was before it was
  // neutralized. A line break in a cell (a Google Forms paragraph answer) reads as a space: every field
  // of a signature is one line, and the sign form's rules refuse control characters.
  const cell = (field: ImportField): string => {
    const index = mapping.columns.indexOf(field);
    return index < 0 ? "" : unneutralizeCell(cells[index] ?? "").replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, " ");
  };
  // What the file says of the row comes first: a row it does not count is skipped, whatever else it holds.
  if (mapping.columns.includes("status")) {
    const skipped = statusProblem(cell("status"), mapping.mode);
    if (skipped) return { refused: [skipped] };
  }
  const problems: ImportRowProblem[] = [];
  /** `column`'s cell read by the sign form's rules, a problem named as `field`'s. */
  const text = (field: ImportTextField, max: number, column: ImportField = field): string | null => {
    const value = cell(column);
    const issue = publicTextIssue(value, max);
    if (issue) {
      problems.push({ code: "text", field, problem: issue, max });
      return null;
    }
    return normalizeText(value) || null;
  };
  let kind: SignatureKind;
  if (mapping.kind === "column") {
    const said = readKind(cell("kind"));
    if (!said) {
      const value = normalizeText(cell("kind"));
      return {
        refused: [value ? { code: "kind-unknown", value: value.slice(0, 40) } : { code: "kind-empty" }],
      };
    }
    kind = said;
  } else kind = mapping.kind;

  const name = text("name", FIELD_LIMITS.name);
  // The signatory's name: an organization's own on its row, else a person's.
  const signatory = text(kind === "organization" ? "organization_name" : "name", FIELD_LIMITS.name, "signatory");
  const organizationName = text("organization_name", FIELD_LIMITS.name);
  const affiliation = text("organization", FIELD_LIMITS.organization);
  const title = text("title", FIELD_LIMITS.title);
  const contactName = text("contact_name", FIELD_LIMITS.contactName);
  const contactRole = text("contact_role", FIELD_LIMITS.contactRole);
  const city = text("city", FIELD_LIMITS.city);

  const countryCell = cell("country");
  const country = readCountry(countryCell);
  if (country === false) {
    problems.push({ code: "country-unknown", value: normalizeText(countryCell).slice(0, 60) });
  }

  const websiteCell = cell("website");
  const website = readWebsite(websiteCell);
  if (website === "not-a-website") problems.push({ code: "website-invalid" });
  if (website === "too-long") problems.push({ code: "website-too-long", max: FIELD_LIMITS.website });

  const email = normalizeEmail(cell("email")) || null;
  if (email && !isEmailAddress(email)) problems.push({ code: "email-invalid" });
  if (!email && mapping.mode === "confirm") problems.push({ code: "email-missing" });

  const isPublic = mapping.columns.includes("hide")
    ? !readYes(cell("hide"))
    : mapping.columns.includes("public")
      ? readYes(cell("public"))
      : true;

  const both = (
    first: string | null,
    second: string | null,
    pair: "organization" | "contact" | "role" | "signatory",
  ) => {
    if (first && second && first !== second) problems.push({ code: "differ", pair });
    return first ?? second;
  };
  let details: ImportedSignature;
  if (kind === "organization") {
    const organization = both(both(organizationName, signatory, "signatory"), affiliation, "organization");
    const contact = both(contactName, name, "contact");
    const role = both(contactRole, title, "role");
    if (!organization && problems.length === 0) problems.push({ code: "organization-name-empty" });
    details = {
      kind,
      name: organization ?? "",
      organization: null,
      title: null,
      city,
      country: country || null,
      website: website && typeof website === "object" ? website.url : null,
      contactName: contact,
      contactRole: role,
      email,
      isPublic,
    };
  } else {
    if (websiteCell.trim()) problems.push({ code: "website-for-individual" });
    if (contactName || contactRole) problems.push({ code: "contact-for-individual" });
    const person = both(name, signatory, "signatory");
    if (!person && problems.length === 0) problems.push({ code: "name-empty" });
    details = {
      kind,
      name: person ?? "",
      organization: both(affiliation, organizationName, "organization"),
      title,
      city,
      country: country || null,
      website: null,
      contactName: null,
      contactRole: null,
      email,
      isPublic,
    };
  }
  if (problems.length > 0) return { refused: problems };
  return { signature: details };
}

/** The key one signature per letter is kept by: an organization's normalized name, or (async) an individual's mailbox. */
export function organizationKeyOf(signature: ImportedSignature): string | null {
  return signature.kind === "organization" ? organizationKey(signature.name) : null;
}

export { PASTED_FILE_NAME };

/** The file name kept for an import: the browser's, without a path, trimmed to 200 characters, never empty. */
export function importFileName(name: string | null | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // Control and format characters (but the joiners writing needs) go: a right-to-left override would show
  // "evil\u202Evsc.exe" as "evilexe.csv" on the import's page and in the activity log.
  const clean = normalizeText(base.replace(/\p{Cc}|(?![\u200C\u200D])\p{Cf}/gu, ""));
  return [...(clean || PASTED_FILE_NAME)].slice(0, 200).join("");
}

/** What the upload form sent: a file (its name and bytes are read by the route), or pasted text. */
export type ImportUpload = { file: File } | { text: string };

/**
 * The upload form (POST /admin/imports/{slug}, multipart): `file`, a CSV
 * file, or `paste`, rows copied from a spreadsheet; one of the two.
 */
export const importUploadSchema = pipe(
  object({ file: optional(unknown()), paste: field((text) => text) }),
  transform(({ file, paste }, ctx): ImportUpload => {
    const chosen = file instanceof File && (file.size > 0 || file.name !== "") ? file : null;
    if (chosen && paste.trim()) {
      return refuse(ctx, "Choose a file or paste rows, not both: clear one of them and send again.", { issue: "both" });
    }
    if (chosen) return { file: chosen };
    if (paste.trim()) return { text: paste };
    return refuse(ctx, "Choose a CSV file, or paste rows copied from a spreadsheet.", { issue: "none" });
  }),
);

/**
 * The mapping form (POST /admin/imports/{slug}/{id}/mapping): `column-0`,
 * `column-1`… one field per column (see IMPORT_FIELDS), `kind` (see
 * IMPORT_KINDS) and `mode` (see IMPORT_MODES). How many columns the import
 * has is its own: mappingProblems checks the count.
 */
export const importMappingSchema = pipe(
  unknown(),
  transform((raw, ctx): ImportMapping => {
    const form = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const text = (name: string) => (typeof form[name] === "string" ? form[name] : "");
    const columns: ImportField[] = [];
    for (let index = 0; index < IMPORT_LIMITS.columns && Object.hasOwn(form, `column-${index}`); index++) {
      const chosen = text(`column-${index}`);
      columns.push(
        isImportField(chosen)
          ? chosen
          : refuse(ctx, `Choose a field for column ${index + 1}.`, { issue: "column", column: index + 1 }),
      );
    }
    const kind = text("kind");
    const mode = text("mode");
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      refuse(ctx, "Choose who signed: organizations, individuals, or as a column says.", { issue: "kind" });
    if (!(IMPORT_MODES as readonly string[]).includes(mode))
      refuse(ctx, "Choose how the signatures count.", { issue: "mode" });
    return { columns, kind: kind as ImportKind, mode: mode as ImportMode };
  }),
);

/**
 * Days an import's rows (names, emails) are kept after it is done, so that
 * its refused rows can be downloaded and fixed; an import never run is
 * deleted this long after it was made. The maintenance job erases them.
 */
export const IMPORT_RETENTION_DAYS = 30;

/**
 * Rows per batch of an import: each batch is one D1 transaction of about
 * five statements a row (the signature, its record entry, webhook and
 * counts, the row's mark), sized so that one batch's CPU time stays within
 * the Workers Free plan's 10 ms per request (bench/import.ts measures it;
 * https://developers.cloudflare.com/workers/platform/limits/#cpu-time): 40
 * rows a batch took 10.5 ms on average and 16 ms at the 95th percentile
 * (Node, 1 Dec 2026), so 20; with confirmation emails half as many, since
 * each email is a subrequest of its own
 * (https://developers.cloudflare.com/workers/platform/limits/#subrequests).
 */
export const IMPORT_BATCH_ROWS = { vouch: 20, confirm: 10 } as const;

/**
 * Rows per step of a check (the preview): each read by the sign form's rules and keyed with one
 * HMAC (bench/import.ts); 50 a step took 12.5 ms at the 95th percentile (Node, 1 Dec 2026), over
 * the Free plan's 10 ms, so 25.
 */
export const IMPORT_CHECK_ROWS = 25;

/**
 * What an import's "Import" button was shown for: the import (its creation
 * time, since a discarded import's number is given to the next one) and the
 * mapping its page previewed (the columns' fields, the rows' kind, how they
 * count). The start form carries it; starting refuses another (409), so that
 * a page left open never starts what another tab mapped since, or another file.
 */
export function previewStamp(imported: { createdAt: string; mapping: ImportMapping }): string {
  const { columns, kind, mode } = imported.mapping;
  return `${imported.createdAt}/${kind}/${mode}/${columns.join(",")}`;
}

/** The start form (POST /admin/imports/{slug}/{id}/start): `preview`, the stamp of the page it was on (see previewStamp). */
export const importStartSchema = object({ preview: field((text) => text) });

/** Which rows an import's preview lists. */
export const PREVIEW_SHOWS = ["all", "not-valid", "valid"] as const;
export type PreviewShow = (typeof PREVIEW_SHOWS)[number];

/** Rows per page of the preview. */
export const PREVIEW_PAGE_ROWS = 100;

/** An import's page query: `show` (PREVIEW_SHOWS), `page` (from 1), `done` (what was just done there). */
export const importPageQuerySchema = object({
  show: field((text): PreviewShow =>
    (PREVIEW_SHOWS as readonly string[]).includes(text) ? (text as PreviewShow) : "all",
  ),
  page: field((text) => (/^[1-9]\d{0,4}$/.test(text) ? Number(text) : 1)),
  done: doneField(["previewed", "checking", "started", "continued"]),
  /** The list of imported signatures: those before this id (the next page). */
  before: field((text) => (/^[1-9]\d{0,15}$/.test(text) ? Number(text) : undefined)),
});
