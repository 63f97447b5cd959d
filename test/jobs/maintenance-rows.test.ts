/**
 * What the maintenance job reads (issue 17): it runs every five minutes, 288 times a day, and D1
 * bills each row a statement reads (the Free plan allows 5 million a day). A run with nothing new
 * reads rows in proportion to the letters, never to their signatures; a run after a burst reads
 * rows in proportion to the burst, never to its square. Rows are D1's own meta.rows_read.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { appDeps } from "../../src/app/deps";
import { readSettings } from "../../src/env";
import { runMaintenance } from "../../src/jobs/maintenance";
import { rowCountingDatabase } from "../../src/storage/database";
import { flagBursts } from "../../src/storage/maintenance";
import { createLetter, runStatements } from "../helpers";
import { seedSignatures } from "../seed";

/** Runs the job once at `now`, and returns the rows each statement read (by SQL), and their sum. */
async function measuredRun(now: Date): Promise<{ total: number; bySql: Map<string, number> }> {
  const bySql = new Map<string, number>();
  let total = 0;
  const db = rowCountingDatabase(env.DB, (call) => {
    for (const { sql, rowsRead } of call.statements) {
      total += rowsRead;
      bySql.set(sql, (bySql.get(sql) ?? 0) + rowsRead);
    }
  });
  await runMaintenance(appDeps(env, readSettings(env), { db, now: () => now }), now);
  return { total, bySql };
}

/** The statements that read the most, for a failure's message. */
function heaviest(run: { bySql: Map<string, number> }): string {
  return [...run.bySql]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([sql, rows]) => `${rows} rows: ${sql.replace(/\s+/g, " ").slice(0, 160)}`)
    .join("\n");
}

/** Signatures from one connection, as a burst of the form makes them (seedSignatures gives each its own client). */
async function fromOneConnection(slug: string, count: number, status: "confirmed" | "unconfirmed" = "confirmed") {
  const seeded = await seedSignatures(
    slug,
    Array.from({ length: count }, () => ({ status })),
  );
  await runStatements([
    `UPDATE signatures SET client_hash = 'one-connection' WHERE id IN (${seeded.map((row) => row.id).join(",")})`,
  ]);
  return seeded;
}

describe("the maintenance job's rows read", () => {
  it("reads no more with nothing new on a letter of many signatures than on one of few", async () => {
    const letter = await createLetter();
    await seedSignatures(
      letter.slug,
      Array.from({ length: 40 }, () => ({ status: "unconfirmed" as const })),
    );
    await seedSignatures(
      letter.slug,
      Array.from({ length: 40 }, () => ({})),
    );
    // Long after they were made: the last half hour holds none of them.
    const later = new Date(Date.now() + 3 * 3_600_000);
    await measuredRun(later);
    const few = await measuredRun(later);

    await seedSignatures(
      letter.slug,
      Array.from({ length: 400 }, () => ({ status: "unconfirmed" as const })),
    );
    await seedSignatures(
      letter.slug,
      Array.from({ length: 800 }, () => ({})),
    );
    await measuredRun(later);
    const many = await measuredRun(later);
    expect(many.total, `with 1,200 signatures more, an idle run read:\n${heaviest(many)}`).toBe(few.total);
  });

  it("reads none of the last minutes' signatures again when nothing was signed since its last run", async () => {
    const letter = await createLetter();
    const now = new Date(Date.now() + 60_000);
    await measuredRun(now);
    const before = await measuredRun(now);
    await seedSignatures(
      letter.slug,
      Array.from({ length: 300 }, () => ({})),
    );
    // The run after them looks at them (and seals their record entries); the next has nothing new to look at.
    await measuredRun(new Date(now.getTime() + 60_000));
    const after = await measuredRun(new Date(now.getTime() + 120_000));
    expect(after.total, `with 300 signatures of the last minutes, an idle run read:\n${heaviest(after)}`).toBe(
      before.total,
    );
  });

  it("reads a burst from one connection once per signature, not once per pair", async () => {
    const small = await createLetter();
    const large = await createLetter();
    const now = new Date(Date.now() + 60_000);
    await measuredRun(now);
    await fromOneConnection(small.slug, 50);
    const fifty = await measuredRun(now);
    await fromOneConnection(large.slug, 400);
    const fourHundred = await measuredRun(now);
    // Both were flagged as they were before (test/jobs/maintenance.test.ts holds what a burst is).
    const flagged = await env.DB.prepare(
      "SELECT count(*) AS n FROM signatures WHERE flag = 'many-from-one-connection' AND client_hash = 'one-connection'",
    ).first<number>("n");
    expect(flagged).toBe(450);
    // Eight times the signatures: the second run reads at most about eight times the first's rows, not 64.
    expect(fourHundred.total, `a burst of 400 read:\n${heaviest(fourHundred)}`).toBeLessThan(12 * fifty.total);
  });

  it("flags the same signatures as counting each one's neighbours did: SUSPICION_WINDOW_MINUTES either side, ends included", async () => {
    const letter = await createLetter();
    const base = Date.parse("2031-05-01T12:00:00.000Z");
    // Minutes after `base` of each signature of one client: 5 from a client within 10 minutes of one is a burst.
    const clients: Record<string, number[]> = {
      steady: [0, 3, 6, 9, 10],
      spread: [0, 6, 12, 18, 24],
      // Only the one at 3 has 5 within 10 minutes, the one at 13 exactly 10 minutes away among them.
      edge: [0, 1, 2, 3, 13],
    };
    const ids: Record<string, number[]> = {};
    for (const [client, minutes] of Object.entries(clients)) {
      const seeded = await seedSignatures(
        letter.slug,
        minutes.map(() => ({})),
      );
      ids[client] = seeded.map((row) => row.id);
      await runStatements(
        seeded.map(
          (row, index) =>
            `UPDATE signatures SET client_hash = '${client}-${letter.slug}',
               created_at = '${new Date(base + minutes[index]! * 60_000).toISOString()}' WHERE id = ${row.id}`,
        ),
      );
    }
    expect(await flagBursts(env.DB, new Date(base + 20 * 60_000), 30)).toBe(6);
    const flags = async (client: string) =>
      (
        await env.DB.prepare(
          `SELECT flag FROM signatures WHERE id IN (${ids[client]!.join(",")}) ORDER BY created_at, id`,
        ).all<{ flag: string | null }>()
      ).results.map((row) => row.flag);
    expect(await flags("steady")).toEqual(Array(5).fill("many-from-one-connection"));
    expect(await flags("spread")).toEqual(Array(5).fill(null));
    expect(await flags("edge")).toEqual([null, null, null, "many-from-one-connection", null]);
  });
});
