/**
 * The letter_translations table: a letter's title, summary, addressee and
 * body in its other languages. Rows become LetterTranslation here only.
 * Nothing here renders Markdown: callers pass the body_html renderMarkdown made.
 */
import type { LetterTranslation } from "../domain/letter";

interface TranslationRow {
  language: string;
  title: string;
  summary: string;
  addressee: string;
  body_markdown: string;
  body_html: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = "language, title, summary, addressee, body_markdown, body_html, created_at, updated_at";

function toTranslation(row: TranslationRow): LetterTranslation {
  return {
    language: row.language,
    title: row.title,
    summary: row.summary,
    addressee: row.addressee,
    bodyMarkdown: row.body_markdown,
    bodyHtml: row.body_html,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every translation of the letter, by language. */
export async function listLetterTranslations(db: D1Database, letterId: number): Promise<LetterTranslation[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM letter_translations WHERE letter_id = ?1 ORDER BY language`)
    .bind(letterId)
    .all<TranslationRow>();
  return results.map(toTranslation);
}

/** The letter's translation into `language`, or null. */
export async function findLetterTranslation(
  db: D1Database,
  letterId: number,
  language: string,
): Promise<LetterTranslation | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM letter_translations WHERE letter_id = ?1 AND language = ?2`)
    .bind(letterId, language)
    .first<TranslationRow>();
  return row ? toTranslation(row) : null;
}

/** What a translation holds; `bodyHtml` must come from renderMarkdown(bodyMarkdown). */
export type TranslationText = Pick<
  LetterTranslation,
  "language" | "title" | "summary" | "addressee" | "bodyMarkdown" | "bodyHtml"
>;

/**
 * Writes the letter's translation into `translation.language`, creating it or
 * replacing its text; updated_at moves only when the text changed.
 */
export async function upsertLetterTranslation(
  db: D1Database,
  letterId: number,
  translation: TranslationText,
): Promise<void> {
  await upsertTranslationStatement(db, letterId, translation).run();
}

/** The statement upsertLetterTranslation runs, for callers that write more in the same transaction. */
export function upsertTranslationStatement(
  db: D1Database,
  letterId: number,
  translation: TranslationText,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO letter_translations (letter_id, language, title, summary, addressee, body_markdown, body_html)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (letter_id, language) DO UPDATE SET title = excluded.title, summary = excluded.summary,
         addressee = excluded.addressee, body_markdown = excluded.body_markdown, body_html = excluded.body_html,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE (title, summary, addressee, body_markdown, body_html)
         IS NOT (excluded.title, excluded.summary, excluded.addressee, excluded.body_markdown, excluded.body_html)`,
    )
    .bind(
      letterId,
      translation.language,
      translation.title,
      translation.summary,
      translation.addressee,
      translation.bodyMarkdown,
      translation.bodyHtml,
    );
}

/** Removes the letter's translation into `language`; says whether there was one. */
export async function deleteLetterTranslation(db: D1Database, letterId: number, language: string): Promise<boolean> {
  const result = await db
    .prepare("DELETE FROM letter_translations WHERE letter_id = ?1 AND language = ?2")
    .bind(letterId, language)
    .run();
  return result.meta.changes > 0;
}
