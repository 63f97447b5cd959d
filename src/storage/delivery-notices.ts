/**
 * The delivery notices (migrations/0036): the consent a signer gave on the sign form
 * (signatures.delivery_notice_*), and the delivery_notices table, one row per signature ever
 * queued: 'waiting' until the minute cron sends it (app/delivery-notices.ts), then 'sent' (kept, so
 * that marking the letter delivered again queues nothing for it), or 'given-up'. A waiting row goes
 * when its signature is withdrawn, hidden, rejected or anonymized (the migration's trigger), or its
 * signer unsubscribes.
 */
import { DELIVERY_NOTICE_CONSENT } from "../domain/delivery-notices";
import { claimDueRows, type ClaimWindow } from "./claims";

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/**
 * Which signatures may be written to about the delivery (`s` names signatures): confirmed, with their
 * email (not anonymized), consenting, not unsubscribed.
 */
const MAY_BE_NOTIFIED = `s.status = 'confirmed' AND s.email IS NOT NULL AND s.anonymized_at IS NULL
  AND s.delivery_notice_consent IS NOT NULL AND s.delivery_notice_unsubscribed_at IS NULL`;

/**
 * Sets the consent of signature `signatureId` as a repeated signature's form gave it (the details of
 * one waiting for confirmation replaced, or a withdrawn one signed again): ticked, of the current
 * wording, now, and no longer unsubscribed; unticked, none.
 */
export async function recordDeliveryConsent(db: D1Database, signatureId: number, given: boolean): Promise<void> {
  await db
    .prepare(
      `UPDATE signatures SET delivery_notice_consent = ?2,
         delivery_notice_consented_at = CASE WHEN ?2 IS NULL THEN NULL ELSE ${NOW} END,
         delivery_notice_unsubscribed_at = CASE WHEN ?2 IS NULL THEN delivery_notice_unsubscribed_at END
       WHERE id = ?1`,
    )
    .bind(signatureId, given ? DELIVERY_NOTICE_CONSENT : null)
    .run();
}

/**
 * Queues the notice of every signature of `letterId` that may be written to (MAY_BE_NOTIFIED) and has
 * none yet, sent or waiting: one INSERT … SELECT, so a second delivery marking queues only signatures
 * that had none.
 *
 * @param origin the public origin the emails' links point to
 * @param now ISO 8601: when they are queued, and due
 * @returns how many were queued
 */
export async function queueDeliveryNotices(
  db: D1Database,
  letterId: number,
  origin: string,
  now: string,
): Promise<number> {
  const result = await db
    .prepare(
      `INSERT INTO delivery_notices (signature_id, letter_id, origin, next_attempt_at, queued_at)
       SELECT s.id, s.letter_id, ?2, ?3, ?3 FROM signatures s WHERE s.letter_id = ?1 AND ${MAY_BE_NOTIFIED}
       ON CONFLICT (signature_id) DO NOTHING`,
    )
    .bind(letterId, origin, now)
    .run();
  return result.meta.changes;
}

/** A notice claimed for sending, with what its email is made of. */
export interface DueDeliveryNotice {
  signatureId: number;
  letterId: number;
  origin: string;
  /** Attempts that failed so far. */
  attempts: number;
  /** The signature's public reference (its unsubscribe link derives from it). */
  ref: string;
  email: string;
  /** The language it was signed in, or null for the letter's original. */
  language: string | null;
  /** The claim that took it (storage/claims.ts): deliveryNoticeFailed settles it only while it carries that claim. */
  claim: string;
}

/**
 * Claims up to `limit` waiting notices due at `now`, oldest due first, whose signatures may still be
 * written to: their next attempt moves to `leaseUntil` with this claim's random value, so that another
 * run of the job (two minutes' crons overlapping, a retried invocation) does not take them meanwhile.
 * D1 runs one write at a time, so two claims never take one row (storage/claims.ts claimDueRows).
 *
 * @param window ISO 8601 `now` and `leaseUntil` (after it: how long the sender holds them), and `limit`
 */
export async function claimDueDeliveryNotices(db: D1Database, window: ClaimWindow): Promise<DueDeliveryNotice[]> {
  const claimed = await claimDueRows<DueRow>(
    db,
    {
      mark: `UPDATE delivery_notices SET next_attempt_at = ?2, claim = ?4
         WHERE signature_id IN (SELECT n.signature_id FROM delivery_notices n JOIN signatures s ON s.id = n.signature_id
           WHERE n.state = 'waiting' AND n.next_attempt_at <= ?1 AND ${MAY_BE_NOTIFIED}
           ORDER BY n.next_attempt_at LIMIT ?3)`,
      read: `SELECT n.signature_id, n.letter_id, n.origin, n.attempts, s.token, s.email, s.language, n.claim
         FROM delivery_notices n JOIN signatures s ON s.id = n.signature_id
         WHERE n.state = 'waiting' AND n.next_attempt_at = ?1 AND n.claim = ?2 AND ${MAY_BE_NOTIFIED}
         ORDER BY n.signature_id`,
    },
    window,
  );
  return claimed.map((row) => ({
    signatureId: row.signature_id,
    letterId: row.letter_id,
    origin: row.origin,
    attempts: row.attempts,
    ref: row.token,
    email: row.email,
    language: row.language,
    claim: row.claim,
  }));
}

interface DueRow {
  signature_id: number;
  letter_id: number;
  origin: string;
  attempts: number;
  token: string;
  email: string;
  language: string | null;
  claim: string;
}

/** The notice of `signatureId` was sent: kept as 'sent', never queued again. */
export async function deliveryNoticeSent(db: D1Database, signatureId: number): Promise<void> {
  await db
    .prepare(
      `UPDATE delivery_notices SET state = 'sent', sent_at = ${NOW}, claim = NULL WHERE signature_id = ?1 AND state = 'waiting'`,
    )
    .bind(signatureId)
    .run();
}

/**
 * Another attempt failed (`counted`: tried, not left after the provider's 429): kept with its error, to
 * try again at `nextAttemptAt` (ISO 8601), or, with null, given up. Only while the notice still carries
 * `claim`, the claim of the run that tried it: a run whose lease lapsed mid-send must not move a notice
 * another run claimed since (a third would take it meanwhile).
 */
export async function deliveryNoticeFailed(
  db: D1Database,
  signatureId: number,
  {
    nextAttemptAt,
    error,
    counted,
    claim,
  }: { nextAttemptAt: string | null; error: string; counted: boolean; claim: string },
): Promise<void> {
  await db
    .prepare(
      `UPDATE delivery_notices SET attempts = attempts + ?2, last_error = ?3, claim = NULL,
         state = CASE WHEN ?4 IS NULL THEN 'given-up' ELSE 'waiting' END, next_attempt_at = coalesce(?4, next_attempt_at)
       WHERE signature_id = ?1 AND state = 'waiting' AND claim = ?5`,
    )
    .bind(signatureId, counted ? 1 : 0, error, nextAttemptAt, claim)
    .run();
}

/**
 * Whether the signer of the signature `ref` on `letterId` has unsubscribed from its delivery
 * notice; null when there is no such signature.
 */
export async function hasUnsubscribedFromDeliveryNotice(
  db: D1Database,
  letterId: number,
  ref: string,
): Promise<boolean | null> {
  const row = await db
    .prepare("SELECT delivery_notice_unsubscribed_at AS at FROM signatures WHERE letter_id = ?1 AND token = ?2")
    .bind(letterId, ref)
    .first<{ at: string | null }>();
  return row ? row.at !== null : null;
}

/**
 * The signer of the signature `ref` on `letterId` unsubscribed: no notice is queued for it again and a
 * waiting one goes. Answers the same whether or not it had unsubscribed before.
 *
 * @returns whether there is such a signature (any status)
 */
export async function unsubscribeFromDeliveryNotice(db: D1Database, letterId: number, ref: string): Promise<boolean> {
  const [signature] = await db.batch([
    db
      .prepare(
        `UPDATE signatures SET delivery_notice_unsubscribed_at = coalesce(delivery_notice_unsubscribed_at, ${NOW})
         WHERE letter_id = ?1 AND token = ?2`,
      )
      .bind(letterId, ref),
    db
      .prepare(
        `DELETE FROM delivery_notices WHERE state = 'waiting'
           AND signature_id = (SELECT id FROM signatures WHERE letter_id = ?1 AND token = ?2)`,
      )
      .bind(letterId, ref),
  ]);
  return (signature?.meta.changes ?? 0) > 0;
}
