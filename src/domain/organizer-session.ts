/**
 * Organizers' sessions, as the cookie carries them: a random id and its
 * HMAC under SECRET_KEY. A session opened with the admin token also keeps a
 * fingerprint of that token (changing ADMIN_TOKEN ends those sessions). The
 * CSRF token of a session's forms is an HMAC of its id. The login form, and
 * the admin token it takes. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object } from "zod/mini";
import { fromBase64Url, hmac, hmacHex, randomToken, sha256Hex, toBase64Url, verifyHmac } from "./crypto";
import { doneField, field } from "./form-fields";
import { weakSecretReason } from "./token-strength";
import { isLocale, type Locale } from "./i18n";
import type { Role } from "./organizer-roles";

/** How long a login lasts. */
export const SESSION_SECONDS = 12 * 60 * 60;

/**
 * How stale a session's last-active time (organizer_sessions.last_seen_at) may grow before a
 * request writes it again: 5 minutes. A D1 write on every request would cost more than the
 * minutes it adds to "last active" on Your account.
 */
export const SESSION_SEEN_EVERY_SECONDS = 5 * 60;

/**
 * Whether a request at `now` should note that the session was used: its last-active time
 * (ISO 8601 UTC, or null if never noted) is SESSION_SEEN_EVERY_SECONDS old or more.
 */
export function sessionSeenLongAgo(lastSeenAt: string | null, now: Date): boolean {
  return lastSeenAt === null || Date.parse(lastSeenAt) <= now.getTime() - SESSION_SEEN_EVERY_SECONDS * 1000;
}

/** The session cookie's name; the __Host- prefix makes browsers refuse it unless Secure, Path=/ and host-only. */
export const SESSION_COOKIE = "__Host-undersigned-session";
/** The same cookie without the prefix, for plain-HTTP local development (see http/authentication.ts). */
export const LOCAL_SESSION_COOKIE = "undersigned-session";

/** An organizer making a request, and how they proved it: a session, a bearer token (the API), or Cloudflare Access. */
export interface Organizer {
  via: "session" | "token" | "access";
  /** The CSRF token the session's forms carry; null for bearer-token requests, which browsers never send by themselves. */
  csrf: string | null;
  /** organizers.id (1: the bootstrap owner, who signs in with the admin token). */
  id: number;
  /** The name colleagues and the activity log know them by. */
  name: string;
  role: Role;
  /** The organizer area's language they chose, or null (their browser's Accept-Language decides). */
  language: Locale | null;
  /**
   * Their account's time zone (an IANA name), or null: none chosen. The pages about no letter show
   * their times, and read their filters' days, in it (else in UTC).
   */
  timeZone: string | null;
  /** The SHA-256 of the session's id (organizer_sessions.id_hash) when `via` is "session", else null. */
  sessionIdHash: string | null;
  /** When `via` is "token": the API token's id and label, or nulls for ADMIN_TOKEN (domain/organizer-roles.ts Actor). */
  apiToken?: { id: number | null; label: string | null };
}

/** The hidden field every organizer form carries. */
export const CSRF_FIELD = "csrf";
/** The header the organizers' JSON API takes the same token in, for posts made with a session cookie. */
export const CSRF_HEADER = "X-CSRF-Token";

/** A new session: its id (stored hashed) and the cookie value that carries it. */
export async function newSession(secret: string): Promise<{ id: string; cookie: string }> {
  const id = randomToken();
  const mac = await hmac(secret, "organizer-session", id);
  return { id, cookie: `${id}.${toBase64Url(mac)}` };
}

/** The session id a cookie carries, if its HMAC is ours (checked in constant time); else null. */
export async function sessionIdFrom(secret: string, cookie: string | undefined): Promise<string | null> {
  const match = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/.exec(cookie ?? "");
  if (!match) return null;
  const mac = fromBase64Url(match[2]!);
  if (!mac) return null;
  return (await verifyHmac(secret, "organizer-session", match[1]!, mac)) ? match[1]! : null;
}

/**
 * What a session opened with the admin token keeps of it (hex HMAC under
 * SECRET_KEY): when ADMIN_TOKEN changes, the fingerprint no longer matches
 * and the session ends.
 */
export function adminTokenFingerprint(secret: string, adminToken: string): Promise<string> {
  return hmacHex(secret, "admin-token-session", adminToken);
}

/** What is stored of a session id. */
export function sessionIdHash(id: string): Promise<string> {
  return sha256Hex(`organizer-session:${id}`);
}

/** The CSRF token of the forms of a session (or of an Access identity). */
export async function csrfToken(secret: string, sessionKey: string): Promise<string> {
  return toBase64Url(await hmac(secret, "organizer-csrf", sessionKey));
}

/** The shortest ADMIN_TOKEN accepted: shorter ones are treated as unset. */
export const ADMIN_TOKEN_MIN_LENGTH = 16;

/** The last value judged, and whether it was weak: the estimate costs about a millisecond, and the value rarely changes. */
let judged: { value: string; weak: boolean } | null = null;

/** Why ADMIN_TOKEN `value` can't be used (too short, or too easy to guess: domain/token-strength.ts), or null. */
export function adminTokenWeakness(value: string): string | null {
  return weakSecretReason("ADMIN_TOKEN", value, ADMIN_TOKEN_MIN_LENGTH);
}

/**
 * The admin token `value` configures, or null when it is unset, shorter
 * than 16 characters, or of less than MIN_SECRET_BITS of estimated
 * randomness ("aaaaaaaaaaaaaaaa", "passwordpassword", a word and digits):
 * a weak token is treated as unset, and logged as such once per isolate
 * (src/index.ts).
 */
export function configuredAdminToken(value: string | undefined): string | null {
  if (!value) return null;
  if (judged?.value !== value) judged = { value, weak: adminTokenWeakness(value) !== null };
  return judged.weak ? null : value;
}

/**
 * The longest address to go back to that is kept (characters): a page of the organizer area with
 * its filters is well within it. A longer one would travel in an emailed sign-in link (mail
 * clients cut long links; Cloudflare answers 414 past 16 KB of URL), so it is "/admin".
 */
export const NEXT_MAX_LENGTH = 500;

/**
 * Where to go after logging in (or switching language): a path inside the organizer area only,
 * never another site, at most NEXT_MAX_LENGTH characters, else "/admin". Only printable ASCII, as
 * a browser sends a path and query (percent-encoded): a control character (CR, LF, NUL, tab)
 * could not go into the Location header (the Fetch standard refuses it: Headers throws "Invalid
 * header value").
 */
export function safeNext(next: string): string {
  return next.length <= NEXT_MAX_LENGTH &&
    /^\/admin(?:[/?][\x21-\x7e]*)?$/.test(next) &&
    !next.includes("//") &&
    !next.startsWith("/admin/login")
    ? next
    : "/admin";
}

/**
 * Why a browser's session is no longer live, as the login page it is sent to says it (`why=`; a code,
 * never a secret): "ended", ended from another device or by "Log out everywhere" (or gone since);
 * "expired", its SESSION_SECONDS ran out; "disabled", an owner disabled the account; "token-changed",
 * opened with the admin token, which has changed since.
 */
export const SESSION_ENDINGS = ["ended", "expired", "disabled", "token-changed"] as const;
export type SessionEnding = (typeof SESSION_ENDINGS)[number];

/**
 * The cookie that keeps the organizer area's language chosen on the login page, before anyone is
 * signed in (a locale code, nothing else): the signed-in person's own choice comes first
 * (http/language.ts adminLocale).
 */
export const AREA_LANGUAGE_COOKIE = "undersigned-area-language";

/**
 * The login page's query (GET /admin/login?next=): where to go once logged in, and what a
 * logout that led there did, for the page to say it: `out=1` this session ended (Log out),
 * `out=all&others=N` "Log out everywhere" ended this one and N others; `why` the reason the
 * session this browser had is no longer live (SESSION_ENDINGS); `lang` the language chosen with
 * the page's links. Anything else is ignored (null), as a link may be old.
 */
export const loginQuerySchema = object({
  next: field(safeNext),
  out: doneField(["1", "all"]),
  others: field((text) => (/^\d{1,6}$/.test(text) ? Number(text) : null)),
  why: doneField(SESSION_ENDINGS),
  /** The area's language chosen with the login page's links (kept in AREA_LANGUAGE_COOKIE); null for none or another. */
  lang: field((text): Locale | null => (isLocale(text) ? text : null)),
});

/** The login form (POST /admin/login): the admin token given, and where to go once logged in. */
export const loginFormSchema = object({ token: field((text) => text.trim()), next: field(safeNext) });
