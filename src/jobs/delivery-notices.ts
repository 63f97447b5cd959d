/**
 * The minute cron's part in delivery notices: those queued when a letter was marked delivered go
 * out, DELIVERY_NOTICES_PER_RUN a minute at most, paced as any email (app/delivery-notices.ts).
 */
import { DELIVERY_NOTICES_PER_RUN, sendDueDeliveryNotices, type DeliveryNoticeRound } from "../app/delivery-notices";
import type { AppDeps } from "../app/deps";

/** Sends the delivery notices that are due; returns what it did (no personal data in it). */
export function sendDeliveryNotices(deps: AppDeps): Promise<DeliveryNoticeRound> {
  return sendDueDeliveryNotices(deps, { limit: DELIVERY_NOTICES_PER_RUN });
}
