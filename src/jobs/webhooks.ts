/**
 * Delivering letters' webhooks (a cron trigger, every minute; see
 * wrangler.jsonc): each due delivery is POSTed signed to the letter's
 * address; a 2xx answer delivers it, anything else is tried again later
 * with a doubling wait, and given up after WEBHOOK_MAX_ATTEMPTS (an address
 * the rules now refuse too: nothing is sent to it, and it is tried again, in
 * case the organizers correct it meanwhile). A signature
 * no longer counted (withdrawn, hidden) is skipped rather than announced.
 */
import { LOOPBACK_HOSTS, nextAttemptAt, WEBHOOK_EVENT, webhookBody } from "../domain/webhook";
import { deliveryError } from "../domain/webhook-words";
import { postWebhook } from "../integrations/webhooks";
import { dueDeliveries, recordAttempt } from "../storage/webhooks";

/** The letter's public address at `origin` (no trailing slash), or null without one. */
function letterUrl(origin: string | null | undefined, slug: string): string | null {
  return origin ? `${origin}/letters/${slug}` : null;
}

/** Deliveries one run sends at most; the rest wait for the next minute. */
const DELIVERIES_PER_RUN = 50;

export interface WebhookReport {
  delivered: number;
  retrying: number;
  failed: number;
  skipped: number;
}

/**
 * Sends what is due at `now` (the run's scheduled time, which also dates the attempts and their retries).
 * The body's letter.url is made at `publicUrl` when it is set, else at the origin the delivery was
 * queued at (the request that counted the signature: webhook_deliveries.origin), else null. When
 * `publicUrl` is not set, or names
 * this machine (`npm start`), a receiver on this machine is accepted as the form accepted it there
 * (domain/webhook.ts webhookUrlProblem's `loopback`).
 *
 * Each delivery is signed with `clock()` read as it is sent, not `now`: one run sends up to
 * DELIVERIES_PER_RUN one after the other, each up to WEBHOOK_TIMEOUT_MS (10 s), so the last may go out
 * minutes after `now`, and Standard Webhooks receivers refuse a webhook-timestamp more than 5 minutes
 * off their own clock.
 */
export async function deliverWebhooks(
  db: D1Database,
  now: Date,
  publicUrl: string | undefined,
  send: typeof fetch = fetch,
  clock: () => Date = () => new Date(),
): Promise<WebhookReport> {
  const report: WebhookReport = { delivered: 0, retrying: 0, failed: 0, skipped: 0 };
  const loopback = !publicUrl || LOOPBACK_HOSTS.has(new URL(publicUrl).hostname);
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
      { ...letter, url: letterUrl(publicUrl || delivery.origin, letter.slug) },
      signature,
      letter.includeEmail,
    );
    const answer = await postWebhook(
      letter.webhookUrl,
      letter.webhookSecret,
      body,
      { event: WEBHOOK_EVENT, deliveryId: String(delivery.id), now: clock(), loopback },
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
