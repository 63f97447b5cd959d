/**
 * The card partners put on their sites in an iframe (/letters/{slug}/embed):
 * the letter's title and count, its first signatories, and the sign form,
 * or after signing the thank-you state. Works without JavaScript (its one
 * script only reports its height to the framing page), carries no site
 * header or footer, and opens links in a new tab so the partner's
 * page stays where it is; the form posts inside the frame.
 */
import type { Messages } from "../domain/i18n";
import type { Letter } from "../domain/letter";
import type { Receipt } from "../domain/receipt";
import type { PublicSignatory } from "../domain/signature";
import { FRAME_SCRIPT_PATH } from "./embed-scripts";
import { describeCounts } from "./format";
import { LanguageSwitcher, type LanguageLink } from "./language-switcher";
import { SITE_NAME } from "./layout";
import { StatusAndTotal } from "./letter-page";
import { SignForm, type SignFormExtras, type SignFormState } from "./sign-form";
import { SignatoryEntry } from "./signatory-list";
import { STYLESHEET_PATH } from "./styles";

export interface EmbedPageProps {
  letter: Letter;
  status: "open" | "closed";
  /** The first few signatories, organizations first. */
  signatories: readonly PublicSignatory[];
  /** `sign` is the embed's own sign address (paths.signFromEmbed), which answers within the frame. */
  links: { letter: string; sign: string; withdraw?: string; languages: readonly LanguageLink[] };
  form: SignFormState;
  formExtras: SignFormExtras;
  /** After signing: the thank-you state instead of the form. */
  receipt?: Receipt | null;
  t: Messages;
}

function ThankYou({ receipt, links, t }: { receipt: Receipt; links: EmbedPageProps["links"]; t: Messages }) {
  const next =
    receipt.outcome === "confirm-email"
      ? t.embed.confirmEmail
      : receipt.outcome === "review"
        ? t.embed.review
        : receipt.queued
          ? t.embed.queued
          : t.embed.counted;
  return (
    <section class="embed-thanks" aria-labelledby="embed-thanks-title">
      <h2 id="embed-thanks-title">{t.embed.thanks}</h2>
      <p class="receipt notice">
        <SignatoryEntry signatory={receipt} t={t} />
      </p>
      <p>{next}</p>
      {links.withdraw && (
        <p class="meta">
          {t.embed.changedMind}
          <a href={links.withdraw} rel="nofollow">
            {t.embed.withdraw}
          </a>
          .
        </p>
      )}
    </section>
  );
}

export function EmbedPage(props: EmbedPageProps) {
  const { letter, status, signatories, links, t } = props;
  return (
    <html lang={t.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${t.embed.title(letter.title)} · ${SITE_NAME}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <script src={FRAME_SCRIPT_PATH} defer></script>
        <base target="_blank" />
      </head>
      <body class="embed">
        <main>
          <h1 class="embed-title" lang={letter.language}>
            <a href={links.letter}>{letter.title}</a>
          </h1>
          <p class="call-to-action">
            <StatusAndTotal letter={letter} status={status} t={t} />
          </p>
          <p class="counts meta">{describeCounts(letter.counts, t)}.</p>
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
          <p>
            <a href={links.letter}>{t.embed.readFull}</a>
          </p>
          {props.receipt ? (
            <ThankYou receipt={props.receipt} links={links} t={t} />
          ) : status === "open" ? (
            <section aria-labelledby="embed-sign-title">
              <h2 id="embed-sign-title">{t.letter.signThisLetter}</h2>
              <SignForm
                action={links.sign}
                state={props.form}
                extras={props.formExtras}
                target="_self"
                t={t}
                language={letter.language}
              />
            </section>
          ) : (
            <p>{t.letter.noLongerTakes}</p>
          )}
          <LanguageSwitcher languages={links.languages} current={letter.language} label={t.layout.languages} />
          <p class="meta embed-credit">
            {t.embed.publishedWith}
            <a href="/">{SITE_NAME}</a>
            {t.embed.neverShown}
          </p>
        </main>
      </body>
    </html>
  );
}
