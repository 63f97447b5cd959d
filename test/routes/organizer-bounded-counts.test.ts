/**
 * Organizer reads left over from issue 17 whose rows read grew with the letter: the API's counts
 * per partner attribution (`/sources`) and the bulk review's counts of everything a filter matches.
 * Each now reads as many rows on a letter three times as large, and says what it counted: a window
 * of the newest signatures with the cursor to the next, or "more than" past a bound.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedLetterStatements } from "../../src/storage/seed";
import {
  fetchApp,
  formBody,
  parseHtml,
  rowsReadCounter,
  runStatements,
  SAME_ORIGIN_FORM,
  sessionAs,
  uniqueSlug,
  type PersonSession,
} from "../helpers";

/** The rows read to answer an organizer's request, and the response's text. */
async function rowsReadBy(path: string, init: RequestInit = {}): Promise<{ rows: number; text: string }> {
  const counter = rowsReadCounter();
  const headers = new Headers(init.headers);
  headers.set("Cookie", session.cookie);
  const response = await fetchApp(path, { DB: counter.database }, { ...init, headers });
  const text = await response.text();
  expect(response.status, path).toBe(200);
  return { rows: counter.read(), text };
}

const SMALL = 12_000;
const LARGE = 36_000;
let small = "";
let large = "";
let session: PersonSession;

beforeAll(async () => {
  small = uniqueSlug("bounded-small");
  large = uniqueSlug("bounded-large");
  await runStatements(await seedLetterStatements(small, 20, SMALL - 20));
  await runStatements(await seedLetterStatements(large, 20, LARGE - 20));
  session = await sessionAs("owner");
});

interface SourcesBody {
  sources: { source: string | null; total: number; confirmed?: number }[];
  covers: { signatures: number; all: boolean };
  next_before: number | null;
}

describe("the API's counts per partner attribution", () => {
  it("read as many rows on a letter three times as large, and say what they covered", async () => {
    const a = await rowsReadBy(`/admin/api/letters/${small}/sources`);
    const b = await rowsReadBy(`/admin/api/letters/${large}/sources`);
    expect(b.rows).toBeLessThanOrEqual(a.rows + 10);
    // The window's rows, read once through the index and once more grouped (SQLite materializes the window).
    expect(b.rows).toBeLessThan(2 * 10_000 + 100);
    const body = JSON.parse(b.text) as SourcesBody;
    expect(body.covers).toEqual({ signatures: 10_000, all: false });
    expect(body.sources).toEqual([{ source: null, total: 10_000, confirmed: 10_000 }]);
    expect(body.next_before).toEqual(expect.any(Number));
  });

  it("add up to the letter's signatures, a window at a time, the last one saying so", async () => {
    let total = 0;
    let path: string | null = `/admin/api/letters/${large}/sources`;
    const windows: SourcesBody["covers"][] = [];
    for (let pages = 0; path && pages < 10; pages++) {
      const body = JSON.parse((await rowsReadBy(path)).text) as SourcesBody;
      total += body.sources.reduce((sum, source) => sum + source.total, 0);
      windows.push(body.covers);
      path =
        typeof body.next_before !== "number" ? null : `/admin/api/letters/${large}/sources?before=${body.next_before}`;
    }
    expect(total).toBe(LARGE);
    expect(windows.map((window) => window.signatures)).toEqual([10_000, 10_000, 10_000, 6_000]);
    // Only an answer that covers the whole letter says "all".
    expect(windows.every((window) => !window.all)).toBe(true);
  });

  it("refuse a cursor that is not one (400)", async () => {
    const counter = rowsReadCounter();
    const response = await fetchApp(
      `/admin/api/letters/${small}/sources?before=yesterday`,
      { DB: counter.database },
      { headers: { Cookie: session.cookie } },
    );
    expect(response.status).toBe(400);
    expect((await response.json<{ error: { code: string } }>()).error.code).toBe("cursorInvalid");
  });
});

describe("the bulk review's counts of everything a filter matches", () => {
  function review(slug: string, filter: Record<string, string>) {
    return rowsReadBy(`/admin/letters/${slug}/signatures/bulk`, {
      method: "POST",
      headers: SAME_ORIGIN_FORM,
      body: formBody({ csrf: session.csrf, action: "hide", scope: "matching", step: "review", ...filter }),
    });
  }

  it("come from the letter's counters when they answer the filter", async () => {
    const a = await review(small, {});
    const b = await review(large, {});
    expect(b.rows).toBeLessThanOrEqual(a.rows + 10);
    expect(b.rows).toBeLessThan(3_000);
    const said = parseHtml(b.text).querySelector("main")!.textContent;
    expect(said).toContain("Of the 36,000 signatures that match the filter, 36,000 can be hidden.");
    expect(said).toContain("This changes the first 1,000 now.");
  });

  it("stop at their bound otherwise, and say 'more than'", async () => {
    const a = await review(small, { country: "HN" });
    const b = await review(large, { country: "HN" });
    expect(b.rows).toBeLessThanOrEqual(a.rows + 10);
    expect(b.rows).toBeLessThan(5_000);
    const said = parseHtml(b.text).querySelector("main")!.textContent;
    expect(said).toContain("Of the more than 1,000 signatures that match the filter, more than 1,000 can be hidden.");
    expect(said).not.toContain("36,000");
    expect(said).toContain("This changes the first 1,000 now.");
  });
});
