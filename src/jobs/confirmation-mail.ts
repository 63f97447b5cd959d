/**
 * The minute cron's part in confirmation emails: those the mail provider
 * refused for a moment go out again, CONFIRMATIONS_PER_RUN a minute at most,
 * paced as any (app/confirmation-mail.ts sendDueConfirmations).
 */
import { CONFIRMATIONS_PER_RUN, sendDueConfirmations, type ConfirmationRound } from "../app/confirmation-mail";
import type { AppDeps } from "../app/deps";

/** Sends again the confirmation emails that are due; returns what it did (no personal data in it). */
export function resendDueConfirmations(deps: AppDeps): Promise<ConfirmationRound> {
  return sendDueConfirmations(deps, { limit: CONFIRMATIONS_PER_RUN });
}
