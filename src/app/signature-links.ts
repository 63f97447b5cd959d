/**
 * The signer's private links: confirming a signature and withdrawing it.
 * Each signature has one link of each kind, derived from its public
 * reference under SECRET_KEY (domain/link-secrets.ts), so every copy of a
 * link ever sent keeps working for the life of the signature and nothing
 * else acts on it. Opening a link (GET) changes nothing, so a mail scanner
 * that follows it confirms nothing: the routes show a button, and pressing
 * it calls these.
 */
import { sha256Hex } from "../domain/crypto";
import { publicStatus, type Letter } from "../domain/letter";
import { linkTokenFor, parseLinkToken, verifyLinkToken, type LinkPurpose } from "../domain/link-secrets";
import { paths } from "../domain/paths";
import { verifiedEmailDomain } from "../domain/organization";
import { afterConfirmation, canWithdraw, type SigningPolicy } from "../domain/signing";
import {
  findSignatureByLinkToken,
  findSignatureByRef,
  verifiedDomainHeld,
  type StoredSignature,
} from "../storage/signatures";
import type { AppDeps } from "./deps";
import { changeStatus } from "./signature-status";

/**
 * Why a confirmation link can't confirm (the routes choose the words and the status); "changed": what
 * the signature says changed after its confirm page was drawn (a repeated submission replaced it).
 */
export type ConfirmationProblem = "unknown" | "already-confirmed" | "not-on-letter" | "closed" | "expired" | "changed";

/**
 * What a confirm page showed of `signature`, as the text its form carries back: every field that decides
 * what is published (where it is listed, whether by name, and the words), and whether the signer is to
 * be emailed about the delivery (the consent confirming gives: a repeated submission may have ticked or
 * cleared the box since the page was drawn). Private to the signer's page.
 */
export function shownDetails(
  signature: Pick<
    StoredSignature,
    | "kind"
    | "name"
    | "organization"
    | "title"
    | "city"
    | "country"
    | "website"
    | "isPublic"
    | "contactName"
    | "contactRole"
    | "deliveryNotice"
  >,
): string {
  const { kind, name, organization, title, city, country, isPublic } = signature;
  // An organization's page also shows its website (public) and its contact (to the signer only).
  const organizationOnly =
    kind === "organization" ? [signature.website, signature.contactName, signature.contactRole] : [];
  return JSON.stringify([
    kind,
    name,
    organization,
    title,
    city,
    country,
    isPublic,
    ...organizationOnly,
    signature.deliveryNotice,
  ]);
}

/**
 * The signature on `letter` whose `purpose` link carries `token`, or null
 * (malformed, unknown, another letter's, or a forged MAC: all alike).
 */
export async function findLinkTarget(
  deps: AppDeps,
  letter: Letter,
  // An unsubscribe link has no legacy form to look up (app/delivery-notices.ts reads its own).
  purpose: Exclude<LinkPurpose, "unsubscribe">,
  token: unknown,
): Promise<StoredSignature | null> {
  const parsed = parseLinkToken(token);
  if (!parsed) return null;
  if ("legacy" in parsed) return findSignatureByLinkToken(deps.db, letter.id, purpose, await sha256Hex(parsed.legacy));
  if (!(await verifyLinkToken(deps.secretKey(), purpose, letter.id, parsed))) return null;
  return findSignatureByRef(deps.db, letter.id, parsed.ref);
}

/** The signature a confirmation link's token belongs to on `letter`, or null. */
export function findConfirmationTarget(deps: AppDeps, letter: Letter, token: unknown): Promise<StoredSignature | null> {
  return findLinkTarget(deps, letter, "confirm", token);
}

/**
 * The private links of the signature `ref` on `letter`, as paths (the
 * caller adds the origin and language).
 */
export async function signatureLinks(
  deps: Pick<AppDeps, "secretKey">,
  letter: Pick<Letter, "id" | "slug">,
  ref: string,
): Promise<{ confirm: string; withdraw: string }> {
  const secret = deps.secretKey();
  const [confirm, withdraw] = await Promise.all([
    linkTokenFor(secret, "confirm", letter.id, ref),
    linkTokenFor(secret, "withdraw", letter.id, ref),
  ]);
  return { confirm: paths.confirm(letter.slug, confirm), withdraw: paths.withdraw(letter.slug, withdraw) };
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
 * Confirms the signature whose confirmation link carries `token`. It is
 * counted, or waits for review when `policy` says so. Its withdrawal link
 * stays the one already sent. `shown` is what its confirm page showed
 * (shownDetails): when the signature says something else now, nothing is
 * confirmed ("changed"), so a press confirms only what the signer read.
 *
 * An organization whose contact's address is at the registrable domain of its
 * website (domain/organization.ts verifiedEmailDomain: the Public Suffix List,
 * webmail never counting) is marked verified ('email-domain', with the domain)
 * in the same transaction: confirming the link proved the address. When
 * another organization of the letter already holds that domain, it is not
 * counted: it waits for the organizers (in_review, flag
 * 'organization-domain-taken', `domainTaken`), who decide. (Signatures counted
 * without confirmation are never email-verified: nothing proved the address.)
 *
 * @returns the signature as it was and its new status, or why nothing changed
 * @throws Problem 409 when it kept changing; StorageUnavailable when D1 fails
 */
export async function confirmSignature(
  deps: AppDeps,
  letter: Letter,
  policy: SigningPolicy,
  token: unknown,
  shown?: string,
): Promise<
  | { signature: StoredSignature; to: "confirmed" | "in_review"; verifiedDomain: string | null; domainTaken: boolean }
  | { problem: ConfirmationProblem }
> {
  let problem: ConfirmationProblem | null = null;
  // What the contact's address proves, read with the signature (one more seek, for an organization with a website).
  const read = async () => {
    const signature = await findConfirmationTarget(deps, letter, token);
    if (!signature) return null;
    const domain =
      signature.kind === "organization" && signature.email
        ? verifiedEmailDomain(signature.email, signature.website)
        : null;
    const taken = domain ? await verifiedDomainHeld(deps.db, letter.id, domain, signature.id) : false;
    return { ...signature, provenDomain: domain, domainTaken: taken };
  };
  const change = await changeStatus(deps, letter.slug, read, (signature) => {
    problem = confirmationProblem(letter, signature, deps.now());
    if (!problem && shown !== undefined && shown !== shownDetails(signature)) problem = "changed";
    if (problem) return null;
    if (signature.domainTaken) return { to: "in_review", details: { flag: "organization-domain-taken" } };
    return {
      to: afterConfirmation(policy, signature.kind),
      details: signature.provenDomain ? { verifiedDomain: signature.provenDomain } : {},
    };
  });
  if (!change.changed) return { problem: problem ?? "unknown" };
  const { provenDomain, domainTaken, ...signature } = change.signature;
  return {
    signature,
    to: change.to as "confirmed" | "in_review",
    verifiedDomain: domainTaken ? null : provenDomain,
    domainTaken,
  };
}

/**
 * The signature the withdrawal link carrying `token` can still withdraw (one
 * not withdrawn yet), for its page to say whose it is; null for a dead link.
 * Dead links — malformed, unknown, or used — are alike, so the answer tells
 * nobody who signed.
 */
export async function withdrawalTarget(deps: AppDeps, letter: Letter, token: unknown): Promise<StoredSignature | null> {
  const signature = await findLinkTarget(deps, letter, "withdraw", token);
  return signature !== null && canWithdraw(signature.status) ? signature : null;
}

/**
 * Withdraws the signature whose withdrawal link carries `token`, from any
 * status but withdrawn (unconfirmed, in review, confirmed, hidden, rejected),
 * forgetting its email address. Withdrawn is final: no organizer action
 * changes it again (domain/signing.ts).
 *
 * @returns true when it withdrew a signature; false for a dead link (malformed, unknown, or already used)
 * @throws Problem 409 when it kept changing; StorageUnavailable when D1 fails
 */
export async function withdrawSignature(deps: AppDeps, letter: Letter, token: unknown): Promise<boolean> {
  const change = await changeStatus(
    deps,
    letter.slug,
    () => findLinkTarget(deps, letter, "withdraw", token),
    (signature) => (canWithdraw(signature.status) ? { to: "withdrawn", details: { forgetEmail: true } } : null),
  );
  return change.changed;
}
