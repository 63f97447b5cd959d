/**
 * Letters on partners' sites: the embeddable card (the one page other sites
 * may frame) and the oEmbed endpoint that hands out its iframe.
 *
 * GET /letters/{slug}/embed[?source=partner][&lang=es]       the card, cached like the letter page, in one of the letter's languages
 * GET /letters/{slug}/embed/sign[?source=partner][&lang=es]  its sign form, opened in the same frame (cached the same way)
 * GET /letters/{slug}/embed?receipt=…                        its thank-you state after signing (private)
 * GET /oembed?url={letter URL}&format=json     oEmbed "rich" answer (404 unknown URL, 501 other formats)
 */
import { publicJson, htmlCopy, jsonCopy, letterIn, requireLetterIn, renderEmbedPage } from "../http/public-letter";
import { htmlResponse } from "../http/responses";
import { Hono, type Context } from "hono";
import { normalizeSource, oembedResponse } from "../domain/embed";
import { isSlug } from "../domain/letter";
import { openReceipt } from "../domain/receipt";
import { requireSecretKey } from "../env";
import { type AppEnv } from "../http/app-env";
import { Problem } from "../app/problem";
import { interfaceLocale, languageCache, languageRequest, words, type LanguageRequest } from "../http/language";
import { messagesFor } from "../domain/i18n";
import { freshFormStamps } from "../http/form-stamps";
import { publicQuery } from "../http/validation";
import { embedQuerySchema, letterQuerySchema, oembedQuerySchema } from "../domain/public-query";
import { cachedPage } from "../http/page-cache";
import { pagePolicy } from "../http/security";
import { absoluteUrl, publicOrigin } from "../http/urls";
import { LANG_PARAM, paths, withLang } from "../domain/paths";
import { findPublishedLetter } from "../storage/letters";
import { SITE_NAME } from "../views/layout";

/** The card partners frame (mounted at /letters). */
export const embed = new Hono<AppEnv>();

/** oEmbed, for the sites that discover the card from a letter's address (mounted at /). */
export const oembed = new Hono<AppEnv>();

// The card's sign form gets a stamp of its own in each answer, cached copies included (see http/form-stamps.ts).
embed.get(
  "/:slug/embed",
  pagePolicy("framable-by-any-site"),
  publicQuery(embedQuerySchema),
  freshFormStamps,
  async (c) => {
    const slug = c.req.param("slug");
    const { lang, source, receipt: sealed } = c.req.valid("query");
    const request = languageRequest(c, lang);
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
    return cachedCard(c, slug, request, source, "card");
  },
);

embed.get(
  "/:slug/embed/sign",
  pagePolicy("framable-by-any-site"),
  publicQuery(embedQuerySchema),
  freshFormStamps,
  async (c) => {
    const { lang, source } = c.req.valid("query");
    return cachedCard(c, c.req.param("slug"), languageRequest(c, lang), source, "form");
  },
);

/** The card's first state or its form, through the page cache. */
function cachedCard(
  c: Context<AppEnv>,
  slug: string,
  request: LanguageRequest,
  source: string | null,
  state: "card" | "form",
): Promise<Response> {
  // Keyed by the source as the card reads it (normalized, none for junk), never as typed.
  const cache = languageCache(request);
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const letter = await requireLetterIn(c, slug, request);
      return htmlCopy(await renderEmbedPage(c, letter, { values: {}, errors: {} }, source, null, state), [letter]);
    },
    { ...cache, variant: { ...cache.variant, source: source ?? "" } },
  );
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
oembed.get("/oembed", publicQuery(oembedQuerySchema), (c) => {
  const { url, maxwidth: maxWidth, maxheight: maxHeight } = c.req.valid("query");
  const origin = publicOrigin(c);
  const slug = letterSlugOf(url, origin);
  const notALetter = () =>
    new Problem(404, "Not a letter here", "That address is not a letter published on this site.");
  if (!slug) throw notALetter();
  // A translated page's address (?lang=es) hands out the card in that language.
  const query = new URL(url).searchParams;
  const lang = letterQuerySchema.safeParse({ lang: query.get(LANG_PARAM) ?? undefined });
  if (!lang.success) throw notALetter();
  const language = lang.data.lang;
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const found = await findPublishedLetter(c.var.db, slug);
      if (!found || (language && !found.languages.includes(language))) throw notALetter();
      const letter = language ? await letterIn(c, found, language) : found;
      const source = normalizeSource(query.get("source"));
      return jsonCopy(
        oembedResponse({
          title: letter.title,
          frameTitle: messagesFor(interfaceLocale(letter.language)).embed.title(letter.title),
          embedUrl: absoluteUrl(c, withLang(paths.embed(slug, { source }), language)),
          origin,
          siteName: SITE_NAME,
          maxWidth,
          maxHeight,
        }),
        [found],
      );
    },
    { params: ["url", "format", "maxwidth", "maxheight"] },
  );
});
