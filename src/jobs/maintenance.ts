/**
 * The scheduled maintenance job (a cron trigger, every five minutes; see
 * wrangler.jsonc): seals pending record entries, flags bursts of signatures
 * for organizers, gives up on unconfirmed signatures whose link has long
 * expired, closes letters whose closing time has come, forgets old rate-limit
 * windows and expired organizer sessions, and anonymizes the signatures of
 * letters closed for RETENTION_DAYS. Every step is idempotent, so a run that
 * fails part-way is completed by the next. A letter a step changed has its
 * public copies refreshed (in the data center the job runs in, under
 * PUBLIC_URL: see app/deps.ts).
 */
import type { AppDeps } from "../app/deps";
import { hmacHex } from "../domain/crypto";
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
  deps: Pick<AppDeps, "db" | "settings" | "secretKey" | "publicCopies">,
  now: Date,
): Promise<MaintenanceReport> {
  const { db, settings } = deps;
  const changed = new Set<string>();
  const unsealed = await lettersWithUnsealedRecords(db);
  for (const letterId of unsealed) await sealRecord(db, letterId);

  // A little more than the interval between runs, so no burst falls between two.
  const flagged = await flagBursts(db, now, 30);
  // Sealing changes no public copy: every document seals the record before it is drawn (app/public-documents.ts).
  const expiry = await expireUnconfirmed(db, now);
  for (const slug of expiry.letters) changed.add(slug);
  const rateWindowsDeleted = await deleteOldWindows(db, Math.floor(now.getTime() / 1000) - 3_600);
  const sessionsDeleted = await deleteExpiredSessions(db, now);
  // Signing already stops at the closing time (every page and signature checks the clock); this makes the stage say so.
  const closed = await closeDueLetters(db, now);
  for (const slug of closed) changed.add(slug);

  let anonymizedSignatures = 0;
  const due = await lettersDueForAnonymization(db, now, settings.retentionDays);
  if (due.length > 0) {
    const secret = deps.secretKey();
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
      // Nothing public is erased today (only emails, domains and client hashes), but the rule is one for every writer.
      changed.add(letter.slug);
    }
  }
  for (const slug of changed) await deps.publicCopies.letterChanged(slug);
  return {
    sealedLetters: unsealed.length,
    flagged,
    expired: expiry.expired,
    anonymizedLetters: due.length,
    anonymizedSignatures,
    rateWindowsDeleted,
    sessionsDeleted,
    closedLetters: closed.length,
  };
}
