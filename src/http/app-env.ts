/**
 * What Hono carries through a request: the Worker's bindings and the
 * variables middleware hands to routes.
 */
import type { AppDeps } from "../app/deps";
import type { Locale } from "../domain/i18n";
import type { Bindings, Settings } from "../env";
import type { Organizer } from "../domain/organizer-session";
import type { Context } from "hono";
import { NO_PAGE_SHELL, type PageShell } from "../views/layout";

/**
 * What a route's responses may do beyond the strict default policy:
 * - "framable-by-any-site": other sites may frame it (frame-ancestors *), and it may run our own script;
 * - "framable-by-self": our own pages may frame it (the editor's preview);
 * - "own-scripts-and-frames": it may load our own scripts and frame our own pages (the editor);
 * - "own-scripts-and-requests": it may load our own scripts, and they may fetch from our own origin (passkeys);
 * - "own-scripts": it may load our own scripts, nothing more (a new API token's Copy button);
 * - "loadable-by-other-sites": other sites' pages may load it (Cross-Origin-Resource-Policy: cross-origin).
 */
export type PageGrant =
  | "framable-by-any-site"
  | "framable-by-self"
  | "own-scripts-and-frames"
  | "own-scripts-and-requests"
  | "own-scripts"
  | "loadable-by-other-sites";

/** Values middleware hands to routes. */
export interface Variables {
  settings: Settings;
  /** DB with time limits, read retries and failures as StorageUnavailable (see storage/database.ts). */
  db: D1Database;
  /** What the application's use cases need, with that same DB (see app/deps.ts). */
  deps: AppDeps;
  /** What every page's shell shows about the deployment (the record key): see views/layout.tsx renderDocument. */
  pageShell: PageShell;
  /** What the route's responses may do beyond the strict default policy: set by pagePolicy() beside the route. */
  pageGrants?: ReadonlySet<PageGrant>;
  /** The organizer making the request, under /admin (see http/authentication.ts). */
  organizer?: Organizer;
  /** The interface language of the page being answered, once a route knows it (see http/language.ts). */
  locale?: Locale;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}

/**
 * What every page's shell shows about the deployment (see views/layout.tsx
 * PageShell), set by the dependencies middleware (src/index.ts); the bare
 * shell for a page drawn before it ran (a configuration error's).
 */
export function pageShell<E extends AppEnv>(c: Context<E>): PageShell {
  const { pageShell } = c.var as Partial<Variables>;
  return pageShell ?? NO_PAGE_SHELL;
}
