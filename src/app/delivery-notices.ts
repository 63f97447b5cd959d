/**
 * The delivery notice (issue 16; domain/delivery-notices.ts): when the organizers mark a letter
 * delivered (app/letters.ts changeLetterStage), each consenting, confirmed signer with an email gets
 * one email, in the language they signed in, with the letter's title, the delivery's day, the public
 * letter's link and a link to unsubscribe (also as List-Unsubscribe, RFC 8058 one-click). They are
 * queued at once and sent by the minute cron, DELIVERY_NOTICES_PER_RUN at a time, paced as every
 * email is (app/mail-pace.ts); each once, whichever run sends it and however often the delivery is
 * marked (storage/delivery-notices.ts).
 */
import { linkTokenFor, parseLinkToken, verifyLinkToken } from "../domain/link-secrets";
import type { Letter } from "../domain/letter";
import { deliveryNoticeMail } from "../domain/mail";
import { paths } from "../domain/paths";
import {
  claimDueDeliveryNotices,
  deliveryNoticeFailed,
  deliveryNoticeSent,
  hasUnsubscribedFromDeliveryNotice,
  queueDeliveryNotices,
  unsubscribeFromDeliveryNotice,
} from "../storage/delivery-notices";
import { findSignatureByRef } from "../storage/signatures";
import type { AppDeps } from "./deps";
import { claimWindow, letterLookup, mailerOrNull, sendClaimed, type ClaimedRound } from "./mail-pace";
import { linksGoByEmail, voiceOf } from "./signing";

/**
 * Notices one run of the minute cron sends, at most. Each email is one subrequest (Resend's HTTP API),
 * and the whole minute's invocation (webhooks: up to 50, confirmation emails sent again: up to 20, the
 * checkpoints' and imports' own) shares the Workers limit of subrequests per invocation: 50 on the Free
 * plan, 1,000 on Paid (https://developers.cloudflare.com/workers/platform/limits/#subrequests). Ten a
 * minute (14,400 a day) is far above what a mail provider's plan takes in a day (Resend's free plan:
 * 100); the provider's 429 stops a round (app/mail-pace.ts), and the rest wait for its Retry-After.
 */
export const DELIVERY_NOTICES_PER_RUN = 10;

/** How long (ms) a run holds the notices it claimed before another may take them (it failed half-way, say). */
const CLAIM_MS = 10 * 60_000;

/**
 * Queues the notices of `letter`, just marked delivered: one per signature that may be written to
 * (storage/delivery-notices.ts), none for a signature that had one. Nothing without a mailer (no
 * email could go) or a public origin to link to.
 *
 * @returns how many were queued
 * @throws StorageUnavailable when D1 fails
 */
export async function queueDeliveryNoticesOf(deps: AppDeps, letter: Pick<Letter, "id">): Promise<number> {
  if (!deps.origin || !linksGoByEmail(deps)) return 0;
  return queueDeliveryNotices(deps.db, letter.id, deps.origin, deps.now().toISOString());
}

/** What one round of sending did (no personal data: the cron logs it). */
export type DeliveryNoticeRound = ClaimedRound;

/**
 * Sends up to `limit` due notices, oldest first. Each is claimed before it is sent (two runs at once
 * never send one twice) and marked sent after; only when D1 fails between the provider taking an
 * email and its mark does the claim lapse (CLAIM_MS) and the notice go again. Never throws for a mail
 * failure: each is kept for later (MAX_CONFIRMATION_ATTEMPTS attempts, as confirmation emails) or
 * given up, and counted.
 *
 * @throws StorageUnavailable when D1 fails (what was claimed is taken again after CLAIM_MS)
 */
export async function sendDueDeliveryNotices(
  deps: AppDeps,
  { limit = DELIVERY_NOTICES_PER_RUN }: { limit?: number } = {},
): Promise<DeliveryNoticeRound> {
  const round: DeliveryNoticeRound = { sent: 0, waiting: 0, givenUp: 0 };
  const mailer = mailerOrNull(deps);
  if (!mailer) return round;
  const now = deps.now();
  const due = await claimDueDeliveryNotices(deps.db, claimWindow(now, CLAIM_MS, limit));
  if (due.length === 0) return round;
  const letterOf = letterLookup(deps.db);
  return sendClaimed(due, now, {
    send: async (notice) => {
      const letter = await letterOf(notice.letterId);
      if (!letter?.deliveredOn) throw new Error("The letter is no longer marked delivered.");
      const voice = await voiceOf(deps.db, {
        letter: { id: letter.id, slug: letter.slug, title: letter.title, languages: letter.languages },
        language: notice.language,
        origin: notice.origin,
      });
      const token = await linkTokenFor(deps.secretKey(), "unsubscribe", letter.id, notice.ref);
      await mailer.send(
        deliveryNoticeMail(
          notice.email,
          voice.title,
          letter.deliveredOn,
          {
            letter: voice.link(paths.letter(letter.slug)),
            unsubscribe: voice.link(paths.unsubscribe(letter.slug, token)),
          },
          voice.locale,
        ),
      );
    },
    sent: (notice) => deliveryNoticeSent(deps.db, notice.signatureId),
    failed: (notice, failure) => deliveryNoticeFailed(deps.db, notice.signatureId, { ...failure, claim: notice.claim }),
    event: "delivery_notice_failed",
  });
}

/**
 * The reference of the signature whose unsubscribe link carries `token` on `letter`, or null
 * (malformed, another letter's, a forged MAC, no such signature: all alike). Only derived tokens
 * (domain/link-secrets.ts): no unsubscribe link was ever sent in the legacy form.
 */
export async function unsubscribeTarget(
  deps: AppDeps,
  letter: Pick<Letter, "id">,
  token: unknown,
): Promise<string | null> {
  const parsed = parseLinkToken(token);
  if (!parsed || "legacy" in parsed) return null;
  if (!(await verifyLinkToken(deps.secretKey(), "unsubscribe", letter.id, parsed))) return null;
  return (await findSignatureByRef(deps.db, letter.id, parsed.ref)) ? parsed.ref : null;
}

/**
 * What the unsubscribe link carrying `token` finds on `letter`: null for no signature (see
 * unsubscribeTarget), else whether its signer has already unsubscribed.
 */
export async function unsubscribeState(
  deps: AppDeps,
  letter: Pick<Letter, "id">,
  token: unknown,
): Promise<{ unsubscribed: boolean } | null> {
  const ref = await unsubscribeTarget(deps, letter, token);
  if (!ref) return null;
  const unsubscribed = await hasUnsubscribedFromDeliveryNotice(deps.db, letter.id, ref);
  return unsubscribed === null ? null : { unsubscribed };
}

/**
 * Unsubscribes the signer behind `token` from the delivery notice of `letter`: none is queued for
 * them again, and one waiting goes. Unsubscribing twice answers as once.
 *
 * @returns false when the token leads to no signature (see unsubscribeTarget)
 */
export async function unsubscribeFromDelivery(
  deps: AppDeps,
  letter: Pick<Letter, "id">,
  token: unknown,
): Promise<boolean> {
  const ref = await unsubscribeTarget(deps, letter, token);
  if (!ref) return false;
  return unsubscribeFromDeliveryNotice(deps.db, letter.id, ref);
}
