/**
 * The maintenance job's SQL: flagging bursts of signatures, expiring
 * unconfirmed ones, anonymizing signatures once a letter has been closed
 * long enough, and finding records to seal.
 */
import {
  SUSPICION_WINDOW_MINUTES,
  SUSPICIOUS_PER_CLIENT,
  SUSPICIOUS_PER_EMAIL_DOMAIN,
  sharedEmailDomains,
} from "../domain/bots";
import type { SignatureFlag } from "../domain/signature";

const ISO = "'%Y-%m-%dT%H:%M:%fZ'";

/** The flags of the two bursts, as SQL literals (typed: the catalogs word each; domain/signature.ts SIGNATURE_FLAGS). */
const BY_CONNECTION: SignatureFlag = "many-from-one-connection";
const BY_EMAIL_DOMAIN: SignatureFlag = "many-from-one-email-domain";

/** An organization's signature that no longer holds its organization (domain/signing.ts holdsOrganization), as SQL. */
const RELEASED = "(kind = 'organization' AND status IN ('withdrawn', 'hidden', 'rejected'))";

/** Milliseconds since 1970 of an ISO time column, exactly (julianday keeps whole milliseconds), for window frames. */
const MILLISECONDS = (column: string) => `CAST(round((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`;

/**
 * Flags signatures made in bursts over the last `sinceMinutes`: at least
 * SUSPICIOUS_PER_CLIENT from one client, or SUSPICIOUS_PER_EMAIL_DOMAIN from
 * one email domain that is not a webmail, within SUSPICION_WINDOW_MINUTES
 * either side of it. Flags are for organizers to review; nothing is dropped.
 * Only signers' own signatures (the form, the API) are flagged or counted:
 * what organizers entered by hand or imported is theirs already (a union
 * importing its members, all at its own domain, is no burst). Returns the
 * rows flagged.
 *
 * Only signatures a new one can have changed are looked at: those made
 * within SUSPICION_WINDOW_MINUTES of the first signature stored since the
 * last run (job_cursors 'bursts', migrations/0038: the newest id it looked
 * at), and none when nothing was stored since. They and their neighbours are
 * read once (signatures_by_time), and each one's neighbours from its client
 * and its email domain are counted by window functions over that one read:
 * rows read in proportion to what is new, where counting each one's
 * neighbours with a subquery read n² rows for a burst of n from one client,
 * and every run read the last 40 minutes' signatures again (issue 17;
 * test/jobs/maintenance-rows.test.ts).
 */
export async function flagBursts(db: D1Database, now: Date, sinceMinutes: number): Promise<number> {
  const windowMs = SUSPICION_WINDOW_MINUTES * 60_000;
  const cursor = await db
    .prepare("SELECT position FROM job_cursors WHERE name = 'bursts'")
    .first<{ position: number }>();
  // The first run reads no older signatures than `sinceMinutes` back, as every run did before the cursor.
  const fresh = await db
    .prepare(
      cursor
        ? "SELECT max(id) AS last, min(created_at) AS first FROM signatures WHERE id > ?1"
        : "SELECT max(id) AS last, NULL AS first FROM signatures",
    )
    .bind(...(cursor ? [cursor.position] : []))
    .first<{ last: number | null; first: string | null }>();
  if (fresh?.last === null || fresh?.last === undefined) return 0;
  const oldest = now.getTime() - sinceMinutes * 60_000;
  const firstNew = fresh.first === null ? Number.NaN : Date.parse(fresh.first);
  const sinceMs = Number.isNaN(firstNew) ? oldest : Math.max(oldest, Math.min(firstNew, now.getTime()) - windowMs);
  const since = new Date(sinceMs).toISOString();
  const from = new Date(sinceMs - windowMs).toISOString();
  const frame = "RANGE BETWEEN ?2 PRECEDING AND ?2 FOLLOWING";
  const { results } = await db
    .prepare(
      `SELECT id, CASE WHEN by_client >= ?4 THEN 1 ELSE 0 END AS by_connection FROM (
         SELECT id, flag, created_at, client_hash, email_domain,
           count(client_hash) OVER (PARTITION BY letter_id, client_hash ORDER BY at_ms ${frame}) AS by_client,
           count(email_domain) OVER (PARTITION BY letter_id, email_domain ORDER BY at_ms ${frame}) AS by_domain
         FROM (SELECT id, letter_id, flag, created_at, client_hash, email_domain, ${MILLISECONDS("created_at")} AS at_ms
               FROM signatures WHERE created_at >= ?1 AND channel IN ('form', 'api')))
       WHERE flag IS NULL AND created_at >= ?3
         AND (by_client >= ?4 OR (email_domain IS NOT NULL AND by_domain >= ?5
           AND email_domain NOT IN (SELECT value FROM json_each(?6))))`,
    )
    .bind(
      from,
      windowMs,
      since,
      SUSPICIOUS_PER_CLIENT,
      SUSPICIOUS_PER_EMAIL_DOMAIN,
      JSON.stringify(sharedEmailDomains()),
    )
    .all<{ id: number; by_connection: 0 | 1 }>();
  const ids = (byConnection: 0 | 1) =>
    JSON.stringify(results.filter((row) => row.by_connection === byConnection).map((row) => row.id));
  const flag = (value: SignatureFlag, idList: string) =>
    db
      .prepare("UPDATE signatures SET flag = ?2 WHERE id IN (SELECT value FROM json_each(?1)) AND flag IS NULL")
      .bind(idList, value);
  const [byClient, byDomain] = await db.batch([
    flag(BY_CONNECTION, ids(1)),
    flag(BY_EMAIL_DOMAIN, ids(0)),
    db
      .prepare(
        `INSERT INTO job_cursors (name, position) VALUES ('bursts', ?1)
         ON CONFLICT (name) DO UPDATE SET position = max(position, excluded.position)`,
      )
      .bind(fresh.last),
  ]);
  return (byClient?.meta.changes ?? 0) + (byDomain?.meta.changes ?? 0);
}

/**
 * Unconfirmed signatures whose link expired more than a day ago are given
 * up: withdrawn, their email forgotten, the pending counters moved by as many.
 * An organization's gives up its organization too (its organization_key and
 * verified_domain: domain/signing.ts holdsOrganization), so that whoever signs
 * for it next makes a new signature. Read letter by letter (`letter_id IN
 * letters`) from signatures_unconfirmed_by_expiry (migrations/0038), which
 * holds only unconfirmed signatures by letter and expiry: each letter's
 * expired ones are sought and no other signature is read, so a run with
 * nothing to expire reads one row per letter (it read every unconfirmed
 * signature, then the letters' whole pending counts, every five minutes:
 * issue 17, test/jobs/maintenance-rows.test.ts).
 */
export async function expireUnconfirmed(db: D1Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 86_400_000).toISOString();
  const expiring = `SELECT {} FROM signatures
    WHERE letter_id = letters.id AND status = 'unconfirmed' AND confirm_expires_at < ?1`;
  const [, expired] = await db.batch([
    // Moved in the same transaction as the expiry below, by the rows it is about to expire: exact whatever runs beside it.
    db
      .prepare(
        `UPDATE letters SET pending_count = pending_count - (${expiring.replace("{}", "count(*)")})
         WHERE EXISTS (${expiring.replace("{}", "1")})`,
      )
      .bind(before),
    db
      .prepare(
        `UPDATE signatures SET status = 'withdrawn', email = NULL, email_domain = NULL, client_hash = NULL, withdrawn_at = strftime(${ISO}, 'now'), change_nonce = NULL,
           organization_key = NULL, verified_domain = NULL,
           verification = CASE WHEN verification = 'email-domain' THEN NULL ELSE verification END,
           verified_at = CASE WHEN verification = 'email-domain' THEN NULL ELSE verified_at END
         WHERE letter_id IN (SELECT id FROM letters) AND status = 'unconfirmed' AND confirm_expires_at < ?1`,
      )
      .bind(before),
  ]);
  return expired?.meta.changes ?? 0;
}

/**
 * Letters closed for at least `days` whose signatures still hold emails or
 * client hashes. A letter closed by hand before its closing time counts from
 * the moment it was closed (closed_at), not from a deadline that hadn't come.
 */
export async function lettersDueForAnonymization(
  db: D1Database,
  now: Date,
  days: number,
): Promise<{ id: number; slug: string }[]> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  const { results } = await db
    .prepare(
      `SELECT id, slug FROM letters
       WHERE anonymized_at IS NULL
         AND ((status = 'closed' AND coalesce(closed_at, closes_at, updated_at) <= ?1) OR (closes_at IS NOT NULL AND closes_at <= ?1))`,
    )
    .bind(before)
    .all<{ id: number; slug: string }>();
  return results;
}

/** Signatures of `letterId` that still have their email but no keyed hash (made before hashes existed). */
export async function signaturesWithoutEmailHash(
  db: D1Database,
  letterId: number,
  limit: number,
): Promise<{ id: number; email: string }[]> {
  const { results } = await db
    .prepare(
      "SELECT id, email FROM signatures WHERE letter_id = ?1 AND email_hash IS NULL AND email IS NOT NULL LIMIT ?2",
    )
    .bind(letterId, limit)
    .all<{ id: number; email: string }>();
  return results;
}

export async function setEmailHashes(db: D1Database, hashes: { id: number; emailHash: string }[]): Promise<void> {
  if (hashes.length === 0) return;
  await db.batch(
    hashes.map(({ id, emailHash }) =>
      db.prepare("UPDATE signatures SET email_hash = ?2 WHERE id = ?1").bind(id, emailHash),
    ),
  );
}

/** A signature the mailbox rule has not reached yet: one with its email, made before mailboxes were keyed. */
export interface SignatureAwaitingMailbox {
  id: number;
  letterId: number;
  email: string;
}

/**
 * Up to `limit` signatures that still have their email but no mailbox hash
 * and no duplicate report, letter by letter, oldest first within a letter
 * (so the earliest of two spellings keeps the mailbox), of one letter when
 * `letterId` is given. Read from the partial index signatures_awaiting_mailbox
 * (migrations/0010), which holds only these rows and the reported duplicates.
 */
export async function signaturesAwaitingMailbox(
  db: D1Database,
  limit: number,
  letterId?: number,
): Promise<SignatureAwaitingMailbox[]> {
  const { results } = await db
    .prepare(
      `SELECT id, letter_id, email FROM signatures s
       WHERE mailbox_hash IS NULL AND email IS NOT NULL${letterId === undefined ? "" : " AND letter_id = ?2"}
         AND NOT EXISTS (SELECT 1 FROM mailbox_duplicates d WHERE d.signature_id = s.id)
       ORDER BY letter_id, id LIMIT ?1`,
    )
    .bind(limit, ...(letterId === undefined ? [] : [letterId]))
    .all<{ id: number; letter_id: number; email: string }>();
  return results.map((row) => ({ id: row.id, letterId: row.letter_id, email: row.email }));
}

/**
 * Gives each signature its mailbox hash, in the given order, in one
 * transaction; idempotent. A signature whose mailbox another signature of its
 * letter already holds keeps none (the unique index
 * signatures_one_per_mailbox refuses it; `UPDATE OR IGNORE` skips the row),
 * and the pair is recorded in mailbox_duplicates for organizers. Nothing is
 * deleted or uncounted.
 *
 * @returns how many signatures were keyed, and how many were reported as sharing a mailbox
 */
export async function setMailboxHashes(
  db: D1Database,
  keys: readonly { id: number; mailboxHash: string }[],
): Promise<{ keyed: number; duplicates: number }> {
  if (keys.length === 0) return { keyed: 0, duplicates: 0 };
  const results = await db.batch(
    keys.flatMap(({ id, mailboxHash }) => [
      db
        .prepare("UPDATE OR IGNORE signatures SET mailbox_hash = ?2 WHERE id = ?1 AND mailbox_hash IS NULL")
        .bind(id, mailboxHash),
      db
        .prepare(
          `INSERT INTO mailbox_duplicates (signature_id, letter_id, duplicate_of_id)
           SELECT s.id, s.letter_id, holder.id FROM signatures s
             JOIN signatures holder ON holder.letter_id = s.letter_id AND holder.mailbox_hash = ?2
           WHERE s.id = ?1 AND s.mailbox_hash IS NULL
           ON CONFLICT DO NOTHING`,
        )
        .bind(id, mailboxHash),
    ]),
  );
  let keyed = 0;
  let duplicates = 0;
  results.forEach((result, index) => {
    if (index % 2 === 0) keyed += result.meta.changes;
    else duplicates += result.meta.changes;
  });
  return { keyed, duplicates };
}

/** An organization signature stored before organizations were keyed (migrations/0015): its key is still NULL. */
export interface OrganizationAwaitingKey {
  id: number;
  letterId: number;
  name: string;
}

/**
 * Up to `limit` organization signatures without an organization_key, letter by letter, oldest first
 * within a letter (so the earliest of two spellings keeps the key), after `after` ((letter id, id),
 * a run's cursor past the rows it could not key), of one letter when `letterId` is given. Read from
 * the partial index signatures_awaiting_organization_key (migrations/0017), which holds only these rows:
 * not the withdrawn, hidden or rejected ones, which hold no key (domain/signing.ts holdsOrganization).
 */
export async function organizationsAwaitingKey(
  db: D1Database,
  limit: number,
  after: { letterId: number; id: number } | null = null,
): Promise<OrganizationAwaitingKey[]> {
  const { results } = await db
    .prepare(
      `SELECT id, letter_id, name FROM signatures
       WHERE kind = 'organization' AND organization_key IS NULL AND status IN ('unconfirmed', 'in_review', 'confirmed')
         AND (letter_id, id) > (?2, ?3)
       ORDER BY letter_id, id LIMIT ?1`,
    )
    .bind(limit, after?.letterId ?? -1, after?.id ?? -1)
    .all<{ id: number; letter_id: number; name: string }>();
  return results.map((row) => ({ id: row.id, letterId: row.letter_id, name: row.name }));
}

/**
 * Gives each organization signature its key, in the given order, in one transaction; idempotent. One
 * whose key another organization of its letter already holds keeps none (signatures_one_per_organization
 * refuses it; `UPDATE OR IGNORE` skips the row): both stay as they are, counted, for the organizers to
 * see, and the caller reports it. Nothing is deleted or uncounted.
 *
 * @returns the ids that were keyed
 */
export async function setOrganizationKeys(
  db: D1Database,
  keys: readonly { id: number; organizationKey: string }[],
): Promise<Set<number>> {
  if (keys.length === 0) return new Set();
  const results = await db.batch(
    keys.map(({ id, organizationKey }) =>
      db
        .prepare(
          "UPDATE OR IGNORE signatures SET organization_key = ?2 WHERE id = ?1 AND kind = 'organization' AND organization_key IS NULL",
        )
        .bind(id, organizationKey),
    ),
  );
  return new Set(keys.filter((_, index) => (results[index]?.meta.changes ?? 0) > 0).map(({ id }) => id));
}

/** An individual signed without an email and stored before such signers were keyed (migrations/0028). */
export interface PersonAwaitingKey {
  id: number;
  letterId: number;
  name: string;
  city: string | null;
  country: string | null;
}

/**
 * Up to `limit` individuals without an email and without a person_key, letter by letter, oldest first,
 * after `after` (a run's cursor): read from the partial index signatures_awaiting_person_key
 * (migrations/0028), which holds only these rows.
 */
export async function peopleAwaitingKey(
  db: D1Database,
  limit: number,
  after: { letterId: number; id: number } | null = null,
): Promise<PersonAwaitingKey[]> {
  const { results } = await db
    .prepare(
      `SELECT id, letter_id, name, city, country FROM signatures
       WHERE kind = 'individual' AND email IS NULL AND email_hash IS NULL AND person_key IS NULL
         AND (letter_id, id) > (?2, ?3)
       ORDER BY letter_id, id LIMIT ?1`,
    )
    .bind(limit, after?.letterId ?? -1, after?.id ?? -1)
    .all<{ id: number; letter_id: number; name: string; city: string | null; country: string | null }>();
  return results.map((row) => ({
    id: row.id,
    letterId: row.letter_id,
    name: row.name,
    city: row.city,
    country: row.country,
  }));
}

/** Gives each email-less individual its person_key, in one transaction; idempotent. Returns how many it keyed. */
export async function setPersonKeys(
  db: D1Database,
  keys: readonly { id: number; personKey: string }[],
): Promise<number> {
  if (keys.length === 0) return 0;
  const results = await db.batch(
    keys.map(({ id, personKey }) =>
      db
        .prepare(
          `UPDATE signatures SET person_key = ?2
           WHERE id = ?1 AND kind = 'individual' AND email IS NULL AND email_hash IS NULL AND person_key IS NULL`,
        )
        .bind(id, personKey),
    ),
  );
  return results.reduce((sum, result) => sum + result.meta.changes, 0);
}

/** An organization signature whose key migrations/0028 listed to be computed again (its name has a character beyond ASCII). */
export interface OrganizationKeyToRenew {
  id: number;
  name: string;
  /** Its key as stored, or null when it gave it up since (withdrawn, hidden, rejected). */
  key: string | null;
}

/** Up to `limit` of the listed organization signatures (organization_keys_to_renew), by id. */
export async function organizationKeysToRenew(db: D1Database, limit: number): Promise<OrganizationKeyToRenew[]> {
  const { results } = await db
    .prepare(
      `SELECT s.id, s.name, s.organization_key FROM organization_keys_to_renew r JOIN signatures s ON s.id = r.signature_id
       ORDER BY r.signature_id LIMIT ?1`,
    )
    .bind(limit)
    .all<{ id: number; name: string; organization_key: string | null }>();
  return results.map((row) => ({ id: row.id, name: row.name, key: row.organization_key }));
}

/**
 * Gives each listed organization signature its new key where it still holds the old one, and takes it
 * off the list, in one transaction. One whose new key another organization of its letter holds keeps
 * its old key (`UPDATE OR IGNORE`: signatures_one_per_organization): two spellings that look alike,
 * both counted, for the organizers to see; the caller reports it.
 *
 * @returns the ids that got their new key
 */
export async function renewOrganizationKeys(
  db: D1Database,
  renewals: readonly { id: number; from: string | null; to: string | null }[],
): Promise<Set<number>> {
  if (renewals.length === 0) return new Set();
  const results = await db.batch(
    renewals.flatMap(({ id, from, to }) => [
      db
        .prepare(
          "UPDATE OR IGNORE signatures SET organization_key = ?3 WHERE id = ?1 AND organization_key = ?2 AND ?3 IS NOT NULL",
        )
        .bind(id, from, to),
      db.prepare("DELETE FROM organization_keys_to_renew WHERE signature_id = ?1").bind(id),
    ]),
  );
  return new Set(renewals.filter((_, index) => (results[index * 2]?.meta.changes ?? 0) > 0).map(({ id }) => id));
}

/**
 * Erases what identifies signers beyond their public entry: emails, email domains, client hashes;
 * and the rows of the letter's imports (migrations/0016, 0018), which hold the same emails: their cells and
 * reasons erased (the import's counts and signatures stay), an import never started deleted with its text;
 * its confirmation emails still to send (migrations/0028) forgotten. An
 * organization's signature that no longer holds its organization (withdrawn, hidden, rejected) keeps
 * no organization_key or verified_domain either (it gave them up when its status changed; this catches
 * any row stored before that rule).
 */
export async function anonymizeLetter(db: D1Database, letterId: number): Promise<number> {
  const started = "SELECT id FROM imports WHERE letter_id = ?1 AND state IN ('running', 'done')";
  // Every state before 'running' (migrations/0018): an import being read keeps its whole file in import_source.
  const unstarted =
    "SELECT id FROM imports WHERE letter_id = ?1 AND state IN ('reading', 'unreadable', 'mapping', 'checking', 'previewed')";
  const [signatures] = await db.batch([
    db
      .prepare(
        `UPDATE signatures SET email = NULL, email_domain = NULL, client_hash = NULL, anonymized_at = strftime(${ISO}, 'now'),
           organization_key = CASE WHEN ${RELEASED} THEN NULL ELSE organization_key END,
           verified_domain = CASE WHEN ${RELEASED} THEN NULL ELSE verified_domain END,
           verification = CASE WHEN ${RELEASED} AND verification = 'email-domain' THEN NULL ELSE verification END,
           verified_at = CASE WHEN ${RELEASED} AND verification = 'email-domain' THEN NULL ELSE verified_at END
         WHERE letter_id = ?1 AND anonymized_at IS NULL`,
      )
      .bind(letterId),
    db
      .prepare(
        `UPDATE import_rows SET cells = NULL, reason = NULL
         WHERE import_id IN (${started}) AND (cells IS NOT NULL OR reason IS NOT NULL)`,
      )
      .bind(letterId),
    db
      .prepare(`UPDATE imports SET erased_at = strftime(${ISO}, 'now') WHERE id IN (${started}) AND erased_at IS NULL`)
      .bind(letterId),
    db.prepare(`DELETE FROM import_rows WHERE import_id IN (${unstarted})`).bind(letterId),
    db.prepare(`DELETE FROM import_source WHERE import_id IN (${unstarted})`).bind(letterId),
    db.prepare(`DELETE FROM imports WHERE id IN (${unstarted})`).bind(letterId),
    // Confirmation emails still to send have no address to go to now.
    db.prepare("DELETE FROM confirmation_mail_retries WHERE letter_id = ?1").bind(letterId),
    db.prepare(`UPDATE letters SET anonymized_at = strftime(${ISO}, 'now') WHERE id = ?1`).bind(letterId),
  ]);
  return signatures?.meta.changes ?? 0;
}

/** Letters with record entries waiting for their hash. */
export async function lettersWithUnsealedRecords(db: D1Database): Promise<number[]> {
  const { results } = await db
    .prepare("SELECT id FROM letters WHERE record_sealed < record_length")
    .all<{ id: number }>();
  return results.map((row) => row.id);
}
