/**
 * Who may use the organizer area, and how a request proves it:
 * - a session cookie from the login form (signed, HttpOnly, Secure,
 *   SameSite=Strict, stored in D1 with the person it belongs to, so logging
 *   out ends it);
 * - on the JSON API, `Authorization: Bearer <token>` as well: a person's
 *   API token (`us_…`, with that person's role) or ADMIN_TOKEN (the
 *   bootstrap owner, unless an owner disabled its account), wrong ones
 *   limited per client and overall (app/organizer-login.ts checkBearer);
 * - when Cloudflare Access guards /admin (ACCESS_TEAM_DOMAIN, ACCESS_AUD), its
 *   signed JWT, checked against the team's keys (integrations/access.ts): the
 *   account with the identity's email; without one, the bootstrap owner only
 *   while no other account exists (a fresh deployment), else nobody.
 * Which one decides when a request carries several: organizerOf.
 * Each organizer has a role (domain/organizer-roles.ts); `allow(permission)`
 * beside a route answers 403 to a role without it.
 * Pages answer a visitor without either with a redirect to the login form,
 * the API with 401. Every organizer response is `no-store` and `noindex`;
 * every form post carries the session's CSRF token as well as passing the
 * same-origin check.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { constantTimeEqual } from "../domain/crypto";
import { BOOTSTRAP_ORGANIZER_ID, can, type Permission } from "../domain/organizer-roles";
import {
  adminTokenFingerprint,
  CSRF_FIELD,
  configuredAdminToken,
  CSRF_HEADER,
  csrfToken,
  LOCAL_SESSION_COOKIE,
  newSession,
  SESSION_COOKIE,
  SESSION_SECONDS,
  sessionIdFrom,
  sessionIdHash,
  sessionSeenLongAgo,
  type Organizer,
  type SessionEnding,
} from "../domain/organizer-session";
import { requireSecretKey } from "../env";
import { type AppEnv } from "./app-env";
import { accessIdentity } from "../integrations/access";
import { accessSessionKey, type AccessIdentity } from "../domain/access-jwt";
import {
  deleteSession,
  insertSession,
  liveSessionHolder,
  noteSessionSeen,
  sessionRecord,
  type SessionVia,
} from "../storage/organizer-sessions";
import { hasInvitedOrganizers, organizerByEmail, organizerById, type OrganizerAccount } from "../storage/organizers";
import { checkBearer } from "../app/organizer-login";
import { organizerProblem, type Problem } from "../app/problem";
import { formGuards } from "./security";
import { ADDRESSEE_MAX_LENGTH, BODY_MAX_LENGTH, SUMMARY_MAX_LENGTH, TITLE_MAX_LENGTH } from "../domain/letter-form";
import { isLoopback } from "./urls";
import { isResumedForm, resumeAnswer, sessionEndedAnswer } from "./organizer-area";

/** The admin token, if one long enough is configured. */
export function adminToken<E extends AppEnv>(c: Context<E>): string | null {
  return configuredAdminToken(c.env.ADMIN_TOKEN);
}

/**
 * The cookie a request's address calls for: __Host- and Secure over HTTPS;
 * on plain HTTP to this machine only (npm start), a plain cookie, since not
 * every browser keeps a Secure cookie from http://127.0.0.1. Null for plain
 * HTTP elsewhere: no login there.
 */
function cookieFor<E extends AppEnv>(c: Context<E>): { name: string; secure: boolean } | null {
  const url = new URL(c.req.url);
  if (url.protocol === "https:") return { name: SESSION_COOKIE, secure: true };
  return isLoopback(url.hostname) ? { name: LOCAL_SESSION_COOKIE, secure: false } : null;
}

/**
 * Refuses, before anything is used up or logged, a sign-in whose session could not start: over
 * plain HTTP other than to this machine no cookie can be given (see cookieFor). Every way of
 * signing in (admin token, emailed link, passkey) calls this first, then startSession, then logs.
 *
 * @throws Problem 403 httpsOnly
 */
export function requireSessionCookie<E extends AppEnv>(c: Context<E>): void {
  if (!cookieFor(c)) throw organizerProblem(403, "httpsOnly");
}

/** The organizer whose live session the request's cookie names, if any. */
async function sessionOrganizer<E extends AppEnv>(c: Context<E>): Promise<Organizer | null> {
  const cookie = cookieFor(c);
  if (!cookie) return null;
  const secret = requireSecretKey(c.env);
  const id = await sessionIdFrom(secret, getCookie(c, cookie.name));
  if (!id) return null;
  const idHash = await sessionIdHash(id);
  const now = new Date();
  const holder = await liveSessionHolder(c.var.db, idHash, now);
  if (!holder) return null;
  if (holder.via === "admin-token") {
    // A session opened with the admin token lasts only as long as that token.
    const token = adminToken(c);
    if (!token || holder.tokenFingerprint !== (await adminTokenFingerprint(secret, token))) return null;
  }
  // "Last active" on Your account: written only once the time read is a few minutes old.
  if (sessionSeenLongAgo(holder.lastSeenAt, now)) await noteSessionSeen(c.var.db, idHash, now);
  return {
    via: "session",
    csrf: await csrfToken(secret, id),
    id: holder.organizerId,
    name: holder.name,
    role: holder.role,
    language: holder.language,
    timeZone: holder.timeZone,
    sessionIdHash: idHash,
  };
}

/**
 * Why the session the request's cookie names (a cookie of ours: its HMAC checked) is no longer live,
 * or null when it carries none: see domain/organizer-session.ts SESSION_ENDINGS. Without one, a
 * Cloudflare Access identity whose account is disabled is told "disabled". A session ended
 * early (another device, "Log out everywhere", the account disabled) expired at that moment; one that
 * ran its SESSION_SECONDS expired by itself; a live one of the admin token's is dead because the token
 * changed; one forgotten since (the maintenance job) was ended, as far as anyone can tell.
 */
async function endedSession<E extends AppEnv>(c: Context<E>): Promise<SessionEnding | null> {
  const cookie = cookieFor(c);
  const id = cookie ? await sessionIdFrom(requireSecretKey(c.env), getCookie(c, cookie.name)) : null;
  if (!id) return (await accessAccountDisabled(c)) ? "disabled" : null;
  const found = await sessionRecord(c.var.db, await sessionIdHash(id));
  if (!found) return "ended";
  if (found.disabled) return "disabled";
  const expires = Date.parse(found.expiresAt);
  if (expires <= Date.now()) {
    return expires - Date.parse(found.createdAt) >= SESSION_SECONDS * 1000 ? "expired" : "ended";
  }
  return found.via === "admin-token" ? "token-changed" : "ended";
}

/** Whether Cloudflare Access let through someone whose account here an owner disabled (they are nobody here now). */
async function accessAccountDisabled<E extends AppEnv>(c: Context<E>): Promise<boolean> {
  const identity = await accessIdentity(c.env, c.req.header("Cf-Access-Jwt-Assertion"));
  if (!identity?.email) return false;
  const account = await organizerByEmail(c.var.db, identity.email);
  return account !== null && account.disabledAt !== null;
}

function organizerFrom(account: OrganizerAccount, via: Organizer["via"], csrf: string | null): Organizer {
  return {
    via,
    csrf,
    id: account.id,
    name: account.name,
    role: account.role,
    language: account.language,
    timeZone: account.timeZone,
    sessionIdHash: null,
  };
}

/** The bootstrap owner (the admin token's account), unless an owner disabled it. */
async function bootstrapOwner<E extends AppEnv>(c: Context<E>): Promise<OrganizerAccount | null> {
  const account = await organizerById(c.var.db, BOOTSTRAP_ORGANIZER_ID);
  return account && account.disabledAt === null ? account : null;
}

/** The organizer a bearer token names (app/organizer-login.ts checkBearer), or null for a wrong one. */
async function bearerOrganizer<E extends AppEnv>(c: Context<E>, given: string): Promise<Organizer | null> {
  // Limited per client and overall: past a client's own limit its right admin token waits too;
  // past everyone's, only wrong tokens do (app/organizer-login.ts checkBearer).
  const verdict = await checkBearer(c.var.deps, c.req.header("CF-Connecting-IP") ?? "unknown", given);
  if (!verdict) return null;
  if (verdict.kind === "api-token") {
    const { holder } = verdict;
    return {
      via: "token",
      csrf: null,
      id: holder.organizerId,
      name: holder.name,
      role: holder.role,
      language: holder.language,
      timeZone: holder.timeZone,
      sessionIdHash: null,
      apiToken: { id: holder.tokenId, label: holder.label },
    };
  }
  const owner = await bootstrapOwner(c);
  return owner ? { ...organizerFrom(owner, "token", null), apiToken: { id: null, label: null } } : null;
}

/**
 * The organizer making the request, or null. Each credential is checked on
 * its own, and the request is whoever the first one that names a person
 * names, in this order:
 *
 * 1. on the API (`bearer`), `Authorization: Bearer`: a program sends it on
 *    purpose, and it says who the program acts as (a CI job's token, sent
 *    through Access with a service token or a person's Access login, acts
 *    with the token's role, not as whoever Access let through). A wrong
 *    one is answered 401 whatever else the request carries: falling back to
 *    a cookie or an Access identity would do the program's work as another
 *    person, and hide a revoked token from whoever runs it (RFC 6750 §3.1).
 * 2. Cloudflare Access's identity with an account (a disabled one names
 *    nobody): Access checked who is at the keyboard on this very request.
 * 3. The session cookie (magic link, passkey, admin token): an identity
 *    that names nobody here (a personal address Access knows, while the
 *    account is under the organization's) vetoes nothing.
 * 4. Access's identity without an account, as the bootstrap owner, only on
 *    a fresh deployment (no account but the admin token's).
 *
 * The CSRF token of an Access identity's forms is bound to its application
 * token (domain/access-jwt.ts accessSessionKey), a session's to its id:
 * both end with what they belong to.
 */
export async function organizerOf<E extends AppEnv>(c: Context<E>, { bearer = false } = {}): Promise<Organizer | null> {
  if (bearer) {
    // RFC 6750 §2.1 and RFC 9110 §11.1: the scheme's case doesn't matter, nor the spaces around the token.
    const given = /^bearer +(\S+) *$/i.exec(c.req.header("Authorization") ?? "")?.[1];
    if (given !== undefined) return bearerOrganizer(c, given);
  }
  // Behind Cloudflare Access, Access has checked who this is; we check that Access said so.
  const identity = await accessIdentity(c.env, c.req.header("Cf-Access-Jwt-Assertion"));
  const accessCsrf = (signedIn: AccessIdentity) => csrfToken(requireSecretKey(c.env), accessSessionKey(signedIn));
  if (identity?.email) {
    const byEmail = await organizerByEmail(c.var.db, identity.email);
    if (byEmail && byEmail.disabledAt === null) return organizerFrom(byEmail, "access", await accessCsrf(identity));
  }
  const session = await sessionOrganizer(c);
  if (session || !identity) return session;
  // An identity without an account is the bootstrap owner only on a fresh deployment (nobody invited
  // yet): once owners invite people, Access letting someone through no longer makes them an owner.
  if (await hasInvitedOrganizers(c.var.db)) return null;
  const owner = await bootstrapOwner(c);
  return owner ? organizerFrom(owner, "access", await accessCsrf(identity)) : null;
}

/** Hands the organizer to the route, and to the use cases as the actor of what they log. */
function setOrganizer<E extends AppEnv>(c: Context<E>, organizer: Organizer): void {
  c.set("organizer", organizer);
  const actor = { id: organizer.id, name: organizer.name, role: organizer.role };
  c.set("deps", { ...c.var.deps, actor: organizer.apiToken ? { ...actor, apiToken: organizer.apiToken } : actor });
}

/**
 * A route's permission (domain/organizer-roles.ts), after the area's guard:
 * an organizer whose role lacks it is answered 403 and nothing is done.
 *
 * @example
 * ```ts
 * letters.post("/:slug/publish", allow("edit-letters"), async (c) => …);
 * ```
 */
export function allow(permission: Permission): MiddlewareHandler<AppEnv> {
  return async function allowed(c, next) {
    const organizer = c.var.organizer;
    if (!organizer || !can(organizer.role, permission)) {
      throw organizerProblem(403, "notForYourRole");
    }
    await next();
  };
}

/** Organizer responses (and draft previews) are never stored by anyone and never indexed. */
export function privateHeaders<E extends AppEnv>(c: Context<E>): void {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex, nofollow");
}

function isUnsafe(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method);
}

/**
 * Whether a request may act for `organizer`: a read, a bearer token's call,
 * or a form post or API call carrying the CSRF token of the session (or
 * Access session) it is made in (a field, or the X-CSRF-Token header).
 */
async function carriesCsrf<E extends AppEnv>(c: Context<E>, organizer: Organizer): Promise<boolean> {
  if (organizer.csrf === null || !isUnsafe(c.req.method)) return true;
  const given = await givenCsrf(c);
  return given !== undefined && (await constantTimeEqual(given, organizer.csrf));
}

/** The CSRF token a request carries (the X-CSRF-Token header, else a form's field), or undefined for none or an empty one. */
async function givenCsrf<E extends AppEnv>(c: Context<E>): Promise<string | undefined> {
  let given = c.req.header(CSRF_HEADER);
  if (given === undefined) {
    const type = c.req.header("Content-Type") ?? "";
    if (/^(?:application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
      const value = (await c.req.formData().catch(() => null))?.get(CSRF_FIELD);
      given = typeof value === "string" ? value : undefined;
    }
  }
  return given === "" ? undefined : given;
}

/** The largest organizer form: a letter's text and its translations fit well within it. */
export const ORGANIZER_FORM_LIMIT = 512 * 1024;

/** How large an organizer form may be (bytes), and the 413 a larger one is answered with (an organizerProblem). */
export interface OrganizerFormSize {
  maxSize: number;
  tooLarge: () => Problem;
}

const ORGANIZER_FORM_SIZE: OrganizerFormSize = {
  maxSize: ORGANIZER_FORM_LIMIT,
  tooLarge: () => organizerProblem(413, "formTooLarge", [ORGANIZER_FORM_LIMIT / 1024]),
};

/**
 * The largest form that carries a letter's text (the editor's, a translation's, and their previews):
 * every field at its cap (domain/letter-form.ts, counted in UTF-16 code units) at its worst once
 * URL-encoded, 12 bytes a code unit ("%XX" for each UTF-8 byte: 9 for a Chinese character, 12 for a
 * pair of surrogates, as 6 each), with 64 KB for the other fields. A letter within the caps is never
 * refused for its size, so the organizer is told the editor's own message about what is too long.
 */
export const LETTER_TEXT_FORM_LIMIT =
  (BODY_MAX_LENGTH + ADDRESSEE_MAX_LENGTH + SUMMARY_MAX_LENGTH + TITLE_MAX_LENGTH) * 12 + 64 * 1024;

const LETTER_TEXT_FORM_SIZE: OrganizerFormSize = {
  maxSize: LETTER_TEXT_FORM_LIMIT,
  tooLarge: () => organizerProblem(413, "formTooLarge", [Math.floor(LETTER_TEXT_FORM_LIMIT / 1024)]),
};

/**
 * The posts that carry a letter's text: POST /admin/letters, /admin/letters/preview,
 * /admin/letters/{slug}, /admin/letters/{slug}/translations/{lang} and its /preview.
 */
const LETTER_TEXT_FORM = /^\/admin\/letters(?:\/[^/]+(?:\/translations\/[a-z]{2}(?:\/preview)?)?)?\/?$/;

/**
 * The guards every organizer form post passes before it is read: same origin, at most `size` (512 KB;
 * LETTER_TEXT_FORM_LIMIT for the forms that carry a letter's text), a form.
 */
function organizerForms(size: OrganizerFormSize = ORGANIZER_FORM_SIZE): MiddlewareHandler<AppEnv> {
  const guards = formGuards(size);
  const letterTextGuards = formGuards(LETTER_TEXT_FORM_SIZE);
  return (c, next) =>
    size === ORGANIZER_FORM_SIZE && LETTER_TEXT_FORM.test(c.req.path) ? letterTextGuards(c, next) : guards(c, next);
}

/**
 * Requests that passed a guard already. The sub-apps mounted under one
 * prefix (/admin/letters) each guard their own routes, so one request can
 * meet several of the same guard: the first one checks, the others let it by.
 */
const passedPages = new WeakSet<Context>();
const passedApi = new WeakSet<Context>();

/**
 * The guard of the organizer area's pages, the first middleware of each of
 * its sub-apps: no-store and noindex; a visitor without a session is sent
 * to the login form (303, for a GET or HEAD). A form post passes the form
 * guards first (same origin, at most `size`: 512 KB, unless a sub-app that
 * takes files says more); without a live session (it ended while someone
 * was typing) it is answered 401 with a page that keeps its text fields and
 * a "Send again" button (never acted on: http/organizer-area.tsx
 * sessionEndedAnswer). With a session, that "Send again" post (RESUME_FIELD)
 * is answered with the fields and the session's CSRF token to send, and
 * acts on nothing; any other post carries the session's CSRF token. One
 * without it was drawn in an earlier session (logged in again in another
 * tab, or Access renewed its session: the token ends with its session) and
 * is answered 403 with that same page, so that nothing acts and nothing
 * typed is lost (a cross-site post never gets this far: the form guards).
 *
 * @example
 * ```ts
 * const letters = new Hono<AppEnv>();
 * letters.use(organizerPages());
 * ```
 */
export function organizerPages(size?: OrganizerFormSize): MiddlewareHandler<AppEnv> {
  const forms = organizerForms(size);
  return async function organizerPages(c, next) {
    if (passedPages.has(c)) return next();
    privateHeaders(c);
    const organizer = await organizerOf(c);
    // The form guards' refusals (too large, not a form) come before the session is set: they speak its language too.
    if (organizer?.language) c.set("locale", organizer.language);
    if (!organizer && (c.req.method === "GET" || c.req.method === "HEAD")) {
      const url = new URL(c.req.url);
      const query = new URLSearchParams({ next: `${url.pathname}${url.search}` });
      // A browser whose session ended elsewhere is told why on the login page (a code, never a secret).
      const why = await endedSession(c);
      if (why) query.set("why", why);
      return c.redirect(`/admin/login?${query}`, 303);
    }
    // An answer made here is set as c.res (finalizing the context), not returned: the form guards'
    // middleware would otherwise take what their next() gives back for the answer.
    const pass = async () => {
      if (!organizer) {
        c.res = await sessionEndedAnswer(c, await endedSession(c));
        return;
      }
      if (isUnsafe(c.req.method) && (await isResumedForm(c))) {
        setOrganizer(c, organizer);
        c.res = await resumeAnswer(c, organizer.csrf);
        return;
      }
      if (!(await carriesCsrf(c, organizer))) {
        setOrganizer(c, organizer);
        // The page says what happened: a token of an earlier session (signed in again since), or none at all.
        c.res = await resumeAnswer(c, organizer.csrf, 403, (await givenCsrf(c)) === undefined ? "missing" : "stale");
        return;
      }
      setOrganizer(c, organizer);
      passedPages.add(c);
      await next();
    };
    if (isUnsafe(c.req.method)) await forms(c, pass);
    else await pass();
  };
}

/** The login form's guard: public, but never stored or indexed, and its post passes the form guards. */
export function organizerLogin(): MiddlewareHandler<AppEnv> {
  const forms = organizerForms();
  return async function organizerLogin(c, next) {
    privateHeaders(c);
    if (isUnsafe(c.req.method)) await forms(c, next);
    else await next();
  };
}

/**
 * The guard of the JSON API under /admin/api, the first middleware of its
 * sub-app: the bearer token or a session (with its CSRF token in
 * X-CSRF-Token to change anything), else 401 with WWW-Authenticate.
 */
export function organizerApi(): MiddlewareHandler<AppEnv> {
  return async function organizerApi(c, next) {
    if (passedApi.has(c)) return next();
    privateHeaders(c);
    const organizer = await organizerOf(c, { bearer: true });
    if (!organizer) {
      throw organizerProblem(401, "organizersOnly", [], { "WWW-Authenticate": 'Bearer realm="undersigned"' });
    }
    if (!(await carriesCsrf(c, organizer))) throw organizerProblem(403, "formExpired");
    setOrganizer(c, organizer);
    passedApi.add(c);
    await next();
  };
}

/** The browser of a User-Agent header in a few words ("Chrome on Android"), for the list of sessions; null when unknown. */
export function deviceOf(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system;
}

/**
 * Starts a session of organizer `organizerId` for the request's browser:
 * stored (with how they signed in), then given as the cookie; the session
 * the browser carried, if any, ends.
 *
 * @throws Problem 403 over plain HTTP other than to this machine, or when the person is disabled
 */
export async function startSession<E extends AppEnv>(
  c: Context<E>,
  organizerId: number,
  via: SessionVia,
): Promise<void> {
  const cookie = cookieFor(c);
  if (!cookie) {
    throw organizerProblem(403, "httpsOnly");
  }
  const secret = requireSecretKey(c.env);
  // The session this browser carried ends: signing in as someone else here leaves no earlier
  // session live behind the new cookie.
  const carried = await sessionIdFrom(secret, getCookie(c, cookie.name));
  if (carried) await deleteSession(c.var.db, await sessionIdHash(carried));
  const session = await newSession(secret);
  const token = adminToken(c);
  const now = new Date();
  const stored = await insertSession(c.var.db, {
    idHash: await sessionIdHash(session.id),
    organizerId,
    via,
    tokenFingerprint: via === "admin-token" && token ? await adminTokenFingerprint(secret, token) : null,
    device: deviceOf(c.req.header("User-Agent")),
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000),
  });
  if (!stored) throw organizerProblem(403, "accountDisabled");
  setCookie(c, cookie.name, session.cookie, {
    path: "/",
    httpOnly: true,
    secure: cookie.secure,
    sameSite: "Strict",
    maxAge: SESSION_SECONDS,
  });
}

/** Ends the request's session, if it has one, and clears the cookie. */
export async function endSession<E extends AppEnv>(c: Context<E>): Promise<void> {
  const cookie = cookieFor(c);
  if (!cookie) return;
  const id = await sessionIdFrom(requireSecretKey(c.env), getCookie(c, cookie.name));
  if (id) await deleteSession(c.var.db, await sessionIdHash(id));
  deleteCookie(c, cookie.name, { path: "/", secure: cookie.secure, httpOnly: true, sameSite: "Strict" });
}
