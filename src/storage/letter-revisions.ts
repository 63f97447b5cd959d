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
  /** Signatures counted when this version was saved, and whether the letter was public then. */
  signatureCount: number;
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
  const row = await db
    .prepare("SELECT * FROM letter_revisions WHERE letter_id = ?1 AND id = ?2")
    .bind(letterId, id)
    .first<RevisionRow>();
  return row ? toRevision(row) : null;
}
