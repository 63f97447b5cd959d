/**
 * The letter_revisions table: every version of a letter's text, read for
 * organizers. (The statements that add versions, which the loader of
 * content/ runs too, in Node, are in letter-revisions-sql.ts.)
 */

export interface LetterRevision {
  id: number;
  language: string;
  title: string;
  summary: string;
  addressee: string;
  bodyMarkdown: string;
  /** Signatures counted when this version was saved. */
  signatureCount: number;
  /** Whether this text was public: saved while the letter was, or made public by publishing the letter after. */
  published: boolean;
  createdAt: string;
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

/**
 * A version was public when it was saved while the letter was (letter_revisions.published), or
 * when one of its language's text versions (text_versions: what the record says was made public)
 * was published while it was that language's last saved text: a draft's text becomes public when
 * the letter is published, which saves no new version.
 */
const COLUMNS = `r.id, r.language, r.title, r.summary, r.addressee, r.body_markdown, r.signature_count, r.created_at,
  (r.published = 1 OR EXISTS (
    SELECT 1 FROM text_versions v
    WHERE v.letter_id = r.letter_id AND v.language = r.language AND v.published_at >= r.created_at
      AND NOT EXISTS (
        SELECT 1 FROM letter_revisions later
        WHERE later.letter_id = r.letter_id AND later.language = r.language AND later.id > r.id
          AND later.created_at <= v.published_at))) AS published`;

/** The letter's versions (its original text's and its translations'), newest first. */
export async function listRevisions(db: D1Database, letterId: number): Promise<LetterRevision[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM letter_revisions r WHERE r.letter_id = ?1 ORDER BY r.id DESC`)
    .bind(letterId)
    .all<RevisionRow>();
  return results.map(toRevision);
}

/** One version of the letter's text. */
export async function findRevision(db: D1Database, letterId: number, id: number): Promise<LetterRevision | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM letter_revisions r WHERE r.letter_id = ?1 AND r.id = ?2`)
    .bind(letterId, id)
    .first<RevisionRow>();
  return row ? toRevision(row) : null;
}
