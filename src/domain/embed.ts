/**
 * Embedding a letter on a partner's site: the attribution a partner adds to
 * its embed (?source=), the iframe snippet, and the oEmbed answer
 * (https://oembed.com), all pure.
 */
import { isSlug } from "./letter";

/** The default size of the embedded card, in CSS pixels: the largest of its frames (EMBED_FRAMES). */
export const EMBED_WIDTH = 480;
export const EMBED_HEIGHT = 720;

/**
 * The frames an oEmbed answer may give the card, in CSS pixels: these widths
 * and heights only (the largest first), so that a consumer's maxwidth and
 * maxheight pick one of 16 answers rather than one per pixel. Below 280 × 400
 * the card is not usable; a taller card scrolls inside a shorter frame.
 */
export const EMBED_FRAMES = {
  widths: [480, 400, 320, 280],
  heights: [720, 600, 480, 400],
} as const;

/** The smallest frame the card is usable in (oEmbed requests that allow less are a 404). */
export const EMBED_MIN_WIDTH = EMBED_FRAMES.widths.at(-1)!;
export const EMBED_MIN_HEIGHT = EMBED_FRAMES.heights.at(-1)!;

const SOURCE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * A partner's attribution as stored: lower-cased, trimmed, at most 64 of
 * [a-z0-9._-] starting with a letter or digit. Anything else is no
 * attribution (null): a mistyped ?source= must never stop anyone signing.
 */
export function normalizeSource(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const source = value.trim().toLowerCase();
  return SOURCE.test(source) ? source : null;
}

/** A letter's address on this site as an oEmbed url names it: the letter, and its language and partner if given. */
export interface EmbeddedLetter {
  slug: string;
  /** Its ?lang=, as given ("" when given more than once or empty); null without one. */
  lang: string | null;
  /** Its ?source=, normalized (see normalizeSource). */
  source: string | null;
}

/**
 * The letter an oEmbed `url` names, when it is a letter's page or card on
 * `origin` (an origin as URL.origin writes it), with or without a query; null otherwise.
 */
export function embeddedLetter(url: string, origin: string): EmbeddedLetter | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== origin) return null;
  const slug = /^\/letters\/([^/]+?)(?:\/embed)?\/?$/.exec(parsed.pathname)?.[1];
  if (!slug || !isSlug(slug)) return null;
  const langs = parsed.searchParams.getAll("lang");
  return {
    slug,
    lang: langs.length === 0 ? null : langs.length === 1 ? langs[0]! : "",
    source: normalizeSource(parsed.searchParams.get("source")),
  };
}

function escapeAttribute(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * The iframe a partner pastes into its page, and (when given) the optional
 * script that sizes it to the card. `frameTitle` is the iframe's accessible
 * name as the card's language words it (Messages.embed.title, "Sign: …");
 * `embedUrl` carries the card's ?lang= when the letter page it came from named one.
 */
export function embedSnippet(
  embedUrl: string,
  frameTitle: string,
  options: { width?: number; height?: number; scriptUrl?: string } = {},
): string {
  const { width = EMBED_WIDTH, height = EMBED_HEIGHT, scriptUrl } = options;
  const iframe = `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(frameTitle)}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return scriptUrl ? `${iframe}\n<script src="${escapeAttribute(scriptUrl)}" async></script>` : iframe;
}

/**
 * The card's frame for an oEmbed request: the largest of EMBED_FRAMES'
 * widths and of its heights within maxwidth and maxheight (null: no limit),
 * in CSS pixels; null when none fits, which oEmbed 1.0 §2.2 (a provider must
 * respect the consumer's maximums) makes a 404.
 *
 * @see https://oembed.com/#section2.2
 */
export function embedFrame(
  maxWidth: number | null,
  maxHeight: number | null,
): { width: number; height: number } | null {
  const width = EMBED_FRAMES.widths.find((frame) => maxWidth === null || frame <= maxWidth);
  const height = EMBED_FRAMES.heights.find((frame) => maxHeight === null || frame <= maxHeight);
  return width && height ? { width, height } : null;
}

/**
 * The oEmbed "rich" answer (oEmbed 1.0 §2.3, §2.3.4.4) for a letter's card,
 * in the frame `frame` (see embedFrame): `title` is the letter's,
 * `frameTitle` the iframe's (see embedSnippet).
 */
export function oembedResponse(options: {
  title: string;
  frameTitle: string;
  embedUrl: string;
  origin: string;
  siteName: string;
  frame: { width: number; height: number };
}) {
  const { width, height } = options.frame;
  return {
    version: "1.0",
    type: "rich",
    title: options.title,
    provider_name: options.siteName,
    provider_url: options.origin,
    cache_age: 3600,
    html: embedSnippet(options.embedUrl, options.frameTitle, { width, height }),
    width,
    height,
  };
}

/**
 * An oEmbed answer of oembedResponse's, its card at `embedUrl` instead (a
 * partner's ?source= added after the cache): the same iframe, its title
 * (the frame's, in the card's language) and size kept, its src replaced.
 */
export function oembedFor<T extends { html: string }>(answer: T, embedUrl: string): T {
  const html = answer.html.replace(/^<iframe src="[^"]*"/, `<iframe src="${escapeAttribute(embedUrl)}"`);
  return { ...answer, html };
}
