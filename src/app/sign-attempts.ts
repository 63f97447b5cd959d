/**
 * Whether a sign attempt that passed validation may go on to be signed
 * (the form's and the API's alike): within its client's rate limit, not a
 * bot's by the form's quiet checks, through Turnstile when it is on. Each
 * refusal is counted for the letter's organizers, per day and reason, with
 * nothing that identifies the client. The caller answers a refusal with the
 * form again (or a problem): never a receipt, since nothing was stored.
 */
import { clientNetwork } from "../domain/client-network";
import {
  botVerdict,
  FORM_STAMP_FIELD,
  formStampLifetimeMs,
  stampToCarry,
  type BotReason,
  type RefusalReason,
} from "../domain/bots";
import { hmacHex } from "../domain/crypto";
import type { Letter } from "../domain/letter";
import type { Settings } from "../env";
import { checkSignRate } from "../integrations/rate-limit";
import { verifyTurnstile } from "../integrations/turnstile";
import { countRefusedAttempt, listRefusedAttempts, type RefusedAttemptCount } from "../storage/refused-sign-attempts";
import type { AppDeps } from "./deps";

/** Why an attempt was refused, with what its answer needs. */
export type SignAttemptRefusal =
  | { reason: "rate-limited"; retryAfterSeconds: number }
  | { reason: BotReason }
  | { reason: "turnstile"; unavailable: boolean };

export interface SignAttempt {
  letter: Letter;
  /** CF-Connecting-IP: only ever hashed (an IPv6 address by its /64), with the letter, under a key of our own. */
  clientAddress: string | undefined;
  /** The form's raw fields (its stamp and honeypot are checked); the API has neither, and is not checked for them. */
  form: Record<string, unknown> | null;
  /** Turnstile's token (`cf-turnstile-response`), checked when TURNSTILE_SECRET_KEY is set. */
  turnstileToken: unknown;
}

/** How long a form stamp is accepted with these settings (see formStampLifetimeMs), in ms. */
export function formStampLifetime(settings: Settings): number {
  return formStampLifetimeMs(settings.cacheMaxAge);
}

/**
 * Checks a validated attempt, in order: counts it against its client's
 * limit on the letter (attempts refused by validation never reach here, so
 * they never count), then the form's stamp and honeypot, then Turnstile.
 * Returns the client's keyed hash (stored with the signature for the burst
 * flags) and the refusal, if any, already counted for organizers. A failing
 * D1 rate-limit counter throws StorageUnavailable; a failing refusal count
 * is only logged.
 */
export async function screenSignAttempt(
  deps: AppDeps,
  attempt: SignAttempt,
): Promise<{ clientHash: string; refusal: SignAttemptRefusal | null }> {
  const { letter } = attempt;
  // One client is an IPv4 address, or an IPv6 /64: a subscriber's whole share (domain/client-network.ts).
  const client = clientNetwork(attempt.clientAddress ?? "unknown");
  const clientHash = await hmacHex(deps.secretKey(), "client", `${letter.id}:${client}`);
  const refusal = await refusalOf(deps, attempt, clientHash);
  if (refusal) await countRefusal(deps, letter, refusal.reason);
  return { clientHash, refusal };
}

async function refusalOf(deps: AppDeps, attempt: SignAttempt, clientHash: string): Promise<SignAttemptRefusal | null> {
  const { letter } = attempt;
  const now = deps.now().getTime();
  const rate = await checkSignRate(
    deps.env.SIGN_RATE_LIMITER,
    deps.db,
    letter.id,
    clientHash,
    deps.settings.signRateLimit,
    now,
  );
  if (!rate.allowed) return { reason: "rate-limited", retryAfterSeconds: rate.retryAfterSeconds };
  if (attempt.form) {
    const verdict = await botVerdict(
      deps.secretKey(),
      letter.slug,
      attempt.form,
      now,
      formStampLifetime(deps.settings),
    );
    if (verdict.bot) return { reason: verdict.reason };
  }
  const turnstileSecret = deps.env.TURNSTILE_SECRET_KEY;
  if (turnstileSecret) {
    const check = await verifyTurnstile(turnstileSecret, attempt.turnstileToken, attempt.clientAddress);
    if (!check.ok) return { reason: "turnstile", unavailable: check.reason === "unavailable" };
  }
  return null;
}

/** Counts a refusal for the letter's organizers; never fails the answer (it is only logged when D1 can't). */
async function countRefusal(deps: AppDeps, letter: Letter, reason: RefusalReason): Promise<void> {
  // For the operators too: how often and why people are asked again (no personal data).
  if (reason !== "rate-limited") console.log(JSON.stringify({ event: "sign_refused", letter: letter.slug, reason }));
  try {
    await countRefusedAttempt(deps.db, letter.id, deps.now().toISOString().slice(0, 10), reason);
  } catch (error) {
    console.error(JSON.stringify({ event: "refusal_count_failed", letter: letter.slug, error: String(error) }));
  }
}

/**
 * The stamp a form shown again after a submission to `letter` carries: the
 * submitted one (`submitted`, the raw field) while it is valid, else a fresh
 * one (see stampToCarry in domain/bots.ts), so the visitor's time runs from
 * when they first got the form through every page that shows it again.
 */
export function stampForFormShownAgain(deps: AppDeps, slug: string, fields: Record<string, unknown>): Promise<string> {
  return stampToCarry(
    deps.secretKey(),
    slug,
    fields[FORM_STAMP_FIELD],
    deps.now().getTime(),
    formStampLifetime(deps.settings),
  );
}

/** Days of refused attempts the organizers' page calls recent, today included. */
export const RECENT_REFUSAL_DAYS = 7;

/** The letter's refused sign attempts per reason, in the last RECENT_REFUSAL_DAYS days and in all. */
export async function refusedSignAttempts(deps: AppDeps, letter: Letter): Promise<RefusedAttemptCount[]> {
  const since = new Date(deps.now().getTime() - (RECENT_REFUSAL_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return listRefusedAttempts(deps.db, letter.id, since);
}
