/**
 * What organizers' pages and downloads cost in D1 rows read (D1's billing
 * unit: each result's `meta.rows_read`), on seeded letters of two sizes: a
 * page of the signatures list, with or without a filter or a search, reads
 * as many rows on a letter three times as large; the CSV file and the
 * delivery document read about one row per signature they hold.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedLetterStatements } from "../../src/storage/seed";
import { fetchApp, rowsReadCounter, runStatements, sessionAs, uniqueSlug, type PersonSession } from "../helpers";

/** The rows read to answer an organizer's GET of `path`, and the response's text. */
async function rowsReadBy(session: PersonSession, path: string): Promise<{ rows: number; text: string }> {
  const counter = rowsReadCounter();
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

/** Rows read by the same page of both letters. */
async function bothSizes(path: (slug: string) => string) {
  const a = await rowsReadBy(session, path(small));
  const b = await rowsReadBy(session, path(large));
  return { small: a, large: b };
}

describe("rows read by the organizers' signatures list", () => {
  it("do not grow with the letter's size, unfiltered, by status or flag", async () => {
    for (const query of ["", "?status=confirmed", "?status=in_review", "?flagged=1", "?kind=organization"]) {
      const { small: a, large: b } = await bothSizes((slug) => `/admin/letters/${slug}/signatures${query}`);
      expect(b.rows, query).toBeLessThanOrEqual(a.rows + 10);
      expect(b.rows, query).toBeLessThan(3_000);
    }
  });

  it("say how many match: the letter's counters for the counted ones, else up to 1,000", async () => {
    const list = `/admin/letters/${large}/signatures`;
    // Unfiltered: the counted and waiting ones from the counters, as the header says, and the set-aside ones.
    expect((await rowsReadBy(session, list)).text).toContain("36,000 signatures match.");
    expect((await rowsReadBy(session, `${list}?status=confirmed`)).text).toContain("36,000 signatures match.");
    expect((await rowsReadBy(session, `${list}?status=confirmed&kind=organization`)).text).toContain(
      "20 signatures match.",
    );
    expect((await rowsReadBy(session, `${list}?status=in_review`)).text).toContain("0 signatures match.");
  });

  it("do not grow with the letter's size for a search, found or not", async () => {
    for (const q of ["Person 11000", "nobody by that name"]) {
      const { small: a, large: b } = await bothSizes(
        (slug) => `/admin/letters/${slug}/signatures?${new URLSearchParams({ q })}`,
      );
      expect(b.rows, q).toBeLessThanOrEqual(a.rows + 10);
      expect(b.rows, q).toBeLessThan(2 * 10_000 + 3_000);
      // It says what it looked through, and goes on where it stopped.
      expect(b.text, q).toContain("10,000 newest");
      expect(b.text, q).toContain("Older signatures are not searched yet.");
      expect(b.text, q).toContain("Go on with this search in older signatures");
      // A bulk change of everything that matches is not only the window's: it says so.
      expect(b.text, q).toContain("All that match, among every signature of the letter");
    }
  });

  it("find an old signature by following the search to older signatures", async () => {
    let path = `/admin/letters/${small}/signatures?${new URLSearchParams({ q: "Person 15" })}`;
    const found: string[] = [];
    for (let pages = 0; pages < 5 && path; pages++) {
      const { text } = await rowsReadBy(session, path);
      found.push(...[...text.matchAll(/>(Person 15\d*)</g)].map((match) => match[1]!));
      path = /href="([^"]*before=[^"]*)"/.exec(text)?.[1]?.replaceAll("&amp;", "&") ?? "";
    }
    expect(found).toContain("Person 15");
    expect(found).toContain("Person 1500");
  });
});

describe("rows read by the downloads", () => {
  it("are about one per signature in the CSV file and the delivery document", { timeout: 60_000 }, async () => {
    for (const path of ["signatures.csv", "delivery"]) {
      const { rows } = await rowsReadBy(session, `/admin/letters/${small}/${path}`);
      expect(rows / SMALL, path).toBeLessThan(1.1);
    }
  });
});
