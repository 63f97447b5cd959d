/**
 * Sending one webhook request: the one way a letter's webhook is called,
 * for real deliveries (jobs/webhooks.ts) and the organizers' test delivery
 * (app/notifications.ts sendTestDelivery) alike: JSON, signed with the
 * letter's secret (domain/webhook.ts webhookSignature: X-Undersigned-Signature
 * t=…,v1=…), never following a redirect, given up after WEBHOOK_TIMEOUT_MS.
 */
import { WEBHOOK_TIMEOUT_MS, webhookFailureKind, webhookSignature, type WebhookFailureKind } from "../domain/webhook";

/** What the receiver answered, or why it could not be reached. */
export interface WebhookAnswer {
  /** Its HTTP status; null when nothing answered. */
  status: number | null;
  /** The first `keepBody` characters of its answer's body (null when not asked for, or nothing answered). */
  body: string | null;
  /**
   * Nothing answered: within WEBHOOK_TIMEOUT_MS ("timeout"), over a secure connection ("tls"), or at all
   * ("network"); `message` is the runtime's, for logs only (organizers read domain/webhook-words.ts webhookFailureWords).
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
 * POSTs `body` to `url`, signed with `secret` at `now`, as delivery `deliveryId` of `event`.
 *
 * @param keepBody how many characters of the answer's body to keep (0: none, the body is let go unread)
 * @param send the fetch to use (tests and callers may pass their own)
 * @returns the answer; never throws for an unreachable receiver (see WebhookAnswer.failure)
 */
export async function postWebhook(
  url: string,
  secret: string,
  body: string,
  { event, deliveryId, now, keepBody = 0 }: { event: string; deliveryId: string; now: Date; keepBody?: number },
  send: typeof fetch = fetch,
): Promise<WebhookAnswer> {
  try {
    const response = await send(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Undersigned-Webhooks/1",
        "X-Undersigned-Event": event,
        "X-Undersigned-Delivery": deliveryId,
        "X-Undersigned-Signature": await webhookSignature(secret, body, now),
      },
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
