/**
 * Writing letters from the organizer area: creating drafts, saving their
 * text and settings, moving them through their stages, deleting unsigned
 * drafts, and closing letters whose time has come (the cron job). Every
 * write that touches the text also keeps its history (letter-revision-sql.ts),
 * in the same transaction.
 */
import type { StateChange } from "../domain/letter";
import type { LetterInput } from "../domain/letter-form";
import { revisionSql, translationRevisionSql } from "./letter-revision-sql";
import { upsertTranslationStatement, type TranslationText } from "./letter-translations";

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

/** Creates a draft written in the organizer area; null when another letter has its slug. */
export async function insertDraftLetter(db: D1Database, input: LetterInput): Promise<number | null> {
  try {
    const row = await db
      .prepare(
        `INSERT INTO letters (slug, title, summary, letter_date, addressee, language, status, closes_at, body_markdown, body_html,
           confirm_signatures, review_organizations, managed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'draft', ?7, ?8, ?9, ?10, ?11, 'admin') RETURNING id`,
      )
      .bind(
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
      )
      .first<{ id: number }>();
    await db.batch(revisionStatements(db, row!.id));
    return row!.id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * Saves the letter's text and settings (and slug, which the caller allows for
 * drafts only), keeps the new text in its history, and takes the letter over
 * from its content file. False when another letter has the slug.
 */
export async function updateLetter(db: D1Database, id: number, input: LetterInput): Promise<boolean> {
  try {
    await db.batch([
      db
        .prepare(
          `UPDATE letters SET slug = ?2, title = ?3, summary = ?4, letter_date = ?5, addressee = ?6, language = ?7, closes_at = ?8,
             body_markdown = ?9, body_html = ?10, confirm_signatures = ?11, review_organizations = ?12, managed_by = 'admin',
             updated_at = ${NOW}
           WHERE id = ?1`,
        )
        .bind(
          id,
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
        ),
      ...revisionStatements(db, id),
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
  close: "status = 'closed' WHERE id = ?1 AND status = 'open' AND ?2 IS NOT NULL AND ?3 IS ?3 AND ?4 IS ?4",
  // A letter reopened after its closing time passed stays open until it is closed again.
  reopen: `status = 'open', closes_at = CASE WHEN closes_at <= ?2 THEN NULL ELSE closes_at END
    WHERE id = ?1 AND status IN ('open', 'closed') AND delivered_on IS NULL AND ?3 IS ?3 AND ?4 IS ?4`,
  deliver:
    "status = 'closed', delivered_on = ?3, delivery_note = ?4 WHERE id = ?1 AND status IN ('open', 'closed') AND ?2 IS NOT NULL",
  unpublish: `status = 'draft' WHERE id = ?1 AND status IN ('open', 'closed') AND delivered_on IS NULL
    AND NOT EXISTS (SELECT 1 FROM signatures WHERE letter_id = ?1) AND ?2 IS NOT NULL AND ?3 IS ?3 AND ?4 IS ?4`,
};

/**
 * Moves the letter to another stage, if it is still in one the change
 * applies to (the caller checked canChangeState on what it read; this
 * re-checks in the same statement). Returns whether it moved.
 */
export async function changeLetterState(
  db: D1Database,
  id: number,
  change: StateChange,
  now: Date,
  delivery: { on: string; note: string | null } | null = null,
): Promise<boolean> {
  const result = await db
    .prepare(`UPDATE letters SET managed_by = 'admin', updated_at = ${NOW}, ${STATE_SQL[change]}`)
    .bind(id, now.toISOString(), delivery?.on ?? null, delivery?.note ?? null)
    .run();
  return result.meta.changes > 0;
}

/** Deletes a draft nobody has signed; false when it is not (or no longer) one. */
export async function deleteDraftLetter(db: D1Database, id: number): Promise<boolean> {
  const result = await db
    .prepare(
      "DELETE FROM letters WHERE id = ?1 AND status = 'draft' AND NOT EXISTS (SELECT 1 FROM signatures WHERE letter_id = ?1)",
    )
    .bind(id)
    .run();
  return result.meta.changes > 0;
}

/** Closes the open letters whose closing time has come; returns their slugs (the cron job). */
export async function closeDueLetters(db: D1Database, now: Date): Promise<string[]> {
  const { results } = await db
    .prepare(
      `UPDATE letters SET status = 'closed', updated_at = ${NOW} WHERE status = 'open' AND closes_at <= ?1 RETURNING slug`,
    )
    .bind(now.toISOString())
    .all<{ slug: string }>();
  return results.map((row) => row.slug);
}

/** Saves a translation written in the organizer area, keeps its text in the history, and takes the letter over from its file. */
export async function saveTranslation(db: D1Database, letterId: number, translation: TranslationText): Promise<void> {
  await db.batch([
    upsertTranslationStatement(db, letterId, translation),
    db.prepare(translationRevisionSql("?1", "?2")).bind(letterId, translation.language),
    db.prepare(`UPDATE letters SET managed_by = 'admin', updated_at = ${NOW} WHERE id = ?1`).bind(letterId),
  ]);
}
