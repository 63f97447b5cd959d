/**
 * The tamper-evident signatory record: every change to who is counted on a
 * letter, in order. Each entry's hash covers the previous entry's hash, the
 * entry's event, and a salted digest of its public fields (never an email).
 * The digest lets a withdrawn signatory's name be erased from the published
 * record (fields and salt) without breaking the chain, and the salt keeps the
 * digest from being matched against guessed names.
 *
 * Anyone can recompute the chain from /letters/{slug}/record.json and check
 * the letter's counts against it: see verifyRecord and `npm run verify`.
 * Pure: no I/O.
 */
import { sha256Hex } from "./crypto";
import type { SignatureCounts } from "./letter";
import type { SignatureKind } from "./signature";

/** signed and restored add one to the counts; withdrawn (by the signer) and removed (by organizers) take one away. */
export const RECORD_EVENTS = ["signed", "withdrawn", "removed", "restored"] as const;
export type RecordEvent = (typeof RECORD_EVENTS)[number];

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
  /** The signature's public reference: the same in all its entries. */
  ref: string;
  kind: SignatureKind;
  at: string;
}

/** One entry as published: with its digest and hash. */
export interface SealedRecordEntry extends RecordEntry {
  digest: string;
  hash: string;
}

/** The hash before the first entry: bound to the letter, so two letters' chains never mix. */
export function genesisHash(slug: string): Promise<string> {
  return sha256Hex(`undersigned-record:${slug}`);
}

/** SHA-256 of the salt and public fields, in a fixed order, as JSON. */
export function detailsDigest(details: RecordDetails): Promise<string> {
  return sha256Hex(
    JSON.stringify([details.salt, details.name, details.organization, details.title, details.city, details.country]),
  );
}

/** hash(n) = SHA-256(hash(n-1) + "\n" + JSON [seq, event, ref, kind, at, digest]), as hex. */
export function entryHash(
  previousHash: string,
  entry: Pick<RecordEntry, "seq" | "event" | "ref" | "kind" | "at">,
  digest: string,
): Promise<string> {
  return sha256Hex(
    `${previousHash}\n${JSON.stringify([entry.seq, entry.event, entry.ref, entry.kind, entry.at, digest])}`,
  );
}

/** How an event moves the counts of its kind. */
export function countChange(event: RecordEvent): 1 | -1 {
  return event === "signed" || event === "restored" ? 1 : -1;
}

export function applyEntry(counts: SignatureCounts, entry: Pick<RecordEntry, "event" | "kind">): SignatureCounts {
  const change = countChange(entry.event);
  return {
    total: counts.total + change,
    organizations: counts.organizations + (entry.kind === "organization" ? change : 0),
    individuals: counts.individuals + (entry.kind === "individual" ? change : 0),
  };
}

/** True when the entry's public fields were erased (a withdrawn or removed signatory). */
export function isErased(entry: RecordDetails): boolean {
  return entry.salt === null;
}

export interface VerificationResult {
  ok: boolean;
  /** The first thing that did not hold, if any. */
  problems: string[];
  entries: number;
  counts: SignatureCounts;
  head: string;
}

/**
 * Recomputes the chain of `entries` (in order, from the first) for the letter
 * `slug`, and checks it against the head, length and counts the letter
 * publishes.
 */
export async function verifyRecord(
  slug: string,
  entries: readonly SealedRecordEntry[],
  published: { length: number; head: string | null; counts: SignatureCounts },
): Promise<VerificationResult> {
  const problems: string[] = [];
  let previous = await genesisHash(slug);
  let counts: SignatureCounts = { total: 0, organizations: 0, individuals: 0 };
  const counted = new Map<string, boolean>();
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1) {
      problems.push(`Entry ${index + 1} is numbered ${entry.seq}: an entry is missing or out of order.`);
      break;
    }
    if (!isErased(entry) && (await detailsDigest(entry)) !== entry.digest) {
      problems.push(
        `Entry ${entry.seq}'s public fields do not match its digest: they were changed after they were recorded.`,
      );
      break;
    }
    const expected = await entryHash(previous, entry, entry.digest);
    if (expected !== entry.hash) {
      problems.push(
        `Entry ${entry.seq} does not match its hash: it was changed after it was recorded, or the chain is broken.`,
      );
      break;
    }
    const wasCounted = counted.get(entry.ref) ?? false;
    if (countChange(entry.event) === 1 ? wasCounted : !wasCounted) {
      problems.push(
        `Entry ${entry.seq} says ${entry.ref} was ${entry.event}, but it ${wasCounted ? "was already" : "was not"} counted.`,
      );
      break;
    }
    counted.set(entry.ref, !wasCounted);
    counts = applyEntry(counts, entry);
    previous = expected;
  }
  if (problems.length === 0) {
    if (entries.length !== published.length) {
      problems.push(`The letter says its record has ${published.length} entries; ${entries.length} were published.`);
    } else if (entries.length > 0 && previous !== published.head) {
      problems.push(`The record's last hash is ${previous}; the letter publishes ${published.head}.`);
    } else if (
      counts.total !== published.counts.total ||
      counts.organizations !== published.counts.organizations ||
      counts.individuals !== published.counts.individuals
    ) {
      problems.push(
        `The record adds up to ${counts.total} signatures (${counts.organizations} organizations, ${counts.individuals} individuals); ` +
          `the letter shows ${published.counts.total} (${published.counts.organizations} organizations, ${published.counts.individuals} individuals).`,
      );
    }
  }
  return { ok: problems.length === 0, problems, entries: entries.length, counts, head: previous };
}
