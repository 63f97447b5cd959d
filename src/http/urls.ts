/**
 * Absolute links: a path of domain/paths.ts on the public origin.
 */
import { ConfigurationError, type Settings } from "../env";
import type { Context } from "hono";
import { LOOPBACK_HOSTS } from "../domain/webhook";
import type { AppEnv } from "./app-env";

const parsedUrls = new WeakMap<Request, URL>();

/**
 * The request's URL, parsed once per request: the middleware, the page cache and every absolute
 * link of a page read it, and each `new URL` costs microseconds on every request. Read-only: a
 * caller that needs to change a URL makes its own (`new URL(requestUrl(c))`).
 */
export function requestUrl<E extends AppEnv>(c: Context<E>): Readonly<URL> {
  const request = c.req.raw;
  let url = parsedUrls.get(request);
  if (!url) {
    url = new URL(request.url);
    parsedUrls.set(request, url);
  }
  return url;
}

/** The origin links are made absolute with: PUBLIC_URL when set, else the request's own. */
export function publicOrigin<E extends AppEnv>(c: Context<E>): string {
  // Settings are set by the first middleware; a response made before it (none today) falls back to the request.
  const settings: Settings | undefined = c.var.settings;
  return settings?.publicUrl ?? requestUrl(c).origin;
}

/**
 * The origin of links that leave the request (sign-in links, invitations, signers' confirmation
 * and withdrawal links, emailed and queued) and of passkeys (their relying party): PUBLIC_URL;
 * without it, the request's own origin only on a loopback development host (`npm start`,
 * `wrangler dev`); else null, and nothing that needs one is sent. Never the Host a request names
 * elsewhere: a stranger asking a link for a colleague with `Host: evil.example` would put a link
 * to evil.example in the colleague's mailbox.
 */
export function linkOrigin<E extends AppEnv>(c: Context<E>): string | null {
  const settings: Settings | undefined = c.var.settings;
  if (settings?.publicUrl) return settings.publicUrl;
  const url = requestUrl(c);
  return isLoopback(url.hostname) ? url.origin : null;
}

/** Why links can't be made: logged, and shown to an organizer (an operator's mistake, not theirs). */
export const NO_LINK_ORIGIN =
  "PUBLIC_URL is not set, so no emailed link or passkey can name this site: set PUBLIC_URL to its address (https://letters.example.org).";

/** linkOrigin, for what can't do without one (a passkey's relying party). @throws ConfigurationError without one */
export function requireLinkOrigin<E extends AppEnv>(c: Context<E>): string {
  const origin = linkOrigin(c);
  if (!origin) throw new ConfigurationError(NO_LINK_ORIGIN);
  return origin;
}

export function absoluteUrl<E extends AppEnv>(c: Context<E>, path: string): string {
  return `${publicOrigin(c)}${path}`;
}

/** Whether `hostname` (as URL.hostname writes it: "[::1]" with brackets) names this machine. */
export function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

/**
 * Whether a letter's webhook may point at this machine (https://127.0.0.1,
 * localhost, [::1]): only when the Worker itself is reached at a loopback
 * address (wrangler dev, `npm start`) and no non-local PUBLIC_URL is set, so
 * an organizer trying the service locally can try a receiver on their own
 * computer.
 *
 * Never in production, for two reasons: a deployed Worker is only reached
 * through a host name Cloudflare routes to it (its workers.dev or custom
 * domain), so its request URL never names a loopback address (a client can't
 * make it: Cloudflare routes by that host name); and its PUBLIC_URL names its
 * public site. A receiver on "this machine" would otherwise mean Cloudflare's
 * own network, which must never be a webhook's target (server-side request
 * forgery).
 */
export function webhookLoopbackAllowed<E extends AppEnv>(c: Context<E>): boolean {
  const settings: Settings | undefined = c.var.settings;
  const publicUrl = settings?.publicUrl;
  if (publicUrl && !isLoopback(new URL(publicUrl).hostname)) return false;
  return isLoopback(requestUrl(c).hostname);
}
