/**
 * rowCountingDatabase (src/storage/database.ts), which the bench's figures and the tests of rows
 * read and written (issue 17) all count with: each call reported once with D1's own
 * meta.rows_read and meta.rows_written per statement, `.first()` counted like `.all()` and
 * answering as before, a batch statement by statement, `.raw()` and a failed call reported
 * without rows.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { rowCountingDatabase, type CountedCall } from "../../src/storage/database";

const TABLE = "counting_rows";
const insert = `INSERT INTO ${TABLE} (value) VALUES (?1)`;
const count = `SELECT count(*) AS n FROM ${TABLE}`;
const none = `SELECT * FROM ${TABLE} WHERE value = ?1`;

beforeAll(async () => {
  await env.DB.prepare(`CREATE TABLE ${TABLE} (id INTEGER PRIMARY KEY, value TEXT NOT NULL)`).run();
  await env.DB.batch([env.DB.prepare(insert).bind("a"), env.DB.prepare(insert).bind("b")]);
});

/** A counting binding over the test's D1, and the calls it reported. */
function counted() {
  const calls: CountedCall[] = [];
  return { db: rowCountingDatabase(env.DB, (call) => calls.push(call)), calls };
}

describe("a row-counting D1 binding", () => {
  it("counts .first() like .all(), and answers as .first() would", async () => {
    const countCost = (await env.DB.prepare(count).all()).meta;
    const noneCost = (await env.DB.prepare(none).bind("nobody").all()).meta;
    expect(countCost.rows_read).toBeGreaterThan(0);
    const { db, calls } = counted();
    expect(await db.prepare(count).first()).toEqual({ n: 2 });
    expect(await db.prepare(count).first("n")).toBe(2);
    expect(await db.prepare(none).bind("nobody").first()).toBeNull();
    expect((await db.prepare(count).all()).results).toEqual([{ n: 2 }]);
    expect(calls).toEqual([
      { method: "first", statements: [{ sql: count, rowsRead: countCost.rows_read, rowsWritten: 0 }], rows: "meta" },
      { method: "first", statements: [{ sql: count, rowsRead: countCost.rows_read, rowsWritten: 0 }], rows: "meta" },
      { method: "first", statements: [{ sql: none, rowsRead: noneCost.rows_read, rowsWritten: 0 }], rows: "meta" },
      { method: "all", statements: [{ sql: count, rowsRead: countCost.rows_read, rowsWritten: 0 }], rows: "meta" },
    ]);
  });

  it("reports a batch's statements one by one, in order, as one call", async () => {
    const { db, calls } = counted();
    const results = await db.batch([db.prepare(insert).bind("c"), db.prepare(count)]);
    expect(results[1]!.results).toEqual([{ n: 3 }]);
    expect(calls).toEqual([
      {
        method: "batch",
        statements: [
          { sql: insert, rowsRead: results[0]!.meta.rows_read, rowsWritten: results[0]!.meta.rows_written },
          { sql: count, rowsRead: results[1]!.meta.rows_read, rowsWritten: 0 },
        ],
        rows: "meta",
      },
    ]);
    expect(results[0]!.meta.rows_written).toBeGreaterThan(0);
  });

  it("reports .raw() and a failed call without rows, and answers or throws as D1 does", async () => {
    const { db, calls } = counted();
    expect(await db.prepare(`SELECT value FROM ${TABLE} WHERE value = 'a'`).raw()).toEqual([["a"]]);
    await expect(db.prepare(`INSERT INTO ${TABLE} (value) VALUES (NULL)`).run()).rejects.toThrow(/NOT NULL/);
    await expect(db.prepare(count).first("nothing")).rejects.toThrow(/D1_COLUMN_NOTFOUND/);
    expect(calls.map(({ method, rows, statements }) => ({ method, rows, rowsRead: statements[0]!.rowsRead }))).toEqual([
      { method: "raw", rows: "raw", rowsRead: 0 },
      { method: "run", rows: "failed", rowsRead: 0 },
      { method: "first", rows: "meta", rowsRead: expect.any(Number) as number },
    ]);
  });
});
