/**
 * GET /feed.atom    the letters as an Atom feed (linked from every page)
 * GET /letters/{slug}/feed.atom  one letter's updates (linked from its page), its signed checkpoints among them
 * GET /sitemap.xml  the home page and every published letter, in each of its languages
 * GET /robots.txt   what crawlers may read, and where the sitemap is
 * All three are cached at the edge like the pages.
 */
import { Hono } from "hono";
import { publicStatus, statusChangesAt } from "../domain/letter";
import type { AppEnv } from "../http/app-env";
import { canonicalPath } from "../domain/paths";
import { cachedPage } from "../http/page-cache";
import { absoluteUrl } from "../http/urls";
import { paths } from "../domain/paths";
import { listPublishedLetters } from "../storage/letters";
import { letterUpdated, letterUpdatesAtom, lettersAtom, robotsTxt, sitemapXml } from "../views/feeds";
import { requirePublishedLetter } from "../http/public-letter";
import { feedCheckpoints, feedDeliveredAt } from "../app/public-documents";

const ATOM = "application/atom+xml; charset=utf-8";

/** Entries in the feed: the newest letters. */
const FEED_ENTRIES = 50;

/** The site's feed, sitemap and robots.txt (mounted at /). */
export const feeds = new Hono<AppEnv>();

/** A letter's own feed of updates (mounted at /letters). */
export const letterFeeds = new Hono<AppEnv>();

feeds.get("/feed.atom", (c) =>
  cachedPage(c, "site", async () => {
    const letters = await listPublishedLetters(c.var.db);
    return {
      status: 200,
      body: lettersAtom({
        letters: letters.slice(0, FEED_ENTRIES),
        origin: absoluteUrl(c, ""),
        selfUrl: absoluteUrl(c, paths.feed()),
        letterUrl: (slug) => absoluteUrl(c, paths.letter(slug)),
      }),
      contentType: ATOM,
      expiresAt: statusChangesAt(letters, new Date()),
    };
  }),
);

letterFeeds.get("/:slug/feed.atom", (c) => {
  const slug = c.req.param("slug");
  return cachedPage(c, { letter: slug }, async () => {
    const letter = await requirePublishedLetter(c, slug);
    const now = new Date();
    return {
      status: 200,
      body: letterUpdatesAtom({
        letter,
        url: absoluteUrl(c, paths.letter(slug)),
        selfUrl: absoluteUrl(c, paths.letterFeed(slug)),
        closed: publicStatus(letter, now) === "closed",
        now,
        checkpoints: await feedCheckpoints(c.var.deps, letter),
        deliveredAt: await feedDeliveredAt(c.var.deps, letter),
        checkpointsUrl: (before) => absoluteUrl(c, paths.checkpoints(slug, before)),
      }),
      contentType: ATOM,
      expiresAt: statusChangesAt([letter], now),
    };
  });
});

feeds.get("/sitemap.xml", (c) =>
  cachedPage(c, "site", async () => {
    const letters = await listPublishedLetters(c.var.db);
    const urls = [
      { loc: absoluteUrl(c, paths.home()) },
      ...letters.flatMap((letter) =>
        letter.languages.map((language) => ({
          loc: absoluteUrl(c, canonicalPath(letter, paths.letter(letter.slug), language)),
          lastmod: letterUpdated(letter),
        })),
      ),
    ];
    return {
      status: 200,
      body: sitemapXml(urls),
      contentType: "application/xml; charset=utf-8",
      expiresAt: statusChangesAt(letters, new Date()),
    };
  }),
);

feeds.get("/robots.txt", (c) =>
  cachedPage(c, "static", () =>
    Promise.resolve({
      status: 200,
      body: robotsTxt(absoluteUrl(c, "/sitemap.xml")),
      contentType: "text/plain; charset=utf-8",
    }),
  ),
);
