/**
 * claimDueRows (src/storage/claims.ts), which the confirmation emails sent again and the delivery
 * notices claim their rows with: two senders at once never take one row, each reads back exactly
 * the rows it took, and neither takes a row another holds until that claim's lease ends.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { claimDueRows } from "../../src/storage/claims";

const TABLE = "claims_test";
const CLAIM = {
  mark: `UPDATE ${TABLE} SET next_attempt_at = ?2, claim = ?4
     WHERE id IN (SELECT id FROM ${TABLE} WHERE next_attempt_at <= ?1 AND kind = ?5 ORDER BY next_attempt_at LIMIT ?3)`,
  read: `SELECT id FROM ${TABLE} WHERE next_attempt_at = ?1 AND claim = ?2 ORDER BY id`,
};

beforeAll(async () => {
  await env.DB.prepare(
    `CREATE TABLE ${TABLE} (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, next_attempt_at TEXT NOT NULL, claim TEXT)`,
  ).run();
  await env.DB.batch(
    Array.from({ length: 7 }, (_, index) =>
      env.DB.prepare(`INSERT INTO ${TABLE} (id, kind, next_attempt_at) VALUES (?1, ?2, ?3)`).bind(
        index + 1,
        index < 6 ? "mail" : "other",
        `2030-01-01T00:0${index}:00.000Z`,
      ),
    ),
  );
});

const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

describe("claiming due rows", () => {
  it("gives two senders at once rows of their own, and none another holds until its lease ends", async () => {
    const now = "2030-01-01T00:10:00.000Z";
    const window = (leaseUntil: string) => ({ now, leaseUntil, limit: 4 });
    const [first, second] = await Promise.all([
      claimDueRows<{ id: number }>(env.DB, CLAIM, window("2030-01-01T00:15:00.000Z"), ["mail"]),
      claimDueRows<{ id: number }>(env.DB, CLAIM, window("2030-01-01T00:15:00.000Z"), ["mail"]),
    ]);
    // Six due of the kind asked for: four to the first claim D1 ran, the other two to the second.
    expect([ids(first).length, ids(second).length].toSorted()).toEqual([2, 4]);
    expect([...ids(first), ...ids(second)].toSorted((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    // Held: nothing is due until the lease ends; then all six are, again.
    expect(await claimDueRows(env.DB, CLAIM, window("2030-01-01T00:20:00.000Z"), ["mail"])).toEqual([]);
    const after = await claimDueRows<{ id: number }>(
      env.DB,
      CLAIM,
      { now: "2030-01-01T00:16:00.000Z", leaseUntil: "2030-01-01T00:30:00.000Z", limit: 10 },
      ["mail"],
    );
    expect(ids(after)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
