/**
 * A letter's public page: the letter itself, its signatories (the first
 * page of them, with a link to the rest), and the sign form, or a notice
 * that signing has closed.
 */
import { raw } from "hono/html";
import { embedSnippet } from "../domain/embed";
import type { Letter } from "../domain/letter";
import type { PublicSignatory } from "../domain/signature";
import { countOf, describeCounts, formatDate, formatNumber } from "./format";
import { Layout } from "./layout";
import { SignForm, type SignFormExtras, type SignFormState } from "./sign-form";
import { ShareLinks } from "./share-links";
import { SignatoryList } from "./signatory-list";

export interface LetterLinks {
  /** Absolute canonical URL of the letter page. */
  page: string;
  /** Where the sign form posts. */
  sign: string;
  /** The next page of signatories, if there is one. */
  moreSignatories: string | null;
  /** Absolute URLs of the embeddable card, of the page's oEmbed JSON, and of the letters' feed. */
  embed: string;
  oembed: string;
  feed: string;
  /** The optional script that sizes the embed's iframe to the card. */
  embedScript: string;
  /** The link-preview image. */
  image: string;
  /** This letter's feed of updates. */
  letterFeed: string;
}

export interface LetterPageProps {
  letter: Letter;
  status: "open" | "closed";
  signatories: readonly PublicSignatory[];
  links: LetterLinks;
  form: SignFormState;
  formExtras: SignFormExtras;
  /** A banner above the letter (the organizers' previews say what they are). */
  notice?: string;
}

/** Open or closed, and the total: the top of the letter page and of the embed card. */
export function StatusAndTotal({ letter, status }: { letter: Letter; status: "open" | "closed" }) {
  return (
    <>
      <LetterStatus letter={letter} status={status} />
      <span>
        <strong>{formatNumber(letter.counts.total)}</strong> {letter.counts.total === 1 ? "signature" : "signatures"}
      </span>
    </>
  );
}

export function LetterStatus({ letter, status }: { letter: Letter; status: "open" | "closed" }) {
  if (status === "closed" && letter.deliveredOn) {
    return <span class="status status-closed">Delivered on {formatDate(letter.deliveredOn)}</span>;
  }
  if (status === "open") {
    return (
      <span class="status status-open">
        Open for signatures{letter.closesAt ? ` until ${formatDate(letter.closesAt)}` : ""}
      </span>
    );
  }
  return <span class="status status-closed">Closed for signatures</span>;
}

/** The addressee block, one line per line. */
function Addressee({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <p class="addressee">
      {lines.map((line, index) => (
        <>
          {line}
          {index < lines.length - 1 && <br />}
        </>
      ))}
    </p>
  );
}

export function LetterPage({ letter, status, signatories, links, form, formExtras, notice }: LetterPageProps) {
  return (
    <Layout
      meta={{ title: letter.title, description: letter.summary, canonical: links.page, type: "article", oembed: links.oembed, feed: links.feed, letterFeed: links.letterFeed, image: links.image }}
    >
      {notice && (
        <p class="notice" role="note">
          {notice}
        </p>
      )}
      <article class="letter" lang={letter.language} aria-labelledby="letter-title">
        <header>
          <h1 id="letter-title">{letter.title}</h1>
          <p class="meta">
            <time datetime={letter.date}>{formatDate(letter.date, letter.language)}</time>
            {letter.textUpdatedAt && (
              <span lang="en">
                {" "}
                · Updated on <time datetime={letter.textUpdatedAt}>{formatDate(letter.textUpdatedAt)}</time>
              </span>
            )}
          </p>
        </header>
        <div class="call-to-action">
          <StatusAndTotal letter={letter} status={status} />
          {status === "open" && (
            <a class="button" href="#sign">
              Sign this letter
            </a>
          )}
        </div>
        {letter.deliveredOn && letter.deliveryNote && (
          <p class="notice delivery-note" lang="en">
            {letter.deliveryNote}
          </p>
        )}
        <Addressee text={letter.addressee} />
        <div class="letter-body">{raw(letter.bodyHtml)}</div>
      </article>
      <section class="signatories" aria-labelledby="signatories-title">
        <h2 id="signatories-title">Signatories</h2>
        <p class="counts">{describeCounts(letter.counts)}.</p>
        {signatories.length === 0 ? (
          <p>No one has signed yet. {status === "open" ? "Be the first." : ""}</p>
        ) : (
          <SignatoryList signatories={signatories} />
        )}
        {links.moreSignatories && (
          <p class="pagination">
            <a href={links.moreSignatories}>
              See more signatories
            </a>
          </p>
        )}
        {letter.counts.total > signatories.length && !links.moreSignatories && (
          <p class="meta">
            {countOf(letter.counts.total - signatories.length, "signatory asked", "signatories asked")} not to be listed by
            name.
          </p>
        )}
      </section>
      <section class="sign" id="sign" aria-labelledby="sign-title">
        <h2 id="sign-title">{status === "open" ? "Sign this letter" : "Signing has closed"}</h2>
        {status === "open" ? (
          <SignForm action={links.sign} state={form} extras={formExtras} />
        ) : (
          <p>
            This letter no longer takes signatures
            {letter.deliveredOn ? `: it was delivered on ${formatDate(letter.deliveredOn)}` : letter.closesAt ? `: signing closed on ${formatDate(letter.closesAt)}` : ""}.
          </p>
        )}
      </section>
      <section class="share" aria-labelledby="share-title">
        <h2 id="share-title">Share this letter</h2>
        <ShareLinks url={links.page} title={letter.title} />
        <details>
          <summary>
            <h2 id="embed-title">Embed this letter on your site</h2>
          </summary>
          <p>
            Copy this code into a page of your site: it shows the letter's title, its count, its first signatories and the
            sign form, and works without JavaScript. The script line is optional: it makes the frame as tall as the card.
          </p>
          <label for="embed-code">Embed code</label>
          <textarea id="embed-code" readonly rows={4}>
            {embedSnippet(links.embed, letter.title, { scriptUrl: links.embedScript })}
          </textarea>
          <p class="meta">
            To see how many people signed through your site, add <code>?source=</code> and your organization's name (letters,
            digits and dashes) to the address in the code, e.g. <code>{links.embed}?source=your-organization</code>. Sites that
            read oEmbed (WordPress and others) embed the letter from its address alone.
          </p>
        </details>
      </section>
    </Layout>
  );
}
