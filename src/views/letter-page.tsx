/**
 * A letter's public page: the letter itself, its signatories (the first
 * page of them, with a link to the rest), and the sign form, or a notice
 * that signing has closed.
 */
import { isolate } from "../domain/bidi";
import { raw } from "hono/html";
import { embedSnippet } from "../domain/embed";
import { deliveryNoteOf, signingEndedAt, type Letter } from "../domain/letter";
import type { Messages } from "../domain/i18n";
import type { PublicSignatory } from "../domain/signature";
import { describeCounts, formatDate } from "./format";
import { LanguageSwitcher, type LanguageLink } from "./language-switcher";
import { Layout, type PageMeta } from "./layout";
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
  /** Every published version of its text, with what changed: where "updated on" leads. */
  versions: string;
  /** The page in each of the letter's languages: for the switcher, and absolute for hreflang. */
  languages: readonly LanguageLink[];
  alternates: PageMeta["alternates"];
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
  t: Messages;
}

/** Open or closed, and the total: the top of the letter page and of the embed card. */
export function StatusAndTotal({ letter, status, t }: { letter: Letter; status: "open" | "closed"; t: Messages }) {
  return (
    <>
      <LetterStatus letter={letter} status={status} t={t} />
      <span>
        <strong>{t.number(letter.counts.total)}</strong> {t.counts.signatureWord(letter.counts.total)}
      </span>
    </>
  );
}

export function LetterStatus({ letter, status, t }: { letter: Letter; status: "open" | "closed"; t: Messages }) {
  if (status === "closed" && letter.deliveredOn) {
    return <span class="status status-closed">{t.letter.deliveredOn(t.date(letter.deliveredOn))}</span>;
  }
  if (status === "open") {
    return (
      <span class="status status-open">
        {letter.closesAt ? t.letter.openUntil(t.moment(letter.closesAt, letter.closesTimeZone)) : t.letter.open}
      </span>
    );
  }
  const ended = signingEndedAt(letter, new Date());
  return (
    <span class="status status-closed">
      {ended ? t.letter.closedOnDay(t.dayIn(ended, letter.closesTimeZone)) : t.letter.closed}
    </span>
  );
}

/**
 * Why the letter takes no more signatures, for its page's sign section:
 * delivered on its day, closed on the day signing ended (in the letter's
 * zone: see signingEndedAt), or simply closed.
 */
export function closedNotice(letter: Letter, t: Messages, now: Date): string {
  if (letter.deliveredOn) return t.letter.deliveredClosed(t.date(letter.deliveredOn));
  const ended = signingEndedAt(letter, now);
  return ended ? t.letter.closedOn(t.dayIn(ended, letter.closesTimeZone)) : t.letter.noLongerTakes;
}

/** The delivery note in the page's language (else the original's), marked with its language. */
function DeliveryNote({ letter }: { letter: Letter }) {
  const note = letter.deliveredOn ? deliveryNoteOf(letter) : null;
  if (!note) return null;
  return (
    <p class="notice delivery-note" lang={note.language}>
      {note.text}
    </p>
  );
}

/** The addressee block, one line per line. */
export function Addressee({ text }: { text: string }) {
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

export function LetterPage({ letter, status, signatories, links, form, formExtras, notice, t }: LetterPageProps) {
  return (
    <Layout
      meta={{
        title: letter.title,
        description: letter.summary,
        canonical: links.page,
        type: "article",
        oembed: links.oembed,
        feed: links.feed,
        letterFeed: links.letterFeed,
        image: links.image,
        lang: t.locale,
        alternates: links.alternates,
        error: Boolean(form.formError) || Object.values(form.errors).some(Boolean),
      }}
      t={t}
    >
      {notice && (
        <p class="notice" role="note">
          {notice}
        </p>
      )}
      <LanguageSwitcher languages={links.languages} current={letter.language} label={t.layout.languages} />
      <article class="letter" lang={letter.language} aria-labelledby="letter-title">
        <header>
          <h1 id="letter-title">{letter.title}</h1>
          <p class="meta">
            <time datetime={letter.date}>{formatDate(letter.date, letter.language)}</time>
            {letter.textUpdatedAt && (
              <span lang={t.locale}>
                {" "}
                ·{" "}
                <a href={links.versions}>
                  {t.letter.updatedOn} <time datetime={letter.textUpdatedAt}>{t.date(letter.textUpdatedAt)}</time>
                </a>
              </span>
            )}
          </p>
        </header>
        <div class="call-to-action">
          <StatusAndTotal letter={letter} status={status} t={t} />
          {status === "open" && (
            <a class="button" href="#sign">
              {t.letter.signThisLetter}
            </a>
          )}
        </div>
        <DeliveryNote letter={letter} />
        <Addressee text={letter.addressee} />
        <div class="letter-body">{raw(letter.bodyHtml)}</div>
      </article>
      <section class="signatories" aria-labelledby="signatories-title">
        <h2 id="signatories-title">{t.letter.signatories}</h2>
        <p class="counts">{describeCounts(letter.counts, t)}.</p>
        {signatories.length === 0 ? (
          <p>
            {t.letter.noneYet} {status === "open" ? t.letter.beTheFirst : ""}
          </p>
        ) : (
          <SignatoryList signatories={signatories} t={t} />
        )}
        {links.moreSignatories && (
          <p class="pagination">
            <a href={links.moreSignatories}>{t.letter.seeMore}</a>
          </p>
        )}
        {letter.counts.total > signatories.length && !links.moreSignatories && (
          <p class="meta">{t.letter.unlisted(letter.counts.total - signatories.length)}</p>
        )}
      </section>
      <section class="sign" id="sign" aria-labelledby="sign-heading">
        <h2 id="sign-heading">{status === "open" ? t.letter.signThisLetter : t.letter.signingClosed}</h2>
        {status === "open" ? (
          <SignForm action={links.sign} state={form} extras={formExtras} t={t} language={letter.language} />
        ) : (
          <p>{closedNotice(letter, t, new Date())}</p>
        )}
      </section>
      <section class="share" aria-labelledby="share-title">
        <h2 id="share-title">{t.letter.share}</h2>
        <ShareLinks url={links.page} title={letter.title} t={t} />
        <details>
          <summary>
            <h2 id="embed-title">{t.letter.embedTitle}</h2>
          </summary>
          <p>{t.letter.embedIntro}</p>
          <label for="embed-code">{t.letter.embedCode}</label>
          <textarea id="embed-code" readonly rows={4}>
            {embedSnippet(links.embed, t.embed.title(isolate(letter.title)), { scriptUrl: links.embedScript })}
          </textarea>
          <p class="meta">
            {t.letter.embedSourceBefore}
            <code>?source=</code>
            {t.letter.embedSourceMiddle}
            <code>
              {links.embed}
              {links.embed.includes("?") ? "&" : "?"}source={t.letter.embedSourceExample}
            </code>
            {t.letter.embedSourceAfter}
          </p>
        </details>
      </section>
    </Layout>
  );
}
