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
  /**
   * Signatures counted when this version became public: when it was saved, for one saved while the
   * letter was public (or never public); when the letter was published, for one made public then.
   */
  signatureCount: number;
  /** Whether this text was public: saved while the letter was, or made public by publishing the letter after. */
  published: boolean;
  /** ISO 8601: when it was saved. */
  createdAt: string;
  /**
   * ISO 8601: when a version saved in a draft was made public by publishing the letter (its first
   * text version's time); null for one saved while the letter was public, or never public.
   */
  publishedLaterAt: string | null;
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
  published_later_at: string | null;
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
    publishedLaterAt: row.published_later_at,
  };
}

/**
 * A version was public when it was saved while the letter was (letter_revisions.published), or
 * when one of its language's text versions (text_versions: what the record says was made public)
 * was published while it was that language's last saved text: a draft's text becomes public when
 * the letter is published, which saves no new version. Such a version's signatures "then" are those
 * counted when it was published, not when it was saved: the record's count before its text entry
 * (domain/record.ts countChange, summed over the entries before it). That sum reads only a draft's
 * entries from before its first publication (signatures entered by hand or imported into the draft):
 * a letter with signatures can't go back to being a draft (storage/letters.ts STATE_SQL unpublish).
 */
const MADE_PUBLIC = `(SELECT min(v.seq) FROM text_versions v
    WHERE v.letter_id = r.letter_id AND v.language = r.language AND v.published_at >= r.created_at
      AND NOT EXISTS (
        SELECT 1 FROM letter_revisions later
        WHERE later.letter_id = r.letter_id AND later.language = r.language AND later.id > r.id
          AND later.created_at <= v.published_at))`;

const COLUMNS = `r.id, r.language, r.title, r.summary, r.addressee, r.body_markdown, r.created_at,
  (r.published = 1 OR p.seq IS NOT NULL) AS published,
  CASE WHEN r.published = 0 AND p.seq IS NOT NULL THEN p.published_at END AS published_later_at,
  CASE WHEN r.published = 0 AND p.seq IS NOT NULL THEN (
    SELECT coalesce(sum(CASE WHEN e.event IN ('signed', 'restored') THEN 1 WHEN e.event = 'text' THEN 0 ELSE -1 END), 0)
    FROM record_entries e WHERE e.letter_id = r.letter_id AND e.seq < p.seq)
  ELSE r.signature_count END AS signature_count`;

/** The revisions `r` with `p`, the text version that made a draft's version public (none for the others). */
const FROM = `letter_revisions r
  LEFT JOIN text_versions p ON r.published = 0 AND p.letter_id = r.letter_id AND p.language = r.language
    AND p.seq = ${MADE_PUBLIC}`;

/** The letter's versions (its original text's and its translations'), newest first. */
export async function listRevisions(db: D1Database, letterId: number): Promise<LetterRevision[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.letter_id = ?1 ORDER BY r.id DESC`)
    .bind(letterId)
    .all<RevisionRow>();
  return results.map(toRevision);
}

/** One version of the letter's text. */
export async function findRevision(db: D1Database, letterId: number, id: number): Promise<LetterRevision | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.letter_id = ?1 AND r.id = ?2`)
    .bind(letterId, id)
    .first<RevisionRow>();
  return row ? toRevision(row) : null;
}
