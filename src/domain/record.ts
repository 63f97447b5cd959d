/**
 * The tamper-evident signatory record: every change to who is counted on a
 * letter, and every published version of its text, in order. The entries
 * are the leaves of an RFC 9162 Merkle tree (domain/merkle.ts) whose root,
 * signed as a checkpoint (domain/signed-note.ts), commits to the whole
 * record: an entry changed, removed or reordered after a checkpoint anyone
 * kept no longer matches it.
 *
 * An entry's leaf covers its event and a salted digest of its public fields
 * (never an email). The digest lets a withdrawn or hidden signatory's name be
 * erased from the published record (fields and salt) without changing the
 * tree, and the salt keeps the digest from being matched against guessed
 * names. An erased entry has every public field empty: one that shows a
 * name without its salt is refused (by the table, when published, and by
 * the verifier).
 *
 * Anyone can recompute the tree from /letters/{slug}/record.json and check
 * the letter's counts and list against it: see verifyRecord and
 * `npm run verify`. Pure: no I/O.
 */
import { sha256Hex } from "./crypto";
import type { SignatureCounts } from "./letter";
import { hashHex, leafHash, MerkleFrontier } from "./merkle";
import { plural } from "./plural";
import type { SignatureKind } from "./signature";

/**
 * What an entry records, and who did it:
 * - the signer's: `signed` (counted), `withdrawn` (asked to be taken off);
 * - the organizers': `hidden`, `rejected` (set aside), `restored` (counted
 *   again), `removed` (taken off the letter's file);
 * - `text`: a published version of the letter's text or of a translation
 *   (its ref names the version, its digest is the version's SHA-256).
 */
export const RECORD_EVENTS = ["signed", "withdrawn", "hidden", "rejected", "restored", "removed", "text"] as const;
export type RecordEvent = (typeof RECORD_EVENTS)[number];

/** Events an organizer made, reported apart from the signers' own. */
export const ORGANIZER_EVENTS: ReadonlySet<RecordEvent> = new Set(["hidden", "rejected", "restored", "removed"]);

/** The public fields of an entry: null for a signatory not listed publicly, or erased after withdrawal. */
export interface RecordDetails {
  name: string | null;
  organization: string | null;
  title: string | null;
  city: string | null;
  country: string | null;
  /** Random, per entry; erased with the fields. */
  salt: string | null;
}

/** One entry as stored before sealing. */
export interface RecordEntry extends RecordDetails {
  seq: number;
  event: RecordEvent;
  /** The signature's public reference (the same in all its entries), or the text version's name. */
  ref: string;
  /** Null for a text entry. */
  kind: SignatureKind | null;
  at: string;
}

/** One entry as published: with its digest and leaf hash. */
export interface SealedRecordEntry extends RecordEntry {
  digest: string;
  /** RFC 9162 leaf hash of the entry (hex): SHA-256(0x00 || leafData). */
  hash: string;
}

/** SHA-256 of the salt and public fields, in a fixed order, as JSON. */
export function detailsDigest(details: RecordDetails): Promise<string> {
  return sha256Hex(
    JSON.stringify([details.salt, details.name, details.organization, details.title, details.city, details.country]),
  );
}

/** The bytes a leaf covers: JSON [seq, event, ref, kind, at, digest], as UTF-8. */
export function leafData(entry: Pick<RecordEntry, "seq" | "event" | "ref" | "kind" | "at">, digest: string): string {
  return JSON.stringify([entry.seq, entry.event, entry.ref, entry.kind, entry.at, digest]);
}

/** The entry's leaf hash, as hex. */
export async function entryLeafHash(
  entry: Pick<RecordEntry, "seq" | "event" | "ref" | "kind" | "at">,
  digest: string,
): Promise<string> {
  return hashHex(await leafHash(leafData(entry, digest)));
}

/** True when the entry shows any public field. */
export function showsDetails(entry: RecordDetails): boolean {
  return [entry.name, entry.organization, entry.title, entry.city, entry.country].some((field) => field !== null);
}

/** How an event moves the counts of its kind: a text version moves none. */
export function countChange(event: RecordEvent): 1 | 0 | -1 {
  if (event === "text") return 0;
  return event === "signed" || event === "restored" ? 1 : -1;
}

/** The counts after one more entry. */
export function applyEntry(counts: SignatureCounts, entry: Pick<RecordEntry, "event" | "kind">): SignatureCounts {
  const change = countChange(entry.event);
  return {
    total: counts.total + change,
    organizations: counts.organizations + (entry.kind === "organization" ? change : 0),
    individuals: counts.individuals + (entry.kind === "individual" ? change : 0),
  };
}

/** "13 signatures (12 organizations, 1 individual)". */
export function countsText(counts: SignatureCounts): string {
  return `${plural(counts.total, "signature")} (${plural(counts.organizations, "organization")}, ${plural(counts.individuals, "individual")})`;
}

export interface VerificationResult {
  ok: boolean;
  /** The first thing that did not hold, if any. */
  problems: string[];
  entries: number;
  counts: SignatureCounts;
  /** The root hash of the entries (hex). */
  root: string;
  /** The root hash (hex) of the first `size` entries, for each size asked for in `rootsAt` that the entries reached. */
  rootsAt: Map<number, string>;
}

/**
 * Recomputes every entry's digest and leaf hash, and the tree's root, from
 * `entries` (in order, from the first) and checks them against the root,
 * length and counts the letter publishes (and that each signature keeps
 * its kind and is counted and uncounted in turn). In the same pass it keeps the
 * root of the first `size` entries for each size in `rootsAt` (checkpoints
 * and proofs to check against: see domain/verify-record.ts); the checking
 * stops at the first entry that does not hold, so sizes past it get none.
 */
export async function verifyRecord(
  entries: readonly SealedRecordEntry[],
  published: { length: number; root: string | null; counts: SignatureCounts },
  { rootsAt = [] }: { rootsAt?: Iterable<number> } = {},
): Promise<VerificationResult> {
  const problems: string[] = [];
  const tree = new MerkleFrontier();
  const wanted = new Set(rootsAt);
  const roots = new Map<number, string>();
  if (wanted.has(0)) roots.set(0, hashHex(await tree.root()));
  let counts: SignatureCounts = { total: 0, organizations: 0, individuals: 0 };
  const counted = new Map<string, boolean>();
  const firstOfRef = new Map<string, SealedRecordEntry>();
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1) {
      problems.push(`Entry ${index + 1} is numbered ${entry.seq}: an entry is missing or out of order.`);
      break;
    }
    if (entry.salt === null && showsDetails(entry)) {
      problems.push(
        `Entry ${entry.seq} was erased (it has no salt) yet shows "${entry.name ?? entry.organization ?? ""}": an erased entry shows nothing, so these fields were written afterwards.`,
      );
      break;
    }
    if ((entry.event === "text") !== (entry.kind === null)) {
      problems.push(`Entry ${entry.seq} is a ${entry.event} entry of kind ${entry.kind}: the two do not go together.`);
      break;
    }
    if (entry.salt !== null && (await detailsDigest(entry)) !== entry.digest) {
      problems.push(
        `Entry ${entry.seq}'s public fields do not match its digest: they were changed after they were recorded.`,
      );
      break;
    }
    const leaf = await leafHash(leafData(entry, entry.digest));
    if (hashHex(leaf) !== entry.hash) {
      problems.push(`Entry ${entry.seq} does not match its hash: it was changed after it was recorded.`);
      break;
    }
    await tree.append(leaf);
    if (wanted.has(tree.size)) roots.set(tree.size, hashHex(await tree.root()));
    if (entry.event === "text") continue;
    // A signature's kind is fixed once it is recorded (only an unconfirmed one's changes): each entry moves the
    // count of its kind, so a kind that changed would count one signature under both.
    const first = firstOfRef.get(entry.ref);
    if (first && first.kind !== entry.kind) {
      problems.push(
        `Entry ${entry.seq} records ${entry.ref} as ${entry.kind}, but entry ${first.seq} recorded it as ${first.kind}: a signature's kind never changes once recorded.`,
      );
      break;
    }
    if (!first) firstOfRef.set(entry.ref, entry);
    const wasCounted = counted.get(entry.ref) ?? false;
    if (countChange(entry.event) === 1 ? wasCounted : !wasCounted) {
      problems.push(
        `Entry ${entry.seq} says ${entry.ref} was ${entry.event}, but it ${wasCounted ? "was already" : "was not"} counted.`,
      );
      break;
    }
    counted.set(entry.ref, !wasCounted);
    counts = applyEntry(counts, entry);
  }
  const root = hashHex(await tree.root());
  if (problems.length === 0) {
    if (entries.length !== published.length) {
      problems.push(
        `The letter says its record has ${plural(published.length, "entry", "entries")}; ${entries.length} ${entries.length === 1 ? "was" : "were"} published.`,
      );
    } else if (entries.length > 0 && root !== published.root) {
      problems.push(`The record's entries make the root ${root}; the letter publishes ${published.root}.`);
    } else if (
      counts.total !== published.counts.total ||
      counts.organizations !== published.counts.organizations ||
      counts.individuals !== published.counts.individuals
    ) {
      problems.push(`The record adds up to ${countsText(counts)}; the letter shows ${countsText(published.counts)}.`);
    }
  }
  return { ok: problems.length === 0, problems, entries: entries.length, counts, root, rootsAt: roots };
}

/** The command that checks a letter's whole record, as anyone runs it from a copy of the source (scripts/verify.ts). */
export function verifyLetterCommand(letterUrl: string): string {
  return `npm run verify -- ${letterUrl}`;
}

/**
 * The command that checks an entry is still in a letter's record, as a
 * signer runs it from a copy of the source: `npm run verify -- {letter's
 * address} --entry SEQ:HASH` (scripts/verify.ts).
 */
export function verifyEntryCommand(letterUrl: string, entry: Pick<SealedRecordEntry, "seq" | "hash">): string {
  return `npm run verify -- ${letterUrl} --entry ${entry.seq}:${entry.hash}`;
}
