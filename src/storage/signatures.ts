/**
 * The signatures table: adding a signature together with the letter's
 * counters, and reading the public list a page at a time.
 */
import type { SignatoryCursor } from "../domain/cursor";
import { UNRANKED_POSITION, type PublicSignatory, type SignatoryDetails, type SignatureInput, type SignatureKind } from "../domain/signature";

/** A public signatory with the key that orders the list, for the next page's cursor. */
export interface ListedSignatory extends PublicSignatory {
  cursor: SignatoryCursor;
}

export interface SignatoryPage {
  signatories: ListedSignatory[];
  /** Where the next page starts, or null on the last page. */
  next: SignatoryCursor | null;
}

interface SignatoryRow extends SignatoryDetails {
  id: number;
  position: number;
  created_at: string;
}

function toListedSignatory(row: SignatoryRow): ListedSignatory {
  return {
    kind: row.kind,
    name: row.name,
    organization: row.organization,
    title: row.title,
    city: row.city,
    country: row.country,
    signedAt: row.created_at,
    cursor: { kind: row.kind, position: row.position, id: row.id },
  };
}

/** A random handle for a signature: 128 bits, hex. */
export function newSignatureToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Adds a confirmed signature from the sign form and counts it, in one
 * transaction (a D1 batch). A second signature with the same email on the
 * same letter changes nothing: the unique index refuses the row and the
 * counters only move when the row with this call's token exists.
 * Returns whether a new signature was stored.
 */
export async function insertSignature(db: D1Database, letterId: number, input: SignatureInput): Promise<{ created: boolean }> {
  const token = newSignatureToken();
  const [, counted] = await db.batch([
    db
      .prepare(
        `INSERT INTO signatures (letter_id, token, kind, name, organization, title, city, country, email, is_public, channel, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'form', ?11)
         ON CONFLICT DO NOTHING`,
      )
      .bind(letterId, token, input.kind, input.name, input.organization, input.title, input.city, input.country,
        input.email, input.isPublic ? 1 : 0, UNRANKED_POSITION),
    db
      .prepare(
        `UPDATE letters SET signature_count = signature_count + 1,
           organization_count = organization_count + (?2 = 'organization'),
           individual_count = individual_count + (?2 = 'individual')
         WHERE id = ?1 AND EXISTS (SELECT 1 FROM signatures WHERE token = ?3)`,
      )
      .bind(letterId, input.kind, token),
  ]);
  return { created: (counted?.meta.changes ?? 0) > 0 };
}

const LISTING_COLUMNS = "id, kind, name, organization, title, city, country, position, created_at";
const PUBLIC_ROWS = "letter_id = ?1 AND kind = ?2 AND status = 'confirmed' AND is_public = 1";

// Keyset pagination after (position, id), as two seeks on signatures_public_listing:
// the rest of the same position (most signatories share the unranked one), then the
// positions after it. A single (position, id) > (?, ?) comparison would seek on
// position only and then skip, row by row, every earlier signature of that position.
const LISTING_AFTER = `
  SELECT * FROM (SELECT ${LISTING_COLUMNS} FROM signatures
    WHERE ${PUBLIC_ROWS} AND position = ?3 AND id > ?4 ORDER BY id LIMIT ?5)
  UNION ALL
  SELECT * FROM (SELECT ${LISTING_COLUMNS} FROM signatures
    WHERE ${PUBLIC_ROWS} AND position > ?3 ORDER BY position, id LIMIT ?5)`;

async function listKind(db: D1Database, letterId: number, kind: SignatureKind, after: SignatoryCursor | null, limit: number) {
  const { results } = await db
    .prepare(LISTING_AFTER)
    .bind(letterId, kind, after?.position ?? -1, after?.id ?? -1, limit)
    .all<SignatoryRow>();
  // The two parts arrive in order already; sorting the few rows makes that explicit.
  return results
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .slice(0, limit)
    .map(toListedSignatory);
}

/**
 * One page of a letter's public signatories after `after` (from the start
 * when null): organizations first, then individuals, each in (position, id)
 * order. Keyset pagination over an index: the cost is the page size,
 * whatever the number of signatures, and at most two queries.
 */
export async function listPublicSignatories(
  db: D1Database,
  letterId: number,
  after: SignatoryCursor | null,
  pageSize: number,
): Promise<SignatoryPage> {
  // One row more than the page tells whether another page follows.
  const wanted = pageSize + 1;
  const rows: ListedSignatory[] = [];
  if (after === null || after.kind === "organization") {
    rows.push(...(await listKind(db, letterId, "organization", after, wanted)));
  }
  if (rows.length < wanted) {
    const individualsAfter = after?.kind === "individual" ? after : null;
    rows.push(...(await listKind(db, letterId, "individual", individualsAfter, wanted - rows.length)));
  }
  const signatories = rows.slice(0, pageSize);
  const last = signatories.at(-1);
  return { signatories, next: rows.length > pageSize && last ? last.cursor : null };
}
