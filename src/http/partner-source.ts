/**
 * A partner's attribution (?source=, see domain/embed.ts normalizeSource)
 * put into a card or an oEmbed answer after the edge cache: their copies are
 * cached without it (one copy for every partner, see http/page-cache.ts), and
 * each answer gets its own source as it streams out.
 */
import { oembedFor } from "../domain/embed";
import { JSON_CONTENT_TYPE, safeJson } from "./responses";

/**
 * An attribute's `href` (a path, possibly with a query, as HTMLRewriter
 * reads it: not decoded) with ?source= set to `source`, escaped for the
 * attribute again (HTMLRewriter writes it as given).
 */
function withSource(href: string, source: string): string {
  const url = new URL(href.replaceAll("&amp;", "&"), "https://card.invalid");
  url.searchParams.set("source", source);
  return `${url.pathname}${url.search}${url.hash}`.replaceAll("&", "&amp;");
}

/**
 * The card's answer with `source` in what carries it: the sign form's action
 * (/letters/{slug}/signatures?embed=1), and the links that stay in the frame:
 * its Sign link to the form state (/letters/{slug}/embed/sign…), the form
 * state's link back to the card, and the language switcher's links to either
 * (/letters/{slug}/embed…). Anything but a 200 HTML answer, or no
 * source, is returned as it is. Its ETag stands: the rewritten body is the
 * same for every request of this address (the source is in the address).
 */
export function cardWithSource(response: Response, slug: string, source: string | null): Response {
  const html = /^text\/html\b/i.test(response.headers.get("Content-Type") ?? "");
  if (!source || response.status !== 200 || !response.body || !html) return response;
  const sign = `/letters/${slug}/signatures?`;
  const card = `/letters/${slug}/embed`;
  const signState = `${card}/sign`;
  const inFrame = (href: string) => [card, signState].some((path) => href === path || href.startsWith(`${path}?`));
  const rewritten = new HTMLRewriter()
    .on("form[action]", {
      element(form) {
        const action = form.getAttribute("action")!;
        if (action.startsWith(sign)) form.setAttribute("action", withSource(action, source));
      },
    })
    .on("a[href]", {
      element(link) {
        const href = link.getAttribute("href")!;
        if (inFrame(href)) link.setAttribute("href", withSource(href, source));
      },
    })
    .transform(response);
  rewritten.headers.delete("Content-Length");
  return rewritten;
}

/**
 * The oEmbed answer with its card at `embedUrl` (which carries the
 * partner's source) instead of the cached one. Anything but a 200 is
 * returned as it is.
 */
export async function oembedWithCard(response: Response, embedUrl: string): Promise<Response> {
  if (response.status !== 200) return response;
  const answer = await response.json<{ html: string }>();
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  headers.set("Content-Type", JSON_CONTENT_TYPE);
  return new Response(safeJson(oembedFor(answer, embedUrl)), { status: 200, headers });
}
