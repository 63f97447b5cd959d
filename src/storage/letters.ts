/**
 * The letters table: reading published letters. Rows become domain objects
 * here only. (The loader's upsert is in letter-documents.ts.)
 */
import type { Letter, LetterStatus } from "../domain/letter";

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
  body_html: string;
  signature_count: number;
  organization_count: number;
  individual_count: number;
  pending_count: number;
  confirm_signatures: 0 | 1 | null;
  review_organizations: 0 | 1;
  record_length: number;
  record_sealed: number;
  record_head: string | null;
  updated_at: string;
}

const LETTER_COLUMNS = `id, slug, title, summary, letter_date, addressee, language, status, closes_at, body_html,
  signature_count, organization_count, individual_count, pending_count, confirm_signatures, review_organizations,
  record_length, record_sealed, record_head, updated_at`;

function toLetter(row: LetterRow): Letter {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    date: row.letter_date,
    addressee: row.addressee,
    language: row.language,
    status: row.status,
    closesAt: row.closes_at,
    bodyHtml: row.body_html,
    counts: { total: row.signature_count, organizations: row.organization_count, individuals: row.individual_count },
    pendingCount: row.pending_count,
    confirmSignatures: row.confirm_signatures === null ? null : row.confirm_signatures === 1,
    reviewOrganizations: row.review_organizations === 1,
    record: { length: row.record_length, sealed: row.record_sealed, head: row.record_head },
    updatedAt: row.updated_at,
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

// Letters read for signing, per Worker instance: slug → the letter and until when it may be reused.
const recentLetters = new Map<string, { letter: Letter; until: number }>();
const RECENT_LETTERS_MAX = 1_000;

/**
 * findPublishedLetter, reusing what this Worker instance read in the last
 * `seconds`: when a letter goes viral, every signature would otherwise read the
 * same row again. What the signer sees of a change to the letter (closed by
 * hand, unpublished) is then up to `seconds` late in each instance; a closing
 * time is still checked against the clock at every signature.
 */
export async function findRecentPublishedLetter(db: D1Database, slug: string, seconds: number, now = Date.now()): Promise<Letter | null> {
  const recent = recentLetters.get(slug);
  if (recent && recent.until > now) return recent.letter;
  const letter = await findPublishedLetter(db, slug);
  if (seconds > 0 && letter) {
    if (recentLetters.size >= RECENT_LETTERS_MAX) recentLetters.clear();
    recentLetters.set(slug, { letter, until: now + seconds * 1000 });
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

/** Every published letter, newest first. */
export async function listPublishedLetters(db: D1Database): Promise<Letter[]> {
  const { results } = await db
    .prepare(`SELECT ${LETTER_COLUMNS} FROM letters WHERE status <> 'draft' ORDER BY letter_date DESC, id DESC`)
    .all<LetterRow>();
  return results.map(toLetter);
}
