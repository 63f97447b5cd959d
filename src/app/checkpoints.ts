/**
 * Signed checkpoints of letters' records: the server's signed statement
 * "the record of this letter had N entries with this Merkle root at this
 * time", as a C2SP tlog-checkpoint in a signed note (domain/signed-note.ts),
 * kept in record_checkpoints and published in the letter's JSON, at
 * /letters/{slug}/checkpoints and in its Atom feed. Anyone who keeps one
 * can later ask for a consistency proof (RFC 9162) that the record still
 * extends it: nothing in it removed, changed or reordered.
 *
 * When checkpoints are made:
 * - a public document that shows the latest checkpoint (the letter's JSON,
 *   its record, its checkpoints, its feed) seals the record first; when the
 *   sealed length has moved past the latest checkpoint, and that one is at
 *   least CHECKPOINT_INTERVAL_MS old, it signs a new one;
 * - the minute job (checkpointRecords) seals and signs every published
 *   letter whose sealed length is beyond its latest checkpoint, so a
 *   change made within a minute of the last checkpoint is signed within the
 *   next minute.
 * So a letter under load gets about one checkpoint a minute (plus the job's
 * one when they interleave), and a quiet letter one per change. A new
 * checkpoint changes what the letter's JSON and feed show, so it refreshes
 * the letter's public copies (app/deps.ts PublicCopies) whenever a copy may
 * show an earlier one (see currentCheckpoint).
 *
 * Without RECORD_SIGNING_KEY nothing is signed, and documents show no checkpoint.
 */
import { hashFromHex, hashHex } from "../domain/merkle";
import { checkpointText, openCheckpoint, signNote, webCryptoVerify, type NoteSigner } from "../domain/signed-note";
import type { Letter } from "../domain/letter";
import {
  insertCheckpoint,
  latestCheckpoint,
  lettersAwaitingCheckpoint,
  recordHead,
  type RecordHead,
  type StoredCheckpoint,
} from "../storage/record-checkpoints";
import { recordRootAt, sealRecord } from "../storage/record";
import type { AppDeps } from "./deps";

/** The least time between two checkpoints of one letter made while serving readers (ms). */
export const CHECKPOINT_INTERVAL_MS = 60_000;

/** A checkpoint's origin line: the log it is of, "{key name}/letters/{slug}" (C2SP tlog-checkpoint §"Note text"). */
export function checkpointOrigin(keyName: string, slug: string): string {
  return `${keyName}/letters/${slug}`;
}

/**
 * Why the record of `head` must not be signed, or null when it may: the
 * root to sign must be the one the stored tree (record_nodes) makes at that
 * size, the letter's latest stored checkpoint must be one this key signed, for this
 * letter, saying the size and root its row says, and the record's first
 * entries at that size must still make that root (RFC 9162: the tree being
 * signed extends the one signed last). Someone who rewrote the record in the
 * database, without the key, would otherwise have the server sign the new
 * history; refusing leaves the letter showing the last checkpoint that holds,
 * which `npm run verify` then reports as no longer matching.
 */
async function refusalToSign(
  deps: Pick<AppDeps, "db">,
  signer: NoteSigner,
  head: Pick<RecordHead, "id" | "slug" | "sealed" | "root">,
): Promise<{ checkpoint: number; reason: string } | null> {
  // The root to sign is the one the stored tree makes (what every proof is drawn from), never only the letter's column.
  if (hashHex(await recordRootAt(deps.db, head.id, head.sealed)) !== head.root) {
    return { checkpoint: head.sealed, reason: "The letter's record root is not the root its stored tree makes." };
  }
  const previous = await latestCheckpoint(deps.db, head.id);
  if (!previous) return null;
  const opened = await openCheckpoint(previous.note, signer.verifierKey, webCryptoVerify);
  if ("problem" in opened) return { checkpoint: previous.size, reason: opened.problem };
  const { origin, size, root } = opened.checkpoint;
  if (
    origin !== checkpointOrigin(signer.name, head.slug) ||
    size !== previous.size ||
    hashHex(root) !== previous.root
  ) {
    return { checkpoint: previous.size, reason: "The stored checkpoint's row does not say what its note says." };
  }
  if (size > head.sealed) return { checkpoint: size, reason: "The record is shorter than its latest checkpoint." };
  if (hashHex(await recordRootAt(deps.db, head.id, size)) !== previous.root) {
    return {
      checkpoint: size,
      reason: "The record's first entries no longer make the root its latest checkpoint signed.",
    };
  }
  return null;
}

/**
 * Signs a checkpoint of `head` (its sealed length and root) now and stores
 * it, unless the record no longer extends its latest checkpoint
 * (refusalToSign: logged as record_checkpoint_refused), a checkpoint of that size or larger exists, or (with
 * `notAfter`, ISO 8601) one was signed after `notAfter`. A stored one
 * refreshes the letter's public copies when `renew` says copies may show
 * an earlier one.
 * @returns the checkpoint stored, or null
 */
async function signCheckpoint(
  deps: Pick<AppDeps, "db" | "now" | "publicCopies">,
  signer: NoteSigner,
  head: Pick<RecordHead, "id" | "slug" | "sealed" | "root">,
  { notAfter, renew }: { notAfter: string | null; renew: boolean },
): Promise<StoredCheckpoint | null> {
  const root = hashFromHex(head.root);
  if (head.sealed === 0 || !root) return null;
  const refusal = await refusalToSign(deps, signer, head);
  if (refusal) {
    // An alarm for the operator: the record was changed behind the app's back (or its checkpoints were).
    console.error(JSON.stringify({ event: "record_checkpoint_refused", letter: head.slug, ...refusal }));
    return null;
  }
  const at = deps.now().toISOString();
  const note = await signNote(
    checkpointText({ origin: checkpointOrigin(signer.name, head.slug), size: head.sealed, root, time: at }),
    signer,
  );
  const checkpoint = { size: head.sealed, root: head.root!, at, note };
  if (!(await insertCheckpoint(deps.db, head.id, checkpoint, { notAfter }))) return null;
  if (renew) await deps.publicCopies.letterChanged(head.slug);
  return checkpoint;
}

/**
 * The latest checkpoint of `letter`'s record no longer than its sealed
 * length (`letter` as read after sealing), signing one of the sealed
 * length first when the record has moved past the latest checkpoint and
 * that one is at least CHECKPOINT_INTERVAL_MS old (by deps.now). Null when
 * there is none (no key, or nothing sealed yet).
 *
 * A checkpoint signed here that replaces an earlier one refreshes the
 * letter's public copies: copies drawn since the record's last change,
 * while the earlier one was under a minute old, still show it. The first
 * checkpoint of a letter refreshes nothing: every document that shows
 * checkpoints signs one as soon as the record has sealed entries, so no
 * copy drawn since the change that wrote them shows none (and the copy
 * being drawn is kept, not renewed at once).
 * @throws ConfigurationError when RECORD_SIGNING_KEY is malformed
 */
export async function currentCheckpoint(deps: AppDeps, letter: Letter): Promise<StoredCheckpoint | null> {
  const { sealed, root } = letter.record;
  const latest = await latestCheckpoint(deps.db, letter.id, sealed);
  if (sealed <= (latest?.size ?? 0)) return latest;
  const signer = await deps.recordSigner();
  if (!signer) return latest;
  const now = deps.now().getTime();
  if (latest && now - Date.parse(latest.at) < CHECKPOINT_INTERVAL_MS) return latest;
  const notAfter = new Date(now - CHECKPOINT_INTERVAL_MS).toISOString();
  const made = await signCheckpoint(
    deps,
    signer,
    { id: letter.id, slug: letter.slug, sealed, root },
    { notAfter, renew: latest !== null },
  );
  // Another reader or the job signed meanwhile: show theirs.
  return made ?? (await latestCheckpoint(deps.db, letter.id, sealed));
}

/** What the minute job did: letters it looked at, checkpoints it signed. */
export interface CheckpointReport {
  letters: number;
  signed: number;
}

/**
 * The minute job's step (src/index.ts CRONS.checkpoints): seals the record
 * of every published letter that has entries to seal, and signs a
 * checkpoint for each whose sealed length is beyond its latest one, however
 * recent that one is (the job itself runs once a minute). Idempotent;
 * nothing to do without RECORD_SIGNING_KEY.
 * @throws ConfigurationError when RECORD_SIGNING_KEY is malformed
 */
export async function checkpointRecords(
  deps: Pick<AppDeps, "db" | "now" | "publicCopies" | "recordSigner">,
): Promise<CheckpointReport> {
  const signer = await deps.recordSigner();
  if (!signer) return { letters: 0, signed: 0 };
  const due = await lettersAwaitingCheckpoint(deps.db);
  let signed = 0;
  for (const letter of due) {
    let head: RecordHead | null = letter;
    if (letter.sealed < letter.length) {
      await sealRecord(deps.db, letter.id);
      head = await recordHead(deps.db, letter.id);
    }
    if (head && (await signCheckpoint(deps, signer, head, { notAfter: null, renew: true }))) signed += 1;
  }
  return { letters: due.length, signed };
}

/** The verifier key of the checkpoints' signer ("{name}+{id}+{base64}"), or null without RECORD_SIGNING_KEY. */
export async function recordVerifierKey(deps: Pick<AppDeps, "recordSigner">): Promise<string | null> {
  return (await deps.recordSigner())?.verifierKey.text ?? null;
}
