/**
 * A letter's notifications, as organizers set them: a webhook called for
 * each counted signature (signed with the letter's own secret) and a daily
 * summary by email. The deliveries themselves are the cron jobs'
 * (jobs/webhooks.ts, jobs/daily-summary.ts).
 */
import type { Letter } from "../domain/letter";
import type { NotificationInput } from "../domain/notification-settings";
import {
  newWebhookSecret,
  normalizedWebhookUrl,
  standardWebhookSecret,
  testWebhookBody,
  WEBHOOK_TEST_EVENT,
  WEBHOOK_URL_MAX_LENGTH,
  webhookUrlProblem,
  type WebhookFailureKind,
} from "../domain/webhook";
import { adminMessagesFor } from "../domain/i18n";
import { testDeliveryWords } from "../domain/webhook-words";
import { postWebhook } from "../integrations/webhooks";
import { organizerProblem } from "./problem";
import {
  findNotificationSettings,
  recentDeliveries,
  saveNotificationSettings,
  type DeliveryLogEntry,
  type NotificationSettings,
} from "../storage/webhooks";
import { recordActivity } from "./activity";
import type { AppDeps } from "./deps";
import { activityDetail, type ActivityFields } from "../domain/activity-details";

/** The webhook calls the editor lists. */
const RECENT_DELIVERIES = 20;

/** The letter's settings, and its most recent webhook calls, newest first. */
export async function notificationsOf(
  deps: AppDeps,
  letter: Letter,
): Promise<{ settings: NotificationSettings; deliveries: DeliveryLogEntry[] }> {
  return {
    settings: await findNotificationSettings(deps.db, letter.id),
    deliveries: await recentDeliveries(deps.db, letter.id, RECENT_DELIVERIES),
  };
}

/**
 * Saves the letter's notification settings. The webhook's address is stored
 * as the URL parser reads it (domain/webhook.ts normalizedWebhookUrl: the
 * address webhookUrlProblem checked, so that letters.webhook_url's CHECK
 * holds). A webhook gets a new secret when it has none yet, or when the
 * organizers ask for one (after a leak); otherwise it keeps the one its
 * receiver checks signatures with. Without a webhook there is no secret and
 * no email in deliveries: removing the webhook forgets its secret (a new
 * secret asked for with it is moot: the old one is gone all the same), so
 * one set again later is a new webhook with a new secret.
 *
 * @param input checked already: an address webhookUrlProblem accepts, or null
 */
export async function saveNotifications(deps: AppDeps, letter: Letter, input: NotificationInput): Promise<void> {
  const current = await findNotificationSettings(deps.db, letter.id);
  const webhookUrl = input.webhookUrl === null ? null : normalizedWebhookUrl(input.webhookUrl);
  const includeEmail = webhookUrl !== null && input.includeEmail;
  const newSecret = webhookUrl && (!current.webhookSecret || input.rotateSecret) ? newWebhookSecret() : null;
  await saveNotificationSettings(deps.db, letter.id, {
    webhookUrl,
    includeEmail,
    summaryEmail: input.summaryEmail,
    newSecret,
  });
  const secretReplaced = Boolean(newSecret && current.webhookSecret);
  const summaryMoved = Boolean(
    input.summaryEmail && current.summaryEmail && input.summaryEmail !== current.summaryEmail,
  );
  await recordActivity(deps, {
    action: "webhook-changed",
    letterId: letter.id,
    before: loggedNotifications(current),
    after: loggedNotifications({ webhookUrl, includeEmail, summaryEmail: input.summaryEmail }),
    detail: secretReplaced || summaryMoved ? activityDetail("webhookSettings", secretReplaced, summaryMoved) : null,
  });
}

/** A letter's webhook as the organizers' API shows it: the secret in its Standard Webhooks form. */
export interface WebhookSettings {
  url: string | null;
  includeEmail: boolean;
  /** "whsec_…" (domain/webhook.ts standardWebhookSecret), null while there is no webhook yet. */
  secret: string | null;
}

/** The letter's webhook, for the organizers' API. */
export async function webhookOf(deps: AppDeps, letter: Letter): Promise<WebhookSettings> {
  const settings = await findNotificationSettings(deps.db, letter.id);
  return {
    url: settings.webhookUrl,
    includeEmail: settings.includeEmail,
    secret: settings.webhookSecret ? standardWebhookSecret(settings.webhookSecret) : null,
  };
}

/**
 * Sets the letter's webhook through the organizers' API (the daily summary kept as it is), with the
 * form's rules (domain/webhook.ts webhookUrlProblem) and saveNotifications' secret and log.
 *
 * @param loopback whether a receiver on this machine is accepted (http/urls.ts webhookLoopbackAllowed)
 * @throws Problem 422 "webhookUrlRefused" for an address the rules refuse, saying which rule
 */
export async function saveWebhook(
  deps: AppDeps,
  letter: Letter,
  input: { url: string | null; includeEmail: boolean; rotateSecret: boolean },
  { loopback = false }: { loopback?: boolean } = {},
): Promise<WebhookSettings> {
  const problem = input.url ? webhookUrlProblem(input.url, { loopback }) : undefined;
  if (problem) throw organizerProblem(422, "webhookUrlRefused", [problem, WEBHOOK_URL_MAX_LENGTH]);
  const { summaryEmail } = await findNotificationSettings(deps.db, letter.id);
  await saveNotifications(deps, letter, {
    webhookUrl: input.url,
    includeEmail: input.includeEmail,
    summaryEmail,
    rotateSecret: input.rotateSecret,
  });
  return webhookOf(deps, letter);
}

/**
 * What the activity log keeps of notification settings: the webhook's site only (a receiver's
 * path or query may hold its own secret), whether it gets emails, whether a summary is sent
 * (not to whom).
 */
function loggedNotifications(
  settings: Pick<NotificationSettings, "webhookUrl" | "includeEmail" | "summaryEmail">,
): Pick<ActivityFields, "webhook" | "webhookGetsEmails" | "dailySummary"> {
  return {
    webhook: settings.webhookUrl ? webhookSite(settings.webhookUrl) : "none",
    webhookGetsEmails: settings.includeEmail,
    dailySummary: settings.summaryEmail ? "on" : "off",
  };
}

/**
 * The scheme, host and port of a webhook address, without its path, query or credentials;
 * "unreadable-address" (worded by the catalogs' activity.values) for one that can't be read.
 */
function webhookSite(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "unreadable-address";
  }
}

/** How much of the receiver's answer the test delivery shows (characters). */
export const TEST_ANSWER_CHARS = 500;

/** What a test delivery found, for the organizers, in words. */
export interface TestDeliveryResult {
  /** Where it was sent. */
  url: string;
  /** The receiver took it (2xx): real deliveries will be taken too. */
  ok: boolean;
  /** Its HTTP status, when it answered. */
  status: number | null;
  /** The first TEST_ANSWER_CHARS characters of its answer, when it answered. */
  body: string | null;
  /** Why nothing answered (null when it answered): a page words it with testDeliveryWords. */
  failure: WebhookFailureKind | null;
  /** What happened, in plain English words (domain/webhook-words.ts testDeliveryWords), for the activity log. */
  summary: string;
}

/**
 * Sends a test delivery to the letter's saved webhook, signed with its secret
 * exactly as real deliveries are (integrations/webhooks.ts postWebhook, event
 * WEBHOOK_TEST_EVENT, no signature in the body), and tells what the receiver
 * answered: its status and the first TEST_ANSWER_CHARS (500) characters of its
 * answer, or why it could not be reached (within WEBHOOK_TIMEOUT_MS, 10 s).
 * Nothing is stored: it is not one of the letter's deliveries. An address the
 * rules refuse now (saved before them) is not called: the result says so.
 *
 * @param loopback whether a receiver on this machine is accepted (http/urls.ts webhookLoopbackAllowed)
 * @throws Problem 409 when the letter has no webhook saved
 */
export async function sendTestDelivery(
  deps: AppDeps,
  letter: Letter,
  { loopback = false }: { loopback?: boolean } = {},
  send: typeof fetch = fetch,
): Promise<TestDeliveryResult> {
  const { webhookUrl, webhookSecret } = await findNotificationSettings(deps.db, letter.id);
  if (!webhookUrl || !webhookSecret) {
    throw organizerProblem(409, "noWebhook");
  }
  const now = deps.now();
  const id = `test-${now.getTime()}`;
  const url = deps.origin ? `${deps.origin}/letters/${letter.slug}` : null;
  const body = testWebhookBody(id, { ...letter, url }, now);
  const answer = await postWebhook(
    webhookUrl,
    webhookSecret,
    body,
    { event: WEBHOOK_TEST_EVENT, deliveryId: id, now, keepBody: TEST_ANSWER_CHARS, loopback },
    send,
  );
  const failure = answer.failure?.kind ?? null;
  const status = failure ? null : (answer.status ?? 0);
  const result: TestDeliveryResult = {
    url: webhookUrl,
    ok: status !== null && status >= 200 && status <= 299,
    status,
    body: failure ? null : answer.body,
    failure,
    summary: testDeliveryWords(adminMessagesFor("en"), { status, failure }),
  };
  await recordActivity(deps, {
    action: "webhook-tested",
    letterId: letter.id,
    after: { webhook: webhookSite(webhookUrl), answer: result.status ?? "none" },
    detail: answer.failure
      ? activityDetail("webhookUnreachable", answer.failure.kind)
      : activityDetail("webhookAnswered", result.status ?? 0),
  });
  return result;
}
