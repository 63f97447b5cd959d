/**
 * What organizers read of a letter's signatures: the searchable list a page
 * at a time, the organizations to put in order, the JSON API's list, and
 * where signatures came from. (Changing them is app/moderation.ts's.)
 */
import type { Letter } from "../domain/letter";
import { signatureQuery, type SignatureFilter } from "../domain/signature-filter";
import type { SignatureStatus } from "../domain/signature";
import type { SignatureQuery } from "../domain/signature-filter";
import {
  countMatchingSignaturesUpTo,
  countSetAsideSignaturesUpTo,
  listSignaturesInOrder,
  searchSignatures,
  searchSignaturesWithin,
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

/** The most signatures the list counts one by one: past it, it says "more than 1,000". */
export const COUNTED_MATCHES = 1_000;
/** The most signatures one page of a search by text looks through (newest first, from where the page begins). */
export const SEARCH_WINDOW = 10_000;

/** How many signatures match: `count` exactly, or more than `count` when `more`. */
export interface MatchCount {
  count: number;
  more: boolean;
  /**
   * Of which signatures: "all" of the letter's; "window", only those a search by text looked
   * through (`searched`, newest first from the page's top: older ones not searched); "from-page",
   * those from the page's top to the letter's first signature (a search's later page).
   */
  of: "all" | "window" | "from-page";
}

/** Whether `query` asks for nothing: every signature of the letter, whatever its status. */
function unfiltered(query: SignatureQuery): boolean {
  return Object.values(query).every((value) => value === undefined || value === null || value === false);
}

/**
 * The letter's own counters (letters.signature_count, organization_count, individual_count: kept in
 * the same transaction as the signatures they count) when they answer the filter: the counted
 * signatures, of one kind or both, and nothing else asked. Else null.
 */
function countedByLetter(letter: Letter, query: SignatureQuery): number | null {
  const { status, kind, ...rest } = query;
  if (
    status !== "confirmed" ||
    Object.values(rest).some((value) => value !== undefined && value !== null && value !== false)
  )
    return null;
  if (kind === "organization") return letter.counts.organizations;
  if (kind === "individual") return letter.counts.individuals;
  return letter.counts.total;
}

/**
 * How many of the letter's signatures `query` matches, reading no more rows than `most` + 1 where an
 * index answers the filter: the letter's counters when they answer it (unfiltered: the counted and
 * waiting ones, and the set-aside ones counted up to `most`), else counted up to `most` (then
 * `more`: "more than `count`"). A search by text (`q`) reads until `most` + 1 match or the letter ends.
 */
export async function countLetterSignatures(
  deps: AppDeps,
  letter: Letter,
  query: SignatureQuery,
  most: number = COUNTED_MATCHES,
): Promise<MatchCount> {
  if (unfiltered(query)) {
    const setAside = await countSetAsideSignaturesUpTo(deps.db, letter.id, most + 1);
    const more = setAside > most;
    return { count: letter.counts.total + letter.pendingCount + Math.min(setAside, most), more, of: "all" };
  }
  const counted = countedByLetter(letter, query);
  if (counted !== null) return { count: counted, more: false, of: "all" };
  const matching = await countMatchingSignaturesUpTo(deps.db, letter.id, query, most + 1);
  return { count: Math.min(matching, most), more: matching > most, of: "all" };
}

/**
 * A page of the signatures `filter` matches (its days read in the letter's
 * time zone), newest first, before the signature `before` (an id) when given,
 * and how many match; with the letter's signatures found to share a mailbox
 * in two spellings (made before the mailbox rule, migrations/0010), for
 * organizers to decide: the first SHARED_MAILBOXES_SHOWN pairs, and whether
 * there are more.
 *
 * What a view reads does not grow with the letter (issue 17): the count comes from the letter's
 * counters when they answer it (unfiltered: the counted and waiting ones, as the page's header
 * says, and the set-aside ones counted up to COUNTED_MATCHES), else is counted up to
 * COUNTED_MATCHES ("more than 1,000"); a
 * search by text looks through SEARCH_WINDOW signatures a page, newest first, and says so
 * (`searched`), its next page going on where it stopped.
 *
 * @returns `nextBefore`: the cursor of the next (older) page, or null on the last (nothing older is
 *   left); `searched`: the signatures a search by text looked through when it stopped with older
 *   ones left to search, else null (the count and the list cover every signature from the page's start)
 */
export async function searchLetterSignatures(
  deps: AppDeps,
  letter: Letter,
  filter: SignatureFilter,
  before: number | undefined,
): Promise<{
  matching: MatchCount;
  signatures: OrganizerSignatureRow[];
  nextBefore: number | null;
  searched: number | null;
  sharedMailboxes: { pairs: SharedMailbox[]; more: boolean };
}> {
  const query = signatureQuery(filter, letter.closesTimeZone);
  const shared = listSharedMailboxes(deps.db, letter.id, SHARED_MAILBOXES_SHOWN + 1);
  const sharedMailboxes = async () => {
    const pairs = await shared;
    return { pairs: pairs.slice(0, SHARED_MAILBOXES_SHOWN), more: pairs.length > SHARED_MAILBOXES_SHOWN };
  };
  if (query.q) {
    const [found, mailboxes] = await Promise.all([
      searchSignaturesWithin(deps.db, letter.id, query, { before, limit: LIST_PAGE_SIZE, window: SEARCH_WINDOW }),
      sharedMailboxes(),
    ]);
    return {
      matching: {
        count: found.matching,
        more: false,
        of: found.older ? "window" : before === undefined ? "all" : "from-page",
      },
      signatures: found.signatures,
      nextBefore: found.nextBefore,
      searched: found.older ? found.searched : null,
      sharedMailboxes: mailboxes,
    };
  }
  const [matching, page, mailboxes] = await Promise.all([
    countLetterSignatures(deps, letter, query),
    searchSignatures(deps.db, letter.id, query, { before, limit: LIST_PAGE_SIZE }),
    sharedMailboxes(),
  ]);
  return { matching, ...page, searched: null, sharedMailboxes: mailboxes };
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

/** The most signatures one answer of the sources' counts covers (newest first; issue 17). */
export const SOURCES_WINDOW = 10_000;

/**
 * Where the letter's signatures came from: the counts per attribution, by status, among the
 * SOURCES_WINDOW newest before the signature `before` (an id) when given; the rest, a window at a
 * time from `nextBefore`, so that one request reads at most SOURCES_WINDOW rows (issue 17).
 *
 * @returns `counted`: the signatures the counts cover; `all`: whether they are every signature of
 *   the letter (no `before`, and nothing older left); `nextBefore`: the next window's cursor, or null
 */
export async function signaturesBySource(
  deps: AppDeps,
  letter: Letter,
  before?: number,
): Promise<{ sources: SourceCounts[]; counted: number; all: boolean; nextBefore: number | null }> {
  const found = await countSignaturesBySource(deps.db, letter.id, { before, window: SOURCES_WINDOW });
  const sources = new Map<string | null, SourceCounts>();
  for (const row of found.counts) {
    const entry = sources.get(row.source) ?? { source: row.source, total: 0 };
    entry[row.status] = row.count;
    entry.total += row.count;
    sources.set(row.source, entry);
  }
  return {
    sources: [...sources.values()],
    counted: found.counted,
    all: before === undefined && found.nextBefore === null,
    nextBefore: found.nextBefore,
  };
}
