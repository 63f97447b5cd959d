/**
 * Absolute links: a path of domain/paths.ts on the public origin.
 */
import type { Settings } from "../env";
import type { Context } from "hono";
import { LOOPBACK_HOSTS } from "../domain/webhook";
import type { AppEnv } from "./app-env";

/** The origin links are made absolute with: PUBLIC_URL when set, else the request's own. */
export function publicOrigin<E extends AppEnv>(c: Context<E>): string {
  // Settings are set by the first middleware; a response made before it (none today) falls back to the request.
  const settings: Settings | undefined = c.var.settings;
  return settings?.publicUrl ?? new URL(c.req.url).origin;
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
  return isLoopback(new URL(c.req.url).hostname);
}
