/**
 * The letters table: reading published letters, and writing them from the
 * organizer area (drafts, text and settings, stages, deletion, closing on
 * time). Rows become domain objects here only. (The statements the loader
 * of content/ runs, in Node, are in letters-sql.ts.)
 */
import type { PreviewSeed } from "../domain/draft-preview";
import type { Letter, LetterStatus, StateChange } from "../domain/letter";
import type { Delivery, LetterInput } from "../domain/letter-form";
import { DEFAULT_TIME_ZONE } from "../domain/time-zones";
import { revisionSql, translationRevisionSql } from "./letter-revisions-sql";
import { upsertTranslationStatement, type TranslationText } from "./letter-translations";
import { letterTextsJsonSql } from "./text-versions-sql";
import { digested, readLetterTexts, textVersionStatement } from "./text-versions";

interface LetterRow {
  id: number;
  slug: string;
  title: string;
  summary: string;
  letter_date: string;
  addressee: string;
  language: string;
  status: LetterStatus;
  closes_at: string | null;
  closes_time_zone: string | null;
  closed_at: string | null;
  body_html: string;
  signature_count: number;
  organization_count: number;
  individual_count: number;
  pending_count: number;
  confirm_signatures: 0 | 1 | null;
  review_organizations: 0 | 1;
  record_length: number;
  record_sealed: number;
  record_root: string | null;
  created_at: string;
  updated_at: string;
  delivered_on: string | null;
  delivery_note: string | null;
  text_updated_at: string | null;
  managed_by: "file" | "admin";
  /** The seq of its latest text entry (text_versions), or null when it has none. */
  text_seq: number | null;
  /** The translations' languages, comma-separated, or null. */
  translation_languages: string | null;
  /** The translations' own delivery notes, a JSON object language → note, or null. */
  translation_delivery_notes: string | null;
}

const LETTER_COLUMNS = `id, slug, title, summary, letter_date, addressee, language, status, closes_at, closes_time_zone, closed_at, body_html,
  signature_count, organization_count, individual_count, pending_count, confirm_signatures, review_organizations,
  record_length, record_sealed, record_root, created_at, updated_at, delivered_on, delivery_note, text_updated_at, managed_by,
  (SELECT group_concat(language, ',') FROM (SELECT language FROM letter_translations WHERE letter_id = letters.id ORDER BY language))
    AS translation_languages,
  (SELECT json_group_object(language, delivery_note) FROM letter_translations
    WHERE letter_id = letters.id AND delivery_note IS NOT NULL) AS translation_delivery_notes,
  (SELECT max(seq) FROM text_versions WHERE letter_id = letters.id) AS text_seq`;

function toLetter(row: LetterRow): Letter {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    date: row.letter_date,
    addressee: row.addressee,
    language: row.language,
    languages: [row.language, ...(row.translation_languages ? row.translation_languages.split(",") : [])],
    status: row.status,
    closesAt: row.closes_at,
    closesTimeZone: row.closes_time_zone ?? DEFAULT_TIME_ZONE,
    closedAt: row.closed_at,
    bodyHtml: row.body_html,
    counts: { total: row.signature_count, organizations: row.organization_count, individuals: row.individual_count },
    pendingCount: row.pending_count,
    confirmSignatures: row.confirm_signatures === null ? null : row.confirm_signatures === 1,
    reviewOrganizations: row.review_organizations === 1,
    record: { length: row.record_length, sealed: row.record_sealed, root: row.record_root },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deliveredOn: row.delivered_on,
    deliveryNote: row.delivery_note,
    translatedDeliveryNotes: row.translation_delivery_notes
      ? (JSON.parse(row.translation_delivery_notes) as Record<string, string>)
      : {},
    textUpdatedAt: row.text_updated_at,
    managedBy: row.managed_by,
    textSeq: row.text_seq ?? 0,
  };
}

/** The letter at `slug` unless it is a draft: drafts are never public. */
export async function findPublishedLetter(db: D1Database, slug: string): Promise<Letter | null> {
  const row = await db
    .prepare(`SELECT ${LETTER_COLUMNS} FROM letters WHERE slug = ?1 AND status <> 'draft'`)
    .bind(slug)
    .first<LetterRow>();
  return row ? toLetter(row) : null;
}

// Letters read for signing, per Worker instance: slug → the letter, when it was read, and whether a request is reading it again.
const recentLetters = new Map<string, { letter: Letter; readAt: number; refreshing: boolean }>();
const RECENT_LETTERS_MAX = 1_000;
/** How long past its freshness a letter read for signing may still be used, while it is read again or while D1 fails. */
export const RECENT_LETTER_STALE_MS = 60_000;

// Reads of a letter this instance has no copy of, under way: the signatures that arrive meanwhile wait for it.
const firstReads = new Map<string, Promise<Letter | null>>();
/** How long a signature waits for another's read of the letter before reading it itself. */
const FIRST_READ_WAIT_MS = 3_000;

/**
 * The letter read once for all the signatures that arrive together at an
 * instance with no copy of it (a new instance, when a letter is going viral),
 * rather than once for each. A wait that comes to nothing (the reading
 * request failed or was cancelled) ends in a read of one's own.
 */
async function firstRead(db: D1Database, slug: string): Promise<Letter | null> {
  const pending = firstReads.get(slug);
  if (pending) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), FIRST_READ_WAIT_MS);
    });
    try {
      const letter = await Promise.race([pending, gaveUp]);
      if (letter !== undefined) return letter;
    } catch {
      // The other read failed: try once more with our own.
    } finally {
      clearTimeout(timer);
    }
    return findPublishedLetter(db, slug);
  }
  const read = findPublishedLetter(db, slug);
  firstReads.set(slug, read);
  try {
    return await read;
  } finally {
    if (firstReads.get(slug) === read) firstReads.delete(slug);
  }
}

/**
 * findPublishedLetter, reusing what this Worker instance read in the last
 * `seconds`: when a letter goes viral, every signature would otherwise read
 * the same row again. Past that, one request reads it again while the others
 * keep using the copy (so an expiry does not send every signature in flight
 * to D1 at once), and a copy up to RECENT_LETTER_STALE_MS past its freshness
 * stands in when D1 fails. A change to the letter (closed by hand,
 * unpublished) may so reach signing late, by `seconds` normally and by a
 * minute at most; a closing time is still checked against the clock at every
 * signature.
 */
export async function findRecentPublishedLetter(
  db: D1Database,
  slug: string,
  seconds: number,
  now = Date.now(),
): Promise<Letter | null> {
  const recent = seconds > 0 ? recentLetters.get(slug) : undefined;
  const usable = recent && now - recent.readAt < seconds * 1000 + RECENT_LETTER_STALE_MS ? recent : undefined;
  if (usable && (now - usable.readAt < seconds * 1000 || usable.refreshing)) return usable.letter;
  if (usable) usable.refreshing = true;
  let letter: Letter | null;
  try {
    letter = usable ? await findPublishedLetter(db, slug) : await firstRead(db, slug);
  } catch (error) {
    if (usable) {
      usable.refreshing = false;
      return usable.letter;
    }
    throw error;
  }
  if (seconds > 0 && letter) {
    if (recentLetters.size >= RECENT_LETTERS_MAX) recentLetters.clear();
    recentLetters.set(slug, { letter, readAt: now, refreshing: false });
  } else {
    recentLetters.delete(slug);
  }
  return letter;
}

/** The letter with `id`, published or not (for links that carry the letter's id). */
export async function findLetterById(db: D1Database, id: number): Promise<Letter | null> {
  const row = await db.prepare(`SELECT ${LETTER_COLUMNS} FROM letters WHERE id = ?1`).bind(id).first<LetterRow>();
  return row ? toLetter(row) : null;
}

/** Where a page of the letters list ends: the last letter's date and id (newest first). */
export interface LetterCursor {
  date: string;
  id: number;
}

/**
 * A page of published letters, newest first, after `after`; `status`
 * filters on what the public sees at `now` (a letter past its closing time is
 * closed). Keyset pagination: one query, the page's size whatever the number
 * of letters. `closesNext` is the earliest closing time after `now` of any
 * open letter (ISO 8601), on this page or not: the page changes then (a
 * letter moves from the open to the closed list, and pages shift).
 */
export async function listPublishedLettersPage(
  db: D1Database,
  options: { status?: "open" | "closed"; after: LetterCursor | null; limit: number; now: Date },
): Promise<{ letters: Letter[]; next: LetterCursor | null; closesNext: string | null }> {
  const [page, closing] = await db.batch<LetterRow & { closes_next: string | null }>([
    db
      .prepare(
        `SELECT ${LETTER_COLUMNS} FROM letters
       WHERE status <> 'draft'
         AND (?5 = 'any' OR (?5 = 'open') = (status = 'open' AND (closes_at IS NULL OR closes_at > ?4)))
         AND (?1 IS NULL OR letter_date < ?1 OR (letter_date = ?1 AND id < ?2))
       ORDER BY letter_date DESC, id DESC LIMIT ?3`,
      )
      .bind(
        options.after?.date ?? null,
        options.after?.id ?? 0,
        options.limit + 1,
        options.now.toISOString(),
        options.status ?? "any",
      ),
    db
      .prepare("SELECT min(closes_at) AS closes_next FROM letters WHERE status = 'open' AND closes_at > ?1")
      .bind(options.now.toISOString()),
  ]);
  const results = page?.results ?? [];
  const letters = results.slice(0, options.limit).map(toLetter);
  const last = letters.at(-1);
  return {
    letters,
    next: results.length > options.limit && last ? { date: last.date, id: last.id } : null,
    closesNext: closing?.results[0]?.closes_next ?? null,
  };
}

/** Every published letter, newest first. */
export async function listPublishedLetters(db: D1Database): Promise<Letter[]> {
  const { results } = await db
    .prepare(`SELECT ${LETTER_COLUMNS} FROM letters WHERE status <> 'draft' ORDER BY letter_date DESC, id DESC`)
    .all<LetterRow>();
  return results.map(toLetter);
}

/** Every letter, drafts included, most recently changed first (the organizers' list). */
export async function listAllLetters(db: D1Database): Promise<Letter[]> {
  const { results } = await db
    .prepare(`SELECT ${LETTER_COLUMNS} FROM letters ORDER BY updated_at DESC, id DESC`)
    .all<LetterRow>();
  return results.map(toLetter);
}

/** The letter at `slug`, drafts included (for organizers). */
export async function findLetter(db: D1Database, slug: string): Promise<Letter | null> {
  const row = await db.prepare(`SELECT ${LETTER_COLUMNS} FROM letters WHERE slug = ?1`).bind(slug).first<LetterRow>();
  return row ? toLetter(row) : null;
}

/** A letter with the Markdown source of its body, for the editor. */
export interface EditableLetter extends Letter {
  bodyMarkdown: string;
}

/** The letter at `slug`, drafts included, with its Markdown source, in one read. */
export async function findEditableLetter(db: D1Database, slug: string): Promise<EditableLetter | null> {
  const row = await db
    .prepare(`SELECT ${LETTER_COLUMNS}, body_markdown FROM letters WHERE slug = ?1`)
    .bind(slug)
    .first<LetterRow & { body_markdown: string }>();
  return row ? { ...toLetter(row), bodyMarkdown: row.body_markdown } : null;
}

// Writing letters from the organizer area: creating drafts, saving their
// text and settings, moving them through their stages, deleting unsigned
// drafts, and closing letters whose time has come (the cron job). Every
// write that touches the text also keeps its history (letter-revisions-sql.ts)
// and, when the text it makes public is new, publishes it as a version in the
// record (text-versions.ts), in the same transaction.

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // D1 puts SQLite's message in the error's own message, or in its cause's.
  const cause = error.cause instanceof Error ? error.cause.message : typeof error.cause === "string" ? error.cause : "";
  return /UNIQUE constraint failed: letters\.slug/.test(`${error.message} ${cause}`);
}

function revisionStatements(db: D1Database, id: number): D1PreparedStatement[] {
  return revisionSql("id = ?1").map((sql) => db.prepare(sql).bind(id));
}

/**
 * What an organizer's letter form sets, in the order insertDraftLetter (?1 to ?12) and updateLetter
 * (?2 to ?13) bind it: slug, title, summary, date, addressee, language, closes_at, the body as Markdown
 * and as HTML, confirm_signatures (1, 0, or null for the default), review_organizations (1 or
 * 0), closes_time_zone.
 */
function letterInputParams(input: LetterInput): unknown[] {
  return [
    input.slug,
    input.title,
    input.summary,
    input.date,
    input.addressee,
    input.language,
    input.closesAt,
    input.bodyMarkdown,
    input.bodyHtml,
    input.confirmSignatures === null ? null : input.confirmSignatures ? 1 : 0,
    input.reviewOrganizations ? 1 : 0,
    input.closesTimeZone,
  ];
}

/** Creates a draft written in the organizer area; null when another letter has its slug. */
export async function insertDraftLetter(db: D1Database, input: LetterInput): Promise<number | null> {
  try {
    const row = await db
      .prepare(
        `INSERT INTO letters (slug, title, summary, letter_date, addressee, language, status, closes_at, body_markdown, body_html,
           confirm_signatures, review_organizations, managed_by, closes_time_zone)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'draft', ?7, ?8, ?9, ?10, ?11, 'admin', ?12) RETURNING id`,
      )
      .bind(...letterInputParams(input))
      .first<{ id: number }>();
    await db.batch(revisionStatements(db, row!.id));
    return row!.id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * Saves the letter's text and settings (and slug, only for a draft that was
 * never published: domain/letter.ts wasPublished; checked here too), keeps the new text in its history, publishes it as a new
 * version of the letter's language when the letter is public and its text
 * changed, and takes the letter over from its content file. False when
 * another letter has the slug.
 */
export async function updateLetter(db: D1Database, id: number, input: LetterInput): Promise<boolean> {
  const text = await digested(input);
  try {
    await db.batch([
      db
        .prepare(
          `UPDATE letters SET slug = CASE WHEN status = 'draft' AND record_length = 0 THEN ?2 ELSE slug END, title = ?3, summary = ?4, letter_date = ?5, addressee = ?6, language = ?7, closes_at = ?8,
             body_markdown = ?9, body_html = ?10, confirm_signatures = ?11, review_organizations = ?12, managed_by = 'admin',
             closes_time_zone = ?13, updated_at = ${NOW}
           WHERE id = ?1`,
        )
        .bind(id, ...letterInputParams(input)),
      ...revisionStatements(db, id),
      textVersionStatement(db, id, text),
    ]);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

// Each change binds ?1 (the letter), ?2 (now), ?3 and ?4 (the delivery); ?2–?4 appear where a change uses them.
const STATE_SQL: Record<StateChange, string> = {
  publish: "status = 'open' WHERE id = ?1 AND status = 'draft' AND ?2 IS NOT NULL AND ?3 IS ?3 AND ?4 IS ?4",
  close: "status = 'closed', closed_at = ?2 WHERE id = ?1 AND status = 'open' AND ?3 IS ?3 AND ?4 IS ?4",
  // A letter reopened after its closing time passed stays open until it is closed again. One anonymized
  // meanwhile is no longer: its new signers' emails are erased RETENTION_DAYS after it closes again
  // (storage/maintenance.ts anonymizeLetter takes the signatures not anonymized yet).
  reopen: `status = 'open', closed_at = NULL, closes_at = CASE WHEN closes_at <= ?2 THEN NULL ELSE closes_at END,
    anonymized_at = NULL
    WHERE id = ?1 AND status IN ('open', 'closed') AND delivered_on IS NULL AND ?3 IS ?3 AND ?4 IS ?4`,
  // Delivering an open letter closes it now; a closed one keeps the moment it closed.
  deliver: `status = 'closed', delivered_on = ?3, delivery_note = ?4,
    closed_at = CASE WHEN status = 'open' THEN ?2 ELSE closed_at END WHERE id = ?1 AND status IN ('open', 'closed')`,
  unpublish: `status = 'draft', closed_at = NULL WHERE id = ?1 AND status IN ('open', 'closed') AND delivered_on IS NULL
    AND NOT EXISTS (SELECT 1 FROM signatures WHERE letter_id = ?1) AND ?2 IS NOT NULL AND ?3 IS ?3 AND ?4 IS ?4`,
};

/**
 * Moves the letter to another stage, if it is still in one the change
 * applies to (the caller checked canChangeState on what it read; this
 * re-checks in the same statement). Publishing a draft publishes its text in
 * every language it has as versions in the record, in the same transaction,
 * and only if no text changed since they were read and hashed (otherwise
 * nothing moves). A delivery writes its note in the original language and
 * each translation's own (`delivery.translations`: language → note, null
 * for none; languages the letter has no translation in change nothing).
 * Returns whether it moved.
 */
export async function changeLetterState(
  db: D1Database,
  id: number,
  change: StateChange,
  now: Date,
  delivery: Delivery | null = null,
): Promise<boolean> {
  const binds = [id, now.toISOString(), delivery?.on ?? null, delivery?.note ?? null];
  const update = `UPDATE letters SET managed_by = 'admin', updated_at = ${NOW}, ${STATE_SQL[change]}`;
  if (change === "deliver" && delivery) {
    // Each translation's note, written only when the delivery itself was (same transaction, its day now stored).
    const [moved] = await db.batch([
      db.prepare(update).bind(...binds),
      ...Object.entries(delivery.translations).map(([language, note]) =>
        db
          .prepare(
            `UPDATE letter_translations SET delivery_note = ?3 WHERE letter_id = ?1 AND language = ?2
               AND EXISTS (SELECT 1 FROM letters WHERE id = ?1 AND status = 'closed' AND delivered_on = ?4)`,
          )
          .bind(id, language, note, delivery.on),
      ),
    ]);
    return (moved?.meta.changes ?? 0) > 0;
  }
  if (change !== "publish") {
    const result = await db
      .prepare(update)
      .bind(...binds)
      .run();
    return result.meta.changes > 0;
  }
  const { texts, fingerprint } = await readLetterTexts(db, id);
  const versions = await Promise.all(texts.map(digested));
  const [moved] = await db.batch([
    db.prepare(`${update} AND ${letterTextsJsonSql("?1")} = ?5`).bind(...binds, fingerprint),
    ...versions.map((text) => textVersionStatement(db, id, text)),
  ]);
  return (moved?.meta.changes ?? 0) > 0;
}

/**
 * What the key of letter `id`'s shareable preview link is made from (domain/draft-preview.ts):
 * its preview secret (letters.preview_secret, migrations/0035: null for a letter stored before)
 * and generation (letters.preview_generation, migrations/0032: 0 until a new link is made); null
 * when there is no such letter. The secret never leaves the app: only its HMAC is shown.
 */
export async function letterPreviewSeed(db: D1Database, id: number): Promise<PreviewSeed | null> {
  const row = await db
    .prepare("SELECT preview_secret, preview_generation FROM letters WHERE id = ?1")
    .bind(id)
    .first<{ preview_secret: string | null; preview_generation: number }>();
  return row ? { letterId: id, secret: row.preview_secret, generation: row.preview_generation } : null;
}

/**
 * Draws a new preview secret for letter `id` (and adds one to its preview generation): its preview
 * link's key changes, the one before stops working. Not a change of the letter (its updated_at
 * and public copies stay as they are).
 *
 * @returns whether there was such a letter
 */
export async function renewLetterPreviewSecret(db: D1Database, id: number): Promise<boolean> {
  const result = await db
    .prepare(
      "UPDATE letters SET preview_secret = lower(hex(randomblob(16))), preview_generation = preview_generation + 1 WHERE id = ?1",
    )
    .bind(id)
    .run();
  return result.meta.changes > 0;
}

/** Deletes a draft nobody has signed and that was never published; false when it is not (or no longer) one. */
export async function deleteDraftLetter(db: D1Database, id: number): Promise<boolean> {
  const result = await db
    .prepare(
      // A draft with record entries was published once, or signatures were added to it: its record stays (domain/letter.ts wasPublished).
      "DELETE FROM letters WHERE id = ?1 AND status = 'draft' AND record_length = 0 AND NOT EXISTS (SELECT 1 FROM signatures WHERE letter_id = ?1)",
    )
    .bind(id)
    .run();
  return result.meta.changes > 0;
}

/** Closes the open letters whose closing time has come; returns their ids and slugs (the cron job). */
export async function closeDueLetters(db: D1Database, now: Date): Promise<{ id: number; slug: string }[]> {
  const { results } = await db
    .prepare(
      `UPDATE letters SET status = 'closed', closed_at = closes_at, updated_at = ${NOW}
       WHERE status = 'open' AND closes_at <= ?1 RETURNING id, slug`,
    )
    .bind(now.toISOString())
    .all<{ id: number; slug: string }>();
  return results;
}

/**
 * Saves a translation written in the organizer area, keeps its text in the
 * history, publishes it as a new version of its language when the letter is
 * public and the text changed, and takes the letter over from its file.
 */
export async function saveTranslation(db: D1Database, letterId: number, translation: TranslationText): Promise<void> {
  const text = await digested(translation);
  await db.batch([
    upsertTranslationStatement(db, letterId, translation),
    db.prepare(translationRevisionSql("?1", "?2")).bind(letterId, translation.language),
    db.prepare(`UPDATE letters SET managed_by = 'admin', updated_at = ${NOW} WHERE id = ?1`).bind(letterId),
    textVersionStatement(db, letterId, text),
  ]);
}
