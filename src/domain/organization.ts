/**
 * Organizations as signatories: the key that keeps one signature per
 * organization per letter, an organization's website, and whether its
 * contact's email address proves the organization's own domain. Pure: no I/O.
 *
 * Registrable domains come from the Public Suffix List through `tldts`
 * (https://publicsuffix.org/, private suffixes included, so that
 * `myorg.github.io` is its own site and `example.co.uk` is registrable);
 * webmail providers from `email-providers` (its `common.json`: the `all.json` list would add 44 KB
 * gzipped to the Worker for nothing the mark relies on, see README) and our own
 * list of shared domains (domain/bots.ts); characters that look like others from
 * Unicode's confusables (UTS #39's confusables.txt, https://www.unicode.org/reports/tr39/)
 * through `unhomoglyph`'s table of it (domain/confusables.ts).
 */
import { getDomain, parse } from "tldts";
import webmailDomains from "email-providers/common.json";
import { sharedEmailDomains } from "./bots";
import { confusableLowerCase } from "./confusables";

/** The longest website accepted, in characters (the column's CHECK). */
export const WEBSITE_MAX_LENGTH = 300;

const WEBMAIL = new Set<string>([...webmailDomains, ...sharedEmailDomains()]);

/** Compatibility forms folded, marks and invisible characters dropped, lower case, punctuation and symbols as spaces. */
function folded(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{Default_Ignorable_Code_Point}/gu, "")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, " ")
    .trim();
}

/**
 * A name as names of signatories are compared: Unicode compatibility forms
 * folded (NFKD), characters that show nothing dropped (Unicode's
 * Default_Ignorable_Code_Point: direction marks, zero-width joiners,
 * fillers, invisible operators, tags, variation selectors — the text rules
 * refuse only some of them, and "Oxfam\u200E" looks exactly like "Oxfam"),
 * letters of other scripts that look like Latin ones read as those (UTS #39
 * confusables, before and after lower-casing, beyond ASCII only: see
 * domain/confusables.ts; "Оxfam" with a Cyrillic О is "oxfam"), accents and
 * other marks removed, lower case, punctuation and symbols read as spaces,
 * spaces collapsed. So "Fundación Justicia y Paz", "FUNDACION JUSTICIA Y
 * PAZ" and "Fundación Justicia  y Paz." are one; "+Acumen" and "Acumen" too.
 * "" when nothing is left (a name of symbols only). A name whose characters
 * are all printable ASCII compares as it did before confusables were read
 * (migrations/0028 renews the keys of the others).
 */
export function comparableName(name: string): string {
  const visible = name.normalize("NFKD").replace(/\p{Default_Ignorable_Code_Point}/gu, "");
  return folded(confusableLowerCase(visible));
}

/**
 * The key two spellings of one organization's name share (see
 * comparableName), at most 200 characters; null when nothing is left (a
 * name of symbols only).
 */
export function organizationKey(name: string): string | null {
  const key = comparableName(name);
  return key ? [...key].slice(0, 200).join("") : null;
}

/**
 * The key an individual signed without an email is kept one by, within an
 * import's file and against the letter's signatures (migrations/0028): their
 * name and city compared as names are (comparableName; a name of symbols
 * only as typed, in lower case), and their country (ISO 3166-1 alpha-2, or
 * none), joined by "|": "ana papel|tegucigalpa|HN". At most 420 characters.
 * Two people of one name in one city, with no email to tell them apart,
 * are one signer to an import (the lead's decision, issue 14).
 */
export function personKey(signer: { name: string; city: string | null; country: string | null }): string {
  const name = comparableName(signer.name) || signer.name.trim().toLowerCase();
  const city = signer.city ? comparableName(signer.city) : "";
  return [[...name].slice(0, 200).join(""), [...city].slice(0, 200).join(""), signer.country ?? ""].join("|");
}

/** Why a website was refused, as a code the message catalogs word. */
export type WebsiteProblem = "not-a-website" | "too-long";

/** A website as stored: its absolute URL, and its registrable domain (the Public Suffix List's). */
export interface Website {
  /** Absolute http(s) URL, as the URL standard serializes it (e.g. "https://www.example.org/"). */
  url: string;
  /** Registrable domain of its host, lower case, in ASCII (punycode) form (e.g. "example.org"). */
  domain: string;
}

/**
 * Reads a website typed into a form or a spreadsheet cell: `example.org`,
 * `www.example.org/about` or `https://example.org` (no scheme means https).
 * Refused ("not-a-website"): another scheme, credentials, an IP address, a
 * host without a registrable domain under a known public suffix (`localhost`,
 * `example.invalid`, a bare suffix like `co.uk`). "too-long": over
 * WEBSITE_MAX_LENGTH once serialized. Empty text gives null.
 */
export function readWebsite(text: string): Website | WebsiteProblem | null {
  const typed = text.trim();
  if (!typed) return null;
  if (/\s/.test(typed)) return "not-a-website";
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return "not-a-website";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "not-a-website";
  if (url.username || url.password || url.port) return "not-a-website";
  const host = parse(url.hostname, { allowPrivateDomains: true });
  if (host.isIp || !host.domain || !(host.isIcann || host.isPrivate)) return "not-a-website";
  const href = url.href;
  if (href.length > WEBSITE_MAX_LENGTH) return "too-long";
  return { url: href, domain: host.domain };
}

/**
 * The registrable domain of an email address's domain (Public Suffix List,
 * private suffixes included), or null when it has none.
 */
export function emailRegistrableDomain(email: string): string | null {
  const host = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return getDomain(host, { allowPrivateDomains: true });
}

/** True for a webmail provider's domain (gmail.com, proton.me…): an address there proves nothing about an organization. */
export function isWebmailDomain(domain: string): boolean {
  return WEBMAIL.has(domain.toLowerCase());
}

/**
 * The registrable domain that `email` proves for an organization whose
 * website is `websiteUrl`: the address is at that domain (or one of its
 * subdomains, e.g. `ana@mail.example.co.uk` for `https://www.example.co.uk`),
 * and neither is a webmail provider's. Null when it proves nothing, or
 * there is no website.
 */
export function verifiedEmailDomain(email: string, websiteUrl: string | null): string | null {
  if (!websiteUrl) return null;
  const website = readWebsite(websiteUrl);
  if (website === null || typeof website === "string") return null;
  const host = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  const domain = emailRegistrableDomain(email);
  if (!domain || domain !== website.domain) return null;
  if (isWebmailDomain(domain) || isWebmailDomain(host)) return null;
  return domain;
}
