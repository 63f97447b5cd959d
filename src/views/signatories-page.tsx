/** A later page of a letter's signatories, reached from "See more signatories". */
import { isolate } from "../domain/bidi";
import type { Messages } from "../domain/i18n";
import type { Letter } from "../domain/letter";
import type { PublicSignatory, SignatureKind } from "../domain/signature";
import { describeCounts } from "./format";
import { LanguageSwitcher, type LanguageLink } from "./language-switcher";
import { Layout, type PageMeta } from "./layout";
import { SignatoryList, VerifiedExplanation } from "./signatory-list";

export function SignatoriesPage(props: {
  letter: Letter;
  signatories: readonly PublicSignatory[];
  links: {
    letter: string;
    canonical: string;
    first: string;
    next: string | null;
    languages: readonly LanguageLink[];
    alternates: PageMeta["alternates"];
  };
  /** The kind the previous page ended with, or null on the first page. */
  continues: SignatureKind | null;
  t: Messages;
}) {
  const { letter, signatories, links, t } = props;
  return (
    <Layout
      meta={{
        title: t.signatoriesPage.title(isolate(letter.title)),
        description: `${describeCounts(letter.counts, t)}.`,
        canonical: links.canonical,
        lang: t.locale,
        alternates: links.alternates,
      }}
      t={t}
    >
      <LanguageSwitcher languages={links.languages} current={letter.language} label={t.layout.languages} />
      <p class="meta">
        <a href={links.letter}>{t.signatoriesPage.back}</a>
      </p>
      <h1>{t.signatoriesPage.heading}</h1>
      <p>
        {t.signatoriesPage.of}{" "}
        <a href={links.letter} lang={letter.language}>
          {letter.title}
        </a>
      </p>
      <p class="counts">{describeCounts(letter.counts, t)}.</p>
      {letter.counts.organizations > 0 && <VerifiedExplanation t={t} />}
      {signatories.length === 0 ? (
        <p>{t.signatoriesPage.noMore}</p>
      ) : (
        <SignatoryList signatories={signatories} t={t} headingLevel={2} continues={props.continues} />
      )}
      <nav class="pagination" aria-label={t.signatoriesPage.pages}>
        {links.next ? <a href={links.next}>{t.signatoriesPage.next}</a> : <span>{t.signatoriesPage.last}</span>}
        {props.continues && (
          <>
            {" · "}
            <a href={links.first}>{t.signatoriesPage.first}</a>
          </>
        )}
      </nav>
    </Layout>
  );
}
