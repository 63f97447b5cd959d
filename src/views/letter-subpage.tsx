/**
 * The frame of a letter's public sub-pages (its signatories, its record and each record entry, the
 * versions of its text): the page shell with the sub-page's title and description, the language
 * switcher, a link back to the letter, the heading, and "of <the letter's title>" in the letter's
 * language. No script.
 */
import type { Child } from "hono/jsx";
import type { Messages } from "../domain/i18n";
import type { Letter } from "../domain/letter";
import { LanguageSwitcher, type LanguageLink } from "./language-switcher";
import { Layout, type PageMeta } from "./layout";

/** The links every sub-page of a letter carries. */
export interface LetterSubpageLinks {
  /** The letter's page, in the language the sub-page is drawn in. */
  letter: string;
  /** Absolute address of the sub-page's canonical version. */
  canonical: string;
  /** The sub-page in each of the letter's languages, for the switcher. */
  languages: readonly LanguageLink[];
  /** The same, absolute, for hreflang. */
  alternates: PageMeta["alternates"];
}

/**
 * @param props.meta the page's title and description (and `noindex` for pages a search engine must not keep)
 * @param props.words the link back, the heading, and the word before the letter's title ("of")
 * @param props.children the sub-page's own content, after the line naming the letter
 */
export function LetterSubpage(props: {
  letter: Pick<Letter, "title" | "language">;
  links: LetterSubpageLinks;
  t: Messages;
  meta: { title: string; description?: string; noindex?: boolean };
  words: { back: string; heading: string; of: string };
  children?: Child;
}) {
  const { letter, links, t, meta, words } = props;
  return (
    <Layout
      meta={{
        ...meta,
        canonical: links.canonical,
        lang: t.locale,
        alternates: links.alternates,
      }}
      t={t}
    >
      <LanguageSwitcher languages={links.languages} current={letter.language} label={t.layout.languages} />
      <p class="meta">
        <a href={links.letter}>{words.back}</a>
      </p>
      <h1>{words.heading}</h1>
      <p>
        {words.of}{" "}
        <a href={links.letter} lang={letter.language}>
          {letter.title}
        </a>
      </p>
      {props.children}
    </Layout>
  );
}
