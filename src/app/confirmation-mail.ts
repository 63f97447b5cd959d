/**
 * Confirmation emails sent again: those the mail provider refused for a
 * moment (a 429 beyond its rate limit or daily quota, a 5xx, no answer) when
 * an import's batch or the queue's consumer wrote to new signers, whom
 * nobody else would write to (storage/confirmation-mail-retries.ts,
 * migrations/0028). They go out from an import's next steps (its Continue,
 * app/imports.ts moveImport) and from the minute cron, paced as the first
 * attempt was (app/mail-pace.ts), at most MAX_CONFIRMATION_ATTEMPTS times and
 * while their link is valid and the letter open; one given up stays listed
 * for the organizers, who can send it again by hand or confirm on request.
 */
import { publicStatus } from "../domain/letter";
import { CONFIRMATION_LINK_DAYS } from "../domain/signing";
import {
  claimDueConfirmations,
  confirmationFailed,
  confirmationSent,
  forgetConfirmationToSend,
  type DueConfirmation,
} from "../storage/confirmation-mail-retries";
import type { AppDeps } from "./deps";
import { claimWindow, letterLookup, mailerOrNull, sendClaimed } from "./mail-pace";
import { confirmationMailAgain } from "./signing";

/** Confirmation emails one run of the minute cron sends again, at most. */
export const CONFIRMATIONS_PER_RUN = 20;

/** How long (ms) a sender holds the emails it claimed before another may take them (it failed half-way, say). */
const CLAIM_MS = 5 * 60_000;

/** What a round of sending again did. */
export interface ConfirmationRound {
  /** Emails sent. */
  sent: number;
  /** Emails to try again later (refused again for a moment, or not tried after a 429). */
  waiting: number;
  /** Emails given up: refused for good, too many attempts, their link expired or the letter closed. */
  givenUp: number;
  /** Emails no longer wanted (the signature was confirmed, withdrawn or set aside meanwhile): forgotten. */
  forgotten: number;
}

/**
 * Sends again up to `limit` confirmation emails that are due, oldest due first (`of` an import of a
 * letter: that import's signatures only). Nothing without a mailer. Never throws for a mail failure: each is kept
 * for later or given up, and counted.
 *
 * @throws StorageUnavailable when D1 fails (what was claimed is taken again after CLAIM_MS)
 */
export async function sendDueConfirmations(
  deps: AppDeps,
  { limit, of }: { limit: number; of?: { letterId: number; importId: number } },
): Promise<ConfirmationRound> {
  const round: ConfirmationRound = { sent: 0, waiting: 0, givenUp: 0, forgotten: 0 };
  const mailer = mailerOrNull(deps);
  if (!mailer) return round;
  const now = deps.now();
  const due = await claimDueConfirmations(deps.db, { ...claimWindow(now, CLAIM_MS, limit), of });
  if (due.length === 0) return round;
  const letterOf = letterLookup(deps.db);
  const wanted: DueConfirmation[] = [];
  for (const confirmation of due) {
    const letter = await letterOf(confirmation.letterId);
    if (!letter || confirmation.status !== "unconfirmed" || !confirmation.email) {
      await forgetConfirmationToSend(deps.db, confirmation.signatureId);
      round.forgotten += 1;
    } else if (
      publicStatus(letter, now) !== "open" ||
      (confirmation.confirmExpiresAt !== null && Date.parse(confirmation.confirmExpiresAt) <= now.getTime())
    ) {
      // Its link would lead nowhere: confirming is refused once signing closed or the link expired.
      await confirmationFailed(deps.db, confirmation.signatureId, {
        nextAttemptAt: null,
        error: "Not sent again: the letter closed or the confirmation link expired.",
        counted: false,
        claim: confirmation.claim,
      });
      round.givenUp += 1;
    } else {
      wanted.push(confirmation);
    }
  }
  const settled = await sendClaimed(wanted, now, {
    send: async (confirmation) => {
      const letter = (await letterOf(confirmation.letterId))!;
      await mailer.send(
        await confirmationMailAgain(deps, letter, confirmation, confirmation.language, confirmation.origin),
      );
    },
    sent: (confirmation) =>
      confirmationSent(
        deps.db,
        confirmation.signatureId,
        new Date(now.getTime() + CONFIRMATION_LINK_DAYS * 86_400_000).toISOString(),
      ),
    failed: (confirmation, failure) =>
      confirmationFailed(deps.db, confirmation.signatureId, { ...failure, claim: confirmation.claim }),
    // Not once its link has expired: it would lead nowhere.
    until: (confirmation) =>
      confirmation.confirmExpiresAt === null ? Infinity : Date.parse(confirmation.confirmExpiresAt),
    event: "confirmation_retry_failed",
  });
  round.sent += settled.sent;
  round.waiting += settled.waiting;
  round.givenUp += settled.givenUp;
  return round;
}
