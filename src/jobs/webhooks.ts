/**
 * Delivering letters' webhooks (a cron trigger, every minute; see
 * wrangler.jsonc): each due delivery is POSTed signed to the letter's
 * address; a 2xx answer delivers it, anything else is tried again later
 * with a doubling wait, and given up after WEBHOOK_MAX_ATTEMPTS. A signature
 * no longer counted (withdrawn, hidden) is skipped rather than announced.
 */
import { nextAttemptAt, WEBHOOK_EVENT, webhookBody } from "../domain/webhook";
import { deliveryError } from "../domain/webhook-words";
import { postWebhook } from "../integrations/webhooks";
import { dueDeliveries, recordAttempt } from "../storage/webhooks";

/** Deliveries one run sends at most; the rest wait for the next minute. */
const DELIVERIES_PER_RUN = 50;

export interface WebhookReport {
  delivered: number;
  retrying: number;
  failed: number;
  skipped: number;
}

/** Sends what is due at `now`. `publicUrl` makes the letter's address absolute in the body, when known. */
export async function deliverWebhooks(
  db: D1Database,
  now: Date,
  publicUrl: string | undefined,
  send: typeof fetch = fetch,
): Promise<WebhookReport> {
  const report: WebhookReport = { delivered: 0, retrying: 0, failed: 0, skipped: 0 };
  for (const delivery of await dueDeliveries(db, now, DELIVERIES_PER_RUN)) {
    const { letter, signature } = delivery;
    if (!letter.webhookUrl || !letter.webhookSecret || !signature || signature.status !== "confirmed") {
      await recordAttempt(
        db,
        delivery.id,
        {
          state: "skipped",
          status: null,
          error: !letter.webhookUrl ? "The letter has no webhook any more." : "The signature is no longer counted.",
        },
        now,
      );
      report.skipped++;
      continue;
    }
    const body = webhookBody(
      delivery,
      { ...letter, url: publicUrl ? `${publicUrl}/letters/${letter.slug}` : null },
      signature,
      letter.includeEmail,
    );
    const answer = await postWebhook(
      letter.webhookUrl,
      letter.webhookSecret,
      body,
      { event: WEBHOOK_EVENT, deliveryId: String(delivery.id), now },
      send,
    );
    const { status } = answer;
    let error: string | null = null;
    if (answer.failure || (status !== null && (status < 200 || status > 299))) {
      error = deliveryError({ status, failure: answer.failure?.kind ?? null });
    }
    if (error === null) {
      await recordAttempt(db, delivery.id, { state: "delivered", status, error: null }, now);
      report.delivered++;
      continue;
    }
    const retryAt = nextAttemptAt(delivery.attempts + 1, now);
    await recordAttempt(
      db,
      delivery.id,
      retryAt ? { state: "pending", status, error, retryAt } : { state: "failed", status, error },
      now,
    );
    if (retryAt) report.retrying++;
    else report.failed++;
  }
  return report;
}
