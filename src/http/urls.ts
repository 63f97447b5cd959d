/**
 * Absolute links: a path of domain/paths.ts on the public origin.
 */
import type { Settings } from "../env";
import type { Context } from "hono";
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
