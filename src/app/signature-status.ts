/**
 * Every change of a signature's status, whoever makes it (the signer's
 * confirmation or withdrawal, an organizer's moderation, one or in bulk),
 * goes through changeStatus: read, decide, write only if the status is still
 * the one read (storage/signatures.ts changeSignatureStatus), and on a race
 * read again and decide anew. Whether the letter's public copies must then
 * be refreshed is decided here too, once.
 */
import { statusCounter, type SignatureStatus } from "../domain/signature";
import { changeSignatureStatus, type StatusChangeDetails, type StoredSignature } from "../storage/signatures";
import type { AppDeps } from "./deps";
import { organizerProblem } from "./problem";

/** Times a signature is read again when it changed between the read and the write (a double click, two organizers). */
const ATTEMPTS = 3;

/**
 * Whether a signature in `status` is part of what the public sees: counted
 * (and listed, unless its signer asked not to be). Waiting ones (unconfirmed,
 * in review) are not: the public `pending` count is gone (issue 12 §3).
 */
function shownPublicly(status: SignatureStatus): boolean {
  return statusCounter(status) === "counted";
}

/**
 * Whether moving a signature from `from` to `to` changes what the public
 * sees: its counts and its list. Every public copy shows those and nothing
 * else of a signature.
 */
export function changesPublicCopies(from: SignatureStatus, to: SignatureStatus): boolean {
  return shownPublicly(from) !== shownPublicly(to);
}

/** Whether a new signature in `status` changes what the public sees (one counted at once), by the same rule. */
export function newSignatureShows(status: SignatureStatus): boolean {
  return shownPublicly(status);
}

/** What to do with a signature in the status it was just read with: a new status, or nothing (null). */
export type StatusDecision = { to: SignatureStatus; details?: StatusChangeDetails } | null;

type ChangeableSignature = Pick<StoredSignature, "id" | "letterId" | "kind" | "status" | "name">;

export type StatusChange<S extends ChangeableSignature> =
  /** Changed from `signature.status` (as it was) to `to`. */
  | { changed: true; signature: S; to: SignatureStatus }
  /** Not changed: `signature` is as last read (null when there is none), and `decide` said nothing applies. */
  | { changed: false; signature: S | null };

/**
 * Moves a signature to the status `decide` chooses for the status it has.
 * `read` reads it (again); `first`, when given, is a copy just read, used
 * for the first try. Refreshes the letter's public copies (for the letter
 * at `slug`) when the change shows publicly, unless `refresh` is false (a
 * bulk change refreshes once, at its end).
 *
 * @throws Problem 409 when the signature kept changing under three tries.
 * @throws StorageUnavailable when D1 fails (nothing was changed, or all of it).
 */
export async function changeStatus<S extends ChangeableSignature>(
  deps: Pick<AppDeps, "db" | "publicCopies" | "origin">,
  slug: string,
  read: () => Promise<S | null>,
  decide: (signature: S) => StatusDecision,
  { first, refresh = true }: { first?: S | null; refresh?: boolean } = {},
): Promise<StatusChange<S>> {
  let current = first === undefined ? await read() : first;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!current) return { changed: false, signature: null };
    const decision = decide(current);
    if (!decision) return { changed: false, signature: current };
    // A change that counts the signature queues its webhook, whose letter.url is made at this origin.
    if (await changeSignatureStatus(deps.db, current, decision.to, { ...decision.details, origin: deps.origin })) {
      if (refresh && changesPublicCopies(current.status, decision.to)) await deps.publicCopies.letterChanged(slug);
      return { changed: true, signature: current, to: decision.to };
    }
    current = await read();
  }
  throw organizerProblem(409, "keptChanging");
}
