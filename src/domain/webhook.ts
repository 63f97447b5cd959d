/**
 * Letters' webhooks: what is sent, where it may go, its secrets, and when a
 * failed delivery is tried again. Pure: no I/O.
 *
 * Each delivery is a POST of JSON signed as Standard Webhooks
 * (https://www.standardwebhooks.com, spec v1) says, so that a receiver in any
 * language checks it with an off-the-shelf library:
 *   webhook-id: <id>                 (the same on every retry: de-duplicate on it)
 *   webhook-timestamp: <unix seconds>
 *   webhook-signature: v1,<base64 HMAC-SHA-256 of "<id>.<timestamp>.<body>" under the secret's key>
 * (integrations/webhooks.ts signs with the `standardwebhooks` library). A letter whose secret was
 * made before that (isLegacyWebhookSecret) also gets the earlier headers, for its receiver's sake:
 *   X-Undersigned-Event: signature.counted
 *   X-Undersigned-Delivery: <id>
 *   X-Undersigned-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>" under the secret as typed>
 */
import { toHex } from "./crypto";
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

/**
 * Why a webhook address is refused, as a code (the admin catalogs' issues.webhookUrl word it):
 * longer than WEBHOOK_URL_MAX_LENGTH, no address, not https://, a user name or password in it,
 * a port other than 443, an IP address for its host, a host name ending in a dot, or a name
 * that only means something inside a network.
 */
export type WebhookUrlProblem =
  "too-long" | "not-a-url" | "not-https" | "credentials" | "port" | "ip-address" | "trailing-dot" | "not-public";

/**
 * The last labels of names that are never public: localhost (RFC 6761), local (mDNS, RFC 6762),
 * internal (ICANN's private-use TLD, 2024), arpa (reverse lookups and home.arpa, RFC 8375), svc
 * (Kubernetes services), and the names RFC 6762 appendix G finds in private networks.
 */
const PRIVATE_SUFFIXES: ReadonlySet<string> = new Set([
  "localhost",
  "local",
  "internal",
  "arpa",
  "svc",
  "intranet",
  "private",
  "corp",
  "home",
  "lan",
]);

/**
 * The problem with a webhook address, or undefined: `https://`, on port 443,
 * on a public host name, with no credentials. The host is read as the WHATWG
 * URL parser (the one fetch uses) reads it, so every spelling of an IP
 * address is refused: IPv4 in dotted, decimal (`2130706433`), hex (`0x7f.1`),
 * octal (`0177.0.0.1`) or percent-encoded form all come out dotted, and IPv6
 * (IPv4-mapped ones too) in brackets. A host name ending in a dot
 * (`localhost.`) is refused too: it reaches the same host as without the
 * dot, past checks on the name.
 *
 * The same rule is applied when the address is saved (the organizers' form)
 * and again before each delivery (integrations/webhooks.ts postWebhook), so
 * an address saved before a rule existed is not called either. What a public
 * name resolves to (DNS rebinding, a public name for a private address) is
 * Cloudflare's egress rules' to stop: a Worker's fetch can't reach private
 * networks.
 *
 * With `loopback` (only when the Worker itself runs on this machine, see
 * http/urls.ts webhookLoopbackAllowed), an https:// address on 127.0.0.1,
 * localhost or [::1], on any port, is accepted too, so that an organizer
 * trying the service with `npm start` can point the webhook at a receiver on
 * their own computer. Not http://: letters.webhook_url's CHECK
 * (migrations/0009) stores https:// addresses only.
 */
export function webhookUrlProblem(
  value: string,
  { loopback = false }: { loopback?: boolean } = {},
): WebhookUrlProblem | undefined {
  if (value.length > WEBHOOK_URL_MAX_LENGTH) return "too-long";
  // The URL parser drops tabs and line breaks and encodes other control characters: an address with
  // spaces, control or format characters is no address anyone typed.
  if (/[\s\p{Cc}\p{Cf}]/u.test(value)) return "not-a-url";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "not-a-url";
  }
  // What is stored is the parser's reading (normalizedWebhookUrl), which may be longer than what was typed.
  if (url.href.length > WEBHOOK_URL_MAX_LENGTH) return "too-long";
  // letters.webhook_url's CHECK (migrations/0009) stores https:// addresses only, on this machine too.
  if (url.protocol !== "https:") return "not-https";
  if (url.username || url.password) return "credentials";
  if (loopback && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  const host = url.hostname;
  if (host.startsWith("[") || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return "ip-address";
  const labels = host.replace(/\.$/, "").split(".");
  if (labels.length < 2 || PRIVATE_SUFFIXES.has(labels.at(-1)!)) return "not-public";
  if (host.endsWith(".")) return "trailing-dot";
  // The parser leaves the port empty for https's default (443), whichever way it was written.
  if (url.port !== "") return "port";
  return undefined;
}

/**
 * A webhook address as it is stored, shown and called: the WHATWG parser's reading of it (`new
 * URL(value).href`), the one webhookUrlProblem checked. Spellings the parser reads alike are stored
 * alike: `https:example.com/hook`, `https:/example.com/hook` and `https:\\example.com/hook` are all
 * `https://example.com/hook`, so that letters.webhook_url's CHECK (`LIKE 'https://%'`, migrations/0009)
 * holds for every address the rule accepts. Only for an address webhookUrlProblem accepted.
 *
 * @throws TypeError for a value the URL parser can't read (webhookUrlProblem's "not-a-url")
 */
export function normalizedWebhookUrl(value: string): string {
  return new URL(value).href;
}

/**
 * Why nothing answered a delivery: no answer in time, a secure connection that failed, no connection at
 * all, or an address no longer accepted (webhookUrlProblem), to which nothing was sent.
 */
export type WebhookFailureKind = "timeout" | "tls" | "network" | "refused";

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

/** How many random bytes a new secret's key has (Standard Webhooks: 24 to 64). */
const SECRET_BYTES = 32;
/** A secret as newWebhookSecret writes it: "whsec_" and the standard base64 of SECRET_BYTES bytes (44 characters). */
const STANDARD_SECRET = /^whsec_[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

/** Standard base64 (RFC 4648 section 4, with padding), as Standard Webhooks writes keys. */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * A new secret for a letter's webhook, in the Standard Webhooks form: "whsec_" and the standard base64 of
 * 32 random bytes, the HMAC key.
 */
export function newWebhookSecret(): string {
  return `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)))}`;
}

/**
 * Whether a stored secret was made before deliveries followed Standard Webhooks: "whsec_" and 32
 * base64url characters, whose HMAC key was the text itself (its UTF-8 bytes), not what it encodes.
 * Such a letter's receiver may check the earlier X-Undersigned-Signature header: it keeps getting it
 * until the organizers give the webhook a new secret.
 */
export function isLegacyWebhookSecret(stored: string): boolean {
  return !STANDARD_SECRET.test(stored);
}

/**
 * The secret in the Standard Webhooks form ("whsec_" and the base64 of the HMAC key), as organizers see
 * it and hand it to a receiver's library. A new secret is stored that way; an earlier one
 * (isLegacyWebhookSecret) keeps its key, its text's UTF-8 bytes, written in that form, so the
 * same deliveries verify under both.
 */
export function standardWebhookSecret(stored: string): string {
  return isLegacyWebhookSecret(stored) ? `whsec_${toBase64(new TextEncoder().encode(stored))}` : stored;
}

/**
 * The value of the earlier X-Undersigned-Signature header for `body` sent at `now`: `t=<unix
 * seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>">` keyed with the stored secret's text. Sent to
 * letters with a legacy secret only (isLegacyWebhookSecret).
 */
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
