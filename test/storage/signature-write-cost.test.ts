/**
 * What one signature costs to write (issue 17): D1's meta.rows_written of each
 * statement the signing path runs (src/storage/signatures.ts insertStatements),
 * and of the INSERT into signatures, what each of the table's indexes adds to
 * it. D1 counts every index entry written as a row written, so each index is
 * measured by dropping it, inserting the same kind of signature again and
 * comparing; this file's database is its own (test/apply-migrations.ts), and
 * every index dropped is created again from its own SQL at once.
 * The figures are those docs/scaling.md states.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/domain/crypto";
import { rowCountingDatabase } from "../../src/storage/database";
import { insertStatements, type NewSignature } from "../../src/storage/signatures";
import { createLetter, fetchApp, formBody, individual, SAME_ORIGIN_FORM, stampedForm } from "../helpers";
import { letterIdOf, newSignature } from "../seed";

const db = env.DB;

/** A signer of the form with an email, as the signing code stores one (its keyed hashes are plain SHA-256 here). */
async function formSigner(status: "unconfirmed" | "confirmed"): Promise<NewSignature> {
  const unconfirmed = status === "unconfirmed";
  const signature = await newSignature({
    city: "Tegucigalpa",
    country: "HN",
    status,
    confirmExpiresAt: unconfirmed ? "2099-01-01T00:00:00.000Z" : null,
    emailsSent: unconfirmed ? 1 : 0,
    language: "en",
  });
  return { ...signature, clientHash: await sha256Hex(`client:${signature.email}`) };
}

/** The rows each statement of one signature's batch wrote, in order: the INSERT into signatures first. */
async function rowsWritten(letterId: number, signature: NewSignature): Promise<number[]> {
  const { statements } = insertStatements(db, letterId, signature);
  const results = await db.batch(statements);
  expect(results.at(-1)?.meta.changes, "the signature was counted").toBe(1);
  return results.map((result) => result.meta.rows_written);
}

const sum = (rows: number[]) => rows.reduce((total, row) => total + row, 0);

/** The tables one signature's batch writes to (src/storage/signatures.ts insertStatements). */
const TABLES = ["signatures", "record_entries", "webhook_deliveries", "letters", "delivery_notices"];

async function indexesOn(table: string): Promise<{ name: string; sql: string | null }[]> {
  const { results } = await db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 ORDER BY name")
    .bind(table)
    .all<{ name: string; sql: string | null }>();
  return results;
}

/**
 * What each declared index of TABLES adds to one signature's whole batch (index name → rows): the
 * batch's rows written with the index, less those without it. An index made by a UNIQUE or PRIMARY
 * KEY constraint (sqlite_autoindex_*, no sql) cannot be dropped; it is not in the map.
 */
async function costPerIndex(letterId: number, signer: () => Promise<NewSignature>): Promise<Map<string, number>> {
  const baseline = sum(await rowsWritten(letterId, await signer()));
  const costs = new Map<string, number>();
  for (const table of TABLES)
    for (const index of await indexesOn(table)) {
      if (index.sql === null) continue;
      await db.prepare(`DROP INDEX ${index.name}`).run();
      try {
        costs.set(index.name, baseline - sum(await rowsWritten(letterId, await signer())));
      } finally {
        await db.prepare(index.sql).run();
      }
    }
  return costs;
}

/** The indexes of `costs` that cost a row, each with its cost. */
const entered = (costs: Map<string, number>) => Object.fromEntries([...costs].filter(([, rows]) => rows > 0));

describe("one signature's writes (issue 17, docs/scaling.md)", () => {
  it("are its row, one entry per index it is in, and the record, webhook and counter rows: measured index by index", async () => {
    const letterId = await letterIdOf((await createLetter()).slug);
    // The table's own constraints: the token (public ref), and the random link secrets of signatures
    // from before derived links. Every row has an entry in each, NULL or not.
    expect((await indexesOn("signatures")).filter((index) => index.sql === null).map((index) => index.name)).toEqual([
      "sqlite_autoindex_signatures_1",
      "sqlite_autoindex_signatures_2",
      "sqlite_autoindex_signatures_3",
    ]);
    const constraints = 3;

    // A signer of the form who confirms by email (unconfirmed until then).
    const toConfirm = await costPerIndex(letterId, () => formSigner("unconfirmed"));
    const everyRow = {
      signatures_by_letter: 1,
      signatures_by_status: 1,
      signatures_by_time: 1,
      signatures_one_per_email: 1,
      signatures_one_per_email_hash: 1,
      signatures_one_per_mailbox: 1,
    };
    // Until confirmed, it is in the index the maintenance job finds expired links by (migrations/0038).
    const waiting = { ...everyRow, signatures_unconfirmed_by_expiry: 1 };
    expect(entered(toConfirm)).toEqual(waiting);
    const unconfirmed = await rowsWritten(letterId, await formSigner("unconfirmed"));
    // The INSERT: the row, its 3 constraint entries and 7 index entries; the counters' UPDATE: 1.
    expect(unconfirmed).toEqual([1 + constraints + 7, 1]);
    // With the delivery notice's consent, stored by a second statement that enters one index more.
    const consenting = async () => ({ ...(await formSigner("unconfirmed")), notifyDelivery: true });
    expect(entered(await costPerIndex(letterId, consenting))).toEqual({ ...waiting, signatures_delivery_consent: 1 });
    expect(await rowsWritten(letterId, await consenting())).toEqual([11, 2, 1]);

    // A signer counted at once (no mailer, or an import): public, with its record entry (the row and
    // record_entries_by_ref); the webhook's INSERT writes nothing on a letter without one.
    const counted = await rowsWritten(letterId, await formSigner("confirmed"));
    expect(counted).toEqual([1 + constraints + 8, 2, 0, 1]);
    // And on a letter with a webhook: its outbox row too.
    await db
      .prepare("UPDATE letters SET webhook_url = 'https://hooks.example.org/x' WHERE id = ?1")
      .bind(letterId)
      .run();
    expect(entered(await costPerIndex(letterId, () => formSigner("confirmed")))).toEqual({
      ...everyRow,
      signatures_public_listing: 1,
      signatures_public_by_country: 1,
      record_entries_by_ref: 1,
      webhook_deliveries_due: 1,
      webhook_deliveries_by_letter: 1,
    });
    expect(await rowsWritten(letterId, await formSigner("confirmed"))).toEqual([12, 2, 3, 1]);
  });
});

describe("a signature through the form", () => {
  it("writes in its signing batch the rows measured above: 12 to confirm by email, 15 counted at once", async () => {
    const letter = await createLetter();
    /** The rows the batch holding the INSERT INTO signatures wrote, for one signer of the form. */
    const signingBatch = async (mailer: string) => {
      let written: number | null = null;
      const database = rowCountingDatabase(env.DB, (call) => {
        if (call.method === "batch" && call.statements.some(({ sql }) => sql.includes("INSERT INTO signatures")))
          written = sum(call.statements.map((statement) => statement.rowsWritten));
      });
      const response = await fetchApp(
        `/letters/${letter.slug}/signatures`,
        { DB: database, MAILER: mailer, CACHE_MAX_AGE: "0" },
        {
          method: "POST",
          headers: SAME_ORIGIN_FORM,
          body: formBody(await stampedForm(letter.slug, individual({ country: "HN" }))),
          redirect: "manual",
        },
      );
      expect(response.status).toBe(303);
      return written;
    };
    expect(await signingBatch("local")).toBe(12);
    expect(await signingBatch("")).toBe(15);
  });
});
