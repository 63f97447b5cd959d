/**
 * The emails Undersigned sends to signers, as plain text, in the language
 * they signed in. Pure: the links are made by the caller.
 */
import { messagesFor } from "./i18n";
import { CONFIRMATION_LINK_DAYS } from "./signing";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Asks the signer to confirm: nothing is counted or published before they do. */
export function confirmationMail(
  to: string,
  letterTitle: string,
  links: { confirm: string; withdraw: string },
  locale = "en",
): MailMessage {
  const t = messagesFor(locale);
  return {
    to,
    subject: t.mail.confirmSubject(letterTitle),
    text: [
      ...t.mail.confirmText(letterTitle, CONFIRMATION_LINK_DAYS, links.confirm, links.withdraw),
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
): MailMessage {
  const t = messagesFor(locale);
  const { subject, text } = words(t);
  return {
    to,
    subject: subject(letterTitle),
    text: [...text(letterTitle, links.letter, links.withdraw), "", t.mail.footer].join("\n"),
  };
}

/** Sent instead of a second confirmation when the address has already signed. */
export function alreadySignedMail(
  to: string,
  letterTitle: string,
  links: { letter: string; withdraw: string },
  locale = "en",
): MailMessage {
  return letterAndWithdrawalMail(
    (t) => ({ subject: t.mail.alreadySubject, text: t.mail.alreadyText }),
    to,
    letterTitle,
    links,
    locale,
  );
}

/** Sent when a letter counts a signature at once: the signer's own private link to take it back. */
export function signedMail(
  to: string,
  letterTitle: string,
  links: { letter: string; withdraw: string },
  locale = "en",
): MailMessage {
  return letterAndWithdrawalMail(
    (t) => ({ subject: t.mail.signedSubject, text: t.mail.signedText }),
    to,
    letterTitle,
    links,
    locale,
  );
}
