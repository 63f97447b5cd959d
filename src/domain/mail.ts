/**
 * The emails Undersigned sends to signers, as plain text, in the language
 * they signed in. Pure: the links are made by the caller. A letter's title
 * and an organization's name go into the sentences as bidirectional
 * isolates (domain/bidi.ts isolate), so a Hebrew or Arabic one never
 * reorders the words around it.
 */
import { isolate } from "./bidi";
import { unsubscribeHeaders } from "./delivery-notices";
import { messagesFor } from "./i18n";
import { CONFIRMATION_LINK_DAYS } from "./signing";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * Header fields to add, by name (the delivery notice's List-Unsubscribe and List-Unsubscribe-Post:
   * domain/delivery-notices.ts unsubscribeHeaders); none when absent.
   */
  headers?: Record<string, string>;
}

/** The signer's entry in the letter's public record, as an email names it: its number, leaf hash (hex) and page. */
export interface MailEntry {
  seq: number;
  hash: string;
  /** The entry's page, absolute. */
  url: string;
}

/**
 * Asks the signer to confirm: nothing is counted or published before they
 * do. No entry exists yet: the email names the signature's public reference
 * (`ref`, the `ref` of its entries once counted), and says the page after
 * confirming gives the entry's number and hash.
 */
export function confirmationMail(
  to: string,
  letterTitle: string,
  links: { confirm: string; withdraw: string },
  locale = "en",
  ref: string | null = null,
  forOrganization: string | null = null,
): MailMessage {
  const t = messagesFor(locale);
  letterTitle = isolate(letterTitle);
  forOrganization = forOrganization === null ? null : isolate(forOrganization);
  return {
    to,
    subject: t.mail.confirmSubject(letterTitle),
    text: [
      ...(forOrganization ? [t.mail.asContact(forOrganization), ""] : []),
      ...t.mail.confirmText(letterTitle, CONFIRMATION_LINK_DAYS, links.confirm, links.withdraw),
      ...(ref ? ["", ...t.mail.confirmRef(ref)] : []),
      "",
      t.mail.footer,
    ].join("\n"),
  };
}

/** An email with the letter and the signer's withdrawal link: `subject` and `text` are the catalog's words for it. */
function letterAndWithdrawalMail(
  words: (t: ReturnType<typeof messagesFor>) => {
    subject: (title: string) => string;
    text: (title: string, letter: string, withdraw: string) => string[];
  },
  to: string,
  letterTitle: string,
  links: { letter: string; withdraw: string },
  locale: string,
  entry: MailEntry | null = null,
  forOrganization: string | null = null,
): MailMessage {
  const t = messagesFor(locale);
  const { subject, text } = words(t);
  letterTitle = isolate(letterTitle);
  forOrganization = forOrganization === null ? null : isolate(forOrganization);
  return {
    to,
    subject: subject(letterTitle),
    text: [
      ...(forOrganization ? [t.mail.asContact(forOrganization), ""] : []),
      ...text(letterTitle, links.letter, links.withdraw),
      ...(entry ? ["", ...t.mail.entryText(entry.seq, entry.hash, entry.url)] : []),
      "",
      t.mail.footer,
    ].join("\n"),
  };
}

/**
 * Sent instead of a second confirmation when the address has already signed,
 * with the existing signature's entry in the public record when it counts.
 */
export function alreadySignedMail(
  to: string,
  letterTitle: string,
  links: { letter: string; withdraw: string },
  locale = "en",
  entry: MailEntry | null = null,
  /** The organization's name, when the address signed for one as its contact. */
  forOrganization: string | null = null,
): MailMessage {
  return letterAndWithdrawalMail(
    (t) => ({ subject: t.mail.alreadySubject, text: t.mail.alreadyText }),
    to,
    letterTitle,
    links,
    locale,
    entry,
    forOrganization,
  );
}

/**
 * Sent when a letter takes a signature without email confirmation: the
 * signer's own private link to take it back, and either its entry in the
 * public record (counted at once), or, when it waits for the organizers'
 * review (`inReview`), that it counts and gets its entry once approved.
 */
export function signedMail(
  to: string,
  letterTitle: string,
  links: { letter: string; withdraw: string },
  locale = "en",
  record: { entry: MailEntry | null; inReview?: boolean; forOrganization?: string | null } = { entry: null },
): MailMessage {
  return letterAndWithdrawalMail(
    (t) => ({ subject: t.mail.signedSubject, text: record.inReview ? t.mail.reviewText : t.mail.signedText }),
    to,
    letterTitle,
    links,
    locale,
    record.inReview ? null : record.entry,
    record.forOrganization ?? null,
  );
}

/**
 * Sent by the signature queue's consumer, instead of any receipt, when the organization a signer
 * signed for had already signed through another contact (the direct path answers 409 instead):
 * nothing was kept, and the letter's organizers are who to write to.
 */
export function organizationTakenMail(
  to: string,
  letterTitle: string,
  organization: string,
  letterUrl: string,
  locale = "en",
): MailMessage {
  const t = messagesFor(locale);
  letterTitle = isolate(letterTitle);
  organization = isolate(organization);
  return {
    to,
    subject: t.mail.organizationTakenSubject(letterTitle),
    text: [...t.mail.organizationTakenText(letterTitle, organization, letterUrl), "", t.mail.footer].join("\n"),
  };
}

/**
 * The one email a signer who ticked "Email me when this letter is delivered" gets when the organizers
 * mark it delivered: the letter's title and its delivery day in the signer's language, the public
 * letter's link, and the signature's unsubscribe link, also given as List-Unsubscribe with RFC 8058's
 * one-click List-Unsubscribe-Post.
 *
 * @param deliveredOn the delivery's day, YYYY-MM-DD (letters.delivered_on)
 * @param links absolute URLs: the public letter, and the signature's unsubscribe link
 */
export function deliveryNoticeMail(
  to: string,
  letterTitle: string,
  deliveredOn: string,
  links: { letter: string; unsubscribe: string },
  locale = "en",
): MailMessage {
  const t = messagesFor(locale);
  const title = isolate(letterTitle);
  return {
    to,
    subject: t.mail.deliveredSubject(title),
    text: [
      ...t.mail.deliveredText(title, t.date(deliveredOn), links.letter, links.unsubscribe),
      "",
      t.mail.footer,
    ].join("\n"),
    headers: unsubscribeHeaders(links.unsubscribe),
  };
}
