/**
 * Checks against automated signing that people never notice: a honeypot
 * field that only bots fill in, and a minimum time between drawing the form
 * and sending it, carried by a signed timestamp in the form (its "stamp").
 * A submission that fails them is never stored and never answered with a
 * receipt: the signer is shown the form again, filled in, and asked to press
 * Sign once more (see routes/signatures.tsx). Pure but for the HMAC.
 *
 * What the fill time measures: a stamp is drawn whenever a page with the
 * form is answered, cached copies included (http/form-stamps.ts rewrites it
 * per response), and carried forward unchanged through every page that
 * shows a submitted form again, so it is the time since this visitor first
 * got the form. A copy kept by the browser or a proxy (at most
 * CACHE_MAX_AGE, or longer when revalidated) carries an older stamp: the
 * check then passes sooner, never later.
 */
import { fromBase64Url, hmac, toBase64Url, verifyHmac } from "./crypto";

/**
 * Cloudflare Turnstile's form field (the widget's token) and the widget's
 * script (https://developers.cloudflare.com/turnstile/get-started/client-side-rendering/):
 * the form, the API and the check (integrations/turnstile.ts) share them.
 */
export const TURNSTILE_RESPONSE_FIELD = "cf-turnstile-response";
export const TURNSTILE_SCRIPT = "https://challenges.cloudflare.com/turnstile/v0/api.js";

/**
 * The honeypot's field name: a plausible one that form-filling bots like to fill. (It was "website"
 * until organizations gave their real website in the sign form, issue 14.)
 */
export const HONEYPOT_FIELD = "url";
/** The hidden field that carries the form's signed drawing time. */
export const FORM_STAMP_FIELD = "form_stamp";
/** Faster than this from drawing the form to sending it, no person typed it. */
export const MINIMUM_FILL_MS = 3_000;
/**
 * How long a person may keep a form open before sending it: a tab left open
 * overnight still signs. A stamp's whole lifetime adds the age a copy of the
 * page may already have when the visitor gets it (formStampLifetimeMs).
 */
export const FILL_ALLOWANCE_MS = 24 * 3_600_000;

const STAMP_PURPOSE = "form-stamp";
const STAMP_SHAPE = /^(\d{13})\.([A-Za-z0-9_-]{43})$/;

/**
 * How long after drawing a stamp is accepted, in ms: FILL_ALLOWANCE_MS plus
 * `copySeconds`, the longest a served copy of a page may be kept by browsers
 * and shared caches before a visitor sees it (CACHE_MAX_AGE: our own edge
 * copies get a fresh stamp on every response). With the defaults, 24 hours
 * and one minute.
 */
export function formStampLifetimeMs(copySeconds: number): number {
  return FILL_ALLOWANCE_MS + copySeconds * 1_000;
}

/** A stamp for a form drawn at `drawnAt` (ms since the epoch) for the letter `slug`: `<drawnAt>.<base64url HMAC>`. */
export async function formStamp(secret: string, slug: string, drawnAt: number): Promise<string> {
  const payload = `${slug}.${drawnAt}`;
  return `${drawnAt}.${toBase64Url(await hmac(secret, STAMP_PURPOSE, payload))}`;
}

/**
 * What a submitted stamp is: "valid" (ours, for this letter, within its
 * lifetime; `drawnAt` in ms), "expired" (ours, but older than `lifetimeMs`),
 * or "missing" (absent, malformed, forged, or another letter's).
 */
export type StampReading =
  { state: "valid"; stamp: string; drawnAt: number } | { state: "expired"; drawnAt: number } | { state: "missing" };

/** Reads the stamp a form carried (`value`, the raw field) at `now` (ms). */
export async function readFormStamp(
  secret: string,
  slug: string,
  value: unknown,
  now: number,
  lifetimeMs: number,
): Promise<StampReading> {
  const match = typeof value === "string" ? STAMP_SHAPE.exec(value) : null;
  const signature = match ? fromBase64Url(match[2]!) : null;
  if (!match || !signature) return { state: "missing" };
  const drawnAt = Number(match[1]);
  if (!(await verifyHmac(secret, STAMP_PURPOSE, `${slug}.${drawnAt}`, signature))) return { state: "missing" };
  if (now - drawnAt > lifetimeMs) return { state: "expired", drawnAt };
  return { state: "valid", stamp: match[0], drawnAt };
}

/**
 * The stamp a form shown again after a submission carries: the submitted
 * one while it is valid, so the visitor's time keeps running from when they
 * first got the form (fixing a mistake within a second then passes), else
 * one drawn `now`, so that the next press of a person passes after
 * MINIMUM_FILL_MS.
 */
export async function stampToCarry(
  secret: string,
  slug: string,
  value: unknown,
  now: number,
  lifetimeMs: number,
): Promise<string> {
  const reading = await readFormStamp(secret, slug, value, now, lifetimeMs);
  return reading.state === "valid" ? reading.stamp : formStamp(secret, slug, now);
}

/** Why a submission was taken for a bot's. */
export type BotReason = "honeypot" | "too-fast" | "no-stamp" | "expired";

export type BotVerdict = { bot: false } | { bot: true; reason: BotReason };

/**
 * Whether a submission looks automated. `fields` are the raw form fields,
 * `now` in ms, `lifetimeMs` the stamp's (formStampLifetimeMs).
 */
export async function botVerdict(
  secret: string,
  slug: string,
  fields: Record<string, unknown>,
  now: number,
  lifetimeMs: number,
): Promise<BotVerdict> {
  const honeypot = fields[HONEYPOT_FIELD];
  if (honeypot !== undefined && honeypot !== "") return { bot: true, reason: "honeypot" };
  const reading = await readFormStamp(secret, slug, fields[FORM_STAMP_FIELD], now, lifetimeMs);
  if (reading.state === "missing") return { bot: true, reason: "no-stamp" };
  if (reading.state === "expired") return { bot: true, reason: "expired" };
  if (now - reading.drawnAt < MINIMUM_FILL_MS) return { bot: true, reason: "too-fast" };
  return { bot: false };
}

/**
 * Why a sign attempt that passed validation was refused, as organizers read
 * it (their letter's signatures page counts each per day). Nothing was
 * stored for any of them, and what is counted identifies nobody.
 */
export const REFUSAL_REASONS = {
  "too-fast": `Sent less than ${MINIMUM_FILL_MS / 1_000} seconds after the form was shown`,
  "no-stamp": "Sent without the form's stamp (not from the letter's form, or a forged stamp)",
  expired: "Sent with a form shown more than a day before",
  honeypot: "Filled in the hidden field only robots see",
  turnstile: "Did not pass the Turnstile check",
  "rate-limited": "Too many attempts from one connection in a minute",
} as const satisfies Record<BotReason | "turnstile" | "rate-limited", string>;
export type RefusalReason = keyof typeof REFUSAL_REASONS;
export const REFUSAL_REASON_NAMES = Object.keys(REFUSAL_REASONS) as RefusalReason[];

/**
 * Webmail domains: many signatures from one of these in a short time mean nothing, and an address at
 * one proves nothing about an organization (domain/organization.ts, beside email-providers' list,
 * which leaves out much of what is listed here). Besides the big providers: mail services that
 * activists and non-profits use (each gives anyone an address), and forwarding aliases (DuckDuckGo,
 * Firefox Relay, SimpleLogin, addy.io, Apple's Hide My Email), whose addresses anybody makes at will.
 */
const SHARED_EMAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "yahoo.es",
  "yahoo.fr",
  "ymail.com",
  "outlook.com",
  "hotmail.com",
  "hotmail.fr",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "pm.me",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "mail.com",
  "yandex.ru",
  "yandex.com",
  "mail.ru",
  "qq.com",
  "163.com",
  "126.com",
  "zoho.com",
  "fastmail.com",
  "tutanota.com",
  "tuta.io",
  "orange.fr",
  "free.fr",
  "laposte.net",
  "uol.com.br",
  "bol.com.br",
  "terra.com.br",
  "riseup.net",
  "disroot.org",
  "autistici.org",
  "inventati.org",
  "systemli.org",
  "posteo.de",
  "posteo.net",
  "mailbox.org",
  "mailfence.com",
  "tutanota.de",
  "tutamail.com",
  "tuta.com",
  "keemail.me",
  "startmail.com",
  "runbox.com",
  "kolabnow.com",
  "hushmail.com",
  "fastmail.fm",
  "duck.com",
  "mozmail.com",
  "simplelogin.com",
  "simplelogin.co",
  "slmail.me",
  "aleeas.com",
  "addy.io",
  "anonaddy.com",
  "anonaddy.me",
  "privaterelay.appleid.com",
]);

/** Within this window, more signatures than the thresholds below from one source are flagged for organizers. */
export const SUSPICION_WINDOW_MINUTES = 10;
export const SUSPICIOUS_PER_CLIENT = 5;
export const SUSPICIOUS_PER_EMAIL_DOMAIN = 20;

export const SUSPICION_FLAGS = {
  "many-from-one-connection": `${SUSPICIOUS_PER_CLIENT} or more signatures from one connection within ${SUSPICION_WINDOW_MINUTES} minutes`,
  "many-from-one-email-domain": `${SUSPICIOUS_PER_EMAIL_DOMAIN} or more signatures from one email domain (not a webmail) within ${SUSPICION_WINDOW_MINUTES} minutes`,
} as const;
export type SuspicionFlag = keyof typeof SUSPICION_FLAGS;

/** The webmail domains, for the flagging query to leave out. */
export function sharedEmailDomains(): string[] {
  return [...SHARED_EMAIL_DOMAINS];
}
