/**
 * The pages behind the links we email or show: confirming a signature and
 * withdrawing one, in the signer's language. Each asks for a button press (a
 * POST), because mail scanners open links by themselves and must not confirm
 * or withdraw anything.
 */
import { isolate } from "../domain/bidi";
import type { Messages } from "../domain/i18n";
import type { Letter } from "../domain/letter";
import type { SignatoryDetails } from "../domain/signature";
import { Isolated } from "./bidi";
import { Layout } from "./layout";
import { LANGUAGE_FIELD } from "./sign-form";
import { SignatoryEntry } from "./signatory-list";

/** What the confirm page says about where and how the signature will be listed. */
function listing(signatory: SignatoryDetails & { isPublic: boolean }, t: Messages): string {
  const organization = signatory.kind === "organization";
  if (signatory.isPublic) return organization ? t.links.confirmListedOrganization : t.links.confirmListedIndividual;
  return organization ? t.links.confirmNotListedOrganization : t.links.confirmNotListedIndividual;
}

/**
 * The page behind a confirmation link: exactly what confirming will publish
 * (where it is listed, whether by name, the words), and a button whose form
 * carries back what it showed (`shown`), so a press confirms only that.
 * `notice` explains why the page is shown again (what it says changed).
 */
export function ConfirmPage(props: {
  letter: Letter;
  signatory: SignatoryDetails & {
    isPublic: boolean;
    contactName?: string | null;
    contactRole?: string | null;
    /** The signature holds the consent to the delivery notice: confirming gives it (part of `shown`). */
    deliveryNotice?: boolean;
  };
  action: string;
  token: string;
  shown: string;
  letterUrl: string;
  notice?: { title: string; message: string };
  t: Messages;
}) {
  const { letter, t } = props;
  return (
    <Layout meta={{ title: t.links.confirmTitle, noindex: true, lang: t.locale, error: Boolean(props.notice) }} t={t}>
      <h1>{props.notice?.title ?? t.links.confirmTitle}</h1>
      {props.notice && (
        <p class="notice" role="alert">
          {props.notice.message}
        </p>
      )}
      <p>
        {t.links.on}{" "}
        <a href={props.letterUrl} lang={letter.language}>
          <Isolated text={letter.title} />
        </a>
        :
      </p>
      <p class="listing">{listing(props.signatory, t)}</p>
      <p class="receipt notice">
        <SignatoryEntry signatory={props.signatory} t={t} />
      </p>
      {props.signatory.kind === "organization" && props.signatory.website && (
        <p class="website">{t.links.confirmWebsite(props.signatory.website)}</p>
      )}
      {props.signatory.kind === "organization" && props.signatory.contactName && (
        <p class="contact">
          {t.links.confirmAsContact(
            isolate(props.signatory.name),
            [props.signatory.contactName, props.signatory.contactRole]
              .filter((part): part is string => Boolean(part))
              .map(isolate)
              .join(", "),
          )}
        </p>
      )}
      {props.signatory.deliveryNotice && <p class="delivery-notice">{t.links.confirmDeliveryNotice}</p>}
      <form method="post" action={props.action}>
        <input type="hidden" name="token" value={props.token} />
        <input type="hidden" name="shown" value={props.shown} />
        <input type="hidden" name={LANGUAGE_FIELD} value={letter.language} />
        <button type="submit">{t.links.confirmButton}</button>
      </form>
    </Layout>
  );
}

/**
 * A link's page that says one thing: `title`, `message` and the way back to the letter. With
 * `error`, it says why a link's form (confirm, withdraw, unsubscribe) can't be done, and its <title>
 * says so (layout's "Error: "): the same page whether the link was opened or its form pressed, so the
 * one dead-link answer stays one.
 */
export function LinkMessagePage({
  title,
  message,
  letter,
  letterUrl,
  error = false,
  t,
}: {
  title: string;
  message: string;
  letter: Letter;
  letterUrl: string;
  error?: boolean;
  t: Messages;
}) {
  return (
    <Layout meta={{ title, noindex: true, lang: t.locale, error }} t={t}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={letterUrl}>{t.links.goToLetter(isolate(letter.title))}</a>
      </p>
    </Layout>
  );
}

/**
 * The page behind a withdrawal link: whose signature it takes back (the
 * signatory as listed, each field isolated: views/signatory-list.tsx
 * SignatoryEntry), and a button that looks like what it does (it removes).
 */
export function WithdrawPage({
  letter,
  signatory,
  action,
  token,
  letterUrl,
  open,
  t,
}: {
  letter: Letter;
  signatory: SignatoryDetails;
  action: string;
  token: string;
  letterUrl: string;
  /** Whether the letter takes signatures now (so the signer could sign it again). */
  open: boolean;
  t: Messages;
}) {
  return (
    <Layout meta={{ title: t.links.withdrawTitle, noindex: true, lang: t.locale }} t={t}>
      <h1>{t.links.withdrawTitle}</h1>
      <p>
        {t.links.withdrawBefore}
        <a href={letterUrl} lang={letter.language}>
          <Isolated text={letter.title} />
        </a>
        {t.links.withdrawAfter}
        {open ? t.links.signAgainOpen : t.links.signAgainClosed}
      </p>
      <p>{t.links.withdrawWhose}</p>
      <p class="receipt notice">
        <SignatoryEntry signatory={signatory} t={t} />
      </p>
      <form method="post" action={action}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name={LANGUAGE_FIELD} value={letter.language} />
        <button type="submit" class="button-danger">
          {t.links.withdrawButton}
        </button>
      </form>
    </Layout>
  );
}

/**
 * The delivery email's unsubscribe link, opened (GET changes nothing, so a mail scanner that follows it
 * unsubscribes nobody): one button posting to the same address, token and all.
 */
export function UnsubscribePage({ letter, action, t }: { letter: Letter; action: string; t: Messages }) {
  return (
    <Layout meta={{ title: t.links.unsubscribeTitle, noindex: true, lang: t.locale }} t={t}>
      <h1>{t.links.unsubscribeTitle}</h1>
      <p>{t.links.unsubscribeText(isolate(letter.title))}</p>
      <form method="post" action={action}>
        <input type="hidden" name={LANGUAGE_FIELD} value={letter.language} />
        <button type="submit">{t.links.unsubscribeButton}</button>
      </form>
    </Layout>
  );
}
