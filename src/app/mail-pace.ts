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
import type { ClaimWindow } from "../storage/claims";
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

/** An email claimed from a table of emails to send (storage/claims.ts): its signature, letter and failed attempts. */
export interface ClaimedEmail {
  signatureId: number;
  letterId: number;
  /** Attempts that failed so far. */
  attempts: number;
}

/** What a round of claimed emails came to (no personal data: the cron logs it). */
export interface ClaimedRound {
  /** Emails sent. */
  sent: number;
  /** Refused for a moment (or not tried after the provider's 429): tried again later. */
  waiting: number;
  /** Refused for good, too many attempts, or no use trying again. */
  givenUp: number;
}

/**
 * The claim of a sender starting at `now`: the emails due then, `limit` at most, held `holdMs` (ms)
 * before another sender may take them (this one failed half-way, say).
 */
export function claimWindow(now: Date, holdMs: number, limit: number): ClaimWindow {
  return { now: now.toISOString(), leaseUntil: new Date(now.getTime() + holdMs).toISOString(), limit };
}

/**
 * Sends the claimed `emails` with `send`, paced (sendPaced), then settles each in turn: `sent` when
 * the provider took it; else `failed`, with its error's words, whether the attempt counts (not for
 * one left untried after the provider's 429), and when to try it again: retryDelayMs after `now`
 * (the 429's Retry-After for one untried), or null to give it up: refused for good (mayGoLater),
 * MAX_CONFIRMATION_ATTEMPTS attempts made, or its next attempt not before `until(email)` (ms since
 * the epoch: when its link expires, say; never by default). Each failed attempt is logged as
 * `event`, with the letter's id, the attempts and whether it was kept: no address. Never throws for
 * a mail failure.
 *
 * @throws StorageUnavailable when D1 fails to settle one, after settling the others (the claim's
 * lease of those it failed to settle lapses, and they go again)
 */
export async function sendClaimed<T extends ClaimedEmail>(
  emails: readonly T[],
  now: Date,
  handlers: {
    send: (email: T) => Promise<void>;
    sent: (email: T) => Promise<void>;
    failed: (email: T, failure: { nextAttemptAt: string | null; error: string; counted: boolean }) => Promise<void>;
    until?: (email: T) => number;
    event: string;
  },
): Promise<ClaimedRound> {
  const round: ClaimedRound = { sent: 0, waiting: 0, givenUp: 0 };
  const outcomes = await sendPaced(emails, handlers.send);
  const halt = haltedBy(outcomes);
  // D1 failing to settle one must not leave the others unsettled: their claims would lapse, and the
  // next run would send again every email of this round already sent. Each is settled; the first
  // failure is thrown after.
  let unsettled: { error: unknown } | null = null;
  for (const [index, outcome] of outcomes.entries()) {
    const email = emails[index]!;
    try {
      await settle(email, outcome);
    } catch (error) {
      unsettled ??= { error };
    }
  }
  if (unsettled) throw unsettled.error;
  return round;

  async function settle(email: T, outcome: PacedOutcome): Promise<void> {
    if (outcome.sent) {
      await handlers.sent(email);
      round.sent += 1;
      return;
    }
    const tried = outcome.error !== null;
    const attempts = email.attempts + (tried ? 1 : 0);
    const at = now.getTime() + retryDelayMs(attempts, outcome.error ?? halt);
    const keep =
      (!tried || mayGoLater(outcome.error)) &&
      attempts < MAX_CONFIRMATION_ATTEMPTS &&
      at < (handlers.until?.(email) ?? Infinity);
    await handlers.failed(email, {
      nextAttemptAt: keep ? new Date(at).toISOString() : null,
      error: tried ? errorWords(outcome.error) : "Not tried: the provider had just answered 429.",
      counted: tried,
    });
    if (keep) round.waiting += 1;
    else round.givenUp += 1;
    if (tried) console.error(JSON.stringify({ event: handlers.event, letter: email.letterId, attempts, kept: keep }));
  }
}
