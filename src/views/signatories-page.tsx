/** A later page of a letter's signatories, reached from "See more signatories". */
import { isolate } from "../domain/bidi";
import type { Messages } from "../domain/i18n";
import type { Letter } from "../domain/letter";
import type { PublicSignatory, SignatureKind } from "../domain/signature";
import { describeCounts } from "./format";
import type { LanguageLink } from "./language-switcher";
import type { PageMeta } from "./layout";
import { LetterSubpage } from "./letter-subpage";
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
    <LetterSubpage
      letter={letter}
      links={links}
      t={t}
      meta={{
        title: t.signatoriesPage.title(isolate(letter.title)),
        description: `${describeCounts(letter.counts, t)}.`,
      }}
      words={{ back: t.signatoriesPage.back, heading: t.signatoriesPage.heading, of: t.signatoriesPage.of }}
    >
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
    </LetterSubpage>
  );
}
