/**
 * Organizers' changes to a letter's signatures: moderating one (approve,
 * reject, hide, restore), moderating many at once, entering one received on
 * paper, marking an organization verified (or taking the mark back), and
 * setting the order of organizations. Each moves the counts and
 * the public record with it (storage/signatures.ts) and refreshes the
 * letter's public copies when what they show changed.
 */
import { forgetConfirmationToSend } from "../storage/confirmation-mail-retries";
import { hmacHex } from "../domain/crypto";
import { mailboxHash } from "../domain/mailbox";
import type { Letter } from "../domain/letter";
import type { ManualSignature } from "../domain/manual-signature";
import { signatureQuery, type SignatureFilter } from "../domain/signature-filter";
import { publicStatus } from "../domain/letter";
import {
  afterConfirmation,
  CONFIRMATION_LINK_DAYS,
  EMAIL_WINDOW_MS,
  holdsOrganization,
  MAX_EMAILS_PER_SIGNATURE,
  moderate,
  moderationSources,
  type ModerationAction,
} from "../domain/signing";
import type { OrganizationVerification, SignatureStatus } from "../domain/signature";
import type { VerificationOutcome } from "../domain/signature-filter";
import {
  findVerificationState,
  markVerifiedByOrganizers,
  removeVerification,
  searchSignatures,
  type VerificationState,
} from "../storage/signatures";
import {
  findEmailState,
  findOrganizationByName,
  findSignatureByRef,
  reserveEmail,
  insertManualSignature,
  setSignaturePositions,
  type StoredSignature,
} from "../storage/signatures";
import type { ActivityAction } from "../domain/activity";
import { activityRow, recordActivity } from "./activity";
import type { ActivityRow } from "../storage/activity";
import type { AppDeps } from "./deps";
import { organizerProblem } from "./problem";
import { changesPublicCopies, changeStatus } from "./signature-status";
import { countLetterSignatures } from "./signature-lists";
import { confirmationMailAgain } from "./signing";
import { activityDetail, type ActivityDetail } from "../domain/activity-details";

/** The most signatures one bulk submission changes (each is its own transaction). */
export const BULK_LIMIT = 1_000;

const REF = /^[0-9a-f]{32}$/;

/** What moderating a signature needs to know of it: which it is, and the status it was read in. */
type ModeratedSignature = Pick<
  StoredSignature,
  "id" | "letterId" | "ref" | "kind" | "status" | "name" | "rejectedFrom"
>;

/**
 * The signature that holds the organization `signature` would take back by `action` (a restore of a
 * hidden or rejected organization: domain/signing.ts holdsOrganization), when another one does now;
 * else null. One seek.
 */
async function organizationHolder(
  deps: AppDeps,
  letter: Letter,
  signature: ModeratedSignature,
  action: ModerationAction,
): Promise<{ ref: string; name: string; status: SignatureStatus } | null> {
  const to = moderate(action, signature.status);
  if (signature.kind !== "organization" || !to || holdsOrganization(signature.status) || !holdsOrganization(to))
    return null;
  const holder = await findOrganizationByName(deps.db, letter.id, signature.name);
  return holder && holder.ref !== signature.ref ? holder : null;
}

/** The activity log's action for each moderation action. */
const MODERATION_ACTIVITY: Record<ModerationAction, ActivityAction> = {
  approve: "signature-approved",
  reject: "signature-rejected",
  hide: "signature-hidden",
  restore: "signature-restored",
};

/**
 * The log's entry of one signature's change of status by `action` (a bulk change logs one entry per
 * signature it changed), written in one batch with the change (StatusChangeDetails.activity).
 */
function statusChangeEntry(
  deps: AppDeps,
  signature: Pick<StoredSignature, "id" | "letterId">,
  action: ModerationAction,
  from: SignatureStatus,
  to: SignatureStatus,
  detail: ActivityDetail | null = null,
): ActivityRow {
  return activityRow(deps, {
    action: MODERATION_ACTIVITY[action],
    letterId: signature.letterId,
    signatureId: signature.id,
    before: { status: from },
    after: { status: to },
    detail,
  });
}

/**
 * Applies `action` to the signature `ref` of `letter`.
 *
 * Restoring an organization takes its key back (storage/signatures.ts changeSignatureStatus): it is
 * refused while another signature of the letter holds the organization.
 *
 * @returns its status before and after
 * @throws Problem 404 when the letter has no such signature, 409 when the
 *   action does not apply to its status (or it kept changing), or when another signature now holds
 *   the organization it would restore ("Another signature for {name} now exists: …")
 */
export async function moderateSignature(
  deps: AppDeps,
  letter: Letter,
  ref: string,
  action: ModerationAction,
): Promise<{ from: SignatureStatus; to: SignatureStatus }> {
  const read = () => (REF.test(ref) ? findSignatureByRef(deps.db, letter.id, ref) : Promise.resolve(null));
  const first = await read();
  const holder = first ? await organizationHolder(deps, letter, first, action) : null;
  if (first && holder) throw organizerProblem(409, "organizationHeld", [first.name, holder.name, holder.status]);
  const change = await changeStatus(
    deps,
    letter.slug,
    read,
    (signature) => {
      const to = moderate(action, signature.status, signature.rejectedFrom);
      return to
        ? { to, details: { activity: statusChangeEntry(deps, signature, action, signature.status, to) } }
        : null;
    },
    { first },
  );
  if (change.changed) {
    return { from: change.signature.status, to: change.to };
  }
  if (!change.signature) throw organizerProblem(404, "signatureNotFound");
  throw organizerProblem(409, "actionInapplicable", [change.signature.status, action]);
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
    throw organizerProblem(413, "tooManySelected", [BULK_LIMIT]);
  }
}

/** The most names the review of a bulk change lists (the count says how many more). */
export const REVIEW_NAMES = 100;

/** A signature a bulk change would change, as its review lists it. */
export interface ReviewedSignature {
  name: string;
  kind: StoredSignature["kind"];
  status: SignatureStatus;
  /** When it was signed (ISO 8601 UTC). */
  createdAt: string;
}

/**
 * How many signatures `action` would change in `scope`, of how many the
 * scope holds, and the first REVIEW_NAMES (100) of those it would change
 * (newest first for a filter, in the order ticked for a selection): what
 * the organizer reviews before applying it. A filter's counts are bounded as the list's are
 * (app/signature-lists.ts countLetterSignatures): `more` says which is "more than".
 *
 * @throws Problem 413 for more than BULK_LIMIT selected signatures (see moderateSignatures)
 */
export async function previewBulkModeration(
  deps: AppDeps,
  letter: Letter,
  scope: BulkScope,
  action: ModerationAction,
): Promise<{
  applicable: number;
  considered: number;
  names: ReviewedSignature[];
  unaffected: ReviewedSignature[];
  /** Which counts stopped at their bound ("more than"): a filter's, past BULK_LIMIT or COUNTED_MATCHES. */
  more?: { applicable: boolean; considered: boolean };
}> {
  limitSelection(scope);
  const reviewed = (signature: ReviewedSignature): ReviewedSignature => ({
    name: signature.name,
    kind: signature.kind,
    status: signature.status,
    createdAt: signature.createdAt,
  });
  if ("refs" in scope) {
    const selected = await findSelectedSignatures(deps, letter, scope.refs);
    const changing = selected.filter((signature) => moderate(action, signature.status) !== null);
    const left = selected.filter((signature) => moderate(action, signature.status) === null);
    return {
      applicable: changing.length,
      considered: scope.refs.length,
      names: changing.slice(0, REVIEW_NAMES).map(reviewed),
      unaffected: left.slice(0, REVIEW_NAMES).map(reviewed),
    };
  }
  let applicable = 0;
  let applicableMore = false;
  const names: ReviewedSignature[] = [];
  // The filter's days are the letter's, as its list shows its times.
  const query = signatureQuery(scope.filter, letter.closesTimeZone);
  // Counted as the list counts (issue 17: the letter's counters, else up to a bound), never past
  // what one submission changes (BULK_LIMIT): the review says "more than" beyond it.
  for (const status of bulkStatuses(scope.filter, action)) {
    if (!applicableMore) {
      const counted = await countLetterSignatures(deps, letter, { ...query, status }, BULK_LIMIT - applicable);
      applicable += counted.count;
      applicableMore = counted.more;
    }
    if (names.length < REVIEW_NAMES) {
      const page = await searchSignatures(
        deps.db,
        letter.id,
        { ...query, status },
        {
          limit: REVIEW_NAMES - names.length,
        },
      );
      names.push(...page.signatures.map(reviewed));
    }
  }
  // Those the filter matches that the change leaves are told by their number only (they may be many).
  const considered = await countLetterSignatures(deps, letter, query);
  return {
    applicable,
    considered: considered.count,
    names,
    unaffected: [],
    ...(applicableMore || considered.more ? { more: { applicable: applicableMore, considered: considered.more } } : {}),
  };
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
 * An organization another signature now holds is not restored (see moderateSignature): it is
 * counted among those not changed, in `held`, with its name.
 *
 * @returns how many signatures changed, and the names of the organizations not restored because
 *   another signature holds them now
 * @throws Problem 413 for more than BULK_LIMIT selected signatures
 */
export async function moderateSignatures(
  deps: AppDeps,
  letter: Letter,
  scope: BulkScope,
  action: ModerationAction,
): Promise<{ changed: number; held: string[] }> {
  limitSelection(scope);
  let changed = 0;
  let shown = false;
  const held: string[] = [];
  const apply = async (signature: ModeratedSignature) => {
    if (await organizationHolder(deps, letter, signature, action)) {
      held.push(signature.name);
      return;
    }
    const change = await changeStatus(
      deps,
      letter.slug,
      () => findSignatureByRef(deps.db, letter.id, signature.ref),
      (current) => {
        const to = moderate(action, current.status, current.rejectedFrom);
        if (!to) return null;
        return {
          to,
          details: { activity: statusChangeEntry(deps, current, action, current.status, to, activityDetail("inBulk")) },
        };
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
      const query = signatureQuery(scope.filter, letter.closesTimeZone);
      for (const status of bulkStatuses(scope.filter, action)) {
        let before: number | undefined;
        while (changed < BULK_LIMIT) {
          const page = await searchSignatures(deps.db, letter.id, { ...query, status }, { before, limit: 100 });
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
  return { changed, held };
}

/** What entering a signature by hand did: added it, or found who already holds its place. */
export type HandEntry =
  | { added: true; ref: string }
  /** An individual's mailbox (domain/mailbox.ts) had already signed. */
  | { added: false; taken: "email" }
  /** The organization (by its normalized name) had already signed: the signature that holds it (unconfirmed, in review or counted). */
  | { added: false; taken: "organization"; holder: { name: string; status: SignatureStatus } | null };

/**
 * Adds a signature an organizer received on paper, by email or otherwise:
 * counted at once (channel "manual"); an organization with its website and
 * contact (no authorization statement: the organizers vouch for it). One
 * signature per organization per letter (by its normalized name, held by
 * an earlier one unless it is withdrawn, hidden or rejected: such a one
 * gave the organization up, and the hand entry is a new signature beside
 * it), and one individual
 * signature per mailbox when an email is given; a contact's address may
 * also have signed as a person.
 *
 * @returns added, or what was already there (nothing is added then)
 */
export async function addSignatureByHand(
  deps: AppDeps,
  letter: Letter,
  signature: ManualSignature,
): Promise<HandEntry> {
  const emailHash = signature.email ? await hmacHex(deps.secretKey(), "email", signature.email) : null;
  const mailbox = signature.email ? await mailboxHash(deps.secretKey(), signature.email) : null;
  const stored = await insertManualSignature(
    deps.db,
    letter.id,
    { ...signature, emailHash, mailboxHash: mailbox, source: signature.receivedBy },
    // Its webhook's letter.url: the origin of the organizer's request.
    deps.origin,
  );
  if (stored.created) {
    await deps.publicCopies.letterChanged(letter.slug);
    await recordActivity(deps, {
      action: "signature-entered",
      letterId: letter.id,
      signatureId: stored.id,
      after: { status: "confirmed" },
      detail: activityDetail("received", signature.receivedBy),
    });
    return { added: true, ref: stored.ref };
  }
  if (signature.kind === "individual") return { added: false, taken: "email" };
  return {
    added: false,
    taken: "organization",
    holder: await findOrganizationByName(deps.db, letter.id, signature.name),
  };
}

/** An organization's verification as published (domain/letter-json.ts verifiedJson): how, when, and the domain proved. */
export interface VerificationMark {
  by: OrganizationVerification;
  at: string;
  domain: string | null;
}

/** What setOrganizationVerification did. */
export interface VerificationChange {
  /** The organization's name (public). */
  name: string;
  changed: boolean;
  before: VerificationMark | null;
  after: VerificationMark | null;
  /** "verified", "already-verified", "unverified", "unverified-domain" (the domain it proved was forgotten too), "not-verified". */
  outcome: VerificationOutcome;
}

function markOf(state: VerificationState): VerificationMark | null {
  return state.verification && state.verifiedAt
    ? { by: state.verification, at: state.verifiedAt, domain: state.verifiedDomain }
    : null;
}

/**
 * Marks the organization `ref` of `letter` verified by the organizers (`verified` true), or removes
 * its mark (false): an organizer's action, logged as the structured line
 * `{"event":"organization_verified","letter",…,"ref","verified","by","previous","domain_forgotten"}`
 * (never an email address), and refreshing the letter's public copies when the organization is
 * listed. Marking keeps an organization already verified as it is (by its email domain, or earlier
 * by hand). Removing clears the verification and its time whatever it was: for one by its email
 * domain, the domain its contact proved is forgotten too (the outcome "unverified-domain" says so),
 * so the domain no longer keeps another organization of the letter from being verified by it, and
 * only a new confirmation by its contact would prove it again.
 *
 * Each write is guarded by the state read (a double click, or a verification by email domain landing
 * meanwhile, changes nothing twice): the outcome says what is true now.
 *
 * @throws Problem 404 when the letter has no such signature; 409 when it is an individual's (only
 *   organizations are verified)
 */
export async function setOrganizationVerification(
  deps: AppDeps,
  letter: Letter,
  ref: string,
  verified: boolean,
): Promise<VerificationChange> {
  const state = REF.test(ref) ? await findVerificationState(deps.db, letter.id, ref) : null;
  if (!state) throw organizerProblem(404, "signatureNotFound");
  if (state.kind !== "organization") {
    throw organizerProblem(409, "onlyOrganizationsVerified", [state.name]);
  }
  const before = markOf(state);
  let changed: boolean;
  let outcome: VerificationOutcome;
  if (verified) {
    changed = before === null && (await markVerifiedByOrganizers(deps.db, state.id, deps.now().toISOString()));
    outcome = changed ? "verified" : "already-verified";
  } else {
    changed = before !== null && (await removeVerification(deps.db, state.id, before.by));
    outcome = !changed ? "not-verified" : before?.by === "email-domain" ? "unverified-domain" : "unverified";
  }
  const now = changed ? await findVerificationState(deps.db, letter.id, ref) : state;
  const after = now ? markOf(now) : null;
  if (changed) {
    console.log(
      JSON.stringify({
        event: "organization_verified",
        letter: letter.slug,
        ref,
        verified,
        by: "organizers",
        previous: before?.by ?? null,
        domain_forgotten: !verified && before?.by === "email-domain" ? before.domain : null,
      }),
    );
    if (state.status === "confirmed" && state.isPublic) await deps.publicCopies.letterChanged(letter.slug);
    await recordActivity(deps, {
      action: verified ? "organization-verified" : "organization-unverified",
      letterId: letter.id,
      signatureId: state.id,
      before: { verified: before?.by ?? "no" },
      after: { verified: after?.by ?? "no" },
      detail: outcome === "unverified-domain" ? activityDetail("domainForgotten") : null,
    });
  }
  return { name: state.name, changed, before, after, outcome };
}

/** Sets the places of the letter's organizations (null: in signing order, after the placed ones). */
export async function setOrganizationOrder(
  deps: AppDeps,
  letter: Letter,
  positions: { ref: string; position: number | null }[],
): Promise<void> {
  await setSignaturePositions(deps.db, letter.id, positions);
  await deps.publicCopies.letterChanged(letter.slug);
  const placed = positions.filter((place) => place.position !== null).length;
  await recordActivity(deps, {
    action: "organizations-reordered",
    letterId: letter.id,
    detail: activityDetail("organizationsOrdered", placed, positions.length - placed),
  });
}

/**
 * The signature `ref` of `letter` while it waits for its email confirmation,
 * for an action only such a signature takes (sending its email again,
 * confirming it on request), on a letter still taking signatures.
 *
 * @throws Problem 404 when the letter has no such signature; 409 when it is no longer waiting
 *   (`doing` says what was refused), or when the letter no longer takes signatures
 */
export async function waitingSignature(
  deps: AppDeps,
  letter: Letter,
  ref: string,
  doing: "resend" | "confirm",
): Promise<StoredSignature> {
  const signature = REF.test(ref) ? await findSignatureByRef(deps.db, letter.id, ref) : null;
  if (!signature) throw organizerProblem(404, "signatureNotFound");
  if (signature.status !== "unconfirmed") throw organizerProblem(409, "notWaiting", [signature.status, doing]);
  if (publicStatus(letter, deps.now()) !== "open") throw organizerProblem(409, "signingClosed", [doing]);
  return signature;
}

/**
 * What the organizers can do now for `letter`'s signatures waiting for their email, as
 * resendConfirmation and confirming on request check it: `confirm` while signing is open, `resend`
 * while it is open and email can be sent. The list offers only these (a button that can only be
 * refused is not offered).
 */
export function waitingActions(deps: AppDeps, letter: Letter): { resend: boolean; confirm: boolean } {
  const open = publicStatus(letter, deps.now()) === "open";
  let mail: boolean;
  try {
    mail = deps.mailer() !== null && Boolean(deps.origin);
  } catch {
    mail = false;
  }
  return { resend: open && mail, confirm: open };
}

/**
 * Sends the confirmation email of the signature `ref` again, when its signer
 * asks the organizers (it never came, it went to spam): its own links, valid
 * for CONFIRMATION_LINK_DAYS (7) from now, in the language it was signed in.
 * Counts against the signature's email allowance (MAX_EMAILS_PER_SIGNATURE,
 * 5, in EMAIL_WINDOW_MS, 24 h: domain/signing.ts), as a signer's repeat does,
 * and is written to the activity log.
 *
 * @returns how many more emails its allowance takes before `resetsAt` (ISO 8601)
 * @throws Problem 404 no such signature; 409 not waiting for its email, letter closed, no email address
 *   or no mailer set up; 429 (Retry-After, seconds) when the allowance is used up, saying until when
 */
export async function resendConfirmation(
  deps: AppDeps,
  letter: Letter,
  ref: string,
): Promise<{ left: number; resetsAt: string }> {
  const signature = await waitingSignature(deps, letter, ref, "resend");
  const mailer = deps.mailer();
  if (!signature.email || !mailer || !deps.origin) {
    throw organizerProblem(409, signature.email ? "noMailer" : "noEmailAddress");
  }
  const now = deps.now();
  const allowance = { cap: MAX_EMAILS_PER_SIGNATURE, windowMs: EMAIL_WINDOW_MS, now };
  const confirmExpiresAt = new Date(now.getTime() + CONFIRMATION_LINK_DAYS * 86_400_000).toISOString();
  const reserved = await reserveEmail(deps.db, signature.id, allowance, { confirmExpiresAt });
  const state = await findEmailState(deps.db, signature.id);
  const resetsAt = new Date(Date.parse(state?.windowStart ?? now.toISOString()) + EMAIL_WINDOW_MS).toISOString();
  if (!reserved) {
    const seconds = Math.max(1, Math.ceil((Date.parse(resetsAt) - now.getTime()) / 1000));
    throw organizerProblem(429, "emailAllowanceUsed", [MAX_EMAILS_PER_SIGNATURE, resetsAt, letter.closesTimeZone], {
      "Retry-After": String(seconds),
    });
  }
  await mailer.send(await confirmationMailAgain(deps, letter, signature, state?.language ?? null, deps.origin));
  // Sent: one still waiting to be sent again (app/confirmation-mail.ts) would be one too many.
  await forgetConfirmationToSend(deps.db, signature.id);
  await recordActivity(deps, { action: "confirmation-resent", letterId: letter.id, signatureId: signature.id });
  return { left: Math.max(0, MAX_EMAILS_PER_SIGNATURE - (state?.emailsSent ?? MAX_EMAILS_PER_SIGNATURE)), resetsAt };
}

/**
 * Confirms the signature `ref`, waiting for its email, on its signer's
 * request (the email never arrives, the signer asked by phone or on paper):
 * it goes where the signer's own confirmation takes it (counted, or waiting
 * for review when the letter reviews organizations: domain/signing.ts
 * afterConfirmation), through changeStatus (counts, record and public copies
 * follow). Nothing proves the address, so an organization's email domain is
 * not verified by it. `reason` goes to the activity log, as the entry's detail.
 *
 * @param reason the organizer's words, at most 500 characters (domain/signature-filter.ts REASON_MAX_LENGTH)
 * @returns its status before and after
 * @throws Problem 404 no such signature; 409 not waiting for its email (or it kept changing), or the letter
 *   no longer takes signatures
 */
export async function confirmOnRequest(
  deps: AppDeps,
  letter: Letter,
  ref: string,
  reason: string,
): Promise<{ from: SignatureStatus; to: SignatureStatus }> {
  const first = await waitingSignature(deps, letter, ref, "confirm");
  const to = afterConfirmation({ confirmByEmail: true, reviewOrganizations: letter.reviewOrganizations }, first.kind);
  const change = await changeStatus(
    deps,
    letter.slug,
    () => findSignatureByRef(deps.db, letter.id, ref),
    // The entry is written in one batch with the change: confirmed and logged, or neither.
    (signature) =>
      signature.status === "unconfirmed"
        ? {
            to,
            details: {
              activity: activityRow(deps, {
                action: "signature-confirmed",
                letterId: letter.id,
                signatureId: signature.id,
                before: { status: "unconfirmed" },
                after: { status: to },
                detail: activityDetail("reason", reason),
              }),
            },
          }
        : null,
    { first },
  );
  if (!change.changed) {
    throw organizerProblem(409, "changedMeanwhile");
  }
  return { from: "unconfirmed", to };
}
