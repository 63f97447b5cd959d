/**
 * A sign form's stamp drawn for every response, cached copies included.
 *
 * The edge cache (http/page-cache.ts) stores a letter page or embed card
 * once for every visitor of a data center; the stamp rendered into that copy
 * is as old as the copy, so behind the cache a script that posts the instant
 * it fetched the page would pass the minimum fill time. The Worker answers
 * every request itself, hits included, so this middleware rewrites the
 * stamp in the answer as it streams out (HTMLRewriter: no buffering, no
 * script in the page), and each visitor's time is measured from when they
 * got the page. Only copies kept outside the Worker (the browser's, a
 * proxy's: at most CACHE_MAX_AGE, or longer when they revalidate with
 * If-None-Match) carry an older stamp, which lets a person pass sooner,
 * never later.
 *
 * The body then differs from one response to the next in the stamp only,
 * so its ETag is made weak (RFC 9110 §8.8.1: equivalent, not identical);
 * If-None-Match still gets 304.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { FORM_STAMP_FIELD, formStamp } from "../domain/bots";
import type { AppEnv } from "./app-env";

/**
 * Middleware for a page that may show the sign form of the letter at the
 * route's `:slug`: a 200 HTML answer gets a stamp drawn now (AppDeps.now) in
 * place of the one it was rendered with.
 */
export const freshFormStamps = createMiddleware<AppEnv>(async function freshFormStamps(c: Context<AppEnv>, next) {
  await next();
  const secret = c.env.SECRET_KEY;
  const slug = c.req.param("slug");
  const response = c.res;
  const html = /^text\/html\b/i.test(response.headers.get("Content-Type") ?? "");
  if (secret && slug && response.status === 200 && response.body && html) {
    const stamp = await formStamp(secret, slug, c.var.deps.now().getTime());
    const rewritten = new HTMLRewriter()
      .on(`input[name="${FORM_STAMP_FIELD}"]`, {
        element(input) {
          input.setAttribute("value", stamp);
        },
      })
      .transform(response);
    // Hono's setter copies a response set over another, and every header of the old one onto it; the
    // rewritten one already has them all (the same headers, in a new Response), so the copy is skipped.
    c.res = undefined;
    c.res = rewritten;
    c.res.headers.delete("Content-Length");
  } else if (!secret || response.status !== 304) {
    return;
  }
  // A 304 names the same (weak) tag its 200 gave.
  const etag = c.res.headers.get("ETag");
  if (etag && !etag.startsWith("W/")) c.res.headers.set("ETag", `W/${etag}`);
});
