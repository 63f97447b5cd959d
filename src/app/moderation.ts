/**
 * Organizers' changes to a letter's signatures: moderating one (approve,
 * reject, hide, restore), moderating many at once, entering one received on
 * paper, and setting the order of organizations. Each moves the counts and
 * the public record with it (storage/signatures.ts) and refreshes the
 * letter's public copies when what they show changed.
 */
import { hmacHex } from "../domain/crypto";
import { mailboxHash } from "../domain/mailbox";
import type { Letter } from "../domain/letter";
import type { ManualSignature } from "../domain/manual-signature";
import type { SignatureFilter } from "../domain/signature-filter";
import { MODERATED, moderate, moderationSources, type ModerationAction } from "../domain/signing";
import type { SignatureStatus } from "../domain/signature";
import { countMatchingSignatures, searchSignatures } from "../storage/signatures";
import {
  findSignatureByRef,
  insertManualSignature,
  setSignaturePositions,
  type StoredSignature,
} from "../storage/signatures";
import type { AppDeps } from "./deps";
import { Problem } from "./problem";
import { changesPublicCopies, changeStatus } from "./signature-status";

/** The most signatures one bulk submission changes (each is its own transaction). */
export const BULK_LIMIT = 1_000;

const REF = /^[0-9a-f]{32}$/;

/** What moderating a signature needs to know of it: which it is, and the status it was read in. */
type ModeratedSignature = Pick<StoredSignature, "id" | "letterId" | "ref" | "kind" | "status">;

/**
 * Applies `action` to the signature `ref` of `letter`.
 *
 * @returns its status before and after
 * @throws Problem 404 when the letter has no such signature, 409 when the
 *   action does not apply to its status (or it kept changing)
 */
export async function moderateSignature(
  deps: AppDeps,
  letter: Letter,
  ref: string,
  action: ModerationAction,
): Promise<{ from: SignatureStatus; to: SignatureStatus }> {
  const read = () => (REF.test(ref) ? findSignatureByRef(deps.db, letter.id, ref) : Promise.resolve(null));
  const change = await changeStatus(deps, letter.slug, read, (signature) => {
    const to = moderate(action, signature.status);
    return to ? { to } : null;
  });
  if (change.changed) return { from: change.signature.status, to: change.to };
  if (!change.signature) {
    throw new Problem(404, "Signature not found", "There is no signature with this reference on this letter.");
  }
  throw new Problem(
    409,
    "That action does not apply",
    `This signature is ${change.signature.status.replace("_", " ")}: it can't be ${MODERATED[action]}. Reload the page to see its status.`,
  );
}

/** Which signatures a bulk change is about: the ones ticked, or every one matching a filter. */
export type BulkScope = { refs: readonly string[] } | { filter: SignatureFilter };

/** The signatures of `letter` among `refs` (at most BULK_LIMIT), as they are now. */
export async function findSelectedSignatures(
  deps: AppDeps,
  letter: Letter,
  refs: readonly string[],
): Promise<StoredSignature[]> {
  const found = await Promise.all(
    refs.filter((ref) => REF.test(ref)).map((ref) => findSignatureByRef(deps.db, letter.id, ref)),
  );
  return found.filter((signature): signature is StoredSignature => signature !== null);
}

/**
 * Refuses a selection of more than BULK_LIMIT signatures, before any of
 * them is read: the review and the change of a bulk action answer alike.
 *
 * @throws Problem 413 for more than BULK_LIMIT selected signatures
 */
function limitSelection(scope: BulkScope): void {
  if ("refs" in scope && scope.refs.length > BULK_LIMIT) {
    throw new Problem(
      413,
      "Too many signatures selected",
      `Select at most ${BULK_LIMIT.toLocaleString("en")} at once.`,
    );
  }
}

/**
 * How many signatures `action` would change in `scope`, of how many the
 * scope holds: what the organizer reviews before applying it.
 *
 * @throws Problem 413 for more than BULK_LIMIT selected signatures (see moderateSignatures)
 */
export async function previewBulkModeration(
  deps: AppDeps,
  letter: Letter,
  scope: BulkScope,
  action: ModerationAction,
): Promise<{ applicable: number; considered: number }> {
  limitSelection(scope);
  if ("refs" in scope) {
    const selected = await findSelectedSignatures(deps, letter, scope.refs);
    return {
      applicable: selected.filter((signature) => moderate(action, signature.status) !== null).length,
      considered: scope.refs.length,
    };
  }
  let applicable = 0;
  for (const status of bulkStatuses(scope.filter, action)) {
    applicable += await countMatchingSignatures(deps.db, letter.id, { ...scope.filter, status });
  }
  return { applicable, considered: await countMatchingSignatures(deps.db, letter.id, scope.filter) };
}

/** The statuses `action` applies to that `filter` admits. */
function bulkStatuses(filter: SignatureFilter, action: ModerationAction): SignatureStatus[] {
  return moderationSources(action).filter((status) => filter.status === undefined || filter.status === status);
}

/**
 * Applies `action` to every signature of `scope` it applies to, at most
 * BULK_LIMIT of them, each in its own transaction; refreshes the public
 * copies once at the end when any change shows publicly, also when a later
 * change throws (the earlier ones are stored).
 *
 * @returns how many signatures changed
 * @throws Problem 413 for more than BULK_LIMIT selected signatures
 */
export async function moderateSignatures(
  deps: AppDeps,
  letter: Letter,
  scope: BulkScope,
  action: ModerationAction,
): Promise<number> {
  limitSelection(scope);
  let changed = 0;
  let shown = false;
  const apply = async (signature: ModeratedSignature) => {
    const change = await changeStatus(
      deps,
      letter.slug,
      () => findSignatureByRef(deps.db, letter.id, signature.ref),
      (current) => {
        const to = moderate(action, current.status);
        return to ? { to } : null;
      },
      { first: signature, refresh: false },
    );
    if (change.changed) {
      changed++;
      shown ||= changesPublicCopies(change.signature.status, change.to);
    }
  };
  try {
    if ("refs" in scope) {
      for (const signature of await findSelectedSignatures(deps, letter, scope.refs)) await apply(signature);
    } else {
      for (const status of bulkStatuses(scope.filter, action)) {
        let before: number | undefined;
        while (changed < BULK_LIMIT) {
          const page = await searchSignatures(deps.db, letter.id, { ...scope.filter, status }, { before, limit: 100 });
          for (const row of page.signatures) {
            if (changed >= BULK_LIMIT) break;
            // The row was just read with its status: it is read again only if it changed meanwhile.
            await apply({ ...row, letterId: letter.id });
          }
          if (page.nextBefore === null) break;
          before = page.nextBefore;
        }
      }
    }
  } finally {
    // Also when a later change failed (D1, a 409): the ones already stored are public facts now.
    if (shown) await deps.publicCopies.letterChanged(letter.slug);
  }
  return changed;
}

/**
 * Adds a signature an organizer received on paper, by email or otherwise:
 * counted at once (channel "manual"), one per mailbox when an email is given.
 *
 * @returns false, adding nothing, when its mailbox (domain/mailbox.ts) has already signed
 */
export async function addSignatureByHand(deps: AppDeps, letter: Letter, signature: ManualSignature): Promise<boolean> {
  const emailHash = signature.email ? await hmacHex(deps.secretKey(), "email", signature.email) : null;
  const mailbox = signature.email ? await mailboxHash(deps.secretKey(), signature.email) : null;
  const stored = await insertManualSignature(deps.db, letter.id, {
    ...signature,
    emailHash,
    mailboxHash: mailbox,
    source: signature.receivedBy,
  });
  if (stored.created) await deps.publicCopies.letterChanged(letter.slug);
  return stored.created;
}

/** Sets the places of the letter's organizations (null: in signing order, after the placed ones). */
export async function setOrganizationOrder(
  deps: AppDeps,
  letter: Letter,
  positions: { ref: string; position: number | null }[],
): Promise<void> {
  await setSignaturePositions(deps.db, letter.id, positions);
  await deps.publicCopies.letterChanged(letter.slug);
}
