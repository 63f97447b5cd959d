/**
 * The daily summary email Undersigned sends to a letter's summary address,
 * in its reader's language (catalog summaryMail). Pure. The emails with
 * sign-in links and invitations are domain/organizer-accounts.ts's.
 */
import { isolate } from "./bidi";
import { adminMessagesFor, type Locale } from "./i18n";
import type { MailMessage } from "./mail";

export interface LetterDigest {
  title: string;
  total: number;
  /** Counted in the last day, waiting for review now, flagged in the last day. */
  counted: number;
  waiting: number;
  flagged: number;
}

/**
 * The daily summary of one letter, in `language`.
 *
 * @param adminUrl the letter's signatures page in the organizer area, or null when the site's address is unknown
 */
export function dailySummaryMail(
  to: string,
  digest: LetterDigest,
  adminUrl: string | null,
  language: Locale = "en",
): MailMessage {
  const t = adminMessagesFor(language).summaryMail;
  // A Hebrew or Arabic title never reorders the sentence around it (domain/bidi.ts).
  const title = isolate(digest.title);
  return {
    to,
    subject: t.subject(digest.counted, title),
    text: t
      .text({
        title,
        total: digest.total,
        counted: digest.counted,
        waiting: digest.waiting,
        flagged: digest.flagged,
        adminUrl,
      })
      .join("\n"),
  };
}
