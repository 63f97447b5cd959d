/**
 * The page shell shared by every HTML page: head metadata (title,
 * description, canonical link, Open Graph and Twitter cards), the site
 * header and footer. No script is ever sent.
 */
import { isolate } from "../domain/bidi";
import type { Role } from "../domain/organizer-roles";
import { createContext, useContext, type Child } from "hono/jsx";
import { messagesFor, type Messages } from "../domain/i18n";
import { paths } from "../domain/paths";
import { OG_IMAGE_ALT, OG_IMAGE_SIZE } from "./og";
import { STYLESHEET_PATH } from "./styles";

export interface PageMeta {
  title: string;
  description?: string;
  /** Absolute URL of the page's canonical address. */
  canonical?: string;
  /** Open Graph type: "article" for letters, "website" elsewhere. */
  type?: "article" | "website";
  /** Language of the page (its interface and its main content); English when not given. */
  lang?: string;
  /** The same page in each of its languages, for <link rel="alternate" hreflang> (absolute addresses), and the one for x-default. */
  alternates?: { languages: readonly { language: string; href: string }[]; fallback: string };
  /** The page answers a form that was refused: its <title> starts with the catalog's layout.errorTitlePrefix ("Error: "). */
  error?: boolean;
  /** Pages that should not appear in search results (thank-you and error pages). */
  noindex?: boolean;
  /** The page's oEmbed JSON address, for discovery by partners' sites and tools. */
  oembed?: string;
  /** Absolute address of the letters' Atom feed (relative when not given). */
  feed?: string;
  /** Absolute address of this letter's own feed of updates, on a letter's page. */
  letterFeed?: string;
  /** Absolute address of the link-preview image (Open Graph), when the page has one. */
  image?: string;
}

export const SITE_NAME = "Undersigned";

/** What every page's shell shows about the deployment rather than the page: the verifier key that signs the records' checkpoints (null without one). */
export interface PageShell {
  recordKey: string | null;
  /**
   * Who is signed in to the organizer area: its pages' header names them, and
   * leave out what their role can't use (views/admin/can.tsx). Absent elsewhere.
   */
  signedIn?: { id: number; name: string; role: Role } | null;
}

/** The shell of a page drawn where the deployment's settings could not be read (a configuration error's page). */
export const NO_PAGE_SHELL: PageShell = { recordKey: null };

const PageShellContext = createContext<PageShell>(NO_PAGE_SHELL);

/** What the page being drawn shows about the deployment and who is signed in (see renderDocument). */
export function usePageShell(): PageShell {
  return useContext(PageShellContext);
}

export function Layout({
  meta,
  children,
  t = messagesFor(meta.lang),
}: {
  meta: PageMeta;
  children: Child;
  t?: Messages;
}) {
  const fullTitle = `${meta.error ? t.layout.errorTitlePrefix : ""}${meta.title === SITE_NAME ? SITE_NAME : `${meta.title} · ${SITE_NAME}`}`;
  return (
    <html lang={meta.lang ?? "en"}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.canonical && <link rel="canonical" href={meta.canonical} />}
        {meta.alternates && meta.alternates.languages.length > 1 && (
          <>
            {meta.alternates.languages.map(({ language, href }) => (
              <link rel="alternate" hreflang={language} href={href} />
            ))}
            <link rel="alternate" hreflang="x-default" href={meta.alternates.fallback} />
          </>
        )}
        {meta.noindex && <meta name="robots" content="noindex" />}
        {meta.oembed && <link rel="alternate" type="application/json+oembed" href={meta.oembed} title={meta.title} />}
        <meta property="og:site_name" content={SITE_NAME} />
        <meta property="og:type" content={meta.type ?? "website"} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:locale" content={openGraphLocale(meta.lang ?? "en")} />
        {meta.alternates &&
          meta.alternates.languages.length > 1 &&
          meta.alternates.languages
            .filter(({ language }) => language !== (meta.lang ?? "en"))
            .map(({ language }) => <meta property="og:locale:alternate" content={openGraphLocale(language)} />)}
        {meta.description && <meta property="og:description" content={meta.description} />}
        {meta.canonical && <meta property="og:url" content={meta.canonical} />}
        {meta.image && (
          <>
            <meta property="og:image" content={meta.image} />
            <meta property="og:image:width" content={String(OG_IMAGE_SIZE.width)} />
            <meta property="og:image:height" content={String(OG_IMAGE_SIZE.height)} />
            <meta property="og:image:alt" content={OG_IMAGE_ALT} />
          </>
        )}
        <meta name="twitter:card" content={meta.image ? "summary_large_image" : "summary"} />
        <meta name="twitter:title" content={meta.title} />
        {meta.description && <meta name="twitter:description" content={meta.description} />}
        <link
          rel="alternate"
          type="application/atom+xml"
          href={meta.feed ?? "/feed.atom"}
          title={t.layout.feedTitle(SITE_NAME)}
        />
        {meta.letterFeed && (
          <link
            rel="alternate"
            type="application/atom+xml"
            href={meta.letterFeed}
            title={t.layout.letterFeedTitle(isolate(meta.title))}
          />
        )}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.layout.skipToContent}
        </a>
        <header class="site-header">
          <a class="site-name" href="/">
            {SITE_NAME}
          </a>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t.layout.footer(SITE_NAME)}</p>
          <RecordKey t={t} />
        </footer>
      </body>
    </html>
  );
}

/** The key that signs every letter's record, in the footer, so that anyone can keep a copy of it. */
function RecordKey({ t }: { t: Messages }) {
  const { recordKey } = useContext(PageShellContext);
  if (!recordKey) return null;
  return (
    <p class="record-key">
      {t.layout.recordKey} <code>{recordKey}</code> (<a href={paths.recordKey()}>{t.layout.recordKeyLink}</a>)
    </p>
  );
}

/**
 * Open Graph wants a locale as language_TERRITORY ("es_ES"), not a language
 * tag: the likeliest territory comes from CLDR through Intl.Locale, so "pt"
 * is "pt_BR" and "fr" is "fr_FR" without a table of our own.
 */
export function openGraphLocale(language: string): string {
  try {
    const locale = new Intl.Locale(language).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return "en_US";
  }
}

/** Renders a page to a complete HTML document, its shell showing `shell` (see PageShell). */
export async function renderDocument(page: Child, shell: PageShell): Promise<string> {
  const document = <PageShellContext.Provider value={shell}>{page}</PageShellContext.Provider>;
  return `<!DOCTYPE html>${await (document as unknown as { toString(): string | Promise<string> }).toString()}`;
}
