/**
 * The confirmation_mail_retries table (migrations/0028): a signature's
 * confirmation email the mail provider refused for a moment, waiting to be
 * sent again (app/confirmation-mail.ts), or given up. A row goes once its
 * email is sent, its signature no longer waits for it, or its letter's
 * signatures are anonymized.
 */
import type { SignatureKind, SignatureStatus } from "../domain/signature";
import { claimDueRows, type ClaimWindow } from "./claims";

/** A confirmation email to send again, with what it is made of. */
export interface DueConfirmation {
  signatureId: number;
  letterId: number;
  /** The public origin its links point to. */
  origin: string;
  /** Attempts that failed so far. */
  attempts: number;
  ref: string;
  kind: SignatureKind;
  name: string;
  status: SignatureStatus;
  email: string | null;
  /** The language it was signed in (its emails are in it), or null for the letter's original. */
  language: string | null;
  /** When its confirmation link stops working (ISO 8601), or null. */
  confirmExpiresAt: string | null;
  /** The claim that took it (storage/claims.ts): confirmationFailed settles it only while it carries that claim. */
  claim: string;
}

/**
 * Keeps the confirmation emails of `failed` (new signatures, by their reference, still waiting for
 * their signer) to be sent again at `nextAttemptAt` (ISO 8601), their first attempt counted. One
 * statement each, in one transaction; a signature already listed keeps its row.
 */
export async function keepConfirmationsToSend(
  db: D1Database,
  failed: readonly { letterId: number; ref: string; origin: string; nextAttemptAt: string; error: string }[],
): Promise<void> {
  if (failed.length === 0) return;
  await db.batch(
    failed.map(({ letterId, ref, origin, nextAttemptAt, error }) =>
      db
        .prepare(
          `INSERT INTO confirmation_mail_retries (signature_id, letter_id, origin, next_attempt_at, last_error)
           SELECT id, letter_id, ?3, ?4, ?5 FROM signatures WHERE token = ?2 AND letter_id = ?1 AND status = 'unconfirmed'
           ON CONFLICT (signature_id) DO NOTHING`,
        )
        .bind(letterId, ref, origin, nextAttemptAt, error),
    ),
  );
}

/**
 * Claims up to `limit` confirmation emails due at `now` (ISO 8601), oldest due first (or, `of` an
 * import of a letter, that import's only, in signature order): their next attempt is moved to
 * `leaseUntil` with this claim's random value, so that another sender (the cron, another tab's
 * Continue) does not take them meanwhile (storage/claims.ts claimDueRows).
 *
 * @returns the emails claimed, with their signatures' details
 */
export async function claimDueConfirmations(
  db: D1Database,
  { of, ...window }: ClaimWindow & { of?: { letterId: number; importId: number } },
): Promise<DueConfirmation[]> {
  // An import's own: the letter's rows (confirmation_mail_retries_by_letter, in signature order), each
  // looked up in signatures by id; all of them: the due ones, oldest first (confirmation_mail_retries_due).
  const which = of
    ? `letter_id = ?5 AND EXISTS (SELECT 1 FROM signatures s WHERE s.id = r.signature_id AND s.import_id = ?6)
       ORDER BY signature_id`
    : "TRUE ORDER BY next_attempt_at";
  const claimed = await claimDueRows<DueRow>(
    db,
    {
      mark: `UPDATE confirmation_mail_retries SET next_attempt_at = ?2, claim = ?4
         WHERE signature_id IN (SELECT signature_id FROM confirmation_mail_retries r
             WHERE state = 'waiting' AND next_attempt_at <= ?1 AND ${which} LIMIT ?3)`,
      read: `SELECT r.signature_id, r.letter_id, r.origin, r.attempts, s.token, s.kind, s.name, s.status, s.email, s.language,
           s.confirm_expires_at, r.claim
         FROM confirmation_mail_retries r JOIN signatures s ON s.id = r.signature_id
         WHERE r.state = 'waiting' AND r.next_attempt_at = ?1 AND r.claim = ?2 ORDER BY r.signature_id`,
    },
    window,
    of ? [of.letterId, of.importId] : [],
  );
  return claimed.map((row) => ({
    signatureId: row.signature_id,
    letterId: row.letter_id,
    origin: row.origin,
    attempts: row.attempts,
    ref: row.token,
    kind: row.kind,
    name: row.name,
    status: row.status,
    email: row.email,
    language: row.language,
    confirmExpiresAt: row.confirm_expires_at,
    claim: row.claim,
  }));
}

interface DueRow {
  signature_id: number;
  letter_id: number;
  origin: string;
  attempts: number;
  token: string;
  kind: SignatureKind;
  name: string;
  status: SignatureStatus;
  email: string | null;
  language: string | null;
  confirm_expires_at: string | null;
  claim: string;
}

/**
 * The confirmation email of `signatureId` was sent: its row goes, and its link, still waiting, is valid
 * until `confirmExpiresAt` (a full link's life from now, as a resend gives it).
 */
export async function confirmationSent(db: D1Database, signatureId: number, confirmExpiresAt: string): Promise<void> {
  await db.batch([
    db.prepare("DELETE FROM confirmation_mail_retries WHERE signature_id = ?1").bind(signatureId),
    db
      .prepare("UPDATE signatures SET confirm_expires_at = ?2 WHERE id = ?1 AND status = 'unconfirmed'")
      .bind(signatureId, confirmExpiresAt),
  ]);
}

/**
 * Another attempt failed: counted, with its error; tried again at `nextAttemptAt` (ISO 8601), or, with
 * null, given up (kept for the organizers to see). Only while the row still carries `claim`, the claim
 * of the sender that tried it: a sender whose lease lapsed mid-send must not move the row another
 * sender claimed since (a third would take it meanwhile) nor bring back one given up.
 */
export async function confirmationFailed(
  db: D1Database,
  signatureId: number,
  {
    nextAttemptAt,
    error,
    counted = true,
    claim,
  }: { nextAttemptAt: string | null; error: string; counted?: boolean; claim: string },
): Promise<void> {
  await db
    .prepare(
      `UPDATE confirmation_mail_retries SET attempts = attempts + ?2, last_error = ?3,
         state = CASE WHEN ?4 IS NULL THEN 'given-up' ELSE 'waiting' END, next_attempt_at = coalesce(?4, next_attempt_at)
       WHERE signature_id = ?1 AND state = 'waiting' AND claim = ?5`,
    )
    .bind(signatureId, counted ? 1 : 0, error, nextAttemptAt, claim)
    .run();
}

/** Forgets the confirmation email of `signatureId` still to send (sent another way, or no longer wanted). */
export async function forgetConfirmationToSend(db: D1Database, signatureId: number): Promise<void> {
  await db.prepare("DELETE FROM confirmation_mail_retries WHERE signature_id = ?1").bind(signatureId).run();
}

/**
 * Forgets every confirmation email still to send whose signature no longer waits for it (confirmed,
 * withdrawn, expired, rejected meanwhile): a walk of this small table, a seek in signatures per row.
 *
 * @returns how many it forgot
 */
export async function forgetSettledConfirmations(db: D1Database): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM confirmation_mail_retries WHERE NOT EXISTS
         (SELECT 1 FROM signatures s WHERE s.id = confirmation_mail_retries.signature_id AND s.status = 'unconfirmed')`,
    )
    .run();
  return result.meta.changes;
}
