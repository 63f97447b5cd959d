/**
 * After signing, and after confirming: the signer's own entry as submitted,
 * what happens next, the letter's current count, and the private link to
 * withdraw. It reads the same whether or not the email had signed before, so
 * it never tells anyone whether an address has signed.
 */
import type { Letter } from "../domain/letter";
import type { Receipt } from "../domain/receipt";
import { describeCounts } from "./format";
import { Layout } from "./layout";
import { SignatoryEntry } from "./signatory-list";

const HEADINGS: Record<Receipt["outcome"], string> = {
  counted: "Thank you for signing",
  "confirm-email": "Check your email to confirm",
  review: "Thank you for signing",
};

function NextStep({ receipt }: { receipt: Receipt }) {
  if (receipt.outcome === "confirm-email") {
    return (
      <p class="notice">
        We sent you an email with a link. <strong>Your signature counts once you open it and confirm.</strong> If it does not
        arrive within a few minutes, look in your spam folder, or sign again to get a new link.
      </p>
    );
  }
  if (receipt.outcome === "review") {
    return <p class="notice">The organizers review organizations' signatures before they appear on the letter.</p>;
  }
  if (receipt.queued) {
    return (
      <p>
        {receipt.isPublic
          ? "Your signature is on its way: it will be counted, and your name listed on the letter, within a minute or two."
          : "Your signature is on its way: it will be counted within a minute or two, and your name will not be listed publicly."}
      </p>
    );
  }
  return (
    <p>
      {receipt.isPublic
        ? "Your name will appear on the letter's public list within a minute or two."
        : "Your signature is counted, and your name will not be listed publicly."}
    </p>
  );
}

export function ThankYouPage(props: { letter: Letter; receipt: Receipt; letterUrl: string; withdrawUrl: string; confirmed?: boolean }) {
  const { letter, receipt, letterUrl } = props;
  const heading = props.confirmed ? "Your signature is confirmed" : HEADINGS[receipt.outcome];
  return (
    <Layout meta={{ title: `${heading}: “${letter.title}”`, noindex: true }}>
      <h1>{heading}</h1>
      <p>
        <a href={letterUrl}>{letter.title}</a>
      </p>
      <p>You signed {receipt.kind === "organization" ? "for an organization" : "as an individual"}:</p>
      <p class="receipt notice">
        <SignatoryEntry signatory={receipt} />
      </p>
      <NextStep receipt={receipt} />
      <p class="counts">
        {receipt.queued && !props.confirmed ? "The letter has " : "The letter now has "}
        {describeCounts(letter.counts)}.
      </p>
      <p>
        Help it grow: share the letter's address, <a href={letterUrl}>{letterUrl}</a>
      </p>
      <h2>Changed your mind?</h2>
      <p>
        You can take your signature back at any time with this private link. Keep it to yourself:{" "}
        <a href={props.withdrawUrl} rel="nofollow">
          withdraw my signature
        </a>
        .
      </p>
      <p>
        <a href={letterUrl}>← Back to the letter</a>
      </p>
    </Layout>
  );
}
