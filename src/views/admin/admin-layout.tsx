/**
 * The shell of every organizer page: the organizer navigation, the
 * language switcher and the logout button (forms with the session's CSRF
 * token), in the page's language (views/admin/admin-words.ts), and nothing
 * for search engines or caches. They sit in a <details> "Menu": shown open
 * at desktop width (admin-styles.ts), behind its button on a phone, where
 * the header is one row; no script.
 */
import type { Child } from "hono/jsx";
import { languageName, LOCALES, type AdminMessages } from "../../domain/i18n";
import type { NamedPerson, Role } from "../../domain/organizer-roles";
import { ADMIN_LANGUAGE_PATH } from "../../domain/organizer-forms";
import { CSRF_FIELD } from "../../domain/organizer-session";
import { SITE_NAME, usePageShell } from "../layout";
import { STYLESHEET_PATH } from "../styles";
import { ADMIN_STYLESHEET_PATH } from "./admin-styles";
import { Can } from "./can";
import { useAdminAddress, useAdminWords } from "./admin-words";

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

/** What the title of a page that answers a refused form begins with, in English (see the catalogs' layout.errorTitlePrefix). */
export const ERROR_TITLE_PREFIX = "Error: ";

/** The hidden field every organizer form carries. */
export function CsrfField({ token }: { token: string | null | undefined }) {
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null;
}

/**
 * The switcher: one button per other language of the area, each named in
 * its own language, posting to /admin/language (which stores the person's
 * choice and comes back here). A form, so it works without JavaScript.
 */
function LanguageSwitcher({ csrf }: { csrf: string }) {
  const t = useAdminWords();
  const back = useAdminAddress();
  return (
    <form method="post" action={ADMIN_LANGUAGE_PATH} class="language-switcher">
      <CsrfField token={csrf} />
      <input type="hidden" name="back" value={back} />
      <span id="language-switcher-label">{t.layout.language}:</span>{" "}
      {LOCALES.filter((locale) => locale !== t.locale).map((locale) => (
        <>
          <button
            type="submit"
            name="language"
            value={locale}
            class="link-button"
            lang={locale}
            title={t.layout.switchTo(languageName(locale))}
          >
            {languageName(locale)}
          </button>{" "}
        </>
      ))}
    </form>
  );
}

/**
 * "Signed in as Ana (editor)": who is signed in, with their role, unless their name says it already
 * (the admin token's account, "Owner (admin token)": never "… (owner)" again).
 */
function signedInWords(t: AdminMessages, person: NamedPerson & { role: Role }): string {
  const name = t.people.nameOf(person);
  const role = t.layout.roleNames[person.role];
  const said = name.toLocaleLowerCase(t.locale).includes(role.toLocaleLowerCase(t.locale));
  return t.layout.signedInAs(name, said ? null : role);
}

export function AdminLayout({ title, csrf, scripts = [], error = false, children }: AdminPageProps) {
  const t = useAdminWords();
  const { signedIn } = usePageShell();
  return (
    <html lang={t.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${error ? t.layout.errorTitlePrefix : ""}${title} · ${t.layout.titleSuffix(SITE_NAME)}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <link rel="stylesheet" href={ADMIN_STYLESHEET_PATH} />
        {scripts.map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          {t.layout.skipToContent}
        </a>
        <header class="site-header admin-header">
          <a class="site-name" href={csrf ? "/admin" : "/"}>
            {t.layout.siteName(SITE_NAME)}
          </a>
          {csrf && (
            <details class="admin-menu">
              <summary>{t.layout.menu}</summary>
              <div class="admin-menu-items">
                <nav aria-label={t.layout.navigation}>
                  <ul>
                    <li>
                      <a href="/admin">{t.layout.letters}</a>
                    </li>
                    <Can permission="edit-letters">
                      <li>
                        <a href="/admin/letters/new">{t.layout.newLetter}</a>
                      </li>
                    </Can>
                    <li>
                      <a href="/admin/account/tokens">{t.layout.apiTokens}</a>
                    </li>
                    <Can permission="administer">
                      <li>
                        <a href="/admin/activity">{t.layout.activity}</a>
                      </li>
                      <li>
                        <a href="/admin/people">{t.layout.people}</a>
                      </li>
                    </Can>
                    <li>
                      <a href="/admin/account">{t.layout.yourAccount}</a>
                    </li>
                    <li>
                      <a href="/">{t.layout.publicSite}</a>
                    </li>
                  </ul>
                </nav>
                {signedIn && <p class="signed-in">{signedInWords(t, signedIn)}</p>}
                <LanguageSwitcher csrf={csrf} />
                <form method="post" action="/admin/logout">
                  <CsrfField token={csrf} />
                  <button type="submit" class="link-button">
                    {t.layout.logOut}
                  </button>
                </form>
              </div>
            </details>
          )}
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
