/**
 * The benchmark's own statements (bench/, served only with BENCH=1 through
 * routes/bench.ts): a baseline table of plain inserts, and counts the slow
 * way to check the app's counters against. Never used by the app itself.
 */

/** Creates (once) and empties the baseline table `bench_inserts`. */
export async function resetBenchInserts(db: D1Database): Promise<void> {
  await db.prepare("CREATE TABLE IF NOT EXISTS bench_inserts (id INTEGER PRIMARY KEY, value TEXT NOT NULL)").run();
  await db.prepare("DELETE FROM bench_inserts").run();
}

/** One bound single-row INSERT: the floor under the cost of storing a signature. */
export async function insertBenchRow(db: D1Database): Promise<void> {
  await db.prepare("INSERT INTO bench_inserts (value) VALUES (?1)").bind(crypto.randomUUID()).run();
}

/** How many of `emails` have a signature on the letter `slug` (5,000 per query: D1 binds one JSON text). */
export async function countSignedEmails(db: D1Database, slug: string, emails: readonly string[]): Promise<number> {
  let found = 0;
  for (let offset = 0; offset < emails.length; offset += 5_000) {
    const row = await db
      .prepare(
        `SELECT count(*) AS found FROM signatures
         WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1) AND email IN (SELECT value FROM json_each(?2))`,
      )
      .bind(slug, JSON.stringify(emails.slice(offset, offset + 5_000)))
      .first<{ found: number }>();
    found += row?.found ?? 0;
  }
  return found;
}

/** The letter's counters beside the rows counted one by one, and how many email hashes repeat (should be 0). */
export function countTheSlowWay(db: D1Database, slug: string): Promise<Record<string, unknown> | null> {
  return db
    .prepare(
      `SELECT l.signature_count AS counter_total, l.organization_count AS counter_organizations, l.individual_count AS counter_individuals,
         (SELECT count(*) FROM signatures s WHERE s.letter_id = l.id AND s.status = 'confirmed') AS rows_confirmed,
         (SELECT count(*) FROM signatures s WHERE s.letter_id = l.id) AS rows_all,
         (SELECT count(email_hash) - count(DISTINCT email_hash) FROM signatures s WHERE s.letter_id = l.id) AS duplicated_emails
       FROM letters l WHERE l.slug = ?1`,
    )
    .bind(slug)
    .first();
}

/** Where the letter `slug`'s record stands: entries appended and entries sealed (the maintenance job seals). */
export function benchRecordState(
  db: D1Database,
  slug: string,
): Promise<{ record_length: number; record_sealed: number } | null> {
  return db
    .prepare("SELECT record_length, record_sealed FROM letters WHERE slug = ?1")
    .bind(slug)
    .first<{ record_length: number; record_sealed: number }>();
}

/** The letter `slug`'s webhook deliveries, counted by state ('pending', 'delivered', 'failed', 'skipped'). */
export async function benchWebhookStates(db: D1Database, slug: string): Promise<Record<string, number>> {
  const { results } = await db
    .prepare(
      `SELECT state, count(*) AS n FROM webhook_deliveries
       WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1) GROUP BY state`,
    )
    .bind(slug)
    .all<{ state: string; n: number }>();
  return Object.fromEntries(results.map((row) => [row.state, row.n]));
}

/** Import `id`'s state and counts, or null when there is none. */
export function benchImportState(
  db: D1Database,
  id: number,
): Promise<{ state: string; row_count: number | null; valid_count: number | null; imported_count: number } | null> {
  return db.prepare("SELECT state, row_count, valid_count, imported_count FROM imports WHERE id = ?1").bind(id).first();
}

/**
 * Signatures the maintenance job's backfills have still to key (jobs/maintenance.ts: organizations
 * without organization_key, mailboxes without mailbox_hash, individuals without person_key). The
 * seed (storage/seed.ts) writes organizations without keys; the app never does, so the bench lets
 * the job key them before measuring it.
 */
export async function benchBackfillsLeft(db: D1Database): Promise<number> {
  const row = await db
    .prepare(
      `SELECT
         (SELECT count(*) FROM signatures WHERE kind = 'organization' AND organization_key IS NULL
            AND status IN ('unconfirmed', 'in_review', 'confirmed'))
       + (SELECT count(*) FROM signatures s WHERE mailbox_hash IS NULL AND email IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM mailbox_duplicates d WHERE d.signature_id = s.id))
       + (SELECT count(*) FROM signatures WHERE kind = 'individual' AND email IS NULL AND email_hash IS NULL
            AND person_key IS NULL) AS awaiting`,
    )
    .first<{ awaiting: number }>();
  return row?.awaiting ?? 0;
}

/**
 * Dates the signatures of the letters `slugs` made after `at` (ISO 8601 UTC) at `at`: the seed
 * writes a large letter's signatures all at the moment it runs, so the maintenance job's look at
 * the last half hour (storage/maintenance.ts flagBursts) would go over them all, as it never does
 * on a letter whose signatures came over days. Returns how many were dated.
 */
export async function ageSignatures(db: D1Database, slugs: readonly string[], at: string): Promise<number> {
  const result = await db
    .prepare(
      `UPDATE signatures SET created_at = ?2
       WHERE letter_id IN (SELECT id FROM letters WHERE slug IN (SELECT value FROM json_each(?1))) AND created_at > ?2`,
    )
    .bind(JSON.stringify(slugs), at)
    .run();
  return result.meta.changes ?? 0;
}

/** The letter `slug`'s counter of signatures counted (letters.signature_count): one row read; null when there is none. */
export async function countedSignatures(db: D1Database, slug: string): Promise<number | null> {
  const row = await db
    .prepare("SELECT signature_count FROM letters WHERE slug = ?1")
    .bind(slug)
    .first<{ signature_count: number }>();
  return row?.signature_count ?? null;
}
