/**
 * The rules of signing beyond the form's fields: what state a new signature
 * starts in, what each later change means for the counts and the public
 * record, and the limits on confirmation links and emails. Pure: no I/O.
 */
import type { Letter } from "./letter";
import type { RecordEvent } from "./record";
import type { SignatureKind, SignatureStatus } from "./signature";

/** A confirmation link works this long after it is sent. */
export const CONFIRMATION_LINK_DAYS = 7;

/**
 * Emails sent about one signature (confirmations, reminders that it already
 * signed) within EMAIL_WINDOW_MS: enough for a signer, too few for anyone to
 * flood an inbox by repeating its address; and a day later its owner can
 * get their links again however often a stranger repeated it.
 */
export const MAX_EMAILS_PER_SIGNATURE = 5;
export const EMAIL_WINDOW_MS = 86_400_000;

/** How a letter takes signatures, given its settings and whether a mailer is set up. */
export interface SigningPolicy {
  /** Signatures count only once the signer clicks the link sent by email. */
  confirmByEmail: boolean;
  /** Organizations' signatures wait for the organizers' approval. */
  reviewOrganizations: boolean;
}

export class SigningNotAvailable extends Error {
  override name = "SigningNotAvailable";
}

/**
 * Whether `letter` confirms signatures by email (signingPolicy's confirmByEmail), false for one that
 * can't take signatures (it asks for confirmation and there is no mailer): the sign form offers the
 * delivery notice only then.
 */
export function confirmsByEmail(letter: Pick<Letter, "confirmSignatures">, hasMailer: boolean): boolean {
  return hasMailer && (letter.confirmSignatures ?? hasMailer);
}

/**
 * The letter's policy. Confirmation by email is the default once a mailer is
 * configured; a letter that asks for it when none is configured cannot take
 * signatures, rather than publishing them unconfirmed against its organizers' wish.
 */
export function signingPolicy(
  letter: Pick<Letter, "confirmSignatures" | "reviewOrganizations">,
  hasMailer: boolean,
): SigningPolicy {
  const confirmByEmail = letter.confirmSignatures ?? hasMailer;
  if (confirmByEmail && !hasMailer) {
    throw new SigningNotAvailable(
      "This letter asks for email confirmation, but no mailer is configured (see RESEND_API_KEY and MAILER).",
    );
  }
  return { confirmByEmail, reviewOrganizations: letter.reviewOrganizations };
}

/** Where a new signature of `kind` starts. */
export function initialStatus(policy: SigningPolicy, kind: SignatureKind): SignatureStatus {
  if (policy.confirmByEmail) return "unconfirmed";
  return afterConfirmation(policy, kind);
}

/** Where a signature goes once its email is confirmed. */
export function afterConfirmation(policy: SigningPolicy, kind: SignatureKind): SignatureStatus {
  return policy.reviewOrganizations && kind === "organization" ? "in_review" : "confirmed";
}

/** The organizers' actions on a signature. */
export const MODERATION_ACTIONS = ["approve", "reject", "hide", "restore"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const MODERATION: Record<ModerationAction, { from: readonly SignatureStatus[]; to: SignatureStatus }> = {
  approve: { from: ["in_review"], to: "confirmed" },
  // An unconfirmed one too: a squatter who signed for an organization and never confirms would
  // otherwise hold its name until the link expires (and a repeat sends the link again, valid anew).
  reject: { from: ["in_review", "unconfirmed"], to: "rejected" },
  hide: { from: ["confirmed"], to: "hidden" },
  restore: { from: ["hidden", "rejected"], to: "confirmed" },
};

/** What each action makes of a signature, in words ("approved"…), for messages. */
export const MODERATED: Record<ModerationAction, string> = {
  approve: "approved",
  reject: "rejected",
  hide: "hidden",
  restore: "restored",
};

/** The statuses `action` applies to. */
export function moderationSources(action: ModerationAction): readonly SignatureStatus[] {
  return MODERATION[action].from;
}

/**
 * The status `action` leads to from `from`, or null when it does not apply.
 * A rejected signature that was rejected while it waited for its signer's
 * email confirmation (`rejectedFrom` "unconfirmed") is restored to waiting:
 * only its signer may confirm it, never the organizers' restore.
 */
export function moderate(
  action: ModerationAction,
  from: SignatureStatus,
  rejectedFrom: SignatureStatus | null = null,
): SignatureStatus | null {
  const rule = MODERATION[action];
  if (!rule.from.includes(from)) return null;
  if (action === "restore" && from === "rejected" && rejectedFrom === "unconfirmed") return "unconfirmed";
  return rule.to;
}

/**
 * The statuses a signer can withdraw from: every one but withdrawn. A
 * signature an organizer hid or rejected is the signer's to withdraw too, so
 * that no later "restore" can publish a name its signer took back.
 */
export function canWithdraw(status: SignatureStatus): boolean {
  return status !== "withdrawn";
}

/**
 * Whether an organization's signature in `status` holds its organization (its organization_key, and
 * the verified_domain its contact's email proved): not once withdrawn, hidden or rejected. Such a
 * signature gives both up in the same write, so that whoever signs for the organization next makes a
 * new signature; restoring one takes its key back, if no other signature holds it meanwhile.
 */
export function holdsOrganization(status: SignatureStatus): boolean {
  return status !== "withdrawn" && status !== "hidden" && status !== "rejected";
}

/**
 * The record entry a status change writes, if it changes who is counted:
 * the signer's own (signed, withdrawn) or the organizers' (hidden, rejected,
 * restored), so that the record never passes one for the other.
 */
export function recordEventFor(from: SignatureStatus, to: SignatureStatus): RecordEvent | null {
  if (to === "confirmed" && from !== "confirmed")
    return from === "hidden" || from === "rejected" ? "restored" : "signed";
  if (from === "confirmed" && to !== "confirmed") {
    return to === "withdrawn" ? "withdrawn" : to === "rejected" ? "rejected" : "hidden";
  }
  return null;
}
