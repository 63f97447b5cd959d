/**
 * After signing, and after confirming: the signer's own entry as submitted,
 * what happens next, the letter's current count, their entry in the public
 * record (its number, hash and page, or why there is none to show), and the
 * private link to withdraw, in the language they signed in. Sharing offers
 * the letter's canonical address, in a read-only field to copy (no script:
 * public pages carry none) and through the letter's share links. With a mailer it
 * reads the same whether or not the email had signed before, so it never
 * tells anyone whether an address has signed (see app/record-entries.ts
 * ReceiptEntry).
 */
import { isolate } from "../domain/bidi";
import type { Messages } from "../domain/i18n";
import type { Letter } from "../domain/letter";
import { RECEIPT_LINK_HOURS } from "../domain/link-secrets";
import type { Receipt } from "../domain/receipt";
import { describeCounts } from "./format";
import { Layout } from "./layout";
import { SignerEntry, type SignerEntryNote } from "./record-entry-page";
import { ShareLinks } from "./share-links";
import { SignatoryEntry } from "./signatory-list";

function heading(receipt: Receipt, confirmed: boolean, t: Messages): string {
  if (confirmed) return t.thanks.confirmed;
  if (receipt.outcome === "confirm-email") return t.thanks.confirmEmail;
  return receipt.outcome === "review" ? t.thanks.review : t.thanks.counted;
}

function NextStep({ receipt, open, t }: { receipt: Receipt; open: boolean; t: Messages }) {
  if (receipt.outcome === "confirm-email") {
    return (
      <p class="notice">
        {t.thanks.emailSent}
        <strong>{t.thanks.countsOnceConfirmed}</strong>
        {/* "Sign again to get a new link" only while signing is open: a receipt is reopened later too. */}
        {open ? t.thanks.emailMissing : t.thanks.emailMissingClosed}
      </p>
    );
  }
  if (receipt.outcome === "review") {
    return <p class="notice">{receipt.domainTaken ? t.thanks.domainTaken : t.thanks.reviewNotice}</p>;
  }
  if (receipt.queued) {
    const listed = receipt.kind === "organization" ? t.thanks.queuedPublicOrganization : t.thanks.queuedPublic;
    return <p>{receipt.isPublic ? listed : t.thanks.queuedPrivate}</p>;
  }
  const listed = receipt.kind === "organization" ? t.thanks.publicOrganization : t.thanks.public;
  return <p>{receipt.isPublic ? listed : t.thanks.private}</p>;
}

export function ThankYouPage(props: {
  letter: Letter;
  receipt: Receipt;
  letterUrl: string;
  /** The letter's canonical address (absolute, no `?lang=` for its first language): what its share links and address field give. */
  shareUrl: string;
  /** The signature's withdrawal link, while the receipt may show it (see domain/receipt.ts receiptLinkRef). */
  withdrawUrl: string | null;
  /** What to say about the signer's entry in the public record; null for nothing yet (confirm first). */
  entry: SignerEntryNote | null;
  confirmed?: boolean;
  /** Whether the letter still takes signatures (a receipt's page is reopened later, after it closed too). */
  open: boolean;
  t: Messages;
}) {
  const { letter, receipt, letterUrl, t } = props;
  const title = heading(receipt, props.confirmed ?? false, t);
  const counts = describeCounts(letter.counts, t);
  return (
    <Layout meta={{ title: `${title}: “${isolate(letter.title)}”`, noindex: true, lang: t.locale }} t={t}>
      <h1>{title}</h1>
      <p>
        <a href={letterUrl} lang={letter.language}>
          {letter.title}
        </a>
      </p>
      <p>{receipt.kind === "organization" ? t.thanks.youSignedOrganization : t.thanks.youSignedIndividual}</p>
      {receipt.kind === "organization" && <p>{t.thanks.asContact(isolate(receipt.name))}</p>}
      {props.confirmed && receipt.verifiedDomain && <p>{t.thanks.verified(receipt.verifiedDomain)}</p>}
      <p class="receipt notice">
        <SignatoryEntry signatory={receipt} t={t} />
      </p>
      <NextStep receipt={receipt} open={props.open} t={t} />
      {receipt.notifyDelivery && letter.deliveredOn === null && <p>{t.thanks.notifyDelivery}</p>}
      <p class="counts">
        {receipt.queued && !props.confirmed ? t.thanks.letterHas(counts) : t.thanks.letterNowHas(counts)}
      </p>
      <section class="share" aria-labelledby="share-title">
        <h2 id="share-title">{t.letter.share}</h2>
        <ShareLinks url={props.shareUrl} title={letter.title} t={t} />
        <p class="share-address">
          <label for="share-address">{t.thanks.share}</label>
          <span class="hint" id="share-address-hint">
            {t.embed.addressHint}
          </span>
          <input
            type="text"
            id="share-address"
            value={props.shareUrl}
            readonly
            spellcheck={false}
            aria-describedby="share-address-hint"
          />
        </p>
      </section>
      {props.entry && <SignerEntry note={props.entry} t={t} />}
      <h2>{t.thanks.changedMind}</h2>
      {props.withdrawUrl ? (
        <p>
          {t.thanks.withdrawBefore}
          <a href={props.withdrawUrl} rel="nofollow">
            {t.thanks.withdrawLink}
          </a>
          .
        </p>
      ) : !receipt.ref || props.confirmed ? (
        <p>{t.thanks.withdrawInEmail}</p>
      ) : (
        <p>{t.thanks.withdrawLinkHidden(RECEIPT_LINK_HOURS)}</p>
      )}
      <p>
        <a href={letterUrl}>{t.thanks.back}</a>
      </p>
    </Layout>
  );
}
