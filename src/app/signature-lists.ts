/**
 * What organizers read of a letter's signatures: the searchable list a page
 * at a time, the organizations to put in order, the JSON API's list, and
 * where signatures came from. (Changing them is app/moderation.ts's.)
 */
import type { Letter } from "../domain/letter";
import { signatureQuery, type SignatureFilter } from "../domain/signature-filter";
import type { SignatureStatus } from "../domain/signature";
import {
  countMatchingSignatures,
  listSignaturesInOrder,
  searchSignatures,
  type OrganizerSignatureRow,
} from "../storage/signatures";
import { countSignaturesBySource, listSignaturesForOrganizers, type OrganizerSignature } from "../storage/signatures";
import { listSharedMailboxes, type SharedMailbox } from "../storage/mailbox-duplicates";
import type { AppDeps } from "./deps";

/** Signatures per page of the organizers' list. */
export const LIST_PAGE_SIZE = 50;
/** The most organizations the order page lists. */
export const ORDER_PAGE_LIMIT = 500;
/** Signatures per page of the JSON API's list. */
export const API_PAGE_SIZE = 100;
/** The most reported pairs of signatures sharing a mailbox the list page shows. */
export const SHARED_MAILBOXES_SHOWN = 100;

/**
 * A page of the signatures `filter` matches (its days read in the letter's
 * time zone), newest first, before the
 * signature `before` (an id) when given, and how many match in all; with
 * the letter's signatures found to share a mailbox in two spellings (made
 * before the mailbox rule, migrations/0010), for organizers to decide: the
 * first SHARED_MAILBOXES_SHOWN pairs, and whether there are more.
 *
 * @returns `nextBefore`: the cursor of the next (older) page, or null on the last
 */
export async function searchLetterSignatures(
  deps: AppDeps,
  letter: Letter,
  filter: SignatureFilter,
  before: number | undefined,
): Promise<{
  matching: number;
  signatures: OrganizerSignatureRow[];
  nextBefore: number | null;
  sharedMailboxes: { pairs: SharedMailbox[]; more: boolean };
}> {
  const query = signatureQuery(filter, letter.closesTimeZone);
  const [matching, page, shared] = await Promise.all([
    countMatchingSignatures(deps.db, letter.id, query),
    searchSignatures(deps.db, letter.id, query, { before, limit: LIST_PAGE_SIZE }),
    listSharedMailboxes(deps.db, letter.id, SHARED_MAILBOXES_SHOWN + 1),
  ]);
  return {
    matching,
    ...page,
    sharedMailboxes: { pairs: shared.slice(0, SHARED_MAILBOXES_SHOWN), more: shared.length > SHARED_MAILBOXES_SHOWN },
  };
}

/** The letter's counted organizations in the public list's order (the first ORDER_PAGE_LIMIT). */
export async function organizationsInOrder(deps: AppDeps, letter: Letter): Promise<OrganizerSignatureRow[]> {
  const { signatures } = await listSignaturesInOrder(
    deps.db,
    letter.id,
    signatureQuery({ kind: "organization", status: "confirmed" }, letter.closesTimeZone),
    { limit: ORDER_PAGE_LIMIT },
  );
  return signatures;
}

/**
 * A page of the JSON API's list, newest first: by status, the flagged only,
 * before the signature `before` (an id).
 *
 * @returns `nextBefore`: the cursor of the next page, or null on the last
 */
export async function organizerSignatures(
  deps: AppDeps,
  letter: Letter,
  query: { status?: SignatureStatus; flagged: boolean; before?: number },
): Promise<{ signatures: OrganizerSignature[]; nextBefore: number | null }> {
  const signatures = await listSignaturesForOrganizers(deps.db, letter.id, { ...query, limit: API_PAGE_SIZE });
  return { signatures, nextBefore: signatures.length === API_PAGE_SIZE ? signatures.at(-1)!.id : null };
}

/** Signatures per status and in all, for each partner attribution (`source`; null for the letter's own page). */
export type SourceCounts = { source: string | null; total: number } & Partial<Record<SignatureStatus, number>>;

/** Where the letter's signatures came from: the counts per attribution, by status. */
export async function signaturesBySource(deps: AppDeps, letter: Letter): Promise<SourceCounts[]> {
  const sources = new Map<string | null, SourceCounts>();
  for (const row of await countSignaturesBySource(deps.db, letter.id)) {
    const entry = sources.get(row.source) ?? { source: row.source, total: 0 };
    entry[row.status] = row.count;
    entry.total += row.count;
    sources.set(row.source, entry);
  }
  return [...sources.values()];
}
