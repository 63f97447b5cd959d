/**
 * After signing: the signer's own entry as submitted, the letter's current
 * count and a way back. It reads the same whether or not the email had
 * signed before, so it never tells anyone whether an address has signed.
 */
import type { Letter } from "../domain/letter";
import type { Receipt } from "../domain/receipt";
import { describeCounts } from "./format";
import { Layout } from "./layout";
import { SignatoryEntry } from "./signatory-list";

export function ThankYouPage({ letter, receipt, letterUrl }: { letter: Letter; receipt: Receipt; letterUrl: string }) {
  return (
    <Layout meta={{ title: `Thank you for signing “${letter.title}”`, noindex: true }}>
      <h1>Thank you for signing</h1>
      <p>
        <a href={letterUrl}>{letter.title}</a>
      </p>
      <p>You signed {receipt.kind === "organization" ? "for an organization" : "as an individual"}:</p>
      <p class="receipt notice">
        <SignatoryEntry signatory={receipt} />
      </p>
      <p>
        {receipt.isPublic
          ? "Your name will appear on the letter's public list within a minute or two."
          : "Your signature is counted, and your name will not be listed publicly."}
      </p>
      <p class="counts">The letter now has {describeCounts(letter.counts)}.</p>
      <p>
        Help it grow: share the letter's address, <a href={letterUrl}>{letterUrl}</a>
      </p>
      <p>
        <a href={letterUrl}>← Back to the letter</a>
      </p>
    </Layout>
  );
}
