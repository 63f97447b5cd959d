/**
 * Cross-cutting protections: security headers with a strict Content
 * Security Policy (no script at all, styles only from our own stylesheet),
 * and the guards every form post passes before it is read: same-site
 * origin (CSRF), a size limit, and a form content type.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { every } from "hono/combine";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { turnstileSiteKey } from "../env";
import type { AppEnv, PageGrant } from "./app-env";
import { organizerProblem, Problem } from "../app/problem";
import { isOrganizerPath, words } from "./language";

/** The largest form body we read: a signature needs under 2 KB; this leaves room for long non-Latin names. */
export const FORM_BODY_LIMIT = 16 * 1024;

const TURNSTILE_ORIGIN = "https://challenges.cloudflare.com";

function headersWith(turnstile: boolean): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      // No script of our own, ever; Turnstile's widget when it is turned on.
      ...(turnstile ? { scriptSrc: [TURNSTILE_ORIGIN], frameSrc: [TURNSTILE_ORIGIN] } : {}),
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    referrerPolicy: "strict-origin-when-cross-origin",
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

/**
 * Middleware declaring, beside the route, what its responses may do beyond
 * the strict default policy (applied by securityHeaders); `when` limits it to
 * the requests it picks.
 *
 * @example embed.get("/:slug/embed", pagePolicy("framable-by-any-site"), handler)
 */
export function pagePolicy(
  grant: PageGrant | readonly PageGrant[],
  when: (c: Context<AppEnv>) => boolean = () => true,
): MiddlewareHandler<AppEnv> {
  const granted = typeof grant === "string" ? [grant] : grant;
  return async function pagePolicy(c, next) {
    if (when(c)) c.set("pageGrants", new Set([...(c.get("pageGrants") ?? []), ...granted]));
    await next();
  };
}

/**
 * Security headers on every response; the CSP admits Turnstile's origin only
 * when Turnstile is configured. No page may be framed by another site, except
 * the responses a route grants "framable-by-any-site" with pagePolicy (the
 * embed card and what signing through it answers). Likewise, only what a
 * route grants "loadable-by-other-sites" may be loaded by other sites' pages.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const strict = headersWith(false);
  const withTurnstile = headersWith(true);
  return async function securityHeaders(c, next) {
    await (turnstileSiteKey(c.env) ? withTurnstile : strict)(c, next);
    const grants = c.get("pageGrants");
    const framable = grants?.has("framable-by-any-site");
    const crossOrigin = grants?.has("loadable-by-other-sites");
    const ownScriptsAndFrames = grants?.has("own-scripts-and-frames");
    const ownScriptsAndRequests = grants?.has("own-scripts-and-requests");
    const ownScripts = grants?.has("own-scripts");
    const framableBySelf = grants?.has("framable-by-self");
    // Headers of a cached response can't be changed in place: a copy, once, when there is anything to change.
    if (framable || crossOrigin || ownScriptsAndFrames || ownScriptsAndRequests || ownScripts || framableBySelf) {
      c.res = new Response(c.res.body, c.res);
    }
    if (ownScripts && !ownScriptsAndFrames && !ownScriptsAndRequests) {
      const policy = c.res.headers.get("Content-Security-Policy");
      if (policy) c.res.headers.set("Content-Security-Policy", allowSelf(policy, "script-src"));
    }
    if (ownScriptsAndFrames) {
      const policy = c.res.headers.get("Content-Security-Policy");
      if (policy) c.res.headers.set("Content-Security-Policy", allowSelf(allowSelf(policy, "script-src"), "frame-src"));
    }
    if (ownScriptsAndRequests) {
      const policy = c.res.headers.get("Content-Security-Policy");
      if (policy)
        c.res.headers.set("Content-Security-Policy", allowSelf(allowSelf(policy, "script-src"), "connect-src"));
    }
    if (framableBySelf) {
      const policy = c.res.headers.get("Content-Security-Policy");
      if (policy)
        c.res.headers.set(
          "Content-Security-Policy",
          policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
        );
      c.res.headers.set("X-Frame-Options", "SAMEORIGIN");
    }
    if (framable) {
      const policy = c.res.headers.get("Content-Security-Policy");
      if (policy) {
        // Any site may frame it, and it may run our own script (the optional height report; see views/embed-scripts.ts).
        const anyAncestor = policy.replace("frame-ancestors 'none'", "frame-ancestors *");
        c.res.headers.set(
          "Content-Security-Policy",
          anyAncestor.includes("script-src ")
            ? anyAncestor.replace("script-src ", "script-src 'self' ")
            : `${anyAncestor}; script-src 'self'`,
        );
      }
      c.res.headers.delete("X-Frame-Options");
    }
    if (crossOrigin) {
      // secureHeaders() keeps every response to our own pages (Cross-Origin-Resource-Policy: same-origin).
      c.res.headers.set("Cross-Origin-Resource-Policy", "cross-origin");
    }
  };
}

/** The policy with 'self' added to `directive` (created when absent: a repeated directive would be ignored). */
function allowSelf(policy: string, directive: string): string {
  return policy.includes(`${directive} `)
    ? policy.replace(`${directive} `, `${directive} 'self' `)
    : `${policy}; ${directive} 'self'`;
}

const FORM_MEDIA_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

function requireFormContentType(): MiddlewareHandler<AppEnv> {
  return async function requireFormContentType(c, next) {
    const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!FORM_MEDIA_TYPES.has(mediaType)) {
      const { title, message } = words(c).errors.byStatus[415]!;
      throw new Problem(415, title, message);
    }
    await next();
  };
}

// Array-style (name[]) and prototype-shaped (__proto__) field names: no form of ours sends them.
const ODD_FIELD_NAME = /[[\]]|^(?:__proto__|constructor|prototype)$/;

function refuseOddFieldNames(): MiddlewareHandler<AppEnv> {
  return async function refuseOddFieldNames(c, next) {
    let names: string[];
    try {
      names = [...new Set((await c.req.formData()).keys())];
    } catch {
      const { title, message } = words(c).errors.formUnreadable;
      throw new Problem(400, title, message);
    }
    const odd = names.filter((name) => ODD_FIELD_NAME.test(name));
    if (odd.length > 0) {
      const { title, message } = words(c).errors.oddFields(odd.map((name) => `“${name.slice(0, 40)}”`).join(", "));
      throw new Problem(400, title, message);
    }
    await next();
  };
}

/**
 * Hono's same-origin check (a form post's Origin, else its Sec-Fetch-Site, must be this site's),
 * whose refusal says what happened: in the organizer area, the crossSite problem in the organizer's
 * language (not the area's words for a 403, which are about roles); on the public side, the public
 * words for 403, which are about this check already.
 */
function sameOrigin(): MiddlewareHandler<AppEnv> {
  const check = csrf();
  return async function sameOrigin(c, next) {
    let passed = false;
    try {
      await check(c, async () => {
        passed = true;
        await next();
      });
    } catch (error) {
      // Only the check's own refusal: a 403 thrown further on keeps its words.
      if (!passed && error instanceof HTTPException && error.status === 403 && isOrganizerPath(c.req.path))
        throw organizerProblem(403, "crossSite");
      throw error;
    }
  };
}

/**
 * The guards of a form post, in the order they must run: origin, size, content type, field names.
 *
 * @param maxSize the most bytes a body may have (FORM_BODY_LIMIT, 16 KB, unless given)
 * @param tooLarge the 413 a larger body is answered with (the public words for 413 unless given)
 * @param fromAnySite skip the same-origin check, for a post whose authority is a secret in its own URL
 *   that no other site knows (RFC 8058's one-click unsubscribe, which a mail provider posts without
 *   Origin or Sec-Fetch-Site); the other guards stay
 */
export function formGuards({
  maxSize = FORM_BODY_LIMIT,
  tooLarge,
  fromAnySite = false,
}: { maxSize?: number; tooLarge?: () => Problem; fromAnySite?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return every(
    fromAnySite ? (_c, next) => next() : sameOrigin(),
    bodyLimit({
      maxSize,
      onError: (c) => {
        if (tooLarge) throw tooLarge();
        const words413 = words(c).errors.byStatus[413]!;
        throw new Problem(413, words413.title, words413.message);
      },
    }),
    requireFormContentType(),
    refuseOddFieldNames(),
  );
}
