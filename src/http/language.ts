/**
 * Which language a public page is answered in. A letter's page, its
 * signatories and its embed card take ?lang= (one of the interface's
 * languages; anything else is a 404, so random values never make cache
 * entries); without it, the browser's Accept-Language chooses among the
 * letter's languages, and the page's cache key then holds the browser's
 * preferences (at most two languages, see domain/i18n.ts) so that a Spanish
 * copy is never served to an English reader, with Vary: Accept-Language.
 */
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import {
  adminMessagesFor,
  languageName,
  localeOf,
  messagesFor,
  negotiate,
  preferredLocales,
  DEFAULT_LOCALE,
  isLocale,
  LOCALES,
  type AdminMessages,
  type Locale,
  type Messages,
} from "../domain/i18n";
import type { Letter } from "../domain/letter";
import { LANG_PARAM, PREFERENCES_KEY } from "../domain/paths";
import { AREA_LANGUAGE_COOKIE } from "../domain/organizer-session";
import type { AppEnv } from "./app-env";
import type { CachedPageOptions } from "./page-cache";
import { Problem } from "../app/problem";
import { letterQuerySchema } from "../domain/public-query";

/** What a request asks for: a language named in ?lang=, or the browser's preferences. */
export interface LanguageRequest {
  requested: Locale | null;
  preferred: Locale[];
  /** Whether the browser's preferences choose when ?lang= is absent (a page), or never (a JSON document: see jsonLanguage). */
  negotiated: boolean;
}

/**
 * What the request asks for: `requested`, its ?lang= as its route's schema
 * read it (see domain/public-query.ts langParam), and its Accept-Language
 * preferences. Without `requested`, ?lang= is read here with the same
 * schema (for the signer's link pages in routes/signatures.tsx, which read
 * their query by hand for now).
 *
 * @throws Problem 404 for a ?lang= the interface doesn't have (see languageNotOffered)
 */
export function languageRequest<E extends AppEnv>(c: Context<E>, requested?: Locale | null): LanguageRequest {
  const preferred = preferredLocales(c.req.header("Accept-Language"));
  if (requested !== undefined) return { requested, preferred, negotiated: true };
  // As zValidator gives a query to its schema: one value as text, a repeated one as a list.
  const values = c.req.queries(LANG_PARAM);
  const read = letterQuerySchema.safeParse({ lang: values?.length === 1 ? values[0] : values });
  if (!read.success) throw languageNotOffered(c);
  return { requested: read.data.lang, preferred, negotiated: true };
}

/** What a JSON document's request asks for: its ?lang=, never negotiated (null for the letter's original language). */
export function jsonLanguage(requested: Locale | null): LanguageRequest {
  return { requested, preferred: [], negotiated: false };
}

/**
 * The 404 for a ?lang= the interface doesn't have (not a language, or given
 * twice), in the reader's first language we have, which the rest of the
 * request (its error page) then speaks.
 */
export function languageNotOffered<E extends AppEnv>(c: Context<E>): Problem {
  if (isPublicApiPath(c.req.path)) {
    // The API answers in English (domain/problem-types.ts), naming what lang takes.
    const detail = `lang must be one of ${LOCALES.join(", ")} (one of the letter's languages), or left out for its original language.`;
    return new Problem(
      404,
      messagesFor(DEFAULT_LOCALE).errors.languageNotFound("").title,
      detail,
      {},
      null,
      "translation-not-found",
    );
  }
  const locale = preferredLocales(c.req.header("Accept-Language"))[0] ?? DEFAULT_LOCALE;
  c.set("locale", locale);
  const t = messagesFor(locale);
  return new Problem(
    404,
    t.errors.languageNotFound("").title,
    t.errors.byStatus[404]!.message,
    {},
    null,
    "translation-not-found",
  );
}

/**
 * The cache options of a page answered in the request's language: ?lang= kept, or the preferences with
 * Vary; a JSON document, which never reads Accept-Language, says no Vary (RFC 9110, section 12.5.5).
 */
export function languageCache(request: LanguageRequest, params: readonly string[] = []): CachedPageOptions {
  if (request.requested) return { params: [...params, LANG_PARAM] };
  if (!request.negotiated) return { params };
  return {
    params,
    variant: request.preferred.length ? { [PREFERENCES_KEY]: request.preferred.join(",") } : {},
    vary: "Accept-Language",
  };
}

/**
 * The language `letter` is shown in for `request`: the one asked for (a 404,
 * in the reader's language, when the letter has no such translation), else
 * the best of the browser's preferences, else the letter's original language.
 */
export function chooseLanguage<E extends AppEnv>(c: Context<E>, letter: Letter, request: LanguageRequest): string {
  if (request.requested) {
    if (letter.languages.includes(request.requested)) return request.requested;
    // The public API answers in English (domain/problem-types.ts); a page in the language asked for.
    const t = isPublicApiPath(c.req.path) ? messagesFor(DEFAULT_LOCALE) : useLocale(c, request.requested);
    const available = letter.languages.map(languageName).join(", ");
    const words = t.errors.languageNotFound(available);
    throw new Problem(404, words.title, words.message, {}, null, "translation-not-found");
  }
  return negotiate(request.preferred, letter.languages);
}

/** The interface language for a letter's text in `language`: its own when we have it, else English. */
export function interfaceLocale(language: string): Locale {
  return localeOf(language) ?? DEFAULT_LOCALE;
}

/** Makes `language` the interface language of the rest of the request (its error pages included), and returns its words. */
export function useLocale<E extends AppEnv>(c: Context<E>, language: string): Messages {
  const locale = interfaceLocale(language);
  c.set("locale", locale);
  return messagesFor(locale);
}

/**
 * The interface language of the request so far: the one a route chose, else
 * (in the organizer area) the organizer's, see adminLocale, else the
 * browser's first preference we have; always English for the public API.
 */
export function requestLocale<E extends AppEnv>(c: Context<E>): Locale {
  const chosen = c.get("locale");
  if (chosen) return chosen;
  if (ORGANIZER_PATH.test(c.req.path)) return adminLocale(c);
  if (isPublicApiPath(c.req.path)) return DEFAULT_LOCALE;
  return preferredLocales(c.req.header("Accept-Language"))[0] ?? DEFAULT_LOCALE;
}

const ORGANIZER_PATH = /^\/admin(?:\/|$)/;

/**
 * Whether `path` is the public API (/api/…): its answers are for programs,
 * so always in English, its errors RFC 9457 problem details of a registered
 * kind (domain/problem-types.ts).
 */
export function isPublicApiPath(path: string): boolean {
  return /^\/api(?:\/|$)/.test(path);
}

/** Whether `path` is in the organizer area (/admin and below), whose pages speak the organizer's language. */
export function isOrganizerPath(path: string): boolean {
  return ORGANIZER_PATH.test(path);
}

const ORGANIZER_API_PATH = /^\/admin\/api(?:\/|$)/;

/**
 * Whether `path` is the organizers' JSON API (/admin/api/…): it answers
 * programs, so its words (its refusals) are always English (routes/admin-api.ts).
 */
export function isOrganizerApiPath(path: string): boolean {
  return ORGANIZER_API_PATH.test(path);
}

/**
 * The organizer area's language for this request: the one a route chose
 * for it (c.var.locale: an emailed link's page is in its person's
 * language), else the signed-in person's choice (organizers.language, set
 * with the area's language switcher), else the one chosen in this browser
 * on the login page (AREA_LANGUAGE_COOKIE), else the browser's first
 * Accept-Language preference we have, else English. Always English for
 * the organizers' JSON API (isOrganizerApiPath). Organizer pages are
 * never cached (no-store), so no Vary is needed.
 */
export function adminLocale<E extends AppEnv>(c: Context<E>): Locale {
  if (isOrganizerApiPath(c.req.path)) return DEFAULT_LOCALE;
  const { organizer, locale } = c.var as AppEnv["Variables"];
  return (
    locale ??
    organizer?.language ??
    chosenAreaLanguage(c) ??
    preferredLocales(c.req.header("Accept-Language"))[0] ??
    DEFAULT_LOCALE
  );
}

/** The language chosen on the login page before signing in (AREA_LANGUAGE_COOKIE), if it is one the area has. */
function chosenAreaLanguage<E extends AppEnv>(c: Context<E>): Locale | null {
  const chosen = getCookie(c, AREA_LANGUAGE_COOKIE);
  return isLocale(chosen) ? chosen : null;
}

/**
 * Makes `locale` the organizer area's language for this browser before anyone signs in (the login
 * page's links), and for the rest of the request: a cookie of the locale's code only, for the area's
 * paths, a year (a signed-in person's own choice still comes first: adminLocale).
 */
export function chooseAreaLanguage<E extends AppEnv>(c: Context<E>, locale: Locale): void {
  c.set("locale", locale);
  setCookie(c, AREA_LANGUAGE_COOKIE, locale, {
    path: "/admin",
    httpOnly: true,
    secure: new URL(c.req.url).protocol === "https:",
    sameSite: "Lax",
    maxAge: 365 * 86_400,
  });
}

/** The organizer area's words for this request (see adminLocale). */
export function adminWords<E extends AppEnv>(c: Context<E>): AdminMessages {
  return adminMessagesFor(adminLocale(c));
}

/** The words of the request's interface language. */
export function words<E extends AppEnv>(c: Context<E>): Messages {
  return messagesFor(requestLocale(c));
}
