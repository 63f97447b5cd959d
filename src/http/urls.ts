/**
 * Absolute links: a path of domain/paths.ts on the public origin.
 */
import type { Context } from "hono";
import type { AppEnv } from "./app-env";

/** The origin links are made absolute with: PUBLIC_URL when set, else the request's own. */
export function publicOrigin<E extends AppEnv>(c: Context<E>): string {
  return c.get("settings")?.publicUrl ?? new URL(c.req.url).origin;
}

export function absoluteUrl<E extends AppEnv>(c: Context<E>, path: string): string {
  return `${publicOrigin(c)}${path}`;
}
