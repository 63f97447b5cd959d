/**
 * The imports' storage against the real local D1: a batch run twice writes
 * nothing the second time; the lookups of existing signatures are index
 * seeks, a statement per thousand rows; old rows are erased.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { guessMapping, readImportTable } from "../../src/domain/signature-import";
import { newSignatureRef } from "../../src/domain/link-secrets";
import {
  allImportRows,
  BatchAlreadyImported,
  eraseOldImports,
  existingMailboxes,
  existingOrganizations,
  findImport,
  importBatch,
  insertImport,
  pendingImportRows,
  beginCheck,
  saveCheckStep,
  type BatchRow,
} from "../../src/storage/imports";
import { rowCountingDatabase } from "../../src/storage/database";
import { createLetter, rowsReadCounter } from "../helpers";
import { letterIdOf, seedSignatures } from "../seed";

const db = env.DB;

async function importOf(slug: string, text: string) {
  const letterId = await letterIdOf(slug);
  const table = readImportTable(text);
  const id = await insertImport(db, letterId, {
    fileName: "t.csv",
    createdBy: "session",
    delimiter: table.delimiter,
    header: table.header,
    rows: table.rows,
    mapping: guessMapping(table.header),
    reading: null,
  });
  return { letterId, id, mapping: guessMapping(table.header) };
}

function batchOf(rows: { id: number }[], importId: number): BatchRow[] {
  return rows.map((row, index) => ({
    rowId: row.id,
    signature: {
      kind: "individual",
      name: `Batch ${index}`,
      organization: null,
      title: null,
      city: null,
      country: null,
      website: null,
      contactName: null,
      contactRole: null,
      authorized: false,
      email: null,
      emailHash: null,
      mailboxHash: null,
      isPublic: true,
      channel: "import",
      importId,
      ref: newSignatureRef(),
      status: "confirmed",
      clientHash: null,
      confirmExpiresAt: null,
      emailsSent: 0,
    },
  }));
}

describe("a batch", () => {
  it("run twice stores its rows once: the second run fails whole and writes nothing", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const { letterId, id, mapping } = await importOf(letter.slug, "Name\nA\nB\nC\n");
    const rows = await allImportRows(db, id);
    const run = await beginCheck(db, id, mapping);
    expect(
      await saveCheckStep(db, id, {
        run: run!,
        after: 0,
        last: rows.at(-1)!.line,
        checks: rows.map((row) => ({ id: row.id, outcome: "valid", reason: null })),
        done: true,
      }),
    ).toBe(true);
    await db.prepare("UPDATE imports SET state = 'running' WHERE id = ?1").bind(id).run();
    // Both runs read the same pending rows (two tabs pressing Continue at once).
    const first = batchOf(rows, id);
    const second = batchOf(rows, id);
    expect(await importBatch(db, letterId, id, first)).toEqual([true, true, true]);
    await expect(importBatch(db, letterId, id, second)).rejects.toBeInstanceOf(BatchAlreadyImported);
    const counted = await db
      .prepare(
        "SELECT signature_count, (SELECT count(*) FROM signatures WHERE import_id = ?2) AS rows FROM letters WHERE id = ?1",
      )
      .bind(letterId, id)
      .first();
    expect(counted).toEqual({ signature_count: 3, rows: 3 });
    expect(await findImport(db, letterId, id)).toMatchObject({ importedCount: 3, pendingCount: 0 });
  });
});

describe("the lookups of existing signatures", () => {
  it("find mailboxes among individuals and organizations by key, by index seeks", async () => {
    const letter = await createLetter({ organizations: ["Lead Org"] });
    const letterId = await letterIdOf(letter.slug);
    const [ana] = await seedSignatures(letter.slug, [
      { name: "Ana", email: "ana@example.org" },
      { kind: "organization", name: "Red Hondureña", email: "red@example.org" },
    ]);
    const row = await db
      .prepare("SELECT mailbox_hash FROM signatures WHERE token = ?1")
      .bind(ana!.ref)
      .first<{ mailbox_hash: string }>();
    const hashes = [row!.mailbox_hash, ...Array.from({ length: 2_500 }, (_, index) => `nobody-${index}`)];
    expect([...(await existingMailboxes(db, letterId, hashes))]).toEqual([row!.mailbox_hash]);
    expect([...(await existingOrganizations(db, letterId, ["red hondurena", "other"]))]).toEqual(["red hondurena"]);

    for (const [sql, index] of [
      [
        "SELECT mailbox_hash AS value FROM signatures WHERE letter_id = ?1 AND kind = 'individual' AND mailbox_hash IN (SELECT value FROM json_each(?2))",
        "signatures_one_per_mailbox",
      ],
      [
        "SELECT organization_key AS value FROM signatures WHERE letter_id = ?1 AND organization_key IN (SELECT value FROM json_each(?2))",
        "signatures_one_per_organization",
      ],
    ] as const) {
      const { results } = await db.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(letterId, "[]").all<{ detail: string }>();
      const plan = results.map((step) => step.detail).join("\n");
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/SCAN signatures(?! USING)/);
    }
  });
});

describe("a step's statements", () => {
  it("seek the step's rows, never walk every row of the import (10,000 rows, hundreds of steps)", async () => {
    const plans: Record<string, string> = {};
    for (const [name, sql, binds] of [
      [
        "check step's results",
        `UPDATE import_rows SET outcome = json_extract(j.value, '$[1]') FROM json_each(?2) AS j
         WHERE import_rows.id = +json_extract(j.value, '$[0]') AND +import_rows.import_id = ?1`,
        [1, "[]"],
      ],
      [
        "check step's rows",
        "SELECT id FROM import_rows WHERE import_id = ?1 AND line > ?2 ORDER BY line LIMIT ?3",
        [1, 0, 51],
      ],
      [
        "batch's claim",
        "UPDATE import_rows SET state = 'taken' WHERE id IN (SELECT value FROM json_each(?2)) AND +import_id = ?1 AND state != 'pending'",
        [1, "[]"],
      ],
      [
        "signers' first rows",
        "SELECT line FROM import_rows WHERE import_id = ?1 AND duplicate_key IN (SELECT value FROM json_each(?2))",
        [1, "[]"],
      ],
    ] as const) {
      const { results } = await db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...binds)
        .all<{ detail: string }>();
      plans[name] = results.map((step) => step.detail).join("; ");
    }
    for (const plan of Object.values(plans)) {
      expect(plan).not.toMatch(/SCAN import_rows|TEMP B-TREE/);
      expect(plan).not.toMatch(/SEARCH import_rows USING (COVERING )?INDEX \S+ \(import_id=\?\)/);
    }
    expect(plans["check step's results"]).toContain("SEARCH import_rows USING INTEGER PRIMARY KEY (rowid=?)");
    expect(plans["signers' first rows"]).toContain("import_rows_one_per_signer");
  });
});

describe("an import's steps (issue 17)", () => {
  it("read rows in proportion to the step, whatever the import's size: counts kept on the import, not counted", async () => {
    /** Rows read by the last batch of 20 of an import of `size` rows, with the import read again after it (as moveImport does). */
    const lastBatchOf = async (size: number) => {
      const letter = await createLetter({ confirmSignatures: false });
      const text = `Name\n${Array.from({ length: size }, (_, index) => `Person ${index}`).join("\n")}\n`;
      const { letterId, id, mapping } = await importOf(letter.slug, text);
      const rows = await allImportRows(db, id);
      const run = await beginCheck(db, id, mapping);
      await saveCheckStep(db, id, {
        run: run!,
        after: 0,
        last: rows.at(-1)!.line,
        checks: rows.map((row) => ({ id: row.id, outcome: "valid", reason: null })),
        done: true,
      });
      await db.prepare("UPDATE imports SET state = 'running' WHERE id = ?1").bind(id).run();
      const counter = rowsReadCounter(db);
      let pending = await pendingImportRows(db, id, 20);
      while (pending.length > 0) {
        counter.reset();
        // Named after its row: each a signer of its own (batchOf's names repeat from one batch to the next).
        const batch = batchOf(pending, id).map((row) =>
          "signature" in row ? { ...row, signature: { ...row.signature, name: `Row ${row.rowId}` } } : row,
        );
        await importBatch(counter.database, letterId, id, batch);
        const after = await findImport(counter.database, letterId, id);
        expect(after).toMatchObject({ importedCount: size - after!.pendingCount, validCount: size });
        pending = await pendingImportRows(db, id, 20);
      }
      expect(await findImport(db, letterId, id)).toMatchObject({ importedCount: size, pendingCount: 0 });
      return counter.read();
    };
    const small = await lastBatchOf(60);
    const large = await lastBatchOf(600);
    expect(large, `rows read by a batch of 20: ${small} in an import of 60 rows, ${large} in one of 600`).toBe(small);
  });
});

describe("an imported row's writes (issue 17)", () => {
  it("are its signature's (test/storage/signature-write-cost.test.ts), its row's move, and the import's counts once a batch", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const { letterId, id, mapping } = await importOf(
      letter.slug,
      "Name,Email\nAna,ana@example.org\nBea,bea@example.org\n",
    );
    const rows = await allImportRows(db, id);
    const run = await beginCheck(db, id, mapping);
    await saveCheckStep(db, id, {
      run: run!,
      after: 0,
      last: rows.at(-1)!.line,
      checks: rows.map((row) => ({ id: row.id, outcome: "valid", reason: null, duplicateKey: `m:${row.id}` })),
      done: true,
    });
    await db.prepare("UPDATE imports SET state = 'running' WHERE id = ?1").bind(id).run();
    const written: number[] = [];
    const counted = rowCountingDatabase(db, (call) => {
      if (call.method === "batch") written.push(...call.statements.map((statement) => statement.rowsWritten));
    });
    const [row] = batchOf([rows[0]!], id);
    const signature = {
      ...(row as Extract<BatchRow, { signature: unknown }>).signature,
      email: "ana@example.org",
      emailHash: "0".repeat(64),
      mailboxHash: "1".repeat(64),
      country: "HN",
    };
    expect(await importBatch(counted, letterId, id, [{ rowId: rows[0]!.id, signature }])).toEqual([true]);
    expect(written).toEqual([
      // The claim: nothing while its rows are pending (it only makes a batch run twice fail).
      0,
      // The import's counts, the batch's rows taken out of them.
      1,
      // The signature, counted at once: its row, its 3 constraints' and 9 indexes' entries (the 6 of a signer of
      // the form without a client, signatures_by_import, and the public listing's two), its record entry and
      // its index, no webhook (the letter has none), the letter's counters.
      13, 2, 0, 1,
      // The import row: imported (its row and its move in import_rows_by_state).
      3,
      // The import's counts, the batch's rows put back in, and the time of its last batch.
      2,
    ]);
  });
});

describe("erasing", () => {
  it("erases the cells of imports done before the cutoff, and deletes imports never run", async () => {
    const letter = await createLetter();
    const done = await importOf(letter.slug, "Name,Email\nAna,ana@example.org\n");
    const unrun = await importOf(letter.slug, "Name,Email\nBea,bea@example.org\n");
    await db
      .prepare("UPDATE imports SET state = 'done', finished_at = '2020-01-01T00:00:00.000Z' WHERE id = ?1")
      .bind(done.id)
      .run();
    await db.prepare("UPDATE imports SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ?1").bind(unrun.id).run();
    const cutoff = "2021-01-01T00:00:00.000Z";
    const result = await eraseOldImports(db, { doneBefore: cutoff, madeBefore: cutoff });
    expect(result.erased).toBeGreaterThanOrEqual(1);
    expect((await allImportRows(db, done.id)).map((row) => row.cells)).toEqual([null]);
    expect((await findImport(db, done.letterId, done.id))?.erasedAt).not.toBeNull();
    expect(await findImport(db, unrun.letterId, unrun.id)).toBeNull();
    expect(await allImportRows(db, unrun.id)).toEqual([]);
  });
});
