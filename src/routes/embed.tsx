/**
 * Letters on partners' sites: the embeddable card (the one page other sites
 * may frame) and the oEmbed endpoint that hands out its iframe.
 *
 * GET /letters/{slug}/embed[?source=partner][&lang=es]       the card, cached like the letter page, in one of the letter's languages
 * GET /letters/{slug}/embed/sign[?source=partner][&lang=es]  its sign form, opened in the same frame (cached the same way)
 * GET /letters/{slug}/embed?receipt=…                        its thank-you state after signing (private)
 * GET /oembed?url={letter URL}&format=json     oEmbed "rich" answer in the largest frame within maxwidth/maxheight
 *                                              (404 unknown URL, language or no frame fits; 501 other formats)
 */
import { isolate } from "../domain/bidi";
import { publicJson, htmlCopy, jsonCopy, letterIn, requireLetterIn, renderEmbedPage } from "../http/public-letter";
import { cardWithSource, oembedWithCard } from "../http/partner-source";
import { htmlResponse } from "../http/responses";
import { Hono, type Context } from "hono";
import { EMBED_MIN_HEIGHT, EMBED_MIN_WIDTH, embedFrame, embeddedLetter, oembedResponse } from "../domain/embed";
import { isLocale } from "../domain/i18n";
import { openReceipt } from "../domain/receipt";
import { requireSecretKey } from "../env";
import { type AppEnv } from "../http/app-env";
import { Problem } from "../app/problem";
import { interfaceLocale, languageCache, languageRequest, words, type LanguageRequest } from "../http/language";
import { messagesFor } from "../domain/i18n";
import { freshFormStamps } from "../http/form-stamps";
import { publicQuery } from "../http/validation";
import { embedQuerySchema, oembedQuerySchema } from "../domain/public-query";
import { cachedPage } from "../http/page-cache";
import { pagePolicy } from "../http/security";
import { absoluteUrl, publicOrigin } from "../http/urls";
import { paths, withLang } from "../domain/paths";
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
      // The thank-you state holds the signer's withdrawal link: private, never cached. A signer's link:
      // its translation deleted, the original stands in (see requireLetterIn).
      const letter = await requireLetterIn(c, slug, request, { recent: true, signerLink: true });
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

/**
 * The card's first state or its form, through the page cache: one copy for
 * every partner, keyed by the language only; the source is put into the
 * answer's links after the cache (see http/partner-source.ts cardWithSource).
 */
async function cachedCard(
  c: Context<AppEnv>,
  slug: string,
  request: LanguageRequest,
  source: string | null,
  state: "card" | "form",
): Promise<Response> {
  const response = await cachedPage(
    c,
    { letter: slug },
    async () => {
      const letter = await requireLetterIn(c, slug, request);
      return htmlCopy(await renderEmbedPage(c, letter, { values: {}, errors: {} }, null, null, state), [letter]);
    },
    languageCache(request),
  );
  return cardWithSource(response, slug, source);
}

const notALetter = () => new Problem(404, "Not a letter here", "That address is not a letter published on this site.");

oembed.use("/oembed", publicJson);
oembed.get("/oembed", publicQuery(oembedQuerySchema), async (c) => {
  const { url, maxwidth, maxheight } = c.req.valid("query");
  const origin = publicOrigin(c);
  const named = embeddedLetter(url, origin);
  if (!named) throw notALetter();
  const { slug, lang, source } = named;
  if (lang !== null && !isLocale(lang)) throw languageMissing(lang);
  const frame = embedFrame(maxwidth, maxheight);
  if (!frame)
    throw new Problem(
      404,
      "No card fits",
      `The card needs a frame of at least ${EMBED_MIN_WIDTH} × ${EMBED_MIN_HEIGHT} pixels; maxwidth and maxheight allow less.`,
    );
  // A translated page's address (?lang=es) hands out the card in that language.
  const cardUrl = (withSource: string | null) =>
    absoluteUrl(c, withLang(paths.embed(slug, { source: withSource }), lang));
  // Keyed by the letter, its language and the frame only: every size asked for is one of 16 frames, every source one copy.
  const response = await cachedPage(
    c,
    { letter: slug },
    async () => {
      const found = await findPublishedLetter(c.var.db, slug);
      if (!found) throw notALetter();
      if (lang !== null && !found.languages.includes(lang)) throw languageMissing(lang);
      const letter = lang === null ? found : await letterIn(c, found, lang);
      return jsonCopy(
        oembedResponse({
          title: letter.title,
          frameTitle: messagesFor(interfaceLocale(letter.language)).embed.title(isolate(letter.title)),
          embedUrl: cardUrl(null),
          origin,
          siteName: SITE_NAME,
          frame,
        }),
        [letter],
      );
    },
    { query: { letter: slug, lang, width: frame.width, height: frame.height } },
  );
  return source ? oembedWithCard(response, cardUrl(source)) : response;
});

/** The 404 of a letter's address in a language it is not published in (in English: oEmbed is read by programs). */
function languageMissing(lang: string): Problem {
  return new Problem(
    404,
    "Not in that language",
    `This letter is not published in “${lang.slice(0, 20)}”: leave lang out of the address, or name one of its languages.`,
  );
}
