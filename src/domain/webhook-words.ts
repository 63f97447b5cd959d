/**
 * A webhook's delivery outcomes in words (the catalogs' `notifications`): what
 * a test delivery found, and a delivery's last error. The deliveries job
 * stores that error in English (webhook_deliveries.last_error: deliveryError);
 * the deliveries list words it again in its reader's language
 * (lastErrorWords). Pure: no I/O.
 */
import { adminMessagesFor, type AdminMessages } from "./i18n";
import { WEBHOOK_TIMEOUT_MS, type WebhookFailureKind } from "./webhook";

const ENGLISH = adminMessagesFor("en");
const KINDS: readonly WebhookFailureKind[] = ["timeout", "tls", "network", "refused"];

/** Why nothing took a delivery, in `t`'s language: no runtime jargon, no error codes. */
export function webhookFailureWords(kind: WebhookFailureKind, t: AdminMessages = ENGLISH): string {
  const words = t.notifications.failures;
  return kind === "timeout" ? words.timeout(WEBHOOK_TIMEOUT_MS / 1000) : words[kind];
}

/**
 * What a test delivery found, in `t`'s language: the receiver's HTTP status in words, or why it
 * could not be reached and what to do about it.
 *
 * @param answer its status (null when nothing answered) and, when nothing answered, why
 */
export function testDeliveryWords(
  t: AdminMessages,
  answer: { status: number | null; failure: WebhookFailureKind | null },
): string {
  if (answer.failure) return `${webhookFailureWords(answer.failure, t)} ${t.notifications.testAdvice[answer.failure]}`;
  return t.notifications.testAnswered(answer.status ?? 0);
}

/**
 * What the deliveries job stores as a failed delivery's last error (English, for logs and the
 * deliveries list): why nothing answered, or the status of an answer that did not take it.
 */
export function deliveryError(answer: { status: number | null; failure: WebhookFailureKind | null }): string {
  return answer.failure
    ? webhookFailureWords(answer.failure)
    : ENGLISH.notifications.answeredStatus(answer.status ?? 0);
}

/** A delivery's stored last error (see deliveryError) in `t`'s language; words it does not know, as stored. */
export function lastErrorWords(t: AdminMessages, stored: string): string {
  const kind = KINDS.find((candidate) => webhookFailureWords(candidate) === stored);
  if (kind) return webhookFailureWords(kind, t);
  const status = /^The address answered (\d{3})\.$/.exec(stored)?.[1];
  return status ? t.notifications.answeredStatus(Number(status)) : stored;
}
