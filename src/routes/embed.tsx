/**
 * Letters on partners' sites: the embeddable card (the one page other sites
 * may frame) and the oEmbed endpoint that hands out its iframe.
 *
 * GET /letters/{slug}/embed[?source=partner][&lang=es]  the card, cached like the letter page, in one of the letter's languages
 * GET /letters/{slug}/embed?receipt=…          its thank-you state after signing (private)
 * GET /oembed?url={letter URL}&format=json     oEmbed "rich" answer (404 unknown URL, 501 other formats)
 */
import { publicJson, htmlCopy, jsonCopy, requireLetterIn, renderEmbedPage } from "../http/public-letter";
import { htmlResponse } from "../http/responses";
import { Hono, type Context } from "hono";
import { normalizeSource, oembedResponse } from "../domain/embed";
import { isSlug } from "../domain/letter";
import { openReceipt } from "../domain/receipt";
import { requireSecretKey } from "../env";
import { type AppEnv } from "../http/app-env";
import { Problem } from "../app/problem";
import { languageCache, languageRequest, words } from "../http/language";
import { cachedPage } from "../http/page-cache";
import { pagePolicy } from "../http/security";
import { absoluteUrl, publicOrigin } from "../http/urls";
import { paths } from "../domain/paths";
import { findPublishedLetter } from "../storage/letters";
import { SITE_NAME } from "../views/layout";

/** The card partners frame (mounted at /letters). */
export const embed = new Hono<AppEnv>();

/** oEmbed, for the sites that discover the card from a letter's address (mounted at /). */
export const oembed = new Hono<AppEnv>();

embed.get("/:slug/embed", pagePolicy("framable-by-any-site"), async (c) => {
  const slug = c.req.param("slug");
  const source = normalizeSource(c.req.query("source"));
  const sealed = c.req.query("receipt");
  const request = languageRequest(c);
  if (sealed !== undefined) {
    // The thank-you state holds the signer's withdrawal link: private, never cached.
    const letter = await requireLetterIn(c, slug, request, { recent: true });
    const receipt = await openReceipt(sealed, slug, requireSecretKey(c.env));
    if (!receipt) {
      const { title, message } = words(c).errors.thankYouInvalid;
      throw new Problem(400, title, message);
    }
    const body = await renderEmbedPage(c, letter, { values: {}, errors: {} }, source, receipt);
    return htmlResponse(body, 200, { "Cache-Control": "private, no-store" });
  }
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const letter = await requireLetterIn(c, slug, request);
      return htmlCopy(await renderEmbedPage(c, letter, { values: {}, errors: {} }, source), [letter]);
    },
    languageCache(request, ["source"]),
  );
});

/** A whole number from 1 to 10,000 in ?name=, null when absent; anything else is a 400. */
function readDimension<E extends AppEnv>(c: Context<E>, name: "maxwidth" | "maxheight"): number | null {
  const value = c.req.query(name);
  if (value === undefined || value === "") return null;
  const number = Number(value);
  if (!/^\d{1,5}$/.test(value) || number < 1 || number > 10_000) {
    throw new Problem(
      400,
      `${name} is not a size`,
      `${name} must be a whole number of pixels between 1 and 10000, not “${value.slice(0, 20)}”.`,
    );
  }
  return number;
}

/** The slug of a letter URL on this site (the page, its embed, or with a query), or null. */
function letterSlugOf(url: string, origin: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== origin) return null;
  const slug = /^\/letters\/([^/]+?)(?:\/embed)?\/?$/.exec(parsed.pathname)?.[1];
  return slug && isSlug(slug) ? slug : null;
}

oembed.use("/oembed", publicJson);
oembed.get("/oembed", (c) => {
  const url = c.req.query("url");
  if (!url)
    throw new Problem(
      400,
      "Which letter?",
      "Give the letter's address in ?url=, e.g. /oembed?url=https://…/letters/some-letter&format=json.",
    );
  const format = c.req.query("format") ?? "json";
  if (format !== "json")
    throw new Problem(501, "Only JSON", "This oEmbed provider answers in JSON only (format=json).");
  const maxWidth = readDimension(c, "maxwidth");
  const maxHeight = readDimension(c, "maxheight");
  const origin = publicOrigin(c);
  const slug = letterSlugOf(url, origin);
  if (!slug) throw new Problem(404, "Not a letter here", "That address is not a letter published on this site.");
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const letter = await findPublishedLetter(c.var.db, slug);
      if (!letter) throw new Problem(404, "Not a letter here", "That address is not a letter published on this site.");
      const source = normalizeSource(new URL(url).searchParams.get("source"));
      return jsonCopy(
        oembedResponse({
          title: letter.title,
          embedUrl: absoluteUrl(c, paths.embed(slug, { source })),
          origin,
          siteName: SITE_NAME,
          maxWidth,
          maxHeight,
        }),
        [letter],
      );
    },
    { params: ["url", "format", "maxwidth", "maxheight"] },
  );
});
