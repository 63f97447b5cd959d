/**
 * Quiet checks against automated signing that people never notice: a
 * honeypot field that only bots fill in, and a minimum time between drawing
 * the form and sending it, carried by a signed timestamp in the form. Pure
 * but for the HMAC.
 */
import { fromBase64Url, hmac, toBase64Url, verifyHmac } from "./crypto";

/** The honeypot's field name: a plausible one that form-filling bots like to fill. */
export const HONEYPOT_FIELD = "website";
/** The hidden field that carries the form's signed drawing time. */
export const FORM_STAMP_FIELD = "form_stamp";
/** Faster than this from drawing the form to sending it, no person typed it. */
export const MINIMUM_FILL_MS = 3_000;

const STAMP_PURPOSE = "form-stamp";

/** A stamp for a form drawn at `drawnAt` for the letter `slug`. */
export async function formStamp(secret: string, slug: string, drawnAt: number): Promise<string> {
  const payload = `${slug}.${drawnAt}`;
  return `${drawnAt}.${toBase64Url(await hmac(secret, STAMP_PURPOSE, payload))}`;
}

export type BotVerdict = { bot: false } | { bot: true; reason: "honeypot" | "too-fast" | "no-stamp" };

/** Whether a submission looks automated. `fields` are the raw form fields. */
export async function botVerdict(
  secret: string,
  slug: string,
  fields: Record<string, unknown>,
  now: number,
): Promise<BotVerdict> {
  const honeypot = fields[HONEYPOT_FIELD];
  if (honeypot !== undefined && honeypot !== "") return { bot: true, reason: "honeypot" };
  const stamp = fields[FORM_STAMP_FIELD];
  const match = typeof stamp === "string" ? /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(stamp) : null;
  const signature = match ? fromBase64Url(match[2]!) : null;
  if (!match || !signature) return { bot: true, reason: "no-stamp" };
  const drawnAt = Number(match[1]);
  if (!(await verifyHmac(secret, STAMP_PURPOSE, `${slug}.${drawnAt}`, signature))) {
    return { bot: true, reason: "no-stamp" };
  }
  if (now - drawnAt < MINIMUM_FILL_MS) return { bot: true, reason: "too-fast" };
  return { bot: false };
}

/** Webmail domains: many signatures from one of these in a short time mean nothing. */
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
