import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/domain/cursor";
import { seedLetterStatements } from "../../src/storage/seed";
import {
  countingDatabase,
  createLetter,
  fetchApp,
  getPage,
  parseHtml,
  runStatements,
  texts,
  uniqueSlug,
} from "../helpers";
import { numbered, seedSignatures } from "../seed";

/** Adds `count` public, confirmed signatures of `kind`, named `${prefix} 0000`… in signing order. */
async function addSignatures(slug: string, kind: "organization" | "individual", count: number, prefix: string) {
  await seedSignatures(slug, numbered(kind, count, prefix));
}

const SMALL_PAGES = { SIGNATORIES_PER_PAGE: "7" };

describe("paginated signatories", () => {
  it("walks every public signatory exactly once, organizations first, through the HTML pages", async () => {
    const letter = await createLetter({ organizations: ["Lead One", "Lead Two"] });
    await addSignatures(letter.slug, "organization", 9, "Org");
    await addSignatures(letter.slug, "individual", 12, "Person");
    const names: string[] = [];
    let path: string | null = `/letters/${letter.slug}`;
    let pages = 0;
    while (path) {
      const response = await fetchApp(path, SMALL_PAGES);
      expect(response.status).toBe(200);
      const document = parseHtml(await response.text());
      const page = texts(document, ".signatory-list li");
      expect(page.length).toBeLessThanOrEqual(7);
      names.push(...page);
      pages += 1;
      const next = document.querySelector('a[href*="/signatories?cursor="]')?.getAttribute("href") ?? null;
      path = next;
    }
    expect(pages).toBe(4);
    expect(names).toEqual([
      "Lead One",
      "Lead Two",
      ...Array.from({ length: 9 }, (_, i) => `Org ${String(i).padStart(4, "0")}`),
      ...Array.from({ length: 12 }, (_, i) => `Person ${String(i).padStart(4, "0")}`),
    ]);
  });

  it("marks where the groups continue and where the list ends", async () => {
    const letter = await createLetter();
    await addSignatures(letter.slug, "organization", 10, "Org");
    await addSignatures(letter.slug, "individual", 3, "Person");
    const first = parseHtml(await (await fetchApp(`/letters/${letter.slug}`, SMALL_PAGES)).text());
    const more = first.querySelector(".signatories .pagination a")!.getAttribute("href")!;
    const second = parseHtml(await (await fetchApp(more, SMALL_PAGES)).text());
    expect(texts(second, "h2")).toEqual(["Organizations (continued)", "Individuals"]);
    expect(texts(second, ".pagination")[0]).toContain("This is the last page.");
    expect(second.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`https://undersigned.test${more}`);
  });

  it("pages the JSON with next_cursor and next_url", async () => {
    const letter = await createLetter({ organizations: ["Lead One"] });
    await addSignatures(letter.slug, "individual", 15, "Person");
    const first = await (
      await fetchApp(`/letters/${letter.slug}.json`, SMALL_PAGES)
    ).json<{ signatories: { name: string }[]; next_url: string; next_cursor: string }>();
    expect(first.signatories).toHaveLength(7);
    expect(first.next_url).toBe(
      `https://undersigned.test/letters/${letter.slug}/signatories.json?cursor=${first.next_cursor}`,
    );
    const names = first.signatories.map((s) => s.name);
    let next: string | null = first.next_url;
    while (next) {
      const page: { signatories: { name: string }[]; next_url: string | null; letter: { slug: string } } = await (
        await fetchApp(next, SMALL_PAGES)
      ).json();
      expect(page.letter.slug).toBe(letter.slug);
      names.push(...page.signatories.map((s) => s.name));
      next = page.next_url;
    }
    expect(names).toHaveLength(16);
    expect(new Set(names).size).toBe(16);
    expect(names[0]).toBe("Lead One");
  });

  it("renders a large letter with the same number of queries as a small one", async () => {
    const small = await createLetter();
    await addSignatures(small.slug, "individual", 5, "Few");
    // Made in SQL, as `npm run seed` makes a large letter: 1,500 signatures through the signing path take seconds.
    const large = { slug: uniqueSlug("large") };
    await runStatements(await seedLetterStatements(large.slug, 300, 1200));
    const queries: number[] = [];
    for (const slug of [small.slug, large.slug]) {
      const counter = countingDatabase(env.DB);
      const response = await fetchApp(`/letters/${slug}`, { DB: counter.database, CACHE_MAX_AGE: "0" });
      expect(response.status).toBe(200);
      queries.push(counter.queries());
    }
    expect(queries[0]).toBeLessThanOrEqual(3);
    expect(queries[1]).toBeLessThanOrEqual(3);
  });

  it.each([
    ["not base64", "%%%"],
    ["a path", "../x"],
    ["base64 of junk", btoa("hello").replace(/=+$/, "")],
    ["a 20-digit number", "12345678901234567890"],
    ["an object", btoa(JSON.stringify({ kind: 0, position: 1, id: 1 })).replace(/=+$/, "")],
    ["an unsafe integer", btoa(JSON.stringify([0, 1, 1e20])).replace(/=+$/, "")],
    ["a negative id", btoa(JSON.stringify([0, 1, -5])).replace(/=+$/, "")],
    ["an unknown kind", btoa(JSON.stringify([7, 1, 5])).replace(/=+$/, "")],
    ["a very long value", "A".repeat(5000)],
  ])("answers 400 with a clear message for a cursor that is %s", async (_, cursor) => {
    const letter = await createLetter();
    const page = await getPage(`/letters/${letter.slug}/signatories?cursor=${encodeURIComponent(cursor)}`);
    expect(page.response.status).toBe(400);
    expect(texts(page.document, "h1")).toEqual(["This list link is broken or out of date"]);
    const json = await fetchApp(`/letters/${letter.slug}/signatories.json?cursor=${encodeURIComponent(cursor)}`);
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: { status: 400 } });
  });

  it("answers 400 to a repeated cursor parameter", async () => {
    const letter = await createLetter();
    const cursor = encodeCursor({ kind: "organization", position: 1, id: 1 });
    const page = await getPage(`/letters/${letter.slug}/signatories?cursor=${cursor}&cursor=${cursor}`);
    expect(page.response.status).toBe(400);
  });

  it("answers 404 for the signatories of an unknown letter", async () => {
    expect((await getPage("/letters/no-such-letter/signatories")).response.status).toBe(404);
  });
});
