/**
 * The signer's private links: confirming a signature and withdrawing it. A
 * link carries a secret; only its SHA-256 is stored. Opening a link (GET)
 * changes nothing, so a mail scanner that follows it confirms nothing: the
 * routes show a button, and pressing it calls these.
 */
import { sha256Hex } from "../domain/crypto";
import { publicStatus, type Letter } from "../domain/letter";
import { afterConfirmation, canWithdraw, type SigningPolicy } from "../domain/signing";
import { findSignatureByLinkToken, type StoredSignature } from "../storage/signatures";
import type { AppDeps } from "./deps";
import { changeStatus } from "./signature-status";

/** Why a confirmation link can't confirm (the routes choose the words and the status). */
export type ConfirmationProblem = "unknown" | "already-confirmed" | "not-on-letter" | "closed" | "expired";

/** The signature a confirmation link's secret belongs to on `letter`, or null. */
export async function findConfirmationTarget(
  deps: AppDeps,
  letter: Letter,
  token: string,
): Promise<StoredSignature | null> {
  return findSignatureByLinkToken(deps.db, letter.id, "confirm", await sha256Hex(token));
}

/** Why `signature` can't be confirmed now through its link, or null when it can. */
export function confirmationProblem(
  letter: Letter,
  signature: StoredSignature | null,
  now: Date,
): ConfirmationProblem | null {
  if (!signature) return "unknown";
  if (signature.status === "confirmed" || signature.status === "in_review") return "already-confirmed";
  if (signature.status !== "unconfirmed") return "not-on-letter";
  if (publicStatus(letter, now) !== "open") return "closed";
  if (signature.confirmExpiresAt !== null && Date.parse(signature.confirmExpiresAt) <= now.getTime()) return "expired";
  return null;
}

/**
 * Confirms the signature whose confirmation link carries `token`, giving it
 * the withdrawal secret whose SHA-256 is `withdrawTokenHash` (shown to the
 * signer next). It is counted, or waits for review when `policy` says so.
 *
 * @returns the signature as it was and its new status, or why nothing changed
 * @throws Problem 409 when it kept changing; StorageUnavailable when D1 fails
 */
export async function confirmSignature(
  deps: AppDeps,
  letter: Letter,
  policy: SigningPolicy,
  token: string,
  withdrawTokenHash: string,
): Promise<{ signature: StoredSignature; to: "confirmed" | "in_review" } | { problem: ConfirmationProblem }> {
  let problem: ConfirmationProblem | null = null;
  const change = await changeStatus(
    deps,
    letter.slug,
    () => findConfirmationTarget(deps, letter, token),
    (signature) => {
      problem = confirmationProblem(letter, signature, deps.now());
      return problem ? null : { to: afterConfirmation(policy, signature.kind), details: { withdrawTokenHash } };
    },
  );
  if (!change.changed) return { problem: problem ?? "unknown" };
  return { signature: change.signature, to: change.to as "confirmed" | "in_review" };
}

/**
 * Withdraws the signature whose withdrawal link carries `token`, forgetting
 * its email address. Says nothing about whether there was one: the answer is
 * the same for every link, so it tells nobody who signed.
 *
 * @throws Problem 409 when it kept changing; StorageUnavailable when D1 fails
 */
export async function withdrawSignature(deps: AppDeps, letter: Letter, token: string): Promise<void> {
  const tokenHash = await sha256Hex(token);
  await changeStatus(
    deps,
    letter.slug,
    () => findSignatureByLinkToken(deps.db, letter.id, "withdraw", tokenHash),
    (signature) => (canWithdraw(signature.status) ? { to: "withdrawn", details: { forgetEmail: true } } : null),
  );
}
