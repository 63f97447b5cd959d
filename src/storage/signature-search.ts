/**
 * Organizers' reads of a letter's signatures: filtered (see
 * domain/signature-filter.ts), counted, and paged either newest first (the
 * moderation list) or in the public list's order (organizations by position,
 * then individuals; the export and the delivery document). Emails are read
 * here for organizers only, never by a public query.
 */
import type { ExportedSignature } from "../domain/signature-export";
import type { SignatureFilter } from "../domain/signature-filter";
import {
  signatoryDetailsOf,
  UNRANKED_POSITION,
  type SignatoryDetails,
  type SignatureChannel,
  type SignatureKind,
  type SignatureStatus,
} from "../domain/signature";

/** A signature as organizers see it: everything but the hashes and link secrets. */
export interface OrganizerSignatureRow extends ExportedSignature {
  id: number;
  ref: string;
  withdrawnAt: string | null;
}

interface Row extends SignatoryDetails {
  id: number;
  token: string;
  email: string | null;
  status: SignatureStatus;
  is_public: 0 | 1;
  channel: SignatureChannel;
  source: string | null;
  flag: string | null;
  position: number;
  created_at: string;
  confirmed_at: string | null;
  withdrawn_at: string | null;
}

const COLUMNS = `id, token, kind, name, organization, title, city, country, email, status, is_public, channel, source, flag,
  position, created_at, confirmed_at, withdrawn_at`;

function toSignature(row: Row): OrganizerSignatureRow {
  return {
    id: row.id,
    ref: row.token,
    ...signatoryDetailsOf(row),
    email: row.email,
    status: row.status,
    isPublic: row.is_public === 1,
    channel: row.channel,
    source: row.source,
    flag: row.flag,
    position: row.position,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/** The WHERE clause of a filter, its parameters numbered from `first`. */
function whereOf(filter: SignatureFilter, first: number): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `?${first + params.length - 1}`;
  };
  if (filter.q) {
    const q = next(filter.q.toLowerCase());
    clauses.push(
      `(instr(lower(name), ${q}) > 0 OR instr(lower(coalesce(organization, '')), ${q}) > 0 OR instr(coalesce(email, ''), ${q}) > 0)`,
    );
  }
  if (filter.status) clauses.push(`status = ${next(filter.status)}`);
  if (filter.kind) clauses.push(`kind = ${next(filter.kind)}`);
  if (filter.country) clauses.push(`country = ${next(filter.country)}`);
  if (filter.channel) clauses.push(`channel = ${next(filter.channel)}`);
  if (filter.flagged) clauses.push("flag IS NOT NULL");
  if (filter.from) clauses.push(`created_at >= ${next(`${filter.from}T00:00:00.000Z`)}`);
  if (filter.to) clauses.push(`created_at < ${next(`${filter.to}T23:59:59.999Z`)}`);
  return { sql: clauses.map((clause) => ` AND ${clause}`).join(""), params };
}

/** How many of the letter's signatures the filter matches. */
export async function countMatchingSignatures(
  db: D1Database,
  letterId: number,
  filter: SignatureFilter,
): Promise<number> {
  const where = whereOf(filter, 2);
  const row = await db
    .prepare(`SELECT count(*) AS count FROM signatures WHERE letter_id = ?1${where.sql}`)
    .bind(letterId, ...where.params)
    .first<{ count: number }>();
  return row?.count ?? 0;
}

/** A page of matching signatures, newest first, before the signature `before` (an id) when given. */
export async function searchSignatures(
  db: D1Database,
  letterId: number,
  filter: SignatureFilter,
  page: { before?: number; limit: number },
): Promise<{ signatures: OrganizerSignatureRow[]; nextBefore: number | null }> {
  const where = whereOf(filter, 4);
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM signatures WHERE letter_id = ?1 AND id < ?2${where.sql} ORDER BY id DESC LIMIT ?3`)
    .bind(letterId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit + 1, ...where.params)
    .all<Row>();
  const signatures = results.slice(0, page.limit).map(toSignature);
  return { signatures, nextBefore: results.length > page.limit ? signatures.at(-1)!.id : null };
}

/** Where a page in the public list's order ends. */
export interface ListingCursor {
  kind: SignatureKind;
  position: number;
  id: number;
}

const KINDS_IN_ORDER: readonly SignatureKind[] = ["organization", "individual"];

/**
 * A page of matching signatures in the public list's order (organizations by
 * position, then individuals by position, each then by signing order), after
 * `after` when given: what the export and the delivery document read, a
 * page at a time, so a letter of any size is never held in memory at once.
 */
export async function listSignaturesInOrder(
  db: D1Database,
  letterId: number,
  filter: SignatureFilter,
  page: { after?: ListingCursor | null; limit: number },
): Promise<{ signatures: OrganizerSignatureRow[]; next: ListingCursor | null }> {
  // Each kind in two parts, so that a page costs a seek rather than a sort of the whole letter:
  // the few ranked signatures (sorted, read only until the cursor has passed them), then the
  // unranked ones, where (position, id) order is id order: a range of signatures_by_status or
  // signatures_by_letter. Without this, every page of a million-signature export sorted a million rows.
  const rankedWhere = whereOf(filter, 7);
  const unrankedWhere = whereOf(filter, 6);
  const wanted = page.limit + 1;
  const rows: Row[] = [];
  const first = page.after ? KINDS_IN_ORDER.indexOf(page.after.kind) : 0;
  for (const kind of KINDS_IN_ORDER.slice(first)) {
    const after = page.after?.kind === kind ? page.after : null;
    if (!after || after.position < UNRANKED_POSITION) {
      const { results } = await db
        .prepare(
          `SELECT ${COLUMNS} FROM signatures
           WHERE letter_id = ?1 AND kind = ?2 AND position < ?3 AND (position, id) > (?4, ?5)${rankedWhere.sql}
           ORDER BY position, id LIMIT ?6`,
        )
        .bind(
          letterId,
          kind,
          UNRANKED_POSITION,
          after?.position ?? -1,
          after?.id ?? -1,
          wanted - rows.length,
          ...rankedWhere.params,
        )
        .all<Row>();
      rows.push(...results);
    }
    if (rows.length < wanted) {
      const { results } = await db
        .prepare(
          `SELECT ${COLUMNS} FROM signatures
           WHERE letter_id = ?1 AND kind = ?2 AND position >= ?3 AND id > ?4${unrankedWhere.sql}
           ORDER BY id LIMIT ?5`,
        )
        .bind(
          letterId,
          kind,
          UNRANKED_POSITION,
          after && after.position >= UNRANKED_POSITION ? after.id : -1,
          wanted - rows.length,
          ...unrankedWhere.params,
        )
        .all<Row>();
      rows.push(...results);
    }
    if (rows.length >= wanted) break;
  }
  const signatures = rows.slice(0, page.limit).map(toSignature);
  const last = signatures.at(-1);
  return {
    signatures,
    next: rows.length > page.limit && last ? { kind: last.kind, position: last.position, id: last.id } : null,
  };
}
