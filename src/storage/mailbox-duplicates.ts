/**
 * The mailbox_duplicates table (migrations/0010): pairs of a letter's
 * signatures found, when signatures made before the mailbox rule were keyed,
 * to reach one mailbox in two spellings. The maintenance job writes them in
 * the transaction that keys the signatures (storage/maintenance.ts
 * setMailboxHashes); organizers read them here. No email is ever read.
 */
import type { SignatureKind, SignatureStatus } from "../domain/signature";

/** One of the two signatures of a report, as organizers see it: never its email. */
export interface SharedMailboxEntry {
  ref: string;
  kind: SignatureKind;
  name: string;
  /** An individual's affiliation. */
  organization: string | null;
  status: SignatureStatus;
  /** When it was signed (ISO 8601). */
  signedAt: string;
}

/** Two signatures of one letter that share a mailbox: `later` kept no mailbox key, `holder` has it. */
export interface SharedMailbox {
  later: SharedMailboxEntry;
  holder: SharedMailboxEntry;
  /** When the maintenance job found it (ISO 8601). */
  foundAt: string;
}

interface SharedMailboxRow {
  found_at: string;
  later_token: string;
  later_kind: SignatureKind;
  later_name: string;
  later_organization: string | null;
  later_status: SignatureStatus;
  later_created_at: string;
  holder_token: string;
  holder_kind: SignatureKind;
  holder_name: string;
  holder_organization: string | null;
  holder_status: SignatureStatus;
  holder_created_at: string;
}

function entry(row: SharedMailboxRow, prefix: "later" | "holder"): SharedMailboxEntry {
  return {
    ref: row[`${prefix}_token`],
    kind: row[`${prefix}_kind`],
    name: row[`${prefix}_name`],
    organization: row[`${prefix}_organization`],
    status: row[`${prefix}_status`],
    signedAt: row[`${prefix}_created_at`],
  };
}

/**
 * The letter's reported pairs, in the order they were signed (by the id of
 * the signature that kept no key), at most `limit`. One seek on
 * mailbox_duplicates_by_letter and two lookups by primary key per pair.
 */
export async function listSharedMailboxes(db: D1Database, letterId: number, limit: number): Promise<SharedMailbox[]> {
  const { results } = await db
    .prepare(
      `SELECT d.found_at,
         s.token AS later_token, s.kind AS later_kind, s.name AS later_name, s.organization AS later_organization,
         s.status AS later_status, s.created_at AS later_created_at,
         h.token AS holder_token, h.kind AS holder_kind, h.name AS holder_name, h.organization AS holder_organization,
         h.status AS holder_status, h.created_at AS holder_created_at
       FROM mailbox_duplicates d
         JOIN signatures s ON s.id = d.signature_id
         JOIN signatures h ON h.id = d.duplicate_of_id
       WHERE d.letter_id = ?1
       ORDER BY d.signature_id LIMIT ?2`,
    )
    .bind(letterId, limit)
    .all<SharedMailboxRow>();
  return results.map((row) => ({ later: entry(row, "later"), holder: entry(row, "holder"), foundAt: row.found_at }));
}
