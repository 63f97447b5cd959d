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
import type { ImportKind, ImportMapping, ImportMode, ImportTable } from "../domain/signature-import";
import type { SignatureKind, SignatureStatus } from "../domain/signature";
import { insertStatements, type StorableSignature } from "./signatures";

export type ImportState = "mapping" | "previewed" | "running" | "done";
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
  /** Rows still to import (running), or to import once started. */
  pendingCount: number;
  origin: string | null;
  startedAt: string | null;
  batchAt: string | null;
  finishedAt: string | null;
  /** When the rows' cells were erased (see migrations/0016): the refused rows can't be downloaded since. */
  erasedAt: string | null;
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
  origin: string | null;
  started_at: string | null;
  batch_at: string | null;
  finished_at: string | null;
  erased_at: string | null;
}

const IMPORT_COLUMNS = `i.id, i.letter_id, i.file_name, i.created_by, i.created_at, i.delimiter, i.header, i.mapping,
  i.default_kind, i.mode, i.state, i.row_count, i.valid_count, i.refused_count, i.duplicate_count, i.imported_count,
  i.unsent_count, i.origin, i.started_at, i.batch_at, i.finished_at, i.erased_at,
  (SELECT count(*) FROM import_rows r WHERE r.import_id = i.id AND r.state = 'pending') AS pending_count`;

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
    pendingCount: row.pending_count,
    origin: row.origin,
    startedAt: row.started_at,
    batchAt: row.batch_at,
    finishedAt: row.finished_at,
    erasedAt: row.erased_at,
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

/**
 * Stores a new import of `letterId` and its rows (row n of `table.rows` as
 * line n + 2: the header is line 1) in one transaction.
 *
 * @returns the import's id
 */
export async function insertImport(
  db: D1Database,
  letterId: number,
  fields: { fileName: string; createdBy: string; table: ImportTable; mapping: ImportMapping },
): Promise<number> {
  const { table, mapping } = fields;
  // In the transaction, the newest import is the one just inserted: no other write comes between.
  const newest = "(SELECT max(id) FROM imports)";
  const statements = [
    db
      .prepare(
        `INSERT INTO imports (letter_id, file_name, created_by, delimiter, header, mapping, default_kind, mode, row_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
      )
      .bind(
        letterId,
        fields.fileName,
        fields.createdBy,
        table.delimiter,
        JSON.stringify(table.header),
        JSON.stringify(mapping.columns),
        mapping.kind,
        mapping.mode,
        table.rows.length,
      ),
    ...jsonChunks(table.rows.map((cells, index) => [index + 2, cells])).map((chunk) =>
      db
        .prepare(
          `INSERT INTO import_rows (import_id, line, cells)
           SELECT ${newest}, json_extract(value, '$[0]'), json(json_extract(value, '$[1]')) FROM json_each(?1)`,
        )
        .bind(chunk),
    ),
    db.prepare(`SELECT ${newest} AS id`),
  ];
  const results = await db.batch<{ id: number }>(statements);
  return results.at(-1)!.results[0]!.id;
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

/** A row's preview result. */
export interface RowCheck {
  id: number;
  outcome: RowOutcome;
  reason: string | null;
}

/**
 * Saves the import's mapping and every row's preview result (the valid ones
 * pending, the others skipped), with the counts, in one transaction; only
 * while it has not started (state mapping or previewed).
 *
 * @returns false when it had started meanwhile (nothing changed)
 */
export async function savePreview(
  db: D1Database,
  importId: number,
  mapping: ImportMapping,
  checks: readonly RowCheck[],
): Promise<boolean> {
  const count = (outcome: RowOutcome) => checks.filter((check) => check.outcome === outcome).length;
  const results = await db.batch([
    db
      .prepare(
        `UPDATE imports SET mapping = ?2, default_kind = ?3, mode = ?4, state = 'previewed', valid_count = ?5,
           refused_count = ?6, duplicate_count = ?7
         WHERE id = ?1 AND state IN ('mapping', 'previewed')`,
      )
      .bind(
        importId,
        JSON.stringify(mapping.columns),
        mapping.kind,
        mapping.mode,
        count("valid"),
        count("refused"),
        count("duplicate"),
      ),
    ...jsonChunks(checks.map((check) => [check.id, check.outcome, check.reason])).map((chunk) =>
      db
        .prepare(
          `UPDATE import_rows SET outcome = json_extract(j.value, '$[1]'), reason = json_extract(j.value, '$[2]'),
             state = CASE WHEN json_extract(j.value, '$[1]') = 'valid' THEN 'pending' ELSE 'skipped' END
           FROM json_each(?2) AS j
           WHERE import_rows.id = json_extract(j.value, '$[0]') AND import_rows.import_id = ?1
             AND (SELECT state FROM imports WHERE id = ?1) = 'previewed'`,
        )
        .bind(importId, chunk),
    ),
  ]);
  return (results[0]?.meta.changes ?? 0) > 0;
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
export const FOUND_WHILE_IMPORTING = "Already signed this letter (found while importing).";

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
    db
      .prepare(
        `UPDATE import_rows SET state = CASE WHEN state = 'pending' THEN state ELSE 'taken' END
         WHERE import_id = ?1 AND id IN (SELECT value FROM json_each(?2))`,
      )
      .bind(importId, ids),
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
  statements.push(
    db
      .prepare(
        `UPDATE imports SET batch_at = ${NOW},
           imported_count = (SELECT count(*) FROM import_rows WHERE import_id = ?1 AND state = 'imported'),
           valid_count = (SELECT count(*) FROM import_rows WHERE import_id = ?1 AND outcome = 'valid'),
           refused_count = (SELECT count(*) FROM import_rows WHERE import_id = ?1 AND outcome = 'refused'),
           duplicate_count = (SELECT count(*) FROM import_rows WHERE import_id = ?1 AND outcome = 'duplicate')
         WHERE id = ?1`,
      )
      .bind(importId),
  );
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
    db.prepare("DELETE FROM imports WHERE id = ?1 AND state IN ('mapping', 'previewed')").bind(importId),
    db
      .prepare("DELETE FROM import_rows WHERE import_id = ?1 AND NOT EXISTS (SELECT 1 FROM imports WHERE id = ?1)")
      .bind(importId),
  ]);
  return (deleted?.meta.changes ?? 0) > 0;
}

/** Running imports whose last batch ran before `before` (ISO 8601), oldest first: the cron continues them. */
export async function idleRunningImports(
  db: D1Database,
  before: string,
  limit: number,
): Promise<{ id: number; letterId: number }[]> {
  const { results } = await db
    .prepare("SELECT id, letter_id FROM imports WHERE state = 'running' AND batch_at < ?1 ORDER BY batch_at LIMIT ?2")
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
  const [, erased, , deleted] = await db.batch([
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
           (SELECT id FROM imports WHERE state IN ('mapping', 'previewed') AND created_at < ?1)`,
      )
      .bind(madeBefore),
    db.prepare("DELETE FROM imports WHERE state IN ('mapping', 'previewed') AND created_at < ?1").bind(madeBefore),
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
      `SELECT id, token, kind, name, status FROM signatures
       WHERE import_id = ?1 AND letter_id = ?2 AND id < ?3 ORDER BY id DESC LIMIT ?4`,
    )
    .bind(importId, letterId, before ?? Number.MAX_SAFE_INTEGER, limit)
    .all<{ id: number; token: string; kind: SignatureKind; name: string; status: SignatureStatus }>();
  return results.map((row) => ({ id: row.id, ref: row.token, kind: row.kind, name: row.name, status: row.status }));
}
