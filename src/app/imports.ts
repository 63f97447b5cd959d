/**
 * Importing sign-ons collected elsewhere (a spreadsheet, a Google Forms
 * export): read the file once into its rows, map its columns to fields,
 * preview every row's result (the sign form's rules, duplicates within the
 * file and against the letter's signatures), then import in batches, each
 * one D1 transaction that stores its signatures as signing does (counts,
 * record entries, webhooks) and marks its rows done, so that a failure
 * loses nothing and no row is imported twice. The rows, which hold names
 * and emails, are erased IMPORT_RETENTION_DAYS after the import is done.
 */
import { hmacHex } from "../domain/crypto";
import { originalLanguage, publicStatus, type Letter } from "../domain/letter";
import { newSignatureRef } from "../domain/link-secrets";
import { mailboxHash } from "../domain/mailbox";
import { personKey } from "../domain/organization";
import type { SignatureInput } from "../domain/signature";
import {
  decodeImportFile,
  guessMapping,
  IMPORT_BATCH_ROWS,
  IMPORT_CHECK_ROWS,
  IMPORT_LIMITS,
  IMPORT_READ_ROWS,
  IMPORT_READ_WINDOW,
  IMPORT_RETENTION_DAYS,
  ImportRefused,
  importFileName,
  mappingProblems,
  organizationKeyOf,
  readImportHead,
  readImportRow,
  readImportRows,
  rowWindowLimit,
  tooManyRows,
  PREVIEW_PAGE_ROWS,
  previewStamp,
  type PreviewShow,
  type ImportedSignature,
  type ImportMapping,
  type ImportMappingProblem,
  type ImportRowProblem,
  type RowReading,
  readRowProblems,
  storedFileProblem,
  storedRowProblems,
} from "../domain/signature-import";
import { CONFIRMATION_LINK_DAYS } from "../domain/signing";
import { StorageUnavailable } from "../storage/database";
import {
  addUnsentEmails,
  BatchAlreadyImported,
  beginCheck,
  deleteImport,
  eraseOldImports,
  existingMailboxes,
  existingOrganizations,
  existingPeople,
  findImport,
  finishImport,
  idleImports,
  importBatch,
  importedSignatures,
  importRowsPage,
  insertImport,
  listImports,
  markUnreadable,
  notImportedRows,
  pendingImportRows,
  rowsAfter,
  rowsOfSigners,
  saveCheckStep,
  saveReadStep,
  sourceWindow,
  startImport as markStarted,
  statusSkips,
  type BatchRow,
  type ImportedSignatureRow,
  type RowCheck,
  type StatusSkips,
  type StoredImport,
} from "../storage/imports";
import { findLetterById } from "../storage/letters";
import type { StorableSignature } from "../storage/signatures";
import { recordActivity } from "./activity";
import { sendDueConfirmations } from "./confirmation-mail";
import type { AppDeps } from "./deps";
import { organizerProblem, type Problem } from "./problem";
import { notifySigners, type AcceptedSignature, type StoreOutcome } from "./signing";
import { activityDetail } from "../domain/activity-details";

/** A reading, checking or running import left alone this long (ms) is moved on by the minute cron. */
export const IDLE_IMPORT_MS = 60_000;

/** The import `id` of `letter`, or null. */
export function findLetterImport(deps: AppDeps, letter: Letter, id: number): Promise<StoredImport | null> {
  return Number.isSafeInteger(id) ? findImport(deps.db, letter.id, id) : Promise.resolve(null);
}

/** The import `id` of `letter`. @throws Problem 404 when it has none */
export async function requireImport(deps: AppDeps, letter: Letter, id: number): Promise<StoredImport> {
  const found = Number.isSafeInteger(id) ? await findImport(deps.db, letter.id, id) : null;
  if (!found) throw organizerProblem(404, "importNotFound");
  return found;
}

/** What an import is read from: an uploaded file's bytes and name, or pasted text. */
export type ImportSource = { file: { name: string; bytes: Uint8Array } } | { text: string };

/**
 * Reads a file or pasted rows (domain/signature-import.ts: UTF-8, CSV or
 * tab-separated, within IMPORT_LIMITS): its header, from which its mapping
 * is guessed, and its first IMPORT_READ_ROWS rows, and stores them. A
 * longer file keeps its text and is read on step by step (moveImport);
 * otherwise the import waits for the organizer's mapping.
 *
 * @param createdBy how the organizer signed in ("session", "access", "token")
 * @returns the new import's id
 * @throws ImportRefused (413, 415 or 422) when the input can't be imported (for a
 *   fault past the first rows, the import ends unreadable while it is read on: see moveImport)
 */
export async function createImport(
  deps: AppDeps,
  letter: Letter,
  source: ImportSource,
  createdBy: string,
): Promise<number> {
  const head = readImportHead("file" in source ? decodeImportFile(source.file.bytes) : source.text);
  const { body, rowsStart } = head;
  const first = await readRows({
    delimiter: head.delimiter,
    columns: head.header.length,
    read: 0,
    remaining: body.length - rowsStart,
    windowAt: (width) => body.slice(rowsStart, rowsStart + width),
  });
  // The text is at hand: its windows are never short.
  if (first === "gone") throw new Error("The text of an upload can't be gone");
  const fileName = importFileName("file" in source ? source.file.name : null);
  const next = first.next === null ? null : head.rowsStart + first.next;
  const id = await insertImport(deps.db, letter.id, {
    fileName,
    createdBy,
    delimiter: head.delimiter,
    header: head.header,
    rows: first.rows,
    mapping: guessMapping(head.header),
    reading: next === null ? null : { text: head.body, readAt: next },
  });
  await recordActivity(deps, {
    action: "import-created",
    letterId: letter.id,
    detail: activityDetail("importFile", fileName, id),
  });
  return id;
}

/**
 * One step of reading: up to IMPORT_READ_ROWS rows from the window
 * `windowAt` gives (a longer one when a row does not fit), checked against
 * the header and IMPORT_LIMITS.rows.
 *
 * @param read rows read before this step; `remaining` code units of text from the window's start to the end
 * @returns the rows, and where the next step starts from the window's start (null: the text is read);
 *   "gone" when the text is shorter than `remaining` says (another request read its last rows, or
 *   discarded the import, since this one read where it stood)
 * @throws ImportRefused for a row that can't be read, or one past IMPORT_LIMITS.rows
 */
async function readRows({
  delimiter,
  columns,
  read,
  remaining,
  windowAt,
}: {
  delimiter: string;
  columns: number;
  read: number;
  remaining: number;
  windowAt: (width: number) => string | Promise<string>;
}): Promise<{ rows: string[][]; next: number | null } | "gone"> {
  for (let width = IMPORT_READ_WINDOW; ;) {
    const window = await windowAt(width);
    const atEnd = window.length >= remaining;
    if (!atEnd && window.length < width) return "gone";
    const step = readImportRows(window, { delimiter, columns, maxRows: IMPORT_READ_ROWS, atEnd, firstRow: read + 2 });
    if (step.next === 0 && !atEnd) {
      // No whole row yet: a wider window, up to the longest row the header allows (readImportRows refuses past it).
      width = Math.min(width * 2, rowWindowLimit(window, columns));
      continue;
    }
    if (read + step.rows.length > IMPORT_LIMITS.rows) throw tooManyRows();
    const finished = atEnd && (step.rows.length < IMPORT_READ_ROWS || step.next >= window.length);
    return { rows: step.rows, next: finished ? null : step.next };
  }
}

/** The organizer's mapping refused as a whole: the page shows `problems` above the form (422). */
export class MappingRefused extends Error {
  override name = "MappingRefused";
  constructor(readonly problems: ImportMappingProblem[]) {
    super(problems.map((problem) => problem.code).join(" "));
  }
}

/**
 * Why `mode` can't be chosen for `letter` on this deployment, or null:
 * confirmation emails need a mailer, and a letter open for signing (its
 * confirmation links lead to its page).
 */
export function confirmModeProblem(deps: AppDeps, letter: Letter): ImportMappingProblem | null {
  let hasMailer: boolean;
  try {
    hasMailer = deps.mailer() !== null;
  } catch {
    hasMailer = false;
  }
  if (!hasMailer) return { code: "no-mailer" };
  if (publicStatus(letter, deps.now()) !== "open") return { code: "letter-not-open" };
  return null;
}

/**
 * Starts checking every row of `imported` with `mapping` (the preview), and
 * takes the first steps (see moveImport): each step reads its rows by the
 * sign form's rules (domain/signature-import.ts readImportRow), then finds
 * duplicates, the first row kept: individuals by canonical mailbox (keyed
 * hash, domain/mailbox.ts), organizations by organization_key, individuals
 * without an email by their name, city and country (person_key), within the
 * file (earlier steps' rows through their duplicate_key) and against the
 * letter's signatures (batched seeks on their indexes, never a query per row).
 *
 * @returns the import as it stands after (state previewed once every row is checked, else checking)
 * @throws MappingRefused for a mapping that can't be used (see mappingProblems, confirmModeProblem);
 *   Problem 409 when the import is not waiting for a mapping (being read, unreadable, started)
 */
export async function previewImport(
  deps: AppDeps,
  letter: Letter,
  imported: StoredImport,
  mapping: ImportMapping,
): Promise<StoredImport> {
  if (!["mapping", "checking", "previewed"].includes(imported.state)) throw importStarted();
  const problems = mappingProblems(mapping, imported.header);
  if (mapping.mode === "confirm") {
    const problem = confirmModeProblem(deps, letter);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new MappingRefused(problems);
  if ((await beginCheck(deps.db, imported.id, mapping)) === null) throw importStarted();
  return moveImport(deps, letter, imported.id);
}

function importStarted(): Problem {
  return organizerProblem(409, "importStarted");
}

/**
 * One step of a check: the next IMPORT_CHECK_ROWS rows' results (see
 * previewImport), saved unless another request took this step meanwhile.
 */
async function checkStep(deps: AppDeps, letter: Letter, imported: StoredImport): Promise<void> {
  const after = imported.checkedThrough;
  const fetched = await rowsAfter(deps.db, imported.id, after, IMPORT_CHECK_ROWS + 1);
  const rows = fetched.slice(0, IMPORT_CHECK_ROWS);
  const checks = await checkRows(deps, letter, imported.id, rows, imported.mapping);
  await saveCheckStep(deps.db, imported.id, {
    run: imported.checkRun,
    after,
    last: rows.at(-1)?.line ?? after,
    checks,
    done: fetched.length <= IMPORT_CHECK_ROWS,
  });
}

/**
 * Each row's preview result (see previewImport), the first valid row of
 * each signer with its duplicate key. Exported for the benchmark: the
 * CPU-bound part of a check step.
 */
export async function checkRows(
  deps: Pick<AppDeps, "db" | "secretKey">,
  letter: Pick<Letter, "id">,
  importId: number,
  rows: readonly { id: number; line: number; cells: string[] | null }[],
  mapping: ImportMapping,
): Promise<RowCheck[]> {
  const secret = deps.secretKey();
  const readings = await Promise.all(
    rows.map(async (row) => {
      const reading: RowReading = row.cells ? readImportRow(row.cells, mapping) : { refused: [{ code: "erased" }] };
      if ("refused" in reading) return { row, reading, key: null };
      return { row, reading, key: await duplicateKey(secret, reading.signature) };
    }),
  );
  const keys: string[] = [];
  const byKind: Record<"m" | "o" | "p", string[]> = { m: [], o: [], p: [] };
  for (const { key } of readings) {
    if (key === null) continue;
    keys.push(key);
    byKind[key.slice(0, 1) as "m" | "o" | "p"].push(key.slice(2));
  }
  const [firstLine, signedMailboxes, signedOrganizations, signedPeople] = await Promise.all([
    rowsOfSigners(deps.db, importId, keys),
    existingMailboxes(deps.db, letter.id, byKind.m),
    existingOrganizations(deps.db, letter.id, byKind.o),
    existingPeople(deps.db, letter.id, byKind.p),
  ]);
  const signed = { m: signedMailboxes, o: signedOrganizations, p: signedPeople };
  return readings.map(({ row, reading, key }): RowCheck => {
    if ("refused" in reading) return { id: row.id, outcome: "refused", reason: storedRowProblems(reading.refused) };
    if (key === null) return { id: row.id, outcome: "valid", reason: null };
    const kind = key.slice(0, 1) as "m" | "o" | "p";
    const organization = kind === "o";
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      const reason = storedRowProblems([
        kind === "p"
          ? { code: "same-person-in-file", row: earlier }
          : { code: "duplicate-in-file", organization, row: earlier },
      ]);
      return { id: row.id, outcome: "duplicate", reason };
    }
    firstLine.set(key, row.line);
    if (signed[kind].has(key.slice(2))) {
      return {
        id: row.id,
        outcome: "duplicate",
        reason: storedRowProblems([
          kind === "p" ? { code: "person-already-signed" } : { code: "already-signed", organization },
        ]),
      };
    }
    return { id: row.id, outcome: "valid", reason: null, duplicateKey: key };
  });
}

/**
 * What keeps one signature per letter: "o:" and an organization's key, "m:" and an individual's
 * mailbox hash, "p:" and the person key of an individual without an email (domain/organization.ts
 * personKey: the same name, city and country); null for an organization whose name has no key.
 */
async function duplicateKey(secret: string, signature: ImportedSignature): Promise<string | null> {
  if (signature.kind === "organization") {
    const key = organizationKeyOf(signature);
    return key ? `o:${key}` : null;
  }
  return signature.email ? `m:${await mailboxHash(secret, signature.email)}` : `p:${personKey(signature)}`;
}

/**
 * Starts a previewed import with its rows' results, then runs its first batches (see runImport).
 *
 * @param stamp the previewStamp of the page whose "Import" button was pressed (domain/signature-import.ts)
 * @throws Problem 409 when it is not previewed (or has nothing to import), when its mapping or the
 *   import itself is not the one that page showed (another tab, a discarded import's number), or its
 *   mode can no longer be used
 */
export async function startImport(
  deps: AppDeps,
  letter: Letter,
  imported: StoredImport,
  stamp: string,
): Promise<StoredImport> {
  if (imported.state === "checking") {
    throw organizerProblem(409, "importRechecking");
  }
  if (imported.state !== "previewed") throw importStarted();
  if (stamp !== previewStamp(imported)) throw previewChanged();
  if (imported.validCount === 0) {
    throw organizerProblem(409, "nothingToImport");
  }
  if (imported.mapping.mode === "confirm") {
    const problem = confirmModeProblem(deps, letter);
    if (problem) throw new MappingRefused([problem]);
  }
  if (!(await markStarted(deps.db, imported.id, deps.origin, imported.mapping))) {
    const now = await requireImport(deps, letter, imported.id);
    // Pressed twice (two tabs, a double click): the other press started it, and this one follows it.
    if (now.state === "previewed") throw previewChanged();
  } else {
    await recordActivity(deps, {
      action: "import-run",
      letterId: letter.id,
      after: { mode: imported.mapping.mode },
      detail: activityDetail(
        "importStarted",
        imported.fileName,
        imported.id,
        imported.validCount,
        imported.refusedCount + imported.duplicateCount,
      ),
    });
  }
  return moveImport(deps, letter, imported.id);
}

function previewChanged(): Problem {
  return organizerProblem(409, "importChanged");
}

/**
 * Moves an import on by up to settings.importStepsPerRequest steps (one
 * fits the Workers Free plan's 10 ms of CPU: bench/import.ts), whichever its
 * state asks for: reading its file's next rows, checking its next rows, or
 * importing its next batch (runBatch), after sending again those of its
 * confirmation emails the provider refused for a moment that are due (also
 * once it is done); it stops early when the import
 * waits for the organizer (mapping, previewed) or is done. A step that
 * another request (or the cron) took meanwhile is not taken twice: it
 * writes nothing, and the import is read again. Refreshes the letter's
 * public copies once when signatures were stored.
 *
 * @returns the import as it stands after
 * @throws StorageUnavailable when D1 failed (steps before it are stored; move it again to go on)
 */
export async function moveImport(deps: AppDeps, letter: Letter, importId: number): Promise<StoredImport> {
  let stored = 0;
  let imported = await requireImport(deps, letter, importId);
  if (imported.mapping.mode === "confirm" && imported.emailsWaiting > 0) {
    // Its confirmation emails refused for a moment, first: a batch's worth at most, at the provider's pace.
    await sendDueConfirmations(deps, { of: { letterId: letter.id, importId }, limit: IMPORT_BATCH_ROWS.confirm });
    imported = await requireImport(deps, letter, importId);
  }
  try {
    for (let step = 0; step < deps.settings.importStepsPerRequest; step++) {
      if (imported.state === "reading") await readStep(deps, imported);
      else if (imported.state === "checking") await checkStep(deps, letter, imported);
      else if (imported.state === "running") {
        const outcome = await runBatch(deps, letter, imported);
        if (outcome !== "finished") stored += outcome;
      } else break;
      imported = await requireImport(deps, letter, importId);
    }
  } finally {
    if (stored > 0) await deps.publicCopies.letterChanged(letter.slug);
  }
  return imported;
}

/** One step of reading a file's rows (see createImport); a fault found ends the import unreadable, its rows deleted. */
async function readStep(deps: AppDeps, imported: StoredImport): Promise<void> {
  const from = imported.readAt!;
  const remaining = imported.sourceChars! - from;
  let step;
  try {
    step = await readRows({
      delimiter: imported.delimiter,
      columns: imported.header.length,
      read: imported.rowCount,
      remaining,
      windowAt: (width) => sourceWindow(deps.db, imported.id, from, width),
    });
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    await markUnreadable(deps.db, imported.id, storedFileProblem(error.problem));
    return;
  }
  // Another request took this step, and the last: nothing to write.
  if (step === "gone") return;
  await saveReadStep(deps.db, imported.id, {
    from,
    rows: step.rows,
    next: step.next === null ? null : from + step.next,
  });
}

/**
 * One batch: the next pending rows read again by the import's mapping into
 * signatures (as the preview found them; a row that now fails is skipped
 * with its reason), stored in one transaction (storage/imports.ts
 * importBatch); then, in confirmation mode, the normal confirmation email to
 * each new signer (app/signing.ts notifySigners: its links, its language).
 *
 * @returns how many signatures it stored, or "finished" when no row was pending (the import is done)
 */
async function runBatch(deps: AppDeps, letter: Letter, imported: StoredImport): Promise<number | "finished"> {
  const { mode } = imported.mapping;
  const rows = await pendingImportRows(deps.db, imported.id, IMPORT_BATCH_ROWS[mode]);
  if (rows.length === 0) {
    await finish(deps, letter, imported.id);
    return "finished";
  }
  const secret = deps.secretKey();
  const now = deps.now();
  const language = originalLanguage(letter);
  const batch: BatchRow[] = await Promise.all(
    rows.map(async (row): Promise<BatchRow> => {
      const reading: RowReading = row.cells
        ? readImportRow(row.cells, imported.mapping)
        : { refused: [{ code: "erased" }] };
      if ("refused" in reading)
        return { rowId: row.id, skip: { outcome: "refused", reason: storedRowProblems(reading.refused) } };
      const { signature } = reading;
      const email = signature.email;
      const confirm = mode === "confirm";
      const stored: StorableSignature & { ref: string } = {
        ...signature,
        authorized: false,
        email,
        channel: "import",
        importId: imported.id,
        ref: newSignatureRef(),
        status: confirm ? "unconfirmed" : "confirmed",
        emailHash: email ? await hmacHex(secret, "email", email) : null,
        mailboxHash: email ? await mailboxHash(secret, email) : null,
        clientHash: null,
        confirmExpiresAt: confirm ? new Date(now.getTime() + CONFIRMATION_LINK_DAYS * 86_400_000).toISOString() : null,
        // The confirmation email sent below counts against the signature's allowance, as signing's does.
        emailsSent: confirm ? 1 : 0,
        emailsWindowStart: confirm ? now.toISOString() : null,
        language,
        // Its webhook's letter.url: the origin the import was started at (the cron continues it without one).
        origin: imported.origin ?? deps.origin,
      };
      return { rowId: row.id, signature: stored };
    }),
  );
  let created: boolean[];
  try {
    created = await importBatch(deps.db, letter.id, imported.id, batch);
  } catch (error) {
    if (error instanceof BatchAlreadyImported) return 0;
    throw error;
  }
  if (mode === "confirm") await emailNewSigners(deps, letter, imported, batch, created);
  // The last batch ends the import at once: its page says Done, not "1 of 1 rows done" and Continue.
  if (rows.length < IMPORT_BATCH_ROWS[mode]) await finish(deps, letter, imported.id);
  return created.filter(Boolean).length;
}

/**
 * Marks an import done once its last row is, and logs what it did then (importFinished: signatures
 * imported, rows not), once: only the request whose update marked it done writes the entry.
 */
async function finish(deps: AppDeps, letter: Letter, importId: number): Promise<void> {
  if (!(await finishImport(deps.db, importId))) return;
  const done = await requireImport(deps, letter, importId);
  await recordActivity(deps, {
    action: "import-run",
    letterId: letter.id,
    detail: activityDetail(
      "importFinished",
      done.fileName,
      done.id,
      done.importedCount,
      Math.max(0, done.rowCount - done.importedCount),
    ),
  });
}

/**
 * Sends each signature the batch stored its confirmation email; one the provider refused for a moment
 * is kept to be sent again (app/confirmation-mail.ts); counts the ones that could not be sent at all.
 */
async function emailNewSigners(
  deps: AppDeps,
  letter: Letter,
  imported: StoredImport,
  batch: readonly BatchRow[],
  created: readonly boolean[],
): Promise<void> {
  const origin = imported.origin ?? deps.origin;
  const accepted: AcceptedSignature[] = [];
  batch.forEach((row, index) => {
    if (!("signature" in row) || !created[index] || !row.signature.email || !origin) return;
    const { signature } = row;
    const input: SignatureInput = { ...signature, email: signature.email! };
    accepted.push({
      letter: { id: letter.id, slug: letter.slug, title: letter.title, languages: letter.languages },
      language: signature.language ?? null,
      policy: { confirmByEmail: true, reviewOrganizations: letter.reviewOrganizations },
      input,
      emailHash: signature.emailHash!,
      mailboxHash: signature.mailboxHash!,
      clientHash: "",
      ref: signature.ref,
      origin,
    });
  });
  if (accepted.length === 0) return;
  const outcomes: StoreOutcome[] = accepted.map(() => ({ created: true, awaitsConfirmation: true }));
  // Nobody is there to sign again: an email the provider refuses for a moment is sent again later.
  const unsent = await notifySigners({ ...deps, origin }, accepted, outcomes, { retryLater: true });
  await addUnsentEmails(deps.db, imported.id, unsent);
}

/** Discards an import that has not started, with its rows. @throws Problem 409 once it has started */
export async function discardImport(deps: AppDeps, imported: StoredImport): Promise<void> {
  if (!(await deleteImport(deps.db, imported.id))) throw importStarted();
  await recordActivity(deps, {
    action: "import-discarded",
    letterId: imported.letterId,
    detail: activityDetail("importFile", imported.fileName, imported.id),
  });
}

/**
 * The minute cron's part: moves on the oldest import (reading, checking or
 * running) that nobody moved for IDLE_IMPORT_MS (the organizer closed the
 * page, or a step failed), as one request would (moveImport): one import per
 * run, so that a run stays within the Free plan's CPU time as a request does.
 *
 * @returns how many imports it moved (0 or 1), and how many of those are done
 */
export async function continueIdleImports(deps: AppDeps, now: Date): Promise<{ continued: number; done: number }> {
  const idle = await idleImports(deps.db, new Date(now.getTime() - IDLE_IMPORT_MS).toISOString(), 1);
  let done = 0;
  for (const { id, letterId } of idle) {
    const letter = await findLetterById(deps.db, letterId);
    if (!letter) continue;
    try {
      const after = await moveImport(deps, letter, id);
      if (after.state === "done") done++;
    } catch (error) {
      // The next minute tries again; nothing of the rows is logged.
      if (!(error instanceof StorageUnavailable)) throw error;
      console.error(JSON.stringify({ event: "import_step_failed", import: id, error: error.name }));
    }
  }
  return { continued: idle.length, done };
}

/**
 * The maintenance job's part: erases the rows of imports done more than
 * IMPORT_RETENTION_DAYS ago (their counts and signatures stay), and deletes
 * imports never run that were made that long ago.
 */
export function expireImports(deps: Pick<AppDeps, "db">, now: Date): Promise<{ erased: number; deleted: number }> {
  const cutoff = new Date(now.getTime() - IMPORT_RETENTION_DAYS * 86_400_000).toISOString();
  return eraseOldImports(deps.db, { doneBefore: cutoff, madeBefore: cutoff });
}

/** A row of the preview: where it is in the file, its result, and what it reads as. */
export interface PreviewRow {
  line: number;
  outcome: "valid" | "refused" | "duplicate" | null;
  /** Why it is not imported (none for a row to import). */
  reasons: ImportRowProblem[];
  state: "pending" | "imported" | "skipped";
  /** The signature it reads as, when it does (and its cells were not erased). */
  signature: ImportedSignature | null;
}

/**
 * A page of the import's rows (PREVIEW_PAGE_ROWS each), those `show` says,
 * each read again by the import's mapping to show what it makes.
 */
export async function previewRows(
  deps: AppDeps,
  imported: StoredImport,
  { show, page }: { show: PreviewShow; page: number },
): Promise<PreviewRow[]> {
  const rows = await importRowsPage(deps.db, imported.id, {
    outcome: show === "all" ? undefined : show,
    offset: (page - 1) * PREVIEW_PAGE_ROWS,
    limit: PREVIEW_PAGE_ROWS,
  });
  return rows.map((row) => {
    const reading = row.cells ? readImportRow(row.cells, imported.mapping) : null;
    return {
      line: row.line,
      outcome: row.outcome,
      reasons: row.reason ? readRowProblems(row.reason) : [],
      state: row.state,
      signature: reading && "signature" in reading ? reading.signature : null,
    };
  });
}

/**
 * The rows not imported (refused, duplicates), 1,000 at a time, each with
 * its cells as read and its reason: what the refused rows' CSV is made of.
 * The download is logged (export-downloaded) before the first row is read.
 *
 * @throws Problem 410 once the rows were erased (IMPORT_RETENTION_DAYS after the import)
 */
export async function refusedRowPages(
  deps: AppDeps,
  imported: StoredImport,
): Promise<AsyncIterable<{ line: number; cells: string[]; reasons: ImportRowProblem[] }[]>> {
  if (imported.erasedAt) {
    throw organizerProblem(410, "refusedRowsErased", [IMPORT_RETENTION_DAYS]);
  }
  // Personal data leaves the service: who took it is logged.
  await recordActivity(deps, {
    action: "export-downloaded",
    letterId: imported.letterId,
    detail: activityDetail("refusedRows", imported.fileName, imported.id),
  });
  return (async function* () {
    let after = 0;
    for (;;) {
      const rows = await notImportedRows(deps.db, imported.id, after, 1_000);
      if (rows.length === 0) return;
      yield rows.map((row) => ({
        line: row.line,
        cells: row.cells ?? [],
        reasons: row.reason ? readRowProblems(row.reason) : [],
      }));
      after = rows.at(-1)!.id;
    }
  })();
}

/** A page of the signatures the import stored (newest first, 50), and where the next page starts. */
export async function importedSignaturesPage(
  deps: AppDeps,
  letter: Letter,
  imported: StoredImport,
  before?: number,
): Promise<{ signatures: ImportedSignatureRow[]; nextBefore: number | null }> {
  const rows = await importedSignatures(deps.db, letter.id, imported.id, { before, limit: 51 });
  const signatures = rows.slice(0, 50);
  return { signatures, nextBefore: rows.length > 50 ? signatures.at(-1)!.id : null };
}

/** The letter's imports, newest first. */
export function letterImports(deps: AppDeps, letter: Letter): Promise<StoredImport[]> {
  return listImports(deps.db, letter.id);
}

/** What an import's page shows, at its step (see views/admin/import-page.tsx). */
export interface ImportPageData {
  samples: string[][];
  confirmProblem: ImportMappingProblem | null;
  preview?: { show: PreviewShow; page: number; rows: PreviewRow[] };
  importedPage?: { signatures: ImportedSignatureRow[]; nextBefore: number | null };
  /** Once its rows are checked: the refused rows its file's Status column kept out, by why (a part of refusedCount). */
  skipped?: StatusSkips;
}

/** What the page of `imported` shows: its first rows beside the mapping, a page of its preview, or what it stored. */
export async function importPageData(
  deps: AppDeps,
  letter: Letter,
  imported: StoredImport,
  query: { show: PreviewShow; page: number; before?: number },
): Promise<ImportPageData> {
  const confirmProblem = confirmModeProblem(deps, letter);
  // Only a mapping with a Status column can skip rows for it: other imports read nothing more.
  const skipped = () =>
    imported.mapping.columns.includes("status") && imported.refusedCount > 0
      ? statusSkips(deps.db, imported.id)
      : { notCounted: 0, unconfirmed: 0 };
  if (imported.state === "done" || imported.state === "running") {
    return {
      samples: [],
      confirmProblem,
      importedPage: await importedSignaturesPage(deps, letter, imported, query.before),
      skipped: await skipped(),
    };
  }
  const first = await importRowsPage(deps.db, imported.id, { offset: 0, limit: 3 });
  const samples = first.map((row) => row.cells ?? []);
  if (imported.state !== "previewed") return { samples, confirmProblem };
  return {
    samples,
    confirmProblem,
    preview: { show: query.show, page: query.page, rows: await previewRows(deps, imported, query) },
    skipped: await skipped(),
  };
}
