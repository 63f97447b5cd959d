/**
 * Embedding a letter on a partner's site: the attribution a partner adds to
 * its embed (?source=), the iframe snippet, and the oEmbed answer
 * (https://oembed.com), all pure.
 */

/** The default size of the embedded card, in CSS pixels; oEmbed's maxwidth and maxheight can only shrink it. */
export const EMBED_WIDTH = 480;
export const EMBED_HEIGHT = 720;
/** Below this the card is not usable: oEmbed asks for less get this much anyway. */
export const EMBED_MIN_WIDTH = 280;
export const EMBED_MIN_HEIGHT = 400;

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

/** The card's size for an oEmbed request: the default, shrunk to maxwidth and maxheight but not below the minimum. */
export function embedSize(maxWidth: number | null, maxHeight: number | null): { width: number; height: number } {
  return {
    width: Math.max(EMBED_MIN_WIDTH, Math.min(EMBED_WIDTH, maxWidth ?? EMBED_WIDTH)),
    height: Math.max(EMBED_MIN_HEIGHT, Math.min(EMBED_HEIGHT, maxHeight ?? EMBED_HEIGHT)),
  };
}

/** The oEmbed "rich" answer for a letter: `title` is the letter's, `frameTitle` the iframe's (see embedSnippet). */
export function oembedResponse(options: {
  title: string;
  frameTitle: string;
  embedUrl: string;
  origin: string;
  siteName: string;
  maxWidth: number | null;
  maxHeight: number | null;
}) {
  const { width, height } = embedSize(options.maxWidth, options.maxHeight);
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
