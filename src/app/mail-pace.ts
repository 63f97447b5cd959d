/**
 * The pace emails go out at, and when one the provider refused for a moment
 * is tried again. Resend takes a few requests a second per team (2 by
 * default when this was written, 5 since; answered 429 with Retry-After
 * beyond: https://resend.com/docs/api-reference/rate-limit) and, on its
 * free plan, 100 emails a day (429 too): a batch of signers is written to
 * at most MAIL_CONCURRENCY at a time, and stops at the provider's first 429,
 * the rest left for later rather than refused one by one.
 */
import type { Letter } from "../domain/letter";
import { ConfigurationError } from "../env";
import { MailDeliveryError, type Mailer } from "../integrations/mailer";
import { findLetterById } from "../storage/letters";
import type { AppDeps } from "./deps";

/** Emails sent at once, at most. */
export const MAIL_CONCURRENCY = 2;

/** Attempts at one confirmation email (the first included) before it is given up. */
export const MAX_CONFIRMATION_ATTEMPTS = 8;

/** The first delay before a confirmation email is tried again, and the longest, in ms. */
export const FIRST_RETRY_DELAY_MS = 60_000;
export const MAX_RETRY_DELAY_MS = 6 * 3_600_000;

/**
 * How long to wait (ms) before trying again an email that failed `attempts` times with `error`: the
 * provider's Retry-After when it gave one, else 1, 4, 16, 64 minutes… (×4 each time), never more than
 * MAX_RETRY_DELAY_MS. Eight attempts span about a day.
 */
export function retryDelayMs(attempts: number, error: unknown): number {
  const asked = error instanceof MailDeliveryError ? error.retryAfterSeconds : null;
  const grown = FIRST_RETRY_DELAY_MS * 4 ** Math.max(0, attempts - 1);
  return Math.min(MAX_RETRY_DELAY_MS, asked === null ? grown : asked * 1000);
}

/**
 * Whether an email that failed with `error` may go through later: the provider said so (unreachable,
 * 429, 5xx: MailDeliveryError.temporary), or something of ours failed on the way (D1 reading the
 * signer's language, say). Not for a refusal of the message or of our settings, nor a missing setting.
 */
export function mayGoLater(error: unknown): boolean {
  if (error instanceof MailDeliveryError) return error.temporary;
  return !(error instanceof ConfigurationError);
}

/** What became of one email of a paced round. */
export type PacedOutcome = { sent: true } | { sent: false; error: unknown } | { sent: false; error: null };

/**
 * Sends `items` with `send`, MAIL_CONCURRENCY at a time, in order. After the provider's first 429 no
 * other is started: those are `{ sent: false, error: null }` (not tried).
 *
 * @returns each item's outcome, in the given order
 */
export async function sendPaced<T>(items: readonly T[], send: (item: T) => Promise<void>): Promise<PacedOutcome[]> {
  const outcomes: PacedOutcome[] = items.map(() => ({ sent: false, error: null }));
  let next = 0;
  let halted = false;
  const worker = async (): Promise<void> => {
    while (!halted && next < items.length) {
      const index = next++;
      try {
        await send(items[index]!);
        outcomes[index] = { sent: true };
      } catch (error) {
        outcomes[index] = { sent: false, error };
        if (error instanceof MailDeliveryError && error.rateLimited) halted = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAIL_CONCURRENCY, items.length) }, worker));
  return outcomes;
}

/**
 * The provider's 429 that stopped a round (sendPaced), or null: those not tried after it wait as long as
 * it asked (retryDelayMs with it).
 */
export function haltedBy(outcomes: readonly PacedOutcome[]): MailDeliveryError | null {
  for (const outcome of outcomes) {
    if (!outcome.sent && outcome.error instanceof MailDeliveryError && outcome.error.rateLimited) return outcome.error;
  }
  return null;
}

/** An error's words for the organizers and the logs, without any address. */
export function errorWords(error: unknown): string {
  return String(error instanceof Error ? error.message : error)
    .replace(/\S+@\S+/g, "[email]")
    .slice(0, 300);
}

/**
 * The mailer a batch of due emails goes out through, or null when none is set up or its settings can't
 * be read (a misconfigured provider): the batch then waits in its table for a later run.
 */
export function mailerOrNull(deps: Pick<AppDeps, "mailer">): Mailer | null {
  try {
    return deps.mailer();
  } catch {
    return null;
  }
}

/** Letters by id, each read once however many of a batch's emails are about it (null: deleted since). */
export function letterLookup(db: D1Database): (id: number) => Promise<Letter | null> {
  const letters = new Map<number, Letter | null>();
  return async (id) => {
    if (!letters.has(id)) letters.set(id, await findLetterById(db, id));
    return letters.get(id)!;
  };
}
