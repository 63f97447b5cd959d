/**
 * The Atom feeds read as feed readers read them: well-formed XML
 * (fast-xml-parser's validator), parsed by a feed parser
 * (@rowanmanning/feed-parser), and held to RFC 4287: an entry's `updated` is
 * never before its `published` (a letter dated after its last change, a
 * delivery dated before the letter was published here), no two entries share
 * one `updated`, and `xml:lang` names the feed's and each entry's language.
 * Their letters' text, like the letter's JSON, has absolute links and no
 * other site's image. (Each feed is cached for the file once fetched, so the
 * letters are made first.)
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { env } from "cloudflare:workers";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { LetterDocument } from "../../src/domain/letter-file";
import { createLetter, fetchWorker, ORIGIN } from "../helpers";

const BODY =
  "Dear all:\n\nSee [our statement](/letters/other), [the notes](#notes), [the annex](annex.pdf), [the OAS](https://www.oas.org/).\n\n![Our logo](/assets/logo.png) ![The march](https://photos.example/march.jpg)";

let later: LetterDocument;
let twins: LetterDocument[];
let spanish: LetterDocument;
let delivered: LetterDocument;
let deliveredSameDay: LetterDocument;
let deliveredLogged: LetterDocument;

async function setRow(slug: string, sets: string, ...values: string[]): Promise<void> {
  await env.DB.prepare(`UPDATE letters SET ${sets} WHERE slug = ?1`)
    .bind(slug, ...values)
    .run();
}

beforeAll(async () => {
  // Dated after its last change: its entry's published is its date, its updated no earlier.
  later = await createLetter({ title: "A letter dated ahead", date: "2027-06-01", bodyMarkdown: BODY });
  await setRow(later.slug, "updated_at = ?2, created_at = ?2", "2026-03-01T00:00:00.000Z");
  // Loaded together: the same date and the same last change.
  twins = [await createLetter({ title: "Twin one" }), await createLetter({ title: "Twin two" })];
  for (const twin of twins) await setRow(twin.slug, "updated_at = ?2, created_at = ?2", "2026-01-01T00:00:00.000Z");
  spanish = await createLetter({ title: "Carta abierta", language: "es", bodyMarkdown: "Estimados:\n\nPedimos." });
  // Delivered on a day before it was put online here.
  delivered = await createLetter({ title: "Delivered before it was online", status: "closed" });
  await setRow(
    delivered.slug,
    "created_at = ?2, updated_at = ?2, closed_at = ?2, delivered_on = ?3",
    "2026-05-01T10:00:00.000Z",
    "2026-04-01",
  );
  // Published in the afternoon and delivered the same day (no log entry: dated by its day's end).
  deliveredSameDay = await createLetter({ title: "Delivered the day it was online", status: "closed" });
  await setRow(
    deliveredSameDay.slug,
    "created_at = ?2, updated_at = ?2, closed_at = ?2, delivered_on = ?3, closes_time_zone = 'America/Tegucigalpa'",
    "2026-05-01T15:00:00.000Z",
    "2026-05-01",
  );
  // Delivered the same day, the moment recorded in the activity log.
  deliveredLogged = await createLetter({ title: "Delivered with its moment logged", status: "closed" });
  await setRow(
    deliveredLogged.slug,
    "created_at = ?2, updated_at = ?2, closed_at = ?2, delivered_on = ?3",
    "2026-05-01T15:00:00.000Z",
    "2026-05-01",
  );
  await env.DB.prepare(
    `INSERT INTO organizer_activity (at, action, letter_id) SELECT '2026-05-01T17:30:00.000Z', 'letter-delivered', id
       FROM letters WHERE slug = ?1`,
  )
    .bind(deliveredLogged.slug)
    .run();
});

/** The feed at `path`: its text, checked well-formed, parsed by a feed reader's parser and as plain XML. */
async function readFeed(path: string) {
  const response = await fetchWorker(path);
  expect(response.status).toBe(200);
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = parseFeed(xml);
  const tree = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => name === "entry",
  }).parse(xml) as { feed: { "@xml:lang"?: string; entry: Record<string, unknown>[] } };
  return { xml, feed, tree: tree.feed };
}

/** Each entry's id, published and updated (ms), and xml:lang, as XML says them. */
function entryTimes(entries: Record<string, unknown>[]) {
  return entries.map((entry) => ({
    id: String(entry.id),
    published: Date.parse(String(entry.published)),
    updated: Date.parse(String(entry.updated)),
    lang: entry["@xml:lang"] as string | undefined,
  }));
}

function expectRfc4287Times(entries: ReturnType<typeof entryTimes>): void {
  for (const entry of entries) {
    expect(Number.isNaN(entry.published), entry.id).toBe(false);
    expect(entry.updated, entry.id).toBeGreaterThanOrEqual(entry.published);
  }
  expect(new Set(entries.map((entry) => entry.updated)).size).toBe(entries.length);
}

describe("the letters feed", () => {
  it("is well-formed Atom a feed reader parses, in English, each entry in its letter's language", async () => {
    const { feed, tree } = await readFeed("/feed.atom");
    expect(feed.title).toBe("Undersigned: open letters");
    expect(feed.language).toBe("en");
    expect(tree["@xml:lang"]).toBe("en");
    const titles = feed.items.map((item) => item.title);
    expect(titles).toEqual(expect.arrayContaining([later.title, spanish.title, "Twin one", "Twin two"]));
    const entries = entryTimes(tree.entry);
    expect(entries.find((entry) => entry.id.endsWith(`/${spanish.slug}`))?.lang).toBe("es");
    expect(entries.find((entry) => entry.id.endsWith(`/${later.slug}`))?.lang).toBe("en");
  });

  it("never has an entry updated before it was published, nor two entries updated at once", async () => {
    const { tree, feed } = await readFeed("/feed.atom");
    const entries = entryTimes(tree.entry);
    expectRfc4287Times(entries);
    const ahead = entries.find((entry) => entry.id.endsWith(`/${later.slug}`))!;
    expect(ahead.published).toBe(Date.parse("2027-06-01T00:00:00Z"));
    // Newest first, and the feed's updated is its newest entry's.
    const updated = entries.map((entry) => entry.updated);
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect(feed.updated?.getTime()).toBe(updated[0]);
  });

  it("publishes the letter's text with absolute links, and another site's image as a link, as its JSON does", async () => {
    const { feed } = await readFeed("/feed.atom");
    const item = feed.items.find((entry) => entry.title === later.title)!;
    const json = await (await fetchWorker(`/letters/${later.slug}.json`)).json<{ body_html: string }>();
    for (const html of [item.content!, json.body_html]) {
      expect(html).toContain(`href="${ORIGIN}/letters/other"`);
      expect(html).toContain(`href="${ORIGIN}/letters/${later.slug}#notes"`);
      expect(html).toContain(`href="${ORIGIN}/letters/annex.pdf"`);
      expect(html).toContain('href="https://www.oas.org/"');
      expect(html).toContain(`<img src="${ORIGIN}/assets/logo.png" alt="Our logo">`);
      expect(html).toContain('<a href="https://photos.example/march.jpg">The march</a>');
      expect(html).not.toMatch(/(?:href|src)="(?!https?:)/);
    }
    // The page itself keeps its own relative addresses.
    const page = await (await fetchWorker(`/letters/${later.slug}`)).text();
    expect(page).toContain('<a href="/letters/other">');
    expect(page).not.toContain('<img src="https://photos.example');
  });
});

describe("a letter's own feed", () => {
  it("dates a delivery before publication no earlier than the publication, each entry updated at its own time", async () => {
    const { feed, tree } = await readFeed(`/letters/${delivered.slug}/feed.atom`);
    expect(tree["@xml:lang"]).toBe("en");
    expect(feed.items.map((item) => item.title)).toContain(`Delivered: ${delivered.title}`);
    const entries = entryTimes(tree.entry);
    expectRfc4287Times(entries);
    const publishedAt = Date.parse("2026-05-01T10:00:00.000Z");
    for (const entry of entries) expect(entry.published, entry.id).toBeGreaterThanOrEqual(publishedAt);
    const delivery = entries.find((entry) => entry.id.endsWith("#delivered"))!;
    expect(delivery.published).toBe(publishedAt);
    expect(feed.items.find((item) => item.id?.endsWith("#delivered"))?.content).toContain("delivered on 2026-04-01");
  });

  it("dates a delivery on the day of publication after it, the newest entry", async () => {
    for (const [letter, deliveredAt] of [
      // The end of 1 May in Tegucigalpa (UTC−6).
      [deliveredSameDay, "2026-05-02T05:59:59.999Z"],
      [deliveredLogged, "2026-05-01T17:30:00.000Z"],
    ] as const) {
      const { tree } = await readFeed(`/letters/${letter.slug}/feed.atom`);
      const entries = entryTimes(tree.entry);
      expectRfc4287Times(entries);
      // Newest of the letter's own entries (its checkpoints are signed when the feed is read).
      const own = entries.filter((entry) => !entry.id.includes("/checkpoints#"));
      expect(own[0]!.id, letter.slug).toMatch(/#delivered$/);
      expect(own[0]!.published, letter.slug).toBe(Date.parse(deliveredAt));
    }
  });

  it("is well-formed for a letter in Spanish, its text marked as Spanish", async () => {
    const { xml } = await readFeed(`/letters/${spanish.slug}/feed.atom`);
    expect(xml).toContain('<content type="html" xml:lang="es">');
  });
});
