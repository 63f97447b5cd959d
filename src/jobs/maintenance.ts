/**
 * The scheduled maintenance job (a cron trigger, every five minutes; see
 * wrangler.jsonc): publishes the current text of published letters that
 * has no version in the record yet, seals pending record entries, flags bursts of signatures
 * for organizers, gives up on unconfirmed signatures whose link has long
 * expired, closes letters whose closing time has come, forgets old rate-limit
 * windows and expired organizer sessions, keys the mailboxes of signatures
 * made before the mailbox rule (reporting any two that share one), keys the
 * organizations signed before organizations were keyed (reporting those it
 * can't), gives the organizations listed by migrations/0028 their key with
 * confusables read, keys the individuals signed without an email before they
 * were keyed, forgets confirmation emails to send again that nobody waits
 * for any more, and
 * anonymizes the signatures of letters closed for RETENTION_DAYS, and deletes the activity
 * log's entries older than ACTIVITY_RETENTION_DAYS. Every step
 * is idempotent, so a run that fails part-way is completed by the next. A
 * letter a step changed has its public copies refreshed (in the data center
 * the job runs in, under PUBLIC_URL: see app/deps.ts).
 */
import { forgetOldActivity, recordActivity } from "../app/activity";
import type { AppDeps } from "../app/deps";
import { expireImports } from "../app/imports";
import { hmacHex } from "../domain/crypto";
import { mailboxHash } from "../domain/mailbox";
import { organizationKey, personKey } from "../domain/organization";
import { requireSecretKey, type Bindings } from "../env";
import {
  anonymizeLetter,
  expireUnconfirmed,
  flagBursts,
  lettersDueForAnonymization,
  lettersWithUnsealedRecords,
  setEmailHashes,
  organizationKeysToRenew,
  organizationsAwaitingKey,
  peopleAwaitingKey,
  renewOrganizationKeys,
  setMailboxHashes,
  setOrganizationKeys,
  setPersonKeys,
  signaturesAwaitingMailbox,
  signaturesWithoutEmailHash,
} from "../storage/maintenance";
import { closeDueLetters } from "../storage/letters";
import { forgetSettledConfirmations } from "../storage/confirmation-mail-retries";
import { deleteExpiredSessions } from "../storage/organizer-sessions";
import { deleteOldWindows } from "../storage/rate-limits";
import { MAX_PERIOD_SECONDS } from "../integrations/rate-limit";
import { sealRecord } from "../storage/record";
import { publishTextVersions, unversionedTexts } from "../storage/text-versions";
import { activityDetail } from "../domain/activity-details";

export interface MaintenanceReport {
  /** Letters whose current text was published as a version here (letters published before versions were kept). */
  versionedLetters: number;
  sealedLetters: number;
  flagged: number;
  expired: number;
  anonymizedLetters: number;
  anonymizedSignatures: number;
  rateWindowsDeleted: number;
  sessionsDeleted: number;
  closedLetters: number;
  /** Activity log entries older than ACTIVITY_RETENTION_DAYS deleted. */
  activityDeleted: number;
  /** Signatures from before the mailbox rule given their mailbox hash, and those found to share a mailbox. */
  mailboxesKeyed: number;
  mailboxDuplicates: number;
  /**
   * Organizations from before organizations were keyed (migrations/0015) given their key, and those
   * left unkeyed: another organization of the letter holds the key (two spellings of one organization,
   * both kept and counted for the organizers to see), or a name with no letter or digit.
   */
  organizationsKeyed: number;
  organizationsUnkeyed: number;
  /**
   * Organizations listed by migrations/0028 whose key was computed again with confusables read (their name
   * has a character beyond ASCII), and those that kept their old key because another organization of the
   * letter holds the new one (two names that look alike, both counted, for the organizers to see).
   */
  organizationKeysRenewed: number;
  organizationKeysKept: number;
  /** Individuals signed without an email before such signers were keyed (migrations/0028) given their person key. */
  peopleKeyed: number;
  /** Confirmation emails still to send again whose signature no longer waits for one (confirmed, withdrawn…): forgotten. */
  confirmationsForgotten: number;
  /** Imports whose rows (names, emails) were erased IMPORT_RETENTION_DAYS after they were done, or deleted unrun. */
  importsErased: number;
  importsDeleted: number;
}

/** Signatures keyed per transaction by the mailbox backfill, and transactions per run (so at most 1,000 a run). */
export const MAILBOX_BATCH_SIZE = 250;
export const MAILBOX_BATCHES_PER_RUN = 4;

/**
 * Keys the mailboxes (domain/mailbox.ts) of signatures stored before
 * migrations/0010, oldest first, in transactions of MAILBOX_BATCH_SIZE: at
 * most `batches` of them, or (for a letter about to be anonymized, whose
 * emails are about to go) until none is left. Idempotent; asks for SECRET_KEY
 * only when there is something to key.
 */
export async function keyExistingMailboxes(
  env: Bindings,
  db: D1Database,
  { batches, letterId }: { batches: number; letterId?: number },
): Promise<{ keyed: number; duplicates: number }> {
  const total = { keyed: 0, duplicates: 0 };
  for (let batch = 0; batch < batches; batch++) {
    const awaiting = await signaturesAwaitingMailbox(db, MAILBOX_BATCH_SIZE, letterId);
    if (awaiting.length === 0) break;
    const secret = requireSecretKey(env);
    const result = await setMailboxHashes(
      db,
      await Promise.all(awaiting.map(async ({ id, email }) => ({ id, mailboxHash: await mailboxHash(secret, email) }))),
    );
    total.keyed += result.keyed;
    total.duplicates += result.duplicates;
    // Every row read is either keyed or reported; should neither happen, stop rather than read them again.
    if (result.keyed + result.duplicates === 0) break;
  }
  return total;
}

/** Organizations keyed per transaction by the key backfill, and transactions per run (so at most 1,000 a run). */
export const ORGANIZATION_BATCH_SIZE = 250;
export const ORGANIZATION_BATCHES_PER_RUN = 4;

/**
 * Keys the organization signatures stored before migrations/0015 (domain/organization.ts
 * organizationKey), oldest first per letter, in transactions of ORGANIZATION_BATCH_SIZE, at most
 * `batches` of them a run. Idempotent. A row it can't key (its key held by another organization of
 * the letter, or a name without letters or digits) stays NULL and is counted in `unkeyed`, never
 * failing the batch; the run's cursor steps past it, so one run always gets through the rest (a later
 * run reads it again, and reports it again: it is the organizers' to settle).
 */
export async function keyExistingOrganizations(
  db: D1Database,
  { batches }: { batches: number },
): Promise<{ keyed: number; unkeyed: number }> {
  const total = { keyed: 0, unkeyed: 0 };
  let after: { letterId: number; id: number } | null = null;
  for (let batch = 0; batch < batches; batch++) {
    const awaiting = await organizationsAwaitingKey(db, ORGANIZATION_BATCH_SIZE, after);
    if (awaiting.length === 0) break;
    const keys = awaiting.flatMap(({ id, name }) => {
      const key = organizationKey(name);
      return key ? [{ id, organizationKey: key }] : [];
    });
    const keyed = await setOrganizationKeys(db, keys);
    total.keyed += keyed.size;
    total.unkeyed += awaiting.length - keyed.size;
    const last = awaiting.at(-1)!;
    after = { letterId: last.letterId, id: last.id };
  }
  return total;
}

/**
 * Gives the organization signatures migrations/0028 listed (a name with a character beyond ASCII) the
 * key domain/organization.ts organizationKey gives them now, in transactions of ORGANIZATION_BATCH_SIZE,
 * at most `batches` a run; each leaves the list. One whose new key another organization of the letter
 * holds keeps its old key, counted in `kept`. Idempotent.
 */
export async function renewOrganizationKeysOnce(
  db: D1Database,
  { batches }: { batches: number },
): Promise<{ renewed: number; kept: number }> {
  const total = { renewed: 0, kept: 0 };
  for (let batch = 0; batch < batches; batch++) {
    const listed = await organizationKeysToRenew(db, ORGANIZATION_BATCH_SIZE);
    if (listed.length === 0) break;
    const renewals = listed.map(({ id, name, key }) => ({ id, from: key, to: organizationKey(name) }));
    const renewed = await renewOrganizationKeys(db, renewals);
    for (const { id, from, to } of renewals) {
      if (from === null || from === to) continue;
      if (renewed.has(id)) total.renewed += 1;
      else total.kept += 1;
    }
  }
  return total;
}

/** Individuals keyed per transaction by the person-key backfill, and transactions per run (so at most 1,000 a run). */
export const PEOPLE_BATCH_SIZE = 250;
export const PEOPLE_BATCHES_PER_RUN = 4;

/**
 * Keys the individuals signed without an email that have no person_key (stored before migrations/0028,
 * or by a writer that left it out): domain/organization.ts personKey, oldest first per letter, at most
 * `batches` transactions of PEOPLE_BATCH_SIZE a run. Idempotent.
 */
export async function keyExistingPeople(db: D1Database, { batches }: { batches: number }): Promise<number> {
  let keyed = 0;
  let after: { letterId: number; id: number } | null = null;
  for (let batch = 0; batch < batches; batch++) {
    const awaiting = await peopleAwaitingKey(db, PEOPLE_BATCH_SIZE, after);
    if (awaiting.length === 0) break;
    keyed += await setPersonKeys(
      db,
      awaiting.map((person) => ({ id: person.id, personKey: personKey(person) })),
    );
    const last = awaiting.at(-1)!;
    after = { letterId: last.letterId, id: last.id };
  }
  return keyed;
}

/** Runs every step and says what it did (logged by the scheduled handler; no personal data in it). */
export async function runMaintenance(
  deps: Pick<AppDeps, "db" | "settings" | "secretKey" | "publicCopies" | "env">,
  now: Date,
): Promise<MaintenanceReport> {
  const { db, settings, env } = deps;
  const changed = new Set<string>();
  // Every change that makes a text public publishes its version in the same transaction; this catches up the
  // letters published before migrations/0014, whose entries come after their existing ones.
  const versioned = await publishTextVersions(db, await unversionedTexts(db));
  for (const slug of versioned) changed.add(slug);
  const unsealed = await lettersWithUnsealedRecords(db);
  for (const letterId of unsealed) await sealRecord(db, letterId);

  // A little more than the interval between runs, so no burst falls between two.
  const flagged = await flagBursts(db, now, 30);
  // Neither changes a public copy: every document seals the record before it is drawn (app/public-documents.ts),
  // and signatures waiting for confirmation are not shown (app/signature-status.ts).
  const expired = await expireUnconfirmed(db, now);
  // The longest sliding window reads its previous one too: two of them are kept.
  const rateWindowsDeleted = await deleteOldWindows(db, Math.floor(now.getTime() / 1000) - 2 * MAX_PERIOD_SECONDS);
  const sessionsDeleted = await deleteExpiredSessions(db, now);
  // Signing already stops at the closing time (every page and signature checks the clock); this makes the stage say so.
  const closed = await closeDueLetters(db, now);
  for (const { id, slug } of closed) {
    changed.add(slug);
    // The system's entry (no actor): "last changed" and the owners' log say why signing stopped.
    await recordActivity(
      { db, now: () => now, actor: null },
      {
        action: "letter-closed",
        letterId: id,
        before: { stage: "open" },
        after: { stage: "closed" },
        detail: activityDetail("closingTimeCame"),
      },
    );
  }
  const activityDeleted = await forgetOldActivity(deps, now, settings.activityRetentionDays);
  const mailboxes = await keyExistingMailboxes(env, db, { batches: MAILBOX_BATCHES_PER_RUN });
  const organizations = await keyExistingOrganizations(db, { batches: ORGANIZATION_BATCHES_PER_RUN });
  const renewedKeys = await renewOrganizationKeysOnce(db, { batches: ORGANIZATION_BATCHES_PER_RUN });
  const peopleKeyed = await keyExistingPeople(db, { batches: PEOPLE_BATCHES_PER_RUN });
  const confirmationsForgotten = await forgetSettledConfirmations(db);
  const imports = await expireImports(deps, now);

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
      const keyed = await keyExistingMailboxes(env, db, { batches: Number.POSITIVE_INFINITY, letterId: letter.id });
      mailboxes.keyed += keyed.keyed;
      mailboxes.duplicates += keyed.duplicates;
      anonymizedSignatures += await anonymizeLetter(db, letter.id);
      // Nothing public is erased today (only emails, domains and client hashes), but the rule is one for every writer.
      changed.add(letter.slug);
    }
  }
  for (const slug of changed) await deps.publicCopies.letterChanged(slug);
  return {
    versionedLetters: versioned.length,
    sealedLetters: unsealed.length,
    flagged,
    expired,
    anonymizedLetters: due.length,
    anonymizedSignatures,
    rateWindowsDeleted,
    sessionsDeleted,
    closedLetters: closed.length,
    activityDeleted,
    mailboxesKeyed: mailboxes.keyed,
    mailboxDuplicates: mailboxes.duplicates,
    organizationsKeyed: organizations.keyed,
    organizationsUnkeyed: organizations.unkeyed,
    organizationKeysRenewed: renewedKeys.renewed,
    organizationKeysKept: renewedKeys.kept,
    peopleKeyed,
    confirmationsForgotten,
    importsErased: imports.erased,
    importsDeleted: imports.deleted,
  };
}
