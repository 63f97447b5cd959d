/**
 * Signers checking their own entry: one entry of a letter's record with
 * what happened to the same signature after it, and its inclusion proof in
 * the current tree (/letters/{slug}/record/{seq} and its .json); and the
 * entry a signer is told is theirs (the thank-you and confirmed pages, the
 * emails). Every read seals the record first (storage/record.ts), so an
 * entry's hash and the tree it is proved in describe the same moment.
 */
import { latestCheckpointJson, recordEntryJson } from "../domain/letter-json";
import type { Letter } from "../domain/letter";
import { hashHex } from "../domain/merkle";
import { paths } from "../domain/paths";
import type { Receipt } from "../domain/receipt";
import type { SealedRecordEntry } from "../domain/record";
import { StorageUnavailable } from "../storage/database";
import { findCountingEntries, findEntryAndLater, recordInclusionProof, sealRecord } from "../storage/record";
import type { AppDeps } from "./deps";
import { recordSigning, withSealedRecord } from "./public-documents";

/** One entry as its page shows it, in the sealed tree of `size` entries whose root is `root` (hex). */
export interface ShownRecordEntry {
  /** The letter, its record sealed (in the language it was given in). */
  letter: Letter;
  entry: SealedRecordEntry;
  /** The later entries of the same ref (a withdrawal, a hiding, a restoring…), oldest first. */
  later: SealedRecordEntry[];
  size: number;
  root: string;
}

/**
 * The letter with its record sealed up to its last entry, for the record's overview page
 * (/letters/{slug}/record): its length, sealed length and root are then the same.
 *
 * @throws StorageUnavailable when D1 fails
 */
export async function recordOverview(deps: AppDeps, found: Letter): Promise<Letter> {
  return withSealedRecord(deps, found);
}

/**
 * The entry numbered `seq` of `letter`'s record, with the later entries of
 * its ref, once the record is sealed up to its last entry.
 *
 * @returns the entry, or null when the sealed record has no entry `seq`
 *   (the route answers 404, naming how many entries there are: `letter.record.sealed`)
 * @throws StorageUnavailable when D1 fails
 */
export async function findRecordEntry(
  deps: AppDeps,
  found: Letter,
  seq: number,
): Promise<ShownRecordEntry | { letter: Letter; entry: null }> {
  const letter = await withSealedRecord(deps, found);
  const size = letter.record.sealed;
  const read = await findEntryAndLater(deps.db, letter.id, seq, size);
  if (!read || !letter.record.root) return { letter, entry: null };
  return { letter, ...read, size, root: letter.record.root };
}

/**
 * The JSON of one entry (/letters/{slug}/record/{seq}.json): `{ letter:
 * {slug, url}, entry, later, size, root, proof, checkpoint, url,
 * record_url }`, where `proof` is the entry's RFC 9162 inclusion proof
 * (§2.1.3.1, hex, leaf index seq − 1) in the tree of the first `size`
 * entries, whose root is `root`; `checkpoint` is the record's latest
 * signed checkpoint (signed first when due: see app/checkpoints.ts), of
 * `size` entries or fewer (then /letters/{slug}/record/consistency.json
 * proves `size` extends it), or null without one. Links are absolute on `origin`.
 *
 * @returns the document, or null when the sealed record has no entry `seq` (with the sealed length, for the 404)
 * @throws StorageUnavailable when D1 fails
 */
export async function buildRecordEntryDocument(
  deps: AppDeps,
  found: Letter,
  seq: number,
  { origin }: { origin: string },
): Promise<{ letter: Letter; document: object | null }> {
  const shown = await findRecordEntry(deps, found, seq);
  const { letter } = shown;
  if (!shown.entry) return { document: null, letter };
  const { entry, later, size, root } = shown;
  const [proof, signing] = await Promise.all([
    recordInclusionProof(deps.db, letter.id, seq, size),
    recordSigning(deps, letter, origin),
  ]);
  const { slug } = letter;
  return {
    letter,
    document: {
      letter: { slug, url: `${origin}${paths.letter(slug)}` },
      entry: recordEntryJson(entry),
      later: later.map(recordEntryJson),
      size,
      root,
      proof: proof.map(hashHex),
      checkpoint: latestCheckpointJson(signing),
      url: `${origin}${paths.recordEntry(slug, seq)}`,
      record_url: `${origin}${paths.record(slug)}`,
    },
  };
}

/**
 * For each of `refs` on the letter, the entry its signer is told is theirs:
 * its latest entry that counts it (signed or restored), the record sealed
 * first. Refs without one (waiting for confirmation or review, or never
 * stored) are absent. One D1 query whatever the number of refs, after
 * sealing (one more query when the record is sealed already).
 *
 * @throws StorageUnavailable when D1 fails
 */
export async function countingEntries(
  deps: Pick<AppDeps, "db">,
  letterId: number,
  refs: readonly string[],
): Promise<Map<string, SealedRecordEntry>> {
  if (refs.length === 0) return new Map();
  const sealed = await sealRecord(deps.db, letterId);
  return findCountingEntries(deps.db, letterId, refs, sealed);
}

/**
 * What a thank-you or confirmed page tells its signer about their entry:
 * - `entry`: the entry that counts their signature;
 * - `review`: none yet, it waits for the organizers;
 * - `queued`: none yet, the queue stores it within seconds;
 * - `in-email`: counted, but the page can't say which entry is theirs: with
 *   a mailer, a receipt never carries the signature's reference (a repeated
 *   address is answered exactly as a new one, README "The signer's links"),
 *   so only the email to the address's owner names the entry;
 * - `none`: the receipt's reference has no counting entry (a repeated
 *   address on a deployment without a mailer, or a signature withdrawn or
 *   set aside before it was counted).
 * Null when there is nothing to say yet (the signer must first confirm by email).
 */
export type ReceiptEntry =
  { state: "entry"; entry: SealedRecordEntry } | { state: "review" | "queued" | "in-email" | "none" };

/**
 * The entry the receipt's page shows (see ReceiptEntry): `confirmed` for the
 * page after the confirmation link, whose receipt carries the signature's
 * own reference. Reads D1 only when there is an entry to find; when D1
 * fails to seal or find it, null: the signer's page is shown without it
 * rather than not at all (the entry's page and the email still have it).
 */
export async function receiptEntry(
  deps: Pick<AppDeps, "db">,
  letter: Pick<Letter, "id">,
  receipt: Receipt,
  confirmed: boolean,
): Promise<ReceiptEntry | null> {
  if (receipt.outcome === "confirm-email" && !confirmed) return null;
  if (receipt.outcome === "review") return { state: "review" };
  if (!receipt.ref) return { state: "in-email" };
  // Not stored yet: its page is drawn without a D1 read (see routes/signatures.tsx thankYou).
  if (receipt.queued && !confirmed) return { state: "queued" };
  let entry: SealedRecordEntry | undefined;
  try {
    entry = (await countingEntries(deps, letter.id, [receipt.ref])).get(receipt.ref);
  } catch (error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    console.error(JSON.stringify({ event: "receipt_entry_unavailable", letter: letter.id, error: error.message }));
    return null;
  }
  return entry ? { state: "entry", entry } : { state: "none" };
}
