/**
 * Email addresses as this site keeps them, and the mailbox an address
 * reaches: one person, one signature, whatever the spelling. Pure: no I/O
 * (the WHATWG URL parser used for domain names is part of the platform).
 *
 * Two forms of an address:
 * - the **address** we store and write to: trimmed, lower-cased, its domain
 *   in ASCII (IDNA) form, the local part as typed (`Maria.Lopez+carta@Correo.España.es`
 *   is written to as `maria.lopez+carta@correo.xn--espaa-rta.es`);
 * - the **canonical mailbox**, only ever hashed (never stored or sent to): the
 *   address with a `+tag` removed, and for Gmail the dots removed and
 *   googlemail.com read as gmail.com (`marialopez@gmail.com` for both
 *   `maria.lopez+carta@googlemail.com` and `MariaLopez@gmail.com`).
 */
import { hmacHex } from "./crypto";

/** Gmail's two domains: one mailbox per account, whichever is used. */
const GMAIL_DOMAINS: ReadonlySet<string> = new Set(["gmail.com", "googlemail.com"]);

/** An ASCII character a domain may not hold before conversion: anything but letters, digits, hyphen and dot. */
const FORBIDDEN_ASCII = /[\u0000-\u002c\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f]/;

/** A host name of LDH labels (letters, digits, hyphen; 1 to 63 each, no hyphen at either end), at least two of them. */
const ASCII_HOST_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * The ASCII (IDNA) form of a domain name, lower-cased, or null for one that
 * can't be a mail domain.
 *
 * The conversion is the WHATWG URL Standard's "domain to ASCII" (UTS #46
 * mapping, then Punycode, RFC 3492), what browsers do to a domain typed into
 * `<input type=email>` before sending it; so `correo.españa.es` and
 * `CORREO.xn--espaa-rta.es` both give `correo.xn--espaa-rta.es`, and
 * full-width dots and letters are mapped. (An ASCII label is taken as it is:
 * parsers, workerd's and Node's alike, don't decode `xn--` labels to check
 * them, and neither does this; a domain that can't receive mail never
 * confirms.) Refused: any ASCII character but letters, digits,
 * `-` and `.` (so no port, path, user or bracketed address slips through the
 * URL parser), a result that is not a host name of at least two labels of at
 * most 63 characters, and a last label of digits only (a top-level domain is
 * never numeric, RFC 3696 §2; the URL parser would read it as an IPv4 address).
 *
 * @param domain what follows the `@` of an address, as typed
 * @returns the ASCII host name, or null
 * @see https://url.spec.whatwg.org/#concept-domain-to-ascii
 * @see https://www.unicode.org/reports/tr46/
 */
export function asciiDomain(domain: string): string | null {
  if (domain === "" || domain.length > 1_000) return null;
  if (FORBIDDEN_ASCII.test(domain)) return null;
  let host: string;
  try {
    host = new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  if (!ASCII_HOST_NAME.test(host)) return null;
  if (/^[0-9]+$/.test(host.slice(host.lastIndexOf(".") + 1))) return null;
  return host;
}

/**
 * An address as it is stored and written to: trimmed, its local part
 * lower-cased, and its domain in ASCII form (see asciiDomain), converted
 * from the domain as typed, whose case the conversion maps as a browser's
 * does (never lower-cased before it). When the domain can't be
 * converted, the address is returned trimmed and lower-cased only, so that
 * the check of its shape (isEmailAddress in domain/signature.ts) refuses it.
 *
 * Lower-casing the local part: RFC 5321 §2.4 lets a server treat it as
 * case-sensitive, but says that exploiting this "impedes interoperability
 * and is discouraged"; no common provider does, and this site has always
 * compared addresses lower-cased.
 *
 * @param typed the address as typed (any text)
 * @see https://www.rfc-editor.org/rfc/rfc5321#section-2.4
 */
export function normalizeEmail(typed: string): string {
  const trimmed = typed.trim();
  const email = trimmed.toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 0) return email;
  // The domain as typed: IDNA maps its case itself. Lower-cased first, a capital sigma before a
  // non-letter would become the final ς (String#toLowerCase's context rule), which IDNA keeps as a
  // letter of its own: "ΣΟΦΟΣ-1.gr" would name another domain than the one the browser sends.
  const domain = asciiDomain(trimmed.slice(at + 1));
  return domain === null ? email : `${trimmed.slice(0, at).toLowerCase()}@${domain}`;
}

/**
 * The mailbox an address reaches, for "one person, one signature": the
 * address (already normalized by normalizeEmail: lower-cased, domain in
 * ASCII) with
 * - a subaddress removed: everything from the first `+` of the local part
 *   (RFC 5233's "+detail", the separator Gmail, Outlook.com, iCloud,
 *   Fastmail and Proton deliver to the same mailbox); a local part that
 *   starts with `+` is kept whole, since nothing would be left;
 * - for gmail.com and googlemail.com, the dots of the local part removed
 *   (Gmail: "Gmail doesn't recognize dots as characters within usernames…
 *   all these addresses belong to the same Google Account") and
 *   googlemail.com read as gmail.com (the name Gmail had in Germany and the
 *   UK: the same accounts, reachable at either domain).
 *
 * Used only through a keyed hash (HMAC under SECRET_KEY, purpose "mailbox"):
 * never stored, never written to. Other providers' rules (dots at Outlook
 * are significant; Yahoo's "-" separator is for disposable addresses it
 * issues) are left alone, so two people are never taken for one.
 *
 * @param address an address as normalizeEmail gives it
 * @returns the canonical mailbox, e.g. `marialopeztest@gmail.com`
 * @see https://www.rfc-editor.org/rfc/rfc5233
 * @see https://support.google.com/mail/answer/7436150 (Gmail: "Dots don't matter in Gmail addresses")
 */
export function canonicalMailbox(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 0) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll(".", "") || local;
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

/**
 * The keyed hash that stands for a mailbox in the database (signatures.mailbox_hash):
 * HMAC-SHA-256 under SECRET_KEY, purpose "mailbox", of canonicalMailbox(address), in hex.
 *
 * @param secret SECRET_KEY
 * @param address an address as normalizeEmail gives it
 * @returns 64 hex digits
 */
export function mailboxHash(secret: string, address: string): Promise<string> {
  return hmacHex(secret, "mailbox", canonicalMailbox(address));
}
