/**
 * The emails Undersigned sends to signers, as plain text. Pure: the links
 * are made by the caller.
 */
import { CONFIRMATION_LINK_DAYS } from "./signing";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

const FOOTER = "Undersigned never shows or shares your email address.";

/** Asks the signer to confirm: nothing is counted or published before they do. */
export function confirmationMail(to: string, letterTitle: string, links: { confirm: string; withdraw: string }): MailMessage {
  return {
    to,
    subject: `Confirm your signature: ${letterTitle}`,
    text: [
      `Thank you for signing "${letterTitle}".`,
      "",
      "Your signature counts once you confirm it. Open this link and press the button on the page:",
      links.confirm,
      "",
      `The link works for ${CONFIRMATION_LINK_DAYS} days. If you did not sign, ignore this email: nothing is published without confirmation.`,
      "",
      "To take your signature back at any time, use this private link:",
      links.withdraw,
      "",
      FOOTER,
    ].join("\n"),
  };
}

/** Sent instead of a second confirmation when the address has already signed. */
export function alreadySignedMail(to: string, letterTitle: string, links: { letter: string; withdraw: string }): MailMessage {
  return {
    to,
    subject: `You have already signed: ${letterTitle}`,
    text: [
      `Someone, probably you, just signed "${letterTitle}" again with this email address.`,
      "",
      "Your first signature stands, so nothing has changed. The letter:",
      links.letter,
      "",
      "To take your signature back, use this private link:",
      links.withdraw,
      "",
      FOOTER,
    ].join("\n"),
  };
}
