/**
 * The card partners put on their sites in an iframe (/letters/{slug}/embed):
 * the letter's title and count, its first signatories, and the sign form,
 * or after signing the thank-you state. Works without JavaScript (its one
 * script only reports its height to the framing page), carries no site
 * header or footer, and opens links in a new tab so the partner's
 * page stays where it is; the form posts inside the frame.
 */
import type { Letter } from "../domain/letter";
import type { Receipt } from "../domain/receipt";
import type { PublicSignatory } from "../domain/signature";
import { FRAME_SCRIPT_PATH } from "./embed-scripts";
import { describeCounts } from "./format";
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
  links: { letter: string; sign: string; withdraw?: string };
  form: SignFormState;
  formExtras: SignFormExtras;
  /** After signing: the thank-you state instead of the form. */
  receipt?: Receipt | null;
}

function ThankYou({ receipt, links }: { receipt: Receipt; links: EmbedPageProps["links"] }) {
  const next =
    receipt.outcome === "confirm-email"
      ? "We sent you an email with a link: your signature counts once you open it and confirm."
      : receipt.outcome === "review"
        ? "The organizers review organizations' signatures before they appear on the letter."
        : receipt.queued
          ? "Your signature is on its way: it will be counted within a minute or two."
          : "Your signature is counted.";
  return (
    <section class="embed-thanks" aria-labelledby="embed-thanks-title">
      <h2 id="embed-thanks-title">Thank you for signing</h2>
      <p class="receipt notice">
        <SignatoryEntry signatory={receipt} />
      </p>
      <p>{next}</p>
      {links.withdraw && (
        <p class="meta">
          Changed your mind? <a href={links.withdraw} rel="nofollow">Withdraw my signature</a>.
        </p>
      )}
    </section>
  );
}

export function EmbedPage(props: EmbedPageProps) {
  const { letter, status, signatories, links } = props;
  return (
    <html lang={letter.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`Sign: ${letter.title} · ${SITE_NAME}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <script src={FRAME_SCRIPT_PATH} defer></script>
        <base target="_blank" />
      </head>
      <body class="embed">
        <main>
          <h1 class="embed-title">
            <a href={links.letter}>{letter.title}</a>
          </h1>
          <p class="call-to-action">
            <StatusAndTotal letter={letter} status={status} />
          </p>
          <p class="counts meta">{describeCounts(letter.counts)}.</p>
          {signatories.length > 0 && (
            <>
              <h2 class="embed-subtitle">Among the signatories</h2>
              <ul class="embed-signatories">
                {signatories.map((signatory) => (
                  <li>
                    <SignatoryEntry signatory={signatory} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <a href={links.letter}>Read the full letter</a>
          </p>
          {props.receipt ? (
            <ThankYou receipt={props.receipt} links={links} />
          ) : status === "open" ? (
            <section aria-labelledby="embed-sign-title">
              <h2 id="embed-sign-title">Sign this letter</h2>
              <SignForm
                action={links.sign}
                state={props.form}
                extras={props.formExtras}
                target="_self"
              />
            </section>
          ) : (
            <p>This letter no longer takes signatures.</p>
          )}
          <p class="meta embed-credit">
            Published with <a href="/">{SITE_NAME}</a>. Email addresses are never shown.
          </p>
        </main>
      </body>
    </html>
  );
}
