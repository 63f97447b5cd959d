/**
 * The letter signing reads, reused by a Worker instance for
 * LETTER_CACHE_SECONDS, read again by one request at a time past that, and
 * standing in for a minute when D1 fails.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { findRecentPublishedLetter, RECENT_LETTER_STALE_MS } from "../../src/storage/letters";
import { countingDatabase, createLetter } from "../helpers";

/** A D1 binding whose reads fail, or never answer until released. */
function troubledDatabase(mode: "fails" | "waits") {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const database = new Proxy(env.DB, {
    get(target, property) {
      if (property !== "prepare") return Reflect.get(target, property, target) as unknown;
      return (sql: string) => {
        const statement = target.prepare(sql);
        return {
          bind: (...params: unknown[]) => ({
            first: async () => {
              if (mode === "fails") throw new Error("D1_ERROR: Network connection lost.");
              await released;
              return statement.bind(...params).first();
            },
          }),
        };
      };
    },
  });
  return { database, release };
}

describe("findRecentPublishedLetter", () => {
  it("reads once per LETTER_CACHE_SECONDS, and every time with 0", async () => {
    const letter = await createLetter();
    const counting = countingDatabase(env.DB);
    const start = Date.now();
    await findRecentPublishedLetter(counting.database, letter.slug, 5, start);
    await findRecentPublishedLetter(counting.database, letter.slug, 5, start + 4_000);
    expect(counting.queries()).toBe(1);
    await findRecentPublishedLetter(counting.database, letter.slug, 5, start + 5_000);
    expect(counting.queries()).toBe(2);
    counting.reset();
    await findRecentPublishedLetter(counting.database, letter.slug, 0, start);
    await findRecentPublishedLetter(counting.database, letter.slug, 0, start);
    expect(counting.queries()).toBe(2);
  });

  it("lets one request read an expired letter again while the others use the copy", async () => {
    const letter = await createLetter();
    const start = Date.now();
    await findRecentPublishedLetter(env.DB, letter.slug, 5, start);
    const slow = troubledDatabase("waits");
    const rereading = findRecentPublishedLetter(slow.database, letter.slug, 5, start + 6_000);
    const counting = countingDatabase(env.DB);
    const others = await Promise.all(
      [1, 2, 3].map(() => findRecentPublishedLetter(counting.database, letter.slug, 5, start + 6_100)),
    );
    expect(others.map((found) => found?.slug)).toEqual([letter.slug, letter.slug, letter.slug]);
    expect(counting.queries()).toBe(0);
    slow.release();
    expect((await rereading)?.slug).toBe(letter.slug);
  });

  it("uses a copy up to a minute past its freshness when D1 fails, and fails past that", async () => {
    const letter = await createLetter();
    const start = Date.now();
    await findRecentPublishedLetter(env.DB, letter.slug, 5, start);
    const { database } = troubledDatabase("fails");
    expect(
      (await findRecentPublishedLetter(database, letter.slug, 5, start + 5_000 + RECENT_LETTER_STALE_MS - 1_000))?.slug,
    ).toBe(letter.slug);
    await expect(
      findRecentPublishedLetter(database, letter.slug, 5, start + 5_000 + RECENT_LETTER_STALE_MS + 1_000),
    ).rejects.toThrow(/connection lost/);
  });

  it("reads a letter once for all the signatures that arrive together at an instance with no copy of it", async () => {
    const letter = await createLetter();
    const slow = troubledDatabase("waits");
    const first = findRecentPublishedLetter(slow.database, letter.slug, 5);
    const counting = countingDatabase(env.DB);
    const others = Promise.all([1, 2, 3].map(() => findRecentPublishedLetter(counting.database, letter.slug, 5)));
    slow.release();
    expect((await first)?.slug).toBe(letter.slug);
    expect((await others).map((found) => found?.slug)).toEqual([letter.slug, letter.slug, letter.slug]);
    expect(counting.queries()).toBe(0);
  });

  it("lets the signatures waiting on a failed first read read the letter themselves", async () => {
    const letter = await createLetter();
    const { database } = troubledDatabase("fails");
    const first = findRecentPublishedLetter(database, letter.slug, 5);
    const counting = countingDatabase(env.DB);
    const other = findRecentPublishedLetter(counting.database, letter.slug, 5);
    await expect(first).rejects.toThrow(/connection lost/);
    expect((await other)?.slug).toBe(letter.slug);
    expect(counting.queries()).toBe(1);
  });

  it("never keeps a letter that does not exist", async () => {
    const counting = countingDatabase(env.DB);
    expect(await findRecentPublishedLetter(counting.database, "no-such-letter-here", 5)).toBeNull();
    expect(await findRecentPublishedLetter(counting.database, "no-such-letter-here", 5)).toBeNull();
    expect(counting.queries()).toBe(2);
  });
});
