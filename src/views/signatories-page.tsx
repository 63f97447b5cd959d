/** A later page of a letter's signatories, reached from "See more signatories". */
import type { Letter } from "../domain/letter";
import type { PublicSignatory, SignatureKind } from "../domain/signature";
import { describeCounts } from "./format";
import { Layout } from "./layout";
import { SignatoryList } from "./signatory-list";

export function SignatoriesPage(props: {
  letter: Letter;
  signatories: readonly PublicSignatory[];
  links: { letter: string; canonical: string; first: string; next: string | null };
  /** The kind the previous page ended with, or null on the first page. */
  continues: SignatureKind | null;
}) {
  const { letter, signatories, links } = props;
  return (
    <Layout
      meta={{
        title: `Signatories of “${letter.title}”`,
        description: `${describeCounts(letter.counts)}.`,
        canonical: links.canonical,
      }}
    >
      <p class="meta">
        <a href={links.letter}>← Back to the letter</a>
      </p>
      <h1>Signatories</h1>
      <p>
        of <a href={links.letter}>{letter.title}</a>
      </p>
      <p class="counts">{describeCounts(letter.counts)}.</p>
      {signatories.length === 0 ? (
        <p>There are no more signatories to show.</p>
      ) : (
        <SignatoryList signatories={signatories} headingLevel={2} continues={props.continues} />
      )}
      <nav class="pagination" aria-label="Signatory pages">
        {links.next ? <a href={links.next}>Next page of signatories</a> : <span>This is the last page.</span>}
        {props.continues && (
          <>
            {" · "}
            <a href={links.first}>First page</a>
          </>
        )}
      </nav>
    </Layout>
  );
}
