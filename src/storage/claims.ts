/**
 * Claiming due rows of a table of work to do (emails to send: confirmation_mail_retries,
 * delivery_notices) for one sender, so that two senders at once (two minutes' crons overlapping, a
 * retried invocation, the cron and an organizer's request) never take the same row: a claimed row's
 * next attempt moves to the end of the sender's lease, with a random value of the claim's own, and
 * the sender reads back exactly the rows that carry both. The tables own their SQL; this runs it.
 */
import { randomToken } from "../domain/crypto";

/** When a sender claims: rows due at `now`, held until `leaseUntil` (both ISO 8601), `limit` at most. */
export interface ClaimWindow {
  now: string;
  /** After `now`: the claimed rows are taken again by another sender after it (this one failed half-way, say). */
  leaseUntil: string;
  limit: number;
}

/**
 * Runs, in one batch (a transaction; D1 runs one write at a time, so two claims never take one
 * row), `mark`: an UPDATE that sets `next_attempt_at = ?2` and `claim = ?4` on at most `?3` rows
 * due at `?1` (its `?5`, `?6`… are `params`), then `read`: a SELECT of the rows whose
 * `next_attempt_at = ?1` (the lease's end: a seek in the table's index of due rows) and
 * `claim = ?2`.
 *
 * @returns the rows `read` answers: those this claim took
 * @throws StorageUnavailable when D1 fails (through the app's D1 binding); nothing is claimed then
 */
export async function claimDueRows<Row>(
  db: D1Database,
  { mark, read }: { mark: string; read: string },
  { now, leaseUntil, limit }: ClaimWindow,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  const claim = randomToken();
  const [, claimed] = await db.batch<Row>([
    db.prepare(mark).bind(now, leaseUntil, limit, claim, ...params),
    db.prepare(read).bind(leaseUntil, claim),
  ]);
  return claimed?.results ?? [];
}
