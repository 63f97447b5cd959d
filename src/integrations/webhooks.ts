/**
 * Sending one webhook request: the one way a letter's webhook is called,
 * for real deliveries (jobs/webhooks.ts) and the organizers' test delivery
 * (app/notifications.ts sendTestDelivery) alike: JSON, signed with the
 * letter's secret as Standard Webhooks says (webhook-id, webhook-timestamp,
 * webhook-signature, made by the `standardwebhooks` library: see
 * domain/webhook.ts), only to an address the rules still accept
 * (webhookUrlProblem), never following a redirect, given up after
 * WEBHOOK_TIMEOUT_MS.
 */
import { Webhook } from "standardwebhooks";
import {
  isLegacyWebhookSecret,
  standardWebhookSecret,
  WEBHOOK_TIMEOUT_MS,
  webhookFailureKind,
  webhookSignature,
  webhookUrlProblem,
  type WebhookFailureKind,
} from "../domain/webhook";

/** What the receiver answered, or why it could not be reached. */
export interface WebhookAnswer {
  /** Its HTTP status; null when nothing answered. */
  status: number | null;
  /** The first `keepBody` characters of its answer's body (null when not asked for, or nothing answered). */
  body: string | null;
  /**
   * Nothing answered: within WEBHOOK_TIMEOUT_MS ("timeout"), over a secure connection ("tls"), or at all
   * ("network"); or nothing was sent, the address being refused ("refused"); `message` is the runtime's
   * (or the refusal's code), for logs only (organizers read domain/webhook-words.ts webhookFailureWords).
   */
  failure: { kind: WebhookFailureKind; message: string } | null;
}

/** Reads at most about `chars` characters of `response`'s body, then lets the rest go. */
async function bodyStart(response: Response, chars: number): Promise<string> {
  if (!response.body) return "";
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  // UTF-8: `chars` characters are at most 4 × chars bytes; stop reading once that much is in.
  let bytes = 0;
  while (bytes < chars * 4) {
    const chunk: ReadableStreamReadResult<Uint8Array> = await reader.read();
    if (chunk.done) break;
    const value = chunk.value;
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text.slice(0, chars);
}

/**
 * The headers of a delivery of `body` (its id `deliveryId`, sent at `now`) signed with the stored `secret`:
 * Standard Webhooks' three (webhook-id, webhook-timestamp in unix seconds, webhook-signature `v1,<base64>`),
 * and, for a secret made before them (isLegacyWebhookSecret), the earlier X-Undersigned-Event,
 * X-Undersigned-Delivery and X-Undersigned-Signature, so that a receiver set up then keeps working.
 */
export async function webhookHeaders(
  secret: string,
  body: string,
  { event, deliveryId, now }: { event: string; deliveryId: string; now: Date },
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": "Undersigned-Webhooks/1",
    "webhook-id": deliveryId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": new Webhook(standardWebhookSecret(secret)).sign(deliveryId, now, body),
  };
  if (!isLegacyWebhookSecret(secret)) return headers;
  return {
    ...headers,
    "X-Undersigned-Event": event,
    "X-Undersigned-Delivery": deliveryId,
    "X-Undersigned-Signature": await webhookSignature(secret, body, now),
  };
}

/**
 * POSTs `body` to `url`, signed with `secret` at `now`, as delivery `deliveryId` of `event`
 * (headers: webhookHeaders). An address the rules refuse (webhookUrlProblem: one saved before a rule
 * existed) is not called: the answer is a "refused" failure.
 *
 * @param keepBody how many characters of the answer's body to keep (0: none, the body is let go unread)
 * @param loopback whether a receiver on this machine is accepted (the Worker runs on it: see webhookUrlProblem)
 * @param send the fetch to use (tests and callers may pass their own)
 * @returns the answer; never throws for an unreachable or refused receiver (see WebhookAnswer.failure)
 */
export async function postWebhook(
  url: string,
  secret: string,
  body: string,
  {
    event,
    deliveryId,
    now,
    keepBody = 0,
    loopback = false,
  }: { event: string; deliveryId: string; now: Date; keepBody?: number; loopback?: boolean },
  send: typeof fetch = fetch,
): Promise<WebhookAnswer> {
  const problem = webhookUrlProblem(url, { loopback });
  if (problem) {
    return { status: null, body: null, failure: { kind: "refused", message: `address refused: ${problem}` } };
  }
  try {
    const response = await send(url, {
      method: "POST",
      headers: await webhookHeaders(secret, body, { event, deliveryId, now }),
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    if (keepBody > 0) return { status: response.status, body: await bodyStart(response, keepBody), failure: null };
    await response.body?.cancel();
    return { status: response.status, body: null, failure: null };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return {
      status: null,
      body: null,
      failure: { kind: webhookFailureKind(cause instanceof Error ? cause.name : "", message), message },
    };
  }
}
