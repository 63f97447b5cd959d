/**
 * A letter's notifications, as organizers set them: a webhook called for
 * each counted signature (signed with the letter's own secret) and a daily
 * summary by email. The deliveries themselves are the cron jobs'
 * (jobs/webhooks.ts, jobs/daily-summary.ts).
 */
import type { Letter } from "../domain/letter";
import type { NotificationInput } from "../domain/notification-settings";
import { newWebhookSecret } from "../domain/webhook";
import {
  findNotificationSettings,
  recentDeliveries,
  saveNotificationSettings,
  type DeliveryLogEntry,
  type NotificationSettings,
} from "../storage/webhooks";
import type { AppDeps } from "./deps";

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
 * Saves the letter's notification settings. A webhook gets a new secret
 * when it has none yet, or when the organizers ask for one (after a leak);
 * otherwise it keeps the one its receiver checks signatures with.
 */
export async function saveNotifications(deps: AppDeps, letter: Letter, input: NotificationInput): Promise<void> {
  const current = await findNotificationSettings(deps.db, letter.id);
  const newSecret = input.webhookUrl && (!current.webhookSecret || input.rotateSecret) ? newWebhookSecret() : null;
  await saveNotificationSettings(deps.db, letter.id, {
    webhookUrl: input.webhookUrl,
    includeEmail: input.includeEmail,
    summaryEmail: input.summaryEmail,
    newSecret,
  });
}
