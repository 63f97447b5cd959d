/**
 * The card partners put on their sites in an iframe, in three states, each
 * at its own address and each usable in the snippet's 720-pixel frame
 * without JavaScript:
 *
 * - the card (/letters/{slug}/embed): the letter's title and addressee, its
 *   count (stated once), its first signatories and a Sign link;
 * - its form (/letters/{slug}/embed/sign, and what signing from it answers
 *   on an error): the sign form, its error summary at the top of the frame's page;
 * - its thank-you state (?receipt=): the signature, what happens next, the
 *   letter's share links and its canonical address in a read-only field.
 *
 * Its one script only talks to the framing page (views/embed-scripts.ts).
 * It carries no site header or footer. Links that leave the card open in a
 * new tab (target=_blank rel=noopener) so the partner's page stays where it
 * is; the Sign and Back links, the language links and the form stay in the frame.
 */
import { isolate } from "../domain/bidi";
import type { Messages } from "../domain/i18n";
import type { Letter } from "../domain/letter";
import type { Receipt } from "../domain/receipt";
import type { PublicSignatory } from "../domain/signature";
import { FRAME_SCRIPT_PATH } from "./embed-scripts";
import { describeCounts } from "./format";
import { LanguageSwitcher, type LanguageLink } from "./language-switcher";
import { SITE_NAME } from "./layout";
import { LetterStatus } from "./letter-page";
import { ShareLinks } from "./share-links";
import { SignForm, type SignFormExtras, type SignFormState } from "./sign-form";
import { SignatoryEntry } from "./signatory-list";
import { STYLESHEET_PATH } from "./styles";

/** Which of the card's states to draw (see the module comment). */
export type EmbedState = "card" | "form" | "thanks";

export interface EmbedPageProps {
  letter: Letter;
  status: "open" | "closed";
  state: EmbedState;
  /** The first few signatories, organizations first (shown by the card state). */
  signatories: readonly PublicSignatory[];
  links: {
    /** The letter's canonical address in the card's language, absolute (shown and shared by the thank-you state). */
    letter: string;
    /** The card's first state and its form state, in the frame (relative, with ?source= and ?lang= kept). */
    card: string;
    form: string;
    /** The embed's own sign address (paths.signFromEmbed), which answers within the frame. */
    sign: string;
    withdraw?: string;
    /** This state in each of the letter's languages. */
    languages: readonly LanguageLink[];
  };
  form: SignFormState;
  formExtras: SignFormExtras;
  /** The thank-you state's signature. */
  receipt?: Receipt | null;
  t: Messages;
}

/** A link that leaves the card: a new tab, with no hold on the card's window. */
function Away({ href, children, rel }: { href: string; children: unknown; rel?: string }) {
  return (
    <a href={href} target="_blank" rel={rel ? `noopener ${rel}` : "noopener"}>
      {children}
    </a>
  );
}

function Title({ letter, href }: { letter: Letter; href: string }) {
  return (
    <h1 class="embed-title" lang={letter.language}>
      <Away href={href}>{letter.title}</Away>
    </h1>
  );
}

function ThankYou({
  receipt,
  letter,
  links,
  t,
}: {
  receipt: Receipt;
  letter: Letter;
  links: EmbedPageProps["links"];
  t: Messages;
}) {
  const next =
    receipt.outcome === "confirm-email"
      ? t.embed.confirmEmail
      : receipt.outcome === "review"
        ? t.embed.review
        : receipt.queued
          ? t.embed.queued
          : t.embed.counted;
  return (
    <>
      <section class="embed-thanks" aria-labelledby="embed-thanks-title">
        <h2 id="embed-thanks-title">{t.embed.thanks}</h2>
        <p class="receipt notice">
          <SignatoryEntry signatory={receipt} t={t} />
        </p>
        <p>{next}</p>
        {links.withdraw && (
          <p class="meta">
            {t.embed.changedMind}
            <Away href={links.withdraw} rel="nofollow">
              {t.embed.withdraw}
            </Away>
            .
          </p>
        )}
      </section>
      <section class="share embed-share" aria-labelledby="embed-share-title">
        <h2 id="embed-share-title">{t.letter.share}</h2>
        <ShareLinks url={links.letter} title={letter.title} t={t} />
        <div class="field">
          <label for="embed-address">{t.embed.address}</label>
          <span class="hint" id="embed-address-hint">
            {t.embed.addressHint}
          </span>
          <input
            type="url"
            id="embed-address"
            value={links.letter}
            readonly
            spellcheck={false}
            aria-describedby="embed-address-hint"
          />
        </div>
      </section>
    </>
  );
}

/** The card's first state: what the letter is, who signed, and the way to the form. */
function Card({ letter, status, signatories, links, t }: EmbedPageProps) {
  return (
    <>
      <Title letter={letter} href={links.letter} />
      {letter.addressee && (
        <p class="embed-addressee" lang={letter.language}>
          {t.embed.addressee(letter.addressee.split("\n").join(", "))}
        </p>
      )}
      <p class="call-to-action">
        <LetterStatus letter={letter} status={status} t={t} />
      </p>
      <p class="counts">{describeCounts(letter.counts, t)}.</p>
      {signatories.length > 0 && (
        <>
          <h2 class="embed-subtitle">{t.embed.among}</h2>
          <ul class="embed-signatories">
            {signatories.map((signatory) => (
              <li>
                <SignatoryEntry signatory={signatory} t={t} />
              </li>
            ))}
          </ul>
        </>
      )}
      {status === "open" ? (
        <p class="embed-sign">
          <a class="button" href={links.form} target="_self">
            {t.letter.signThisLetter}
          </a>
        </p>
      ) : (
        <p>{t.letter.noLongerTakes}</p>
      )}
      <p>
        <Away href={links.letter}>{t.embed.readFull}</Away>
      </p>
    </>
  );
}

/** The card's form state: the sign form, its error summary (when any) near the top of the frame's page. */
function FormState({ letter, status, links, form, formExtras, t }: EmbedPageProps) {
  return (
    <>
      <p class="embed-back meta">
        <a href={links.card} target="_self">
          {t.embed.back}
        </a>
      </p>
      <Title letter={letter} href={links.letter} />
      {status === "open" ? (
        <section aria-labelledby="embed-sign-title">
          <h2 id="embed-sign-title">{t.letter.signThisLetter}</h2>
          <SignForm
            action={links.sign}
            state={form}
            extras={formExtras}
            target="_self"
            t={t}
            language={letter.language}
          />
        </section>
      ) : (
        <p>{t.letter.noLongerTakes}</p>
      )}
    </>
  );
}

export function EmbedPage(props: EmbedPageProps) {
  const { letter, links, t } = props;
  // A refused signature comes back as the form state with its problems: "Error: " first, as every page answering a refused form.
  const refused = Boolean(props.form.formError) || Object.values(props.form.errors).some(Boolean);
  return (
    <html lang={t.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${refused ? t.layout.errorTitlePrefix : ""}${t.embed.title(isolate(letter.title))} · ${SITE_NAME}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <script src={FRAME_SCRIPT_PATH} defer></script>
        {/* For links drawn by shared pieces (a form error's link): nothing from the card replaces it in the frame. */}
        <base target="_blank" />
      </head>
      <body class="embed">
        <main>
          {props.state === "thanks" && props.receipt ? (
            <>
              <Title letter={letter} href={links.letter} />
              <ThankYou receipt={props.receipt} letter={letter} links={links} t={t} />
            </>
          ) : props.state === "form" ? (
            <FormState {...props} />
          ) : (
            <Card {...props} />
          )}
          <LanguageSwitcher
            languages={links.languages}
            current={letter.language}
            label={t.layout.languages}
            target="_self"
          />
          <p class="meta embed-credit">
            {t.embed.publishedWith}
            <Away href="/">{SITE_NAME}</Away>
            {t.embed.neverShown}
          </p>
        </main>
      </body>
    </html>
  );
}
