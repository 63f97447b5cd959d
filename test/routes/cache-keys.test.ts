/**
 * The edge cache's keys hold the values a route read, never the query as
 * typed (http/page-cache.ts): a partner's ?source=, tracking parameters,
 * unknown or repeated parameters, another spelling of the same cursor or
 * number, and any oEmbed size within the same frame are one cached copy,
 * read from D1 once.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { countingDatabase, createLetter, fetchApp, ORIGIN, translation } from "../helpers";

const SETTINGS = { CACHE_MAX_AGE: "60", SIGNATORIES_PER_PAGE: "2" } as const;

let slug: string;

beforeAll(async () => {
  const letter = await createLetter({
    organizations: ["Org One", "Org Two", "Org Three"],
    individuals: ["Person One", "Person Two"],
    translations: [translation("es", "Carta sobre las claves", "Pedimos claves cortas.")],
  });
  slug = letter.slug;
});

/** 100 addresses that differ only in what the route must not key on: ?source=, utm_*, fbclid and made-up parameters. */
function noise(path: string): string[] {
  const glue = path.includes("?") ? "&" : "?";
  return Array.from({ length: 100 }, (_, i) => {
    const extra = [
      `source=partner-${i}`,
      `utm_source=newsletter-${i}`,
      `utm_campaign=c${i % 7}`,
      i % 3 === 0 ? `fbclid=${i}x` : `made_up_${i}=${i}`,
    ];
    return `${path}${glue}${extra.join("&")}`;
  });
}

/** Reads `first`, then every one of `others`: all of them hits, with no D1 query after the first. */
async function expectOneRead(first: string, others: string[], headers: Record<string, string> = {}) {
  const counter = countingDatabase(env.DB);
  const get = (path: string) => fetchApp(path, { ...SETTINGS, DB: counter.database }, { headers });
  const answer = await get(first);
  expect(answer.status, first).toBe(200);
  expect(counter.queries(), first).toBeGreaterThan(0);
  await answer.body?.cancel();
  counter.reset();
  for (const path of others) {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get("X-Cache"), path).toBe("HIT");
    await response.body?.cancel();
  }
  expect(counter.queries(), `${first} and ${others.length} other addresses`).toBe(0);
}

describe("cache keys", () => {
  it.each([
    ["the letter page", (s: string) => `/letters/${s}`],
    ["the letter page in Spanish", (s: string) => `/letters/${s}?lang=es`],
    ["the letter JSON", (s: string) => `/letters/${s}.json`],
    ["the card", (s: string) => `/letters/${s}/embed`],
    ["the card in Spanish", (s: string) => `/letters/${s}/embed?lang=es`],
    ["the card's sign form", (s: string) => `/letters/${s}/embed/sign`],
    ["the card's sign form in Spanish", (s: string) => `/letters/${s}/embed/sign?lang=es`],
    ["the signatories page", (s: string) => `/letters/${s}/signatories`],
    ["the signatories JSON", (s: string) => `/letters/${s}/signatories.json`],
    ["the record", (s: string) => `/letters/${s}/record.json`],
    ["a record entry", (s: string) => `/letters/${s}/record/1`],
    ["the versions", (s: string) => `/letters/${s}/versions`],
    ["the letter's feed", (s: string) => `/letters/${s}/feed.atom`],
    ["the checkpoints", (s: string) => `/letters/${s}/checkpoints`],
    ["the API's letter", (s: string) => `/api/v1/letters/${s}`],
    ["the API's signatories", (s: string) => `/api/v1/letters/${s}/signatories?kind=organization`],
    ["the API's record", (s: string) => `/api/v1/letters/${s}/record`],
    ["the API's counts", (s: string) => `/api/v1/letters/${s}/counts`],
    ["the API's versions", (s: string) => `/api/v1/letters/${s}/versions`],
    ["the site feed", () => "/feed.atom"],
    ["the sitemap", () => "/sitemap.xml"],
    ["the home page", () => "/"],
    ["the letters JSON", () => "/letters.json"],
    ["the API's letters", () => "/api/v1/letters?status=open"],
  ])("reads %s from D1 once for 100 different ?source= and utm_* values", async (_, path) => {
    await expectOneRead(path(slug), noise(path(slug)), { "Accept-Language": "en" });
  });

  it("reads the oEmbed answer once for every size within one frame and every partner's source", async () => {
    const address = `${ORIGIN}/letters/${slug}`;
    const oembed = (url: string, sizes: Record<string, string> = {}) =>
      `/oembed?${new URLSearchParams({ url, format: "json", ...sizes })}`;
    const sizes = Array.from({ length: 100 }, (_, i) => oembed(address, { maxwidth: String(480 + i * 95) }));
    const sources = Array.from({ length: 100 }, (_, i) => oembed(`${address}?source=partner-${i}&utm_source=x${i}`));
    await expectOneRead(oembed(address), [...sizes, ...sources, ...noise(oembed(address))]);

    const counter = countingDatabase(env.DB);
    const partner = await fetchApp(oembed(`${address}/embed?source=Partner-7`), { ...SETTINGS, DB: counter.database });
    expect(partner.headers.get("X-Cache")).toBe("HIT");
    expect((await partner.json<{ html: string }>()).html).toContain(`/letters/${slug}/embed?source=partner-7"`);
    expect(counter.queries()).toBe(0);
  });

  it("keeps each partner's source in the card and its sign form served from the one cached copy", async () => {
    // The card's first state: its Sign link and its language links, which stay in the frame.
    const card = await (await fetchApp(`/letters/${slug}/embed?source=Partner-B&lang=es`, SETTINGS)).text();
    expect(card).toContain(`href="/letters/${slug}/embed/sign?lang=es&amp;source=partner-b"`);
    expect(card).toContain(`href="/letters/${slug}/embed?lang=en&amp;source=partner-b"`);
    expect(card).toContain(`href="/letters/${slug}/embed?lang=es&amp;source=partner-b"`);
    // Its form state: the form's action, the way back to the card and its language links.
    const form = await fetchApp(`/letters/${slug}/embed/sign?source=Partner-B&lang=es`, SETTINGS);
    const html = await form.text();
    expect(html).toContain(`action="/letters/${slug}/signatures?embed=1&amp;source=partner-b"`);
    expect(html).toContain(`href="/letters/${slug}/embed?lang=es&amp;source=partner-b"`);
    expect(html).toContain(`href="/letters/${slug}/embed/sign?lang=en&amp;source=partner-b"`);
    expect(html).toContain(`href="/letters/${slug}/embed/sign?lang=es&amp;source=partner-b"`);
    // Another partner's form is the same cached copy, with its own source.
    const other = await fetchApp(`/letters/${slug}/embed/sign?source=partner-c&lang=es`, SETTINGS);
    expect(other.headers.get("X-Cache")).toBe("HIT");
    const otherHtml = await other.text();
    expect(otherHtml).toContain(`action="/letters/${slug}/signatures?embed=1&amp;source=partner-c"`);
    expect(otherHtml).not.toContain("partner-b");
    for (const path of [`/letters/${slug}/embed?lang=es`, `/letters/${slug}/embed/sign?lang=es`]) {
      const unattributed = await (await fetchApp(path, SETTINGS)).text();
      expect(unattributed, path).not.toContain("source=");
    }
  });

  it("reads a page of signatories once whatever spelling its cursor or number has", async () => {
    const first = await (await fetchApp(`/letters/${slug}/signatories.json`, SETTINGS)).json<{ next_cursor: string }>();
    const [kind, position, id] = JSON.parse(atob(first.next_cursor.replaceAll("-", "+").replaceAll("_", "/"))) as [
      number,
      number,
      number,
    ];
    const spelled = (json: string) => btoa(json).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
    const spellings = [
      `[${kind}, ${position}, ${id}]`,
      `[ ${kind},${position},${id} ]`,
      `[${kind},${position}.0,${id}]`,
    ];
    await expectOneRead(
      `/letters/${slug}/signatories.json?cursor=${first.next_cursor}`,
      spellings.map((json) => `/letters/${slug}/signatories.json?cursor=${spelled(json)}`),
    );
    await expectOneRead(`/letters/${slug}/record.json?after=2`, [
      `/letters/${slug}/record.json?after=02`,
      `/letters/${slug}/record.json?after=0002&source=x`,
    ]);
  });
});
