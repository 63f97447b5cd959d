/**
 * The letter_revisions table: every version of a letter's text. Whoever
 * changes a letter (the organizer area, or the loader of content/) runs the
 * same two statements after its change, so the history and the public
 * "updated on" date follow the text whichever way it was edited.
 */

export interface LetterRevision {
  id: number;
  language: string;
  title: string;
  summary: string;
  addressee: string;
  bodyMarkdown: string;
  /** Signatures counted when this version was saved, and whether the letter was public then. */
  signatureCount: number;
  published: boolean;
  createdAt: string;
}

/**
 * SQL that adds the letter's current text to its history when it differs
 * from the last version kept, then sets the letter's text_updated_at to the
 * last version saved while it was public and signed. `letterWhere` selects
 * the letter in `letters` (e.g. "id = ?1", or a slug literal for the loader).
 */
export function revisionSql(letterWhere: string): [string, string] {
  return [
    `INSERT INTO letter_revisions (letter_id, language, title, summary, addressee, body_markdown, signature_count, published)
SELECT letters.id, letters.language, letters.title, letters.summary, letters.addressee, letters.body_markdown,
  letters.signature_count, letters.status <> 'draft'
FROM letters WHERE ${letterWhere} AND NOT EXISTS (
  SELECT 1 FROM letter_revisions r
  WHERE r.id = (SELECT max(id) FROM letter_revisions WHERE letter_id = letters.id)
    AND r.title = letters.title AND r.summary = letters.summary AND r.addressee = letters.addressee
    AND r.body_markdown = letters.body_markdown AND r.language = letters.language)`,
    `UPDATE letters SET text_updated_at = (
  SELECT max(r.created_at) FROM letter_revisions r
  WHERE r.letter_id = letters.id AND r.published = 1 AND r.signature_count > 0
    AND r.id > (SELECT min(id) FROM letter_revisions WHERE letter_id = letters.id))
WHERE ${letterWhere}`,
  ];
}

interface RevisionRow {
  id: number;
  language: string;
  title: string;
  summary: string;
  addressee: string;
  body_markdown: string;
  signature_count: number;
  published: 0 | 1;
  created_at: string;
}

function toRevision(row: RevisionRow): LetterRevision {
  return {
    id: row.id,
    language: row.language,
    title: row.title,
    summary: row.summary,
    addressee: row.addressee,
    bodyMarkdown: row.body_markdown,
    signatureCount: row.signature_count,
    published: row.published === 1,
    createdAt: row.created_at,
  };
}

/** The letter's versions, newest first. */
export async function listRevisions(db: D1Database, letterId: number): Promise<LetterRevision[]> {
  const { results } = await db
    .prepare("SELECT * FROM letter_revisions WHERE letter_id = ?1 ORDER BY id DESC")
    .bind(letterId)
    .all<RevisionRow>();
  return results.map(toRevision);
}

/** One version of the letter's text. */
export async function findRevision(db: D1Database, letterId: number, id: number): Promise<LetterRevision | null> {
  const row = await db.prepare("SELECT * FROM letter_revisions WHERE letter_id = ?1 AND id = ?2").bind(letterId, id).first<RevisionRow>();
  return row ? toRevision(row) : null;
}
