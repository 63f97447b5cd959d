/**
 * Letters' webhooks: what is sent, how it is signed, and when a failed
 * delivery is tried again. Pure: no I/O.
 *
 * Each delivery is a POST of JSON with
 *   X-Undersigned-Event: signature.counted
 *   X-Undersigned-Delivery: <id>          (the same on every retry: de-duplicate on it)
 *   X-Undersigned-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>" under the letter's webhook secret>
 * so a receiver checks the body came from us and is recent (as Stripe's webhooks do).
 */
import { toBase64Url, toHex } from "./crypto";
import type { OrganizationVerification, SignatoryDetails } from "./signature";

export const WEBHOOK_EVENT = "signature.counted";
/** The event of the organizers' test delivery ("Send a test delivery"): it announces no signature. */
export const WEBHOOK_TEST_EVENT = "webhook.test";
/** Tries in all: the first, then retries after 1, 2, 4… minutes (about four hours in all). */
export const WEBHOOK_MAX_ATTEMPTS = 9;
/** How long one delivery may take before it counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_URL_MAX_LENGTH = 500;

/** When to try again after the `attempts`-th failure, or null to give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + 2 ** (attempts - 1) * 60_000);
}

/** The host names that name this machine: a receiver there is only reachable by a Worker running on it. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Why a webhook address is refused, as a code (the admin catalogs' issues.webhookUrl word it). */
export type WebhookUrlProblem = "too-long" | "not-a-url" | "not-https" | "credentials" | "not-public";

/**
 * The problem with a webhook address organizers typed, or undefined: HTTPS, a
 * public host name, no credentials. With `loopback` (only when the Worker
 * itself runs on this machine, see http/urls.ts webhookLoopbackAllowed), an
 * https:// address on 127.0.0.1, localhost or [::1] is accepted too, so that
 * an organizer trying the service with `npm start` can point the webhook at a
 * receiver on their own computer. Not http://: letters.webhook_url's CHECK
 * (migrations/0009) stores https:// addresses only; lifting it means
 * rebuilding the letters table.
 */
export function webhookUrlProblem(
  value: string,
  { loopback = false }: { loopback?: boolean } = {},
): WebhookUrlProblem | undefined {
  if (value.length > WEBHOOK_URL_MAX_LENGTH) return "too-long";
  // The URL parser drops tabs and line breaks and encodes other control characters, but the address is
  // stored and shown as typed: one with spaces, control or format characters is no address anyone typed.
  if (/[\s\p{Cc}\p{Cf}]/u.test(value)) return "not-a-url";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "not-a-url";
  }
  // letters.webhook_url's CHECK (migrations/0009) stores https:// addresses only, on this machine too.
  if (url.protocol !== "https:") return "not-https";
  if (loopback && LOOPBACK_HOSTS.has(url.hostname) && !url.username && !url.password) return undefined;
  if (url.username || url.password) return "credentials";
  const host = url.hostname;
  if (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.endsWith(".local") ||
    /^[\d.]+$/.test(host) ||
    host.startsWith("[") ||
    !host.includes(".")
  ) {
    return "not-public";
  }
  return undefined;
}

/** Why nothing answered a delivery: no answer in time, a secure connection that failed, or no connection at all. */
export type WebhookFailureKind = "timeout" | "tls" | "network";

/**
 * What kind of failure a fetch that threw means, from its error's `name` and
 * `message` (workerd's words, such as "TLS peer's certificate is not
 * trusted" or "Network connection lost."): only ever shown through
 * domain/webhook-words.ts webhookFailureWords, never as is.
 */
export function webhookFailureKind(name: string, message: string): WebhookFailureKind {
  if (name === "TimeoutError" || name === "AbortError") return "timeout";
  if (/\b(tls|ssl|certificate|handshake)\b/i.test(message)) return "tls";
  return "network";
}

/** A new secret for a letter's webhook. */
export function newWebhookSecret(): string {
  return `whsec_${toBase64Url(crypto.getRandomValues(new Uint8Array(24)))}`;
}

/** The value of X-Undersigned-Signature for `body` sent at `now`. */
export async function webhookSignature(secret: string, body: string, now: Date): Promise<string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${timestamp}.${body}`)));
  return `t=${timestamp},v1=${toHex(mac)}`;
}

export interface WebhookSignature extends SignatoryDetails {
  ref: string;
  email: string | null;
  /** An organization's verification ("email-domain" | "organizers") and when (ISO 8601); null when not verified. */
  verification: OrganizationVerification | null;
  verifiedAt: string | null;
  isPublic: boolean;
  channel: string;
  source: string | null;
  createdAt: string;
  confirmedAt: string | null;
}

/**
 * The body of a delivery: the letter, the signature (its email only when the organizers chose so) and
 * the counts. An organization's website and verification (`verified`: null or `{ by, at }`, as the
 * public JSON has it) always; its contact person never (organizers read it in their area and export).
 */
export function webhookBody(
  delivery: { id: number; createdAt: string },
  letter: {
    slug: string;
    title: string;
    url: string | null;
    counts: { total: number; organizations: number; individuals: number };
  },
  signature: WebhookSignature,
  includeEmail: boolean,
): string {
  return JSON.stringify({
    id: delivery.id,
    event: WEBHOOK_EVENT,
    created_at: delivery.createdAt,
    letter: { slug: letter.slug, title: letter.title, url: letter.url, counts: letter.counts },
    signature: {
      ref: signature.ref,
      kind: signature.kind,
      name: signature.name,
      organization: signature.organization,
      title: signature.title,
      city: signature.city,
      country: signature.country,
      website: signature.kind === "organization" ? signature.website : null,
      verified:
        signature.kind === "organization" && signature.verification && signature.verifiedAt
          ? { by: signature.verification, at: signature.verifiedAt }
          : null,
      ...(includeEmail ? { email: signature.email } : {}),
      listed_publicly: signature.isPublic,
      channel: signature.channel,
      source: signature.source,
      signed_at: signature.createdAt,
      counted_at: signature.confirmedAt,
    },
  });
}

/**
 * The body of a test delivery: the letter and its counts as a real delivery has them, the event
 * WEBHOOK_TEST_EVENT, and no signature, so that a receiver can tell it from one and store nothing.
 */
export function testWebhookBody(
  id: string,
  letter: {
    slug: string;
    title: string;
    url: string | null;
    counts: { total: number; organizations: number; individuals: number };
  },
  now: Date,
): string {
  return JSON.stringify({
    id,
    event: WEBHOOK_TEST_EVENT,
    created_at: now.toISOString(),
    letter: { slug: letter.slug, title: letter.title, url: letter.url, counts: letter.counts },
    signature: null,
  });
}
