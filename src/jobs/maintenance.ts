/**
 * The scheduled maintenance job (a cron trigger, every five minutes; see
 * wrangler.jsonc): seals pending record entries, flags bursts of signatures
 * for organizers, gives up on unconfirmed signatures whose link has long
 * expired, closes letters whose closing time has come, forgets old rate-limit
 * windows and expired organizer sessions, and anonymizes the signatures of
 * letters closed for RETENTION_DAYS. Every step is idempotent, so a run that
 * fails part-way is completed by the next.
 */
import { hmacHex } from "../domain/crypto";
import { requireSecretKey, type Bindings, type Settings } from "../env";
import {
  anonymizeLetter,
  expireUnconfirmed,
  flagBursts,
  lettersDueForAnonymization,
  lettersWithUnsealedRecords,
  setEmailHashes,
  signaturesWithoutEmailHash,
} from "../storage/maintenance";
import { closeDueLetters } from "../storage/letters";
import { deleteExpiredSessions } from "../storage/organizer-sessions";
import { deleteOldWindows } from "../storage/rate-limits";
import { sealRecord } from "../storage/record";

export interface MaintenanceReport {
  sealedLetters: number;
  flagged: number;
  expired: number;
  anonymizedLetters: number;
  anonymizedSignatures: number;
  rateWindowsDeleted: number;
  sessionsDeleted: number;
  closedLetters: number;
}

/** Runs every step and says what it did (logged by the scheduled handler; no personal data in it). */
export async function runMaintenance(
  env: Bindings,
  db: D1Database,
  settings: Settings,
  now: Date,
): Promise<MaintenanceReport> {
  const unsealed = await lettersWithUnsealedRecords(db);
  for (const letterId of unsealed) await sealRecord(db, letterId);

  // A little more than the interval between runs, so no burst falls between two.
  const flagged = await flagBursts(db, now, 30);
  const expired = await expireUnconfirmed(db, now);
  const rateWindowsDeleted = await deleteOldWindows(db, Math.floor(now.getTime() / 1000) - 3_600);
  const sessionsDeleted = await deleteExpiredSessions(db, now);
  // Signing already stops at the closing time (every page and signature checks the clock); this makes the stage say so.
  const closedLetters = (await closeDueLetters(db, now)).length;

  let anonymizedSignatures = 0;
  const due = await lettersDueForAnonymization(db, now, settings.retentionDays);
  if (due.length > 0) {
    const secret = requireSecretKey(env);
    for (const letter of due) {
      // Signatures older than keyed hashes keep one signature per address through a hash from now on.
      for (;;) {
        const missing = await signaturesWithoutEmailHash(db, letter.id, 500);
        if (missing.length === 0) break;
        await setEmailHashes(
          db,
          await Promise.all(
            missing.map(async ({ id, email }) => ({ id, emailHash: await hmacHex(secret, "email", email) })),
          ),
        );
      }
      anonymizedSignatures += await anonymizeLetter(db, letter.id);
    }
  }
  return {
    sealedLetters: unsealed.length,
    flagged,
    expired,
    anonymizedLetters: due.length,
    anonymizedSignatures,
    rateWindowsDeleted,
    sessionsDeleted,
    closedLetters,
  };
}
