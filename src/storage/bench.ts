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

/** The letter `slug`'s counter of signatures counted (letters.signature_count): one row read; null when there is none. */
export async function countedSignatures(db: D1Database, slug: string): Promise<number | null> {
  const row = await db
    .prepare("SELECT signature_count FROM letters WHERE slug = ?1")
    .bind(slug)
    .first<{ signature_count: number }>();
  return row?.signature_count ?? null;
}
