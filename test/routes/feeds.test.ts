/**
 * The Atom feed of letters, sitemap.xml and robots.txt. (Each is cached for
 * the whole file once fetched, so the letters are made first.)
 */
import { env } from "cloudflare:workers";
import robotsParser from "robots-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { LetterDocument } from "../../src/domain/letter-file";
import { createLetter, fetchWorker, getPage, ORIGIN } from "../helpers";

let published: LetterDocument;
let draft: LetterDocument;

beforeAll(async () => {
  published = await createLetter({ title: "Rights & <Wrongs> in “quotes”" });
  draft = await createLetter({ status: "draft" });
});

describe("the letters feed", () => {
  it("lists published letters, not drafts, as Atom entries with their text, escaped, and is linked from the pages", async () => {
    const response = await fetchWorker("/feed.atom");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en">/,
    );
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${ORIGIN}/feed.atom"/>`);
    expect(xml).toContain(`<id>${ORIGIN}/letters/${published.slug}</id>`);
    expect(xml).toContain("<title>Rights &amp; &lt;Wrongs&gt; in “quotes”</title>");
    expect(xml).not.toContain("<Wrongs>");
    expect(xml).toMatch(/<content type="html" xml:lang="en">&lt;p&gt;/);
    expect(xml).not.toContain(draft.slug);
    expect((await fetchWorker("/feed.atom")).headers.get("X-Cache")).toBe("HIT");
    const { document } = await getPage(`/letters/${published.slug}`);
    expect(document.querySelector('link[type="application/atom+xml"]')?.getAttribute("href")).toBe(
      `${ORIGIN}/feed.atom`,
    );
  });
});

describe("sitemap.xml and robots.txt", () => {
  it("list the home page and every published letter but drafts, and point crawlers away from private pages", async () => {
    const sitemap = await fetchWorker("/sitemap.xml");
    expect(sitemap.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const xml = await sitemap.text();
    expect(xml).toContain(`<url><loc>${ORIGIN}/</loc></url>`);
    expect(xml).toMatch(
      new RegExp(`<url><loc>${ORIGIN}/letters/${published.slug}</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT`),
    );
    expect(xml).not.toContain(draft.slug);
    const robots = robotsParser(`${ORIGIN}/robots.txt`, await (await fetchWorker("/robots.txt")).text());
    expect(robots.getSitemaps()).toEqual([`${ORIGIN}/sitemap.xml`]);
    for (const path of ["/", `/letters/${published.slug}`, `/letters/${published.slug}/signatories`, "/api/v1"])
      expect(robots.isAllowed(`${ORIGIN}${path}`, "Googlebot"), path).toBe(true);
    // The private areas stay closed to crawlers.
    for (const path of ["/admin", "/admin/login", "/admin/letters/new", "/dev/mail", "/__bench/page", "/oembed?url=x"])
      expect(robots.isDisallowed(`${ORIGIN}${path}`, "Googlebot"), path).toBe(true);
  });

  it("let crawlers fetch every page that says noindex, so that they read it", async () => {
    const robots = robotsParser(`${ORIGIN}/robots.txt`, await (await fetchWorker("/robots.txt")).text());
    const slug = published.slug;
    const pages = [
      `/letters/${slug}/signed?receipt=not-a-receipt`,
      `/letters/${slug}/confirm?token=not-a-token`,
      `/letters/${slug}/withdraw?token=not-a-token`,
      `/letters/${slug}/withdrawn`,
      `/letters/${slug}/embed`,
      `/letters/${slug}/record/1`,
      `/letters/${slug}/preview?key=not-a-key`,
      "/letters/no-such-letter",
      "/no-such-page",
    ];
    for (const path of pages) {
      const response = await fetchWorker(path);
      const html = await response.text();
      const noindex =
        /noindex/.test(response.headers.get("X-Robots-Tag") ?? "") ||
        /<meta name="robots" content="[^"]*noindex/.test(html);
      expect(noindex, `${path} (${response.status}) says noindex`).toBe(true);
      expect(robots.isAllowed(`${ORIGIN}${path}`, "Googlebot"), path).toBe(true);
    }
  });

  it("answer 405 to other methods", async () => {
    for (const path of ["/feed.atom", "/sitemap.xml", "/robots.txt"])
      expect((await fetchWorker(path, { method: "POST" })).status).toBe(405);
  });
});

describe("share links", () => {
  it("lead to each network's own share page, with no script of theirs on ours", async () => {
    const { document } = await getPage(`/letters/${published.slug}`);
    const links = document.querySelectorAll(".share-links a");
    expect(links.map((link) => link.textContent)).toEqual([
      "Email",
      "Bluesky",
      "X",
      "Facebook",
      "LinkedIn",
      "WhatsApp",
      "Telegram",
    ]);
    const url = encodeURIComponent(`${ORIGIN}/letters/${published.slug}`);
    expect(links.find((link) => link.textContent === "Facebook")?.getAttribute("href")).toBe(
      `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    );
    expect(links[0]?.getAttribute("href")).toMatch(/^mailto:\?subject=/);
    for (const link of links.slice(1)) expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(document.querySelectorAll("script")).toHaveLength(0);
  });
});

describe("the link-preview image", () => {
  it("is a 1200 × 630 PNG named in the letter page's Open Graph tags", async () => {
    const { document } = await getPage(`/letters/${published.slug}`);
    const image = document.querySelector('meta[property="og:image"]')?.getAttribute("content");
    expect(image).toBe(`${ORIGIN}/og-image.png`);
    expect(document.querySelector('meta[property="og:image:width"]')?.getAttribute("content")).toBe("1200");
    expect(document.querySelector('meta[name="twitter:card"]')?.getAttribute("content")).toBe("summary_large_image");
    // Served by Cloudflare's static assets, before the Worker: here through their binding.
    const response = await env.ASSETS!.fetch(new Request(image!));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(bytes.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
  });
});

describe("a letter's own feed of updates", () => {
  it("says when it was published, updated and closed, newest first, and is linked from its page", async () => {
    const letter = await createLetter({ closesAt: new Date(Date.now() - 60_000).toISOString() });
    await env.DB.prepare(
      "UPDATE letters SET created_at = '2026-01-01T00:00:00.000Z', updated_at = '2026-02-01T00:00:00.000Z', text_updated_at = '2026-02-01T00:00:00.000Z' WHERE slug = ?1",
    )
      .bind(letter.slug)
      .run();
    const response = await fetchWorker(`/letters/${letter.slug}/feed.atom`);
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    const titles = [...xml.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title>([^<]*)<\/title>/g)].map((match) => match[1]);
    expect(titles).toEqual([
      // Its record (the letter's text) signed when the feed was first read: see checkpoints.test.ts.
      `Record signed at 1 entry: ${letter.title}`,
      `Signing has closed: ${letter.title}`,
      `Updated: ${letter.title}`,
      `Published: ${letter.title}`,
    ]);
    expect(xml).toContain("<updated>2026-01-01T00:00:00.000Z</updated>");
    const { document } = await getPage(`/letters/${published.slug}`);
    expect(
      document.querySelector(`link[href="${ORIGIN}/letters/${published.slug}/feed.atom"]`)?.getAttribute("title"),
    ).toBe(`Updates: ${published.title}`);
  });

  it("says 'Updated' only when its text changed, never for a change of stage (closing, delivery), in correct English", async () => {
    const letter = await createLetter({ closesAt: new Date(Date.now() - 60_000).toISOString() });
    // Closed and delivered later than publication: updated_at moves, the text does not.
    await env.DB.prepare(
      "UPDATE letters SET created_at = '2026-01-01T00:00:00.000Z', updated_at = '2026-02-01T00:00:00.000Z', delivered_on = '2026-02-01' WHERE slug = ?1",
    )
      .bind(letter.slug)
      .run();
    const xml = await (await fetchWorker(`/letters/${letter.slug}/feed.atom`)).text();
    const titles = [...xml.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title>([^<]*)<\/title>/g)].map((match) => match[1]);
    expect(titles.filter((title) => title!.startsWith("Updated:"))).toEqual([]);
    expect(xml).not.toMatch(/\b1 (organizations|individuals|signatures)\b/);
  });

  it("has only its publication and its record's checkpoint while nothing else happened, and 404 for no letter", async () => {
    const xml = await (await fetchWorker(`/letters/${published.slug}/feed.atom`)).text();
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain(`<title>Published: Rights &amp; &lt;Wrongs&gt; in “quotes”</title>`);
    expect(xml).toContain(`<title>Record signed at 1 entry: Rights &amp; &lt;Wrongs&gt; in “quotes”</title>`);
    expect((await fetchWorker("/letters/no-such-letter-here/feed.atom")).status).toBe(404);
  });
});
