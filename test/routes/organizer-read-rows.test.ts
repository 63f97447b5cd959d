/**
 * What organizers' pages and downloads cost in D1 rows read (D1's billing
 * unit: each result's `meta.rows_read`), on seeded letters of two sizes: a
 * page of the signatures list, with or without a filter or a search, reads
 * as many rows on a letter three times as large; the CSV file and the
 * delivery document read about one row per signature they hold.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { firstFromAll, interceptDatabase } from "../../src/storage/database";
import { seedLetterStatements } from "../../src/storage/seed";
import { fetchApp, runStatements, sessionAs, uniqueSlug, type PersonSession } from "../helpers";

/** D1 whose results' rows read are summed (`.first()` made with `.all()`, whose result carries D1's meta). */
function rowCountingDatabase() {
  let read = 0;
  const database = interceptDatabase(env.DB, async (call, invoke) => {
    if (call.method === "first" && call.all) {
      const result = await call.all();
      read += result.meta.rows_read;
      return firstFromAll(result, call.args[0] as string | undefined);
    }
    const result = await invoke();
    if (call.method === "batch") for (const each of result as D1Result[]) read += each.meta.rows_read;
    else if (call.method !== "raw") read += (result as D1Result).meta.rows_read;
    return result;
  });
  return { database, read: () => read };
}

/** The rows read to answer an organizer's GET of `path`, and the response's text. */
async function rowsReadBy(session: PersonSession, path: string): Promise<{ rows: number; text: string }> {
  const counter = rowCountingDatabase();
  const response = await fetchApp(path, { DB: counter.database }, { headers: { Cookie: session.cookie } });
  const text = await response.text();
  expect(response.status, path).toBe(200);
  return { rows: counter.read(), text };
}

const SMALL = 12_000;
const LARGE = 36_000;
const ORGANIZATIONS = 20;
let small = "";
let large = "";
let session: PersonSession;

beforeAll(async () => {
  small = uniqueSlug("rows-small");
  large = uniqueSlug("rows-large");
  await runStatements(await seedLetterStatements(small, ORGANIZATIONS, SMALL - ORGANIZATIONS));
  await runStatements(await seedLetterStatements(large, ORGANIZATIONS, LARGE - ORGANIZATIONS));
  session = await sessionAs("owner");
});

describe("rows read by the downloads", () => {
  it("are about one per signature in the CSV file and the delivery document", { timeout: 60_000 }, async () => {
    for (const path of ["signatures.csv", "delivery"]) {
      const { rows } = await rowsReadBy(session, `/admin/letters/${small}/${path}`);
      expect(rows / SMALL, path).toBeLessThan(1.1);
    }
  });
});
