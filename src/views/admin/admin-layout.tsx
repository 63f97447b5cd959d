/**
 * The shell of every organizer page: the organizer navigation, the logout
 * button (a form with the session's CSRF token), and nothing for search
 * engines or caches.
 */
import type { Child } from "hono/jsx";
import { CSRF_FIELD } from "../../domain/organizer-session";
import { SITE_NAME } from "../layout";
import { STYLESHEET_PATH } from "../styles";
import { ADMIN_STYLESHEET_PATH } from "./admin-styles";
import { Can } from "./can";

export interface AdminPageProps {
  title: string;
  /** The session's CSRF token; absent on the login page. */
  csrf?: string | null;
  /** Our own scripts the page loads (deferred); every page works without them. */
  scripts?: readonly string[];
  /** The page answers a refused form: its <title> starts with ERROR_TITLE_PREFIX, as screen readers announce first. */
  error?: boolean;
  children: Child;
}

/** What the title of a page that answers a refused form begins with. */
export const ERROR_TITLE_PREFIX = "Error: ";

/** The hidden field every organizer form carries. */
export function CsrfField({ token }: { token: string | null | undefined }) {
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null;
}

export function AdminLayout({ title, csrf, scripts = [], error = false, children }: AdminPageProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${error ? ERROR_TITLE_PREFIX : ""}${title} · ${SITE_NAME} organizers`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <link rel="stylesheet" href={ADMIN_STYLESHEET_PATH} />
        {scripts.map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header admin-header">
          <a class="site-name" href={csrf ? "/admin" : "/"}>
            {SITE_NAME} · Organizers
          </a>
          {csrf && (
            <>
              <nav aria-label="Organizer area">
                <ul>
                  <li>
                    <a href="/admin">Letters</a>
                  </li>
                  <Can permission="edit-letters">
                    <li>
                      <a href="/admin/letters/new">New letter</a>
                    </li>
                  </Can>
                  <li>
                    <a href="/admin/account/tokens">API tokens</a>
                  </li>
                  <li>
                    <a href="/">Public site</a>
                  </li>
                </ul>
              </nav>
              <form method="post" action="/admin/logout">
                <CsrfField token={csrf} />
                <button type="submit" class="link-button">
                  Log out
                </button>
              </form>
            </>
          )}
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
