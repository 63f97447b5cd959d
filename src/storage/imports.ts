/**
 * The imports and import_rows tables (migrations/0016): an organizer's
 * import of sign-ons collected elsewhere, its rows as read, each row's
 * preview result, and the batches that store its signatures.
 *
 * Rows go in and out as JSON through SQLite's json_each, a few hundred
 * kilobytes per statement (D1 binds at most 100 parameters per statement
 * and 2 MB per value), so that 10,000 rows cost a handful of statements,
 * never one per row.
 */
import {
  storedRowProblems,
  type ImportKind,
  type ImportMapping,
  type ImportMode,
  type ImportTable,
} from "../domain/signature-import";
import type { SignatureKind, SignatureStatus } from "../domain/signature";
import { insertStatements, type StorableSignature } from "./signatures";

export type ImportState = "reading" | "unreadable" | "mapping" | "checking" | "previewed" | "running" | "done";
export type RowOutcome = "valid" | "refused" | "duplicate";

/** An import as the organizer area shows it. */
export interface StoredImport {
  id: number;
  letterId: number;
  fileName: string;
  createdBy: string;
  createdAt: string;
  delimiter: ImportTable["delimiter"];
  header: string[];
  mapping: ImportMapping;
  state: ImportState;
  rowCount: number;
  validCount: number;
  refusedCount: number;
  duplicateCount: number;
  importedCount: number;
  unsentCount: number;
  /**
   * Its signatures' confirmation emails the provider refused for a moment (migrations/0028): still to
   * send again, and given up after their attempts.
   */
  emailsWaiting: number;
  emailsGivenUp: number;
  /** Rows still to import (running), or to import once started: its valid rows not imported yet (see IMPORT_COLUMNS). */
  pendingCount: number;
  origin: string | null;
  startedAt: string | null;
  batchAt: string | null;
  finishedAt: string | null;
  /** When the rows' cells were erased (see migrations/0016): the refused rows can't be downloaded since. */
  erasedAt: string | null;
  /** Reading: the text's length and where the next row starts (UTF-16 code units); readAt null once read. */
  sourceChars: number | null;
  readAt: number | null;
  /** Why the file can't be imported (state unreadable). */
  problem: string | null;
  /** Checking: which check runs (a new mapping starts another), and the line of the last row it checked. */
  checkRun: number;
  checkedThrough: number;
}

interface ImportRow {
  id: number;
  letter_id: number;
  file_name: string;
  created_by: string;
  created_at: string;
  delimiter: ImportTable["delimiter"];
  header: string;
  mapping: string;
  default_kind: ImportKind;
  mode: ImportMode;
  state: ImportState;
  row_count: number;
  valid_count: number;
  refused_count: number;
  duplicate_count: number;
  imported_count: number;
  unsent_count: number;
  pending_count: number;
  emails_waiting: number;
  emails_given_up: number;
  origin: string | null;
  started_at: string | null;
  batch_at: string | null;
  finished_at: string | null;
  erased_at: string | null;
  source_chars: number | null;
  read_at: number | null;
  problem: string | null;
  check_run: number;
  checked_through: number;
}

/**
 * An import's columns. Its rows still to import are its valid rows not imported yet: once checked, a
 * row is pending exactly while it is valid and not imported (saveCheckStep; importBatch moves a row
 * to imported, or to skipped with another outcome), and both counts are kept on the import in the
 * transaction that moves its rows. Counting its pending rows instead read all of them at each step:
 * rows read grew with the square of the import's size (issue 17: 746,827 rows per 1,000 rows of a
 * 5,000-row import; test/storage/imports.test.ts).
 */
const IMPORT_COLUMNS = `i.id, i.letter_id, i.file_name, i.created_by, i.created_at, i.delimiter, i.header, i.mapping,
  i.default_kind, i.mode, i.state, i.row_count, i.valid_count, i.refused_count, i.duplicate_count, i.imported_count,
  i.unsent_count, i.origin, i.started_at, i.batch_at, i.finished_at, i.erased_at, i.source_chars, i.read_at, i.problem,
  i.check_run, i.checked_through,
  max(i.valid_count - i.imported_count, 0) AS pending_count,
  ${mailRetries("waiting")} AS emails_waiting, ${mailRetries("given-up")} AS emails_given_up`;

/**
 * How many of the import's signatures have their confirmation email in `state` (migrations/0028), counted
 * from the letter's few rows of confirmation_mail_retries (a seek on its by-letter index), each looked up
 * in signatures by id: never a walk of the import's signatures.
 */
function mailRetries(state: "waiting" | "given-up"): string {
  return `(SELECT count(*) FROM confirmation_mail_retries m WHERE m.letter_id = i.letter_id AND m.state = '${state}'
    AND EXISTS (SELECT 1 FROM signatures s WHERE s.id = m.signature_id AND s.import_id = i.id))`;
}

function toImport(row: ImportRow): StoredImport {
  return {
    id: row.id,
    letterId: row.letter_id,
    fileName: row.file_name,
    createdBy: row.created_by,
    createdAt: row.created_at,
    delimiter: row.delimiter,
    header: JSON.parse(row.header) as string[],
    mapping: { columns: JSON.parse(row.mapping) as ImportMapping["columns"], kind: row.default_kind, mode: row.mode },
    state: row.state,
    rowCount: row.row_count,
    validCount: row.valid_count,
    refusedCount: row.refused_count,
    duplicateCount: row.duplicate_count,
    importedCount: row.imported_count,
    unsentCount: row.unsent_count,
    emailsWaiting: row.emails_waiting,
    emailsGivenUp: row.emails_given_up,
    pendingCount: row.pending_count,
    origin: row.origin,
    startedAt: row.started_at,
    batchAt: row.batch_at,
    finishedAt: row.finished_at,
    erasedAt: row.erased_at,
    sourceChars: row.source_chars,
    readAt: row.read_at,
    problem: row.problem,
    checkRun: row.check_run,
    checkedThrough: row.checked_through,
  };
}

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/** The most JSON one statement carries, in characters (D1 takes 2 MB per value). */
const JSON_CHUNK = 400_000;

/** `items` as JSON arrays of at most JSON_CHUNK characters each (an item longer than that goes alone). */
function jsonChunks(items: readonly unknown[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    if (current.length > 0 && size + json.length > JSON_CHUNK) {
      chunks.push(`[${current.join(",")}]`);
      current = [];
      size = 0;
    }
    current.push(json);
    size += json.length + 1;
  }
  if (current.length > 0) chunks.push(`[${current.join(",")}]`);
  return chunks;
}

/** Code units of a file's text per import_source row (D1 takes at most 2 MB per value). */
const SOURCE_PART_CHARS = 65_536;

/** `text` in parts of at most SOURCE_PART_CHARS code units, never between the two halves of a surrogate pair. */
function sourceParts(text: string): { start: number; text: string }[] {
  const parts: { start: number; text: string }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + SOURCE_PART_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push({ start, text: text.slice(start, end) });
    start = end;
  }
  return parts;
}

/**
 * The INSERT of a step's `rows`, numbered on from the import's row_count
 * (the header is line 1): the import is the one row of `imports AS i` that
 * `where` selects (with `binds` from ?2 on; ?1 is the rows' JSON).
 */
function insertRows(db: D1Database, rows: readonly string[][], where: string, binds: unknown[]): D1PreparedStatement[] {
  return jsonChunks(rows.map((cells, index) => [index, cells])).map((chunk) =>
    db
      .prepare(
        `INSERT INTO import_rows (import_id, line, cells)
         SELECT i.id, i.row_count + json_extract(j.value, '$[0]') + 2, json(json_extract(j.value, '$[1]'))
         FROM json_each(?1) AS j, imports AS i WHERE ${where}`,
      )
      .bind(chunk, ...binds),
  );
}

/**
 * Stores a new import of `letterId` with the rows its upload read, in one
 * transaction; with `reading` (the file's text and where its next row
 * starts) when rows remain to read: state reading, the text kept in
 * import_source. Otherwise it waits for its mapping.
 *
 * @returns the import's id
 */
export async function insertImport(
  db: D1Database,
  letterId: number,
  fields: {
    fileName: string;
    createdBy: string;
    delimiter: ImportTable["delimiter"];
    header: string[];
    rows: string[][];
    mapping: ImportMapping;
    reading: { text: string; readAt: number } | null;
  },
): Promise<number> {
  const { mapping, reading } = fields;
  // In the transaction, the newest import is the one just inserted: no other write comes between.
  const newest = "(SELECT max(id) FROM imports)";
  const statements = [
    db
      .prepare(
        `INSERT INTO imports (letter_id, file_name, created_by, delimiter, header, mapping, default_kind, mode, row_count,
           state, source_chars, read_at, batch_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10, ?11, ${NOW})`,
      )
      .bind(
        letterId,
        fields.fileName,
        fields.createdBy,
        fields.delimiter,
        JSON.stringify(fields.header),
        JSON.stringify(mapping.columns),
        mapping.kind,
        mapping.mode,
        reading ? "reading" : "mapping",
        reading?.text.length ?? null,
        reading?.readAt ?? null,
      ),
    ...insertRows(db, fields.rows, `i.id = ${newest}`, []),
    db.prepare(`UPDATE imports SET row_count = ?1 WHERE id = ${newest}`).bind(fields.rows.length),
    ...(reading ? sourceParts(reading.text) : []).map((part) =>
      db
        .prepare(`INSERT INTO import_source (import_id, start, chars, text) VALUES (${newest}, ?1, ?2, ?3)`)
        .bind(part.start, part.text.length, part.text),
    ),
    db.prepare(`SELECT ${newest} AS id`),
  ];
  const results = await db.batch<{ id: number }>(statements);
  return results.at(-1)!.results[0]!.id;
}

/**
 * `chars` code units of the text of import `importId` from `from` (fewer at
 * its end): only the import_source parts that hold them are read.
 */
export async function sourceWindow(db: D1Database, importId: number, from: number, chars: number): Promise<string> {
  const { results } = await db
    .prepare(
      `SELECT start, text FROM import_source WHERE import_id = ?1 AND start + chars > ?2 AND start < ?2 + ?3 ORDER BY start`,
    )
    .bind(importId, from, chars)
    .all<{ start: number; text: string }>();
  if (results.length === 0) return "";
  const text = results.map((part) => part.text).join("");
  const offset = from - results[0]!.start;
  return text.slice(offset, offset + chars);
}

/**
 * Stores one step of reading: `rows` numbered on from those read, and where
 * the next step starts (`next`), or, with next null, the file read: its
 * text deleted, the import waiting for its mapping. Only when the import is
 * still reading at `from` (a step another request took meanwhile writes
 * nothing).
 *
 * @returns whether it stored the step
 */
export async function saveReadStep(
  db: D1Database,
  importId: number,
  { from, rows, next }: { from: number; rows: readonly string[][]; next: number | null },
): Promise<boolean> {
  const results = await db.batch([
    ...insertRows(db, rows, "i.id = ?2 AND i.state = 'reading' AND i.read_at = ?3", [importId, from]),
    db
      .prepare(
        `UPDATE imports SET row_count = row_count + ?2, read_at = ?4, batch_at = ${NOW},
           state = CASE WHEN ?4 IS NULL THEN 'mapping' ELSE 'reading' END,
           source_chars = CASE WHEN ?4 IS NULL THEN NULL ELSE source_chars END
         WHERE id = ?1 AND state = 'reading' AND read_at = ?3`,
      )
      .bind(importId, rows.length, from, next),
    db
      .prepare(
        "DELETE FROM import_source WHERE import_id = ?1 AND (SELECT state FROM imports WHERE id = ?1) != 'reading'",
      )
      .bind(importId),
  ]);
  return (results.at(-2)?.meta.changes ?? 0) > 0;
}

/**
 * Ends the reading of a file found unreadable further down: state
 * unreadable with `problem` (words for the organizer), its rows and text
 * deleted (they hold names and emails, and nothing of them will be imported).
 */
export async function markUnreadable(db: D1Database, importId: number, problem: string): Promise<void> {
  await db.batch([
    db
      .prepare(
        `UPDATE imports SET state = 'unreadable', problem = ?2, read_at = NULL, source_chars = NULL, row_count = 0,
           batch_at = ${NOW}
         WHERE id = ?1 AND state = 'reading'`,
      )
      .bind(importId, problem),
    db
      .prepare(
        "DELETE FROM import_rows WHERE import_id = ?1 AND (SELECT state FROM imports WHERE id = ?1) = 'unreadable'",
      )
      .bind(importId),
    db.prepare("DELETE FROM import_source WHERE import_id = ?1").bind(importId),
  ]);
}

/** The import `id` of `letterId`, or null. */
export async function findImport(db: D1Database, letterId: number, id: number): Promise<StoredImport | null> {
  const row = await db
    .prepare(`SELECT ${IMPORT_COLUMNS} FROM imports i WHERE i.id = ?1 AND i.letter_id = ?2`)
    .bind(id, letterId)
    .first<ImportRow>();
  return row ? toImport(row) : null;
}

/** The letter's imports, newest first (at most `limit`). */
export async function listImports(db: D1Database, letterId: number, limit = 50): Promise<StoredImport[]> {
  const { results } = await db
    .prepare(`SELECT ${IMPORT_COLUMNS} FROM imports i WHERE i.letter_id = ?1 ORDER BY i.id DESC LIMIT ?2`)
    .bind(letterId, limit)
    .all<ImportRow>();
  return results.map(toImport);
}

/** One row of an import, as read. */
export interface StoredImportRow {
  id: number;
  line: number;
  /** Null once erased. */
  cells: string[] | null;
  outcome: RowOutcome | null;
  reason: string | null;
  state: "pending" | "imported" | "skipped";
  signatureRef: string | null;
}

interface RowRow {
  id: number;
  line: number;
  cells: string | null;
  outcome: RowOutcome | null;
  reason: string | null;
  state: StoredImportRow["state"];
  signature_ref: string | null;
}

function toRow(row: RowRow): StoredImportRow {
  return {
    id: row.id,
    line: row.line,
    cells: row.cells === null ? null : (JSON.parse(row.cells) as string[]),
    outcome: row.outcome,
    reason: row.reason,
    state: row.state,
    signatureRef: row.signature_ref,
  };
}

const ROW_COLUMNS = "id, line, cells, outcome, reason, state, signature_ref";

/** Every row of the import in file order (at most IMPORT_LIMITS.rows: a few MB), for the preview to check. */
export async function allImportRows(db: D1Database, importId: number): Promise<StoredImportRow[]> {
  const { results } = await db
    .prepare(`SELECT ${ROW_COLUMNS} FROM import_rows WHERE import_id = ?1 ORDER BY line`)
    .bind(importId)
    .all<RowRow>();
  return results.map(toRow);
}

/** A page of the import's rows in file order, only those with `outcome` when given. */
export async function importRowsPage(
  db: D1Database,
  importId: number,
  { outcome, offset, limit }: { outcome?: RowOutcome | "not-valid"; offset: number; limit: number },
): Promise<StoredImportRow[]> {
  const where = outcome === "not-valid" ? "AND outcome IN ('refused', 'duplicate')" : outcome ? "AND outcome = ?4" : "";
  const { results } = await db
    .prepare(`SELECT ${ROW_COLUMNS} FROM import_rows WHERE import_id = ?1 ${where} ORDER BY line LIMIT ?2 OFFSET ?3`)
    .bind(importId, limit, offset, ...(outcome && outcome !== "not-valid" ? [outcome] : []))
    .all<RowRow>();
  return results.map(toRow);
}

/** Refused rows the file's own Status column kept out (domain/signature-import.ts statusProblem), by why. */
export interface StatusSkips {
  /** Hidden, rejected or withdrawn in the file ("status-not-counted"). */
  notCounted: number;
  /** Never confirmed by email in the file, while the coalition vouches ("status-unconfirmed"). */
  unconfirmed: number;
}

/**
 * How many of import `importId`'s refused rows its Status column kept out, read from each row's first
 * problem (import_rows.reason, JSON; a reason of an older version, plain words, counts as neither).
 */
export async function statusSkips(db: D1Database, importId: number): Promise<StatusSkips> {
  const code = "CASE WHEN json_valid(reason) THEN json_extract(reason, '$[0].code') END";
  const row = await db
    .prepare(
      `SELECT coalesce(sum(${code} = 'status-not-counted'), 0) AS not_counted,
         coalesce(sum(${code} = 'status-unconfirmed'), 0) AS unconfirmed
       FROM import_rows WHERE import_id = ?1 AND outcome = 'refused'`,
    )
    .bind(importId)
    .first<{ not_counted: number; unconfirmed: number }>();
  return { notCounted: row?.not_counted ?? 0, unconfirmed: row?.unconfirmed ?? 0 };
}

/** The rows not imported (refused or duplicates) after row id `after`, in file order: the refused rows' file. */
export async function notImportedRows(
  db: D1Database,
  importId: number,
  after: number,
  limit: number,
): Promise<StoredImportRow[]> {
  const { results } = await db
    .prepare(
      `SELECT ${ROW_COLUMNS} FROM import_rows
       WHERE import_id = ?1 AND outcome IN ('refused', 'duplicate') AND id > ?2 ORDER BY id LIMIT ?3`,
    )
    .bind(importId, after, limit)
    .all<RowRow>();
  return results.map(toRow);
}

/**
 * Which of `mailboxHashes` already signed `letterId` as individuals (any status: the
 * unique index keeps a withdrawn one's place too): seeks on signatures_one_per_mailbox,
 * one statement per 1,000 hashes.
 */
export async function existingMailboxes(
  db: D1Database,
  letterId: number,
  mailboxHashes: readonly string[],
): Promise<Set<string>> {
  return existing(
    db,
    `SELECT mailbox_hash AS value FROM signatures
     WHERE letter_id = ?1 AND kind = 'individual' AND mailbox_hash IN (SELECT value FROM json_each(?2))`,
    letterId,
    mailboxHashes,
  );
}

/** Which of `keys` (domain/organization.ts organizationKey) already signed `letterId`: seeks on signatures_one_per_organization. */
export async function existingOrganizations(
  db: D1Database,
  letterId: number,
  keys: readonly string[],
): Promise<Set<string>> {
  return existing(
    db,
    `SELECT organization_key AS value FROM signatures
     WHERE letter_id = ?1 AND organization_key IN (SELECT value FROM json_each(?2))`,
    letterId,
    keys,
  );
}

/**
 * Which of `personKeys` (domain/organization.ts personKey) an individual signed without an email holds
 * in `letterId` (any status, as for mailboxes): seeks on signatures_people_without_email (migrations/0028).
 */
export async function existingPeople(
  db: D1Database,
  letterId: number,
  personKeys: readonly string[],
): Promise<Set<string>> {
  return existing(
    db,
    `SELECT person_key AS value FROM signatures
     WHERE letter_id = ?1 AND person_key IN (SELECT value FROM json_each(?2))`,
    letterId,
    personKeys,
  );
}

async function existing(db: D1Database, sql: string, letterId: number, values: readonly string[]) {
  const found = new Set<string>();
  if (values.length === 0) return found;
  const statements = [];
  for (let start = 0; start < values.length; start += 1_000) {
    statements.push(db.prepare(sql).bind(letterId, JSON.stringify(values.slice(start, start + 1_000))));
  }
  for (const result of await db.batch<{ value: string }>(statements)) {
    for (const row of result.results) found.add(row.value);
  }
  return found;
}

/** A row's preview result, and, on the first valid row of a signer, what keeps one signature per signer. */
export interface RowCheck {
  id: number;
  outcome: RowOutcome;
  reason: string | null;
  /** "o:" and an organization key, "m:" and a mailbox hash, or "p:" and a person key (see app/imports.ts duplicateKey). */
  duplicateKey?: string | null;
}

/**
 * Starts checking the import's rows with `mapping`: saves it, clears every
 * row's result and the counts, and starts another check run (a step of an
 * older one then writes nothing). Only before the import has started.
 *
 * @returns the new check run, or null when the import was not waiting for a mapping (nothing changed)
 */
export async function beginCheck(db: D1Database, importId: number, mapping: ImportMapping): Promise<number | null> {
  const [changed, , run] = await db.batch<{ check_run: number }>([
    db
      .prepare(
        `UPDATE imports SET mapping = ?2, default_kind = ?3, mode = ?4, state = 'checking', check_run = check_run + 1,
           checked_through = 0, valid_count = 0, refused_count = 0, duplicate_count = 0, batch_at = ${NOW}
         WHERE id = ?1 AND state IN ('mapping', 'checking', 'previewed')`,
      )
      .bind(importId, JSON.stringify(mapping.columns), mapping.kind, mapping.mode),
    db
      .prepare(
        `UPDATE import_rows SET outcome = NULL, reason = NULL, duplicate_key = NULL, state = 'pending'
         WHERE import_id = ?1 AND (outcome IS NOT NULL OR duplicate_key IS NOT NULL OR state != 'pending')
           AND (SELECT state FROM imports WHERE id = ?1) = 'checking'`,
      )
      .bind(importId),
    db.prepare("SELECT check_run FROM imports WHERE id = ?1").bind(importId),
  ]);
  if ((changed?.meta.changes ?? 0) === 0) return null;
  return run?.results[0]?.check_run ?? null;
}

/** The rows after line `after`, in file order, at most `limit`: the next step of a check (a seek on UNIQUE (import_id, line)). */
export async function rowsAfter(
  db: D1Database,
  importId: number,
  after: number,
  limit: number,
): Promise<StoredImportRow[]> {
  const { results } = await db
    .prepare(`SELECT ${ROW_COLUMNS} FROM import_rows WHERE import_id = ?1 AND line > ?2 ORDER BY line LIMIT ?3`)
    .bind(importId, after, limit)
    .all<RowRow>();
  return results.map(toRow);
}

/** The line of the row of import `importId` that holds each of `keys` (the first row of that signer), seeking on import_rows_one_per_signer. */
export async function rowsOfSigners(
  db: D1Database,
  importId: number,
  keys: readonly string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (keys.length === 0) return found;
  const { results } = await db
    .prepare(
      `SELECT duplicate_key AS key, line FROM import_rows
       WHERE import_id = ?1 AND duplicate_key IN (SELECT value FROM json_each(?2))`,
    )
    .bind(importId, JSON.stringify(keys))
    .all<{ key: string; line: number }>();
  for (const row of results) found.set(row.key, row.line);
  return found;
}

/**
 * Saves one step of a check: each row's result (the valid ones pending, the
 * others skipped) and, on a signer's first row, its duplicate key; adds to
 * the counts; moves the check past `last` (the step's last row's line), or, when
 * `done`, ends it (state previewed). Only while check `run` is at `after`:
 * a step another request took, or of a mapping changed since, writes nothing.
 *
 * @returns whether it saved the step
 */
export async function saveCheckStep(
  db: D1Database,
  importId: number,
  {
    run,
    after,
    last,
    checks,
    done,
  }: { run: number; after: number; last: number; checks: readonly RowCheck[]; done: boolean },
): Promise<boolean> {
  const count = (outcome: RowOutcome) => checks.filter((check) => check.outcome === outcome).length;
  const guard = `(SELECT state = 'checking' AND check_run = ?3 AND checked_through = ?4 FROM imports WHERE id = ?1)`;
  const results = await db.batch([
    ...jsonChunks(checks.map((check) => [check.id, check.outcome, check.reason, check.duplicateKey ?? null])).map(
      (chunk) =>
        db
          .prepare(
            `UPDATE import_rows SET outcome = json_extract(j.value, '$[1]'), reason = json_extract(j.value, '$[2]'),
               duplicate_key = json_extract(j.value, '$[3]'),
               state = CASE WHEN json_extract(j.value, '$[1]') = 'valid' THEN 'pending' ELSE 'skipped' END
             FROM json_each(?2) AS j
             WHERE import_rows.id = +json_extract(j.value, '$[0]') AND +import_rows.import_id = ?1 AND ${guard}`,
          )
          .bind(importId, chunk, run, after),
    ),
    db
      .prepare(
        `UPDATE imports SET checked_through = ?5, valid_count = valid_count + ?6, refused_count = refused_count + ?7,
           duplicate_count = duplicate_count + ?8, batch_at = ${NOW},
           state = CASE WHEN ?9 THEN 'previewed' ELSE 'checking' END
         WHERE id = ?1 AND state = 'checking' AND check_run = ?3 AND checked_through = ?4`,
      )
      .bind(importId, null, run, after, last, count("valid"), count("refused"), count("duplicate"), done ? 1 : 0),
  ]);
  return (results.at(-1)?.meta.changes ?? 0) > 0;
}

/**
 * Starts a previewed import: state running, with the public origin its
 * emails link to; only while its mapping is still `mapping` (another
 * request may have previewed another one meanwhile). Returns false when it
 * was not previewed (started already, discarded) or its mapping changed.
 */
export async function startImport(
  db: D1Database,
  importId: number,
  origin: string | null,
  mapping: ImportMapping,
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE imports SET state = 'running', origin = ?2, started_at = ${NOW}, batch_at = ${NOW}
       WHERE id = ?1 AND state = 'previewed' AND mapping = ?3 AND default_kind = ?4 AND mode = ?5`,
    )
    .bind(importId, origin, JSON.stringify(mapping.columns), mapping.kind, mapping.mode)
    .run();
  return result.meta.changes > 0;
}

/** The next `limit` rows to import, in file order. */
export async function pendingImportRows(db: D1Database, importId: number, limit: number): Promise<StoredImportRow[]> {
  const { results } = await db
    .prepare(`SELECT ${ROW_COLUMNS} FROM import_rows WHERE import_id = ?1 AND state = 'pending' ORDER BY id LIMIT ?2`)
    .bind(importId, limit)
    .all<RowRow>();
  return results.map(toRow);
}

/** One row of a batch: the signature to store, or why it is skipped after all. */
export type BatchRow =
  | { rowId: number; signature: StorableSignature & { ref: string } }
  | { rowId: number; skip: { outcome: "refused" | "duplicate"; reason: string } };

/** Raised when a batch's rows were imported already (by another request, or the cron): nothing was written. */
export class BatchAlreadyImported extends Error {
  override name = "BatchAlreadyImported";
}

/** The reason a row gets when its signature was refused by the letter's unique indexes while importing. */
export const FOUND_WHILE_IMPORTING = storedRowProblems([{ code: "found-while-importing" }]);

/**
 * Imports one batch of rows in one transaction: claims the rows (the whole
 * batch fails, writing nothing, when one of them is no longer pending: see
 * import_row_once in migrations/0016), stores each row's signature with its
 * counts, record entry and webhook (storage/signatures.ts insertStatements,
 * the signing's own), marks each row imported (or a duplicate, when a unique
 * index refused its signature), and updates the import's counts.
 *
 * @returns for each row, whether its signature was stored
 * @throws BatchAlreadyImported when the rows were no longer pending; StorageUnavailable when D1 failed
 *   (nothing was written either way)
 */
export async function importBatch(
  db: D1Database,
  letterId: number,
  importId: number,
  rows: readonly BatchRow[],
): Promise<boolean[]> {
  const ids = JSON.stringify(rows.map((row) => row.rowId));
  const statements: D1PreparedStatement[] = [
    // Rewrites only a row no longer pending, to 'taken', which import_row_once refuses: the batch then fails
    // whole. A pending row is left as it is: rewritten to itself, it cost 2 rows written (the row and its
    // entry in import_rows_by_state) for nothing (test/storage/imports.test.ts).
    db
      .prepare(
        `UPDATE import_rows SET state = 'taken'
         WHERE id IN (SELECT value FROM json_each(?2)) AND +import_id = ?1 AND state != 'pending'`,
      )
      .bind(importId, ids),
    moveCounts(db, importId, ids, "-"),
  ];
  const lastOfRow: number[] = [];
  for (const row of rows) {
    if ("signature" in row) {
      const { statements: inserts, ref } = insertStatements(db, letterId, row.signature);
      statements.push(...inserts);
      lastOfRow.push(statements.length - 1);
      statements.push(
        db
          .prepare(
            `UPDATE import_rows SET
               state = CASE WHEN EXISTS (SELECT 1 FROM signatures WHERE token = ?2) THEN 'imported' ELSE 'skipped' END,
               outcome = CASE WHEN EXISTS (SELECT 1 FROM signatures WHERE token = ?2) THEN outcome ELSE 'duplicate' END,
               reason = CASE WHEN EXISTS (SELECT 1 FROM signatures WHERE token = ?2) THEN NULL ELSE ?3 END,
               signature_ref = CASE WHEN EXISTS (SELECT 1 FROM signatures WHERE token = ?2) THEN ?2 END
             WHERE id = ?1`,
          )
          .bind(row.rowId, ref, FOUND_WHILE_IMPORTING),
      );
    } else {
      lastOfRow.push(-1);
      statements.push(
        db
          .prepare("UPDATE import_rows SET state = 'skipped', outcome = ?2, reason = ?3 WHERE id = ?1")
          .bind(row.rowId, row.skip.outcome, row.skip.reason),
      );
    }
  }
  statements.push(moveCounts(db, importId, ids, "+"));
  let results: D1Result[];
  try {
    results = await db.batch(statements);
  } catch (error) {
    if (
      String(error instanceof Error ? `${error.message} ${String(error.cause)}` : error).includes("import_row_once")
    ) {
      throw new BatchAlreadyImported("These rows were imported already.", { cause: error });
    }
    throw error;
  }
  return lastOfRow.map((index) => index >= 0 && (results[index]?.meta.changes ?? 0) > 0);
}

/**
 * The statement that takes the batch's rows (`ids`, a JSON array) out of the import's counts ("-",
 * before the batch writes them) or puts them back in ("+", after): together, the counts move by
 * exactly what the batch changed, reading the batch's rows (by id) and not the import's.
 */
function moveCounts(db: D1Database, importId: number, ids: string, sign: "+" | "-"): D1PreparedStatement {
  const of = (condition: string) => `count(CASE WHEN ${condition} THEN 1 END)`;
  return db
    .prepare(
      `UPDATE imports SET ${sign === "+" ? `batch_at = ${NOW}, ` : ""}
         (imported_count, valid_count, refused_count, duplicate_count) = (
           SELECT imports.imported_count ${sign} ${of("r.state = 'imported'")},
             imports.valid_count ${sign} ${of("r.outcome = 'valid'")},
             imports.refused_count ${sign} ${of("r.outcome = 'refused'")},
             imports.duplicate_count ${sign} ${of("r.outcome = 'duplicate'")}
           FROM import_rows r WHERE r.id IN (SELECT value FROM json_each(?2)) AND +r.import_id = ?1)
       WHERE id = ?1`,
    )
    .bind(importId, ids);
}

/** Marks a running import done when no row is pending. Returns whether it did. */
export async function finishImport(db: D1Database, importId: number): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE imports SET state = 'done', finished_at = ${NOW}
       WHERE id = ?1 AND state = 'running' AND NOT EXISTS (SELECT 1 FROM import_rows WHERE import_id = ?1 AND state = 'pending')`,
    )
    .bind(importId)
    .run();
  return result.meta.changes > 0;
}

/** Adds `count` confirmation emails that could not be sent. */
export async function addUnsentEmails(db: D1Database, importId: number, count: number): Promise<void> {
  if (count === 0) return;
  await db.prepare("UPDATE imports SET unsent_count = unsent_count + ?2 WHERE id = ?1").bind(importId, count).run();
}

/** Deletes an import that never started, and its rows. Returns whether it did. */
export async function deleteImport(db: D1Database, importId: number): Promise<boolean> {
  const [deleted] = await db.batch([
    db
      .prepare(
        "DELETE FROM imports WHERE id = ?1 AND state IN ('reading', 'unreadable', 'mapping', 'checking', 'previewed')",
      )
      .bind(importId),
    db
      .prepare("DELETE FROM import_rows WHERE import_id = ?1 AND NOT EXISTS (SELECT 1 FROM imports WHERE id = ?1)")
      .bind(importId),
    db
      .prepare("DELETE FROM import_source WHERE import_id = ?1 AND NOT EXISTS (SELECT 1 FROM imports WHERE id = ?1)")
      .bind(importId),
  ]);
  return (deleted?.meta.changes ?? 0) > 0;
}

/** Imports reading, checking or running whose last step ran before `before` (ISO 8601), oldest first: the cron moves them on (imports_moving). */
export async function idleImports(
  db: D1Database,
  before: string,
  limit: number,
): Promise<{ id: number; letterId: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT id, letter_id FROM imports
       WHERE state IN ('reading', 'checking', 'running') AND batch_at < ?1 ORDER BY batch_at LIMIT ?2`,
    )
    .bind(before, limit)
    .all<{ id: number; letter_id: number }>();
  return results.map((row) => ({ id: row.id, letterId: row.letter_id }));
}

/**
 * Erases the cells of imports done before `doneBefore`, with their rows'
 * reasons (a refusal quotes the cell it is about: a mis-mapped column puts a
 * name or an email there), and deletes imports never run that were made
 * before `madeBefore` (ISO 8601 both): their rows hold names and emails.
 * Returns how many imports it erased or deleted.
 */
export async function eraseOldImports(
  db: D1Database,
  { doneBefore, madeBefore }: { doneBefore: string; madeBefore: string },
): Promise<{ erased: number; deleted: number }> {
  const [, erased, , , deleted] = await db.batch([
    db
      .prepare(
        `UPDATE import_rows SET cells = NULL, reason = NULL WHERE import_id IN
           (SELECT id FROM imports WHERE erased_at IS NULL AND state = 'done' AND finished_at < ?1)`,
      )
      .bind(doneBefore),
    db
      .prepare(`UPDATE imports SET erased_at = ${NOW} WHERE erased_at IS NULL AND state = 'done' AND finished_at < ?1`)
      .bind(doneBefore),
    db
      .prepare(
        `DELETE FROM import_rows WHERE import_id IN
           (SELECT id FROM imports WHERE state IN ('reading', 'unreadable', 'mapping', 'checking', 'previewed') AND created_at < ?1)`,
      )
      .bind(madeBefore),
    db
      .prepare(
        `DELETE FROM import_source WHERE import_id IN
           (SELECT id FROM imports WHERE state IN ('reading', 'unreadable', 'mapping', 'checking', 'previewed') AND created_at < ?1)`,
      )
      .bind(madeBefore),
    db
      .prepare(
        "DELETE FROM imports WHERE state IN ('reading', 'unreadable', 'mapping', 'checking', 'previewed') AND created_at < ?1",
      )
      .bind(madeBefore),
  ]);
  return { erased: erased?.meta.changes ?? 0, deleted: deleted?.meta.changes ?? 0 };
}

/** A signature an import stored, as its page lists it. */
export interface ImportedSignatureRow {
  ref: string;
  kind: SignatureKind;
  name: string;
  status: SignatureStatus;
  id: number;
  /** Its confirmation email, when the provider refused it for a moment: still to send again, or given up. */
  confirmationMail: "waiting" | "given-up" | null;
}

/** The signatures import `importId` stored, newest first, before id `before` (signatures_by_import). */
export async function importedSignatures(
  db: D1Database,
  letterId: number,
  importId: number,
  { before, limit }: { before?: number; limit: number },
): Promise<ImportedSignatureRow[]> {
  const { results } = await db
    .prepare(
      `SELECT id, token, kind, name, status,
         (SELECT state FROM confirmation_mail_retries m WHERE m.signature_id = signatures.id) AS mail
       FROM signatures
       WHERE import_id = ?1 AND letter_id = ?2 AND id < ?3 ORDER BY id DESC LIMIT ?4`,
    )
    .bind(importId, letterId, before ?? Number.MAX_SAFE_INTEGER, limit)
    .all<{
      id: number;
      token: string;
      kind: SignatureKind;
      name: string;
      status: SignatureStatus;
      mail: "waiting" | "given-up" | null;
    }>();
  return results.map((row) => ({
    id: row.id,
    ref: row.token,
    kind: row.kind,
    name: row.name,
    status: row.status,
    confirmationMail: row.mail,
  }));
}
