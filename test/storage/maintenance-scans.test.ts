/**
 * The maintenance job runs every five minutes (wrangler.jsonc): a statement of
 * it that reads every signature costs the whole table's rows 288 times a day,
 * which D1 bills as rows read (the Free plan allows 5 million a day: issue 17,
 * docs/scaling.md). Its statements over signatures are answered from an index,
 * as SQLite's EXPLAIN QUERY PLAN shows for the queries the job really ran.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { expireUnconfirmed } from "../../src/storage/maintenance";
import { readRecordNodes } from "../../src/storage/record";
import { countingDatabase, type RecordedQuery } from "../helpers";

async function plan(query: RecordedQuery): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .bind(...query.params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail);
}

describe("the maintenance job's expiry of unconfirmed signatures", () => {
  it("seeks each letter's unconfirmed signatures by index instead of reading every signature", async () => {
    const counter = countingDatabase(env.DB);
    await expireUnconfirmed(counter.database, new Date());
    const expiry = counter.recorded().filter((query) => /UPDATE signatures SET status = 'withdrawn'/.test(query.sql));
    expect(expiry).toHaveLength(1);
    const text = (await plan(expiry[0]!)).join("\n");
    expect(text).not.toMatch(/SCAN signatures\b(?! USING)/);
    // Only the expired ones (migrations/0038): not every unconfirmed signature of the letter, to compare its expiry.
    expect(text).toMatch(
      /SEARCH signatures USING (COVERING )?INDEX signatures_unconfirmed_by_expiry \(letter_id=\? AND confirm_expires_at<\?\)/,
    );
    // And the pending counts are moved by the expired ones, found the same way (no recount of every pending signature).
    const counts = counter.recorded().filter((query) => /UPDATE letters SET pending_count/.test(query.sql));
    expect(counts).toHaveLength(1);
    const countPlan = (await plan(counts[0]!)).join("\n");
    expect(countPlan).not.toMatch(/signatures_by_status|SCAN signatures\b(?! USING)/);
    expect(countPlan).toMatch(
      /SEARCH signatures USING (COVERING )?INDEX signatures_unconfirmed_by_expiry \(letter_id=\? AND confirm_expires_at<\?\)/,
    );
  });
});

describe("the record's nodes, read to seal and to prove", () => {
  it("are each sought by their whole key, never the letter's nodes walked once per address", async () => {
    const counter = countingDatabase(env.DB);
    await readRecordNodes(counter.database, 1, [{ level: 0, index: 0 }]).catch(() => undefined);
    const [read] = counter.recorded();
    const text = (await plan(read!)).join("\n");
    expect(text).toMatch(
      /SCAN j VIRTUAL TABLE[\s\S]*SEARCH n USING PRIMARY KEY \(letter_id=\? AND level=\? AND idx=\?\)/,
    );
  });
});
