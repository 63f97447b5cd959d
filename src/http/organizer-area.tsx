/**
 * What the organizer area's routes share: its pages' answer, the letter a
 * route's slug names (drafts included), and how a letter's preview is drawn.
 * (How a refused form or query is answered is in http/validation.ts.)
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppDeps } from "../app/deps";
import type { AdminMessages } from "../domain/i18n";
import type { SessionEnding } from "../domain/organizer-session";
import { letterState, type Letter } from "../domain/letter";
import { CONFIRM_FIELD, CONFIRM_VALUE, keptFields, RESUME_FIELD } from "../domain/organizer-forms";
import { ConfirmPage, type ConfirmPrompt } from "../views/admin/confirm-page";
import { ResumePage, SessionEndedPage, type KeptFormProps, type KeptReason } from "../views/admin/kept-form-pages";
import { AdminAddressContext, AdminWordsContext } from "../views/admin/admin-words";
import { PageTimeContext } from "../views/admin/time";
import { renderDocument } from "../views/layout";
import { pageShell, type AppEnv } from "./app-env";
import { adminWords } from "./language";

/**
 * An organizer page's answer: `page` drawn with the organizer area's words
 * in the request's language (http/language.ts adminLocale), which its views
 * read with views/admin/admin-words.ts useAdminWords.
 */
export async function adminHtml<E extends AppEnv>(
  c: Context<E>,
  page: unknown,
  status: 200 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 = 200,
): Promise<Response> {
  return c.html(await adminDocument(c, page), status);
}

/**
 * `page` drawn as a whole document with the organizer area's words, role
 * and address (see adminHtml), for an answer built by hand (http/errors.tsx).
 */
export async function adminDocument<E extends AppEnv>(c: Context<E>, page: unknown): Promise<string> {
  const url = new URL(c.req.url);
  // A page drawn in answer to a post (a refused form, a question) can't be fetched again: the switcher comes back home.
  const address = c.req.method === "GET" ? `${url.pathname}${url.search}` : "/admin";
  // The header names who is signed in; the page leaves out what their role can't use (views/admin/can.tsx).
  const organizer = (c.var as Partial<AppEnv["Variables"]>).organizer;
  // Pages about no letter show their times in the reader's own time zone (views/admin/time.tsx).
  const deps = (c.var as Partial<AppEnv["Variables"]>).deps;
  const time = { accountZone: organizer?.timeZone ?? null, now: (deps ? deps.now() : new Date()).toISOString() };
  const document = (
    <AdminWordsContext.Provider value={adminWords(c)}>
      <AdminAddressContext.Provider value={address}>
        <PageTimeContext.Provider value={time}>{page as Parameters<typeof renderDocument>[0]}</PageTimeContext.Provider>
      </AdminAddressContext.Provider>
    </AdminWordsContext.Provider>
  );
  const shell = organizer
    ? { ...pageShell(c), signedIn: { id: organizer.id, name: organizer.name, role: organizer.role } }
    : pageShell(c);
  return renderDocument(document, shell);
}

/**
 * The IANA time zone Cloudflare places the request in (`request.cf.timezone`, from the client's IP
 * address: present in production; absent in tests and often locally), or null. A guess about the
 * connection: a default a form shows (a new letter's "today"), never stored as anyone's zone.
 *
 * @see https://developers.cloudflare.com/workers/runtime-apis/request/#incomingrequestcfproperties
 */
export function requestTimeZone<E extends AppEnv>(c: Context<E>): string | null {
  const zone = (c.req.raw as { cf?: { timezone?: unknown } }).cf?.timezone;
  return typeof zone === "string" && zone !== "" ? zone : null;
}

/** A route of the organizer area about one letter: the letter its :slug names is `c.var.letter`. */
export type LetterEnv<L extends Letter = Letter> = AppEnv & { Variables: { letter: L } };

/**
 * Finds the letter the route's :slug names with `find` (an app function
 * that throws Problem 404 when there is none) and hands it to the rest of
 * the route as `c.var.letter`: before its input is validated, so that an
 * unknown letter is a 404 whatever was sent, and a refused form can be
 * drawn again with its letter.
 */
export function organizerLetter<L extends Letter>(
  find: (deps: AppDeps, slug: string) => Promise<L>,
): MiddlewareHandler<LetterEnv<L>> {
  return async function organizerLetter(c, next) {
    c.set("letter", await find(c.var.deps, c.req.param("slug") ?? ""));
    await next();
  };
}

/**
 * A draft is previewed as it will look once published; other letters as they are, with the
 * changes typed in the form (`typed`) or, for the stored letter, as the public sees it now.
 */
export function previewOptions(
  letter: Letter,
  t: AdminMessages,
  typed = true,
): { notice: string; status: "open" | "closed" } {
  const state = letterState(letter, new Date());
  return {
    notice:
      state === "draft" ? t.editor.previewDraftNotice : typed ? t.editor.previewNotice : t.editor.previewStoredNotice,
    status: state === "draft" || state === "open" ? "open" : "closed",
  };
}

/**
 * Asks before an action that can't be taken back, or that changes at once
 * what the public sees: a form post without CONFIRM_FIELD=yes is answered
 * with a page (200) saying what will happen, whose button posts the same
 * fields again with it; only that second post reaches the route's handler.
 * `prompt` says what to ask for this post (null: it needs no confirmation,
 * e.g. a stage change other than closing). The confirming post passes the
 * same guards as any other (session, same origin, CSRF token): the page
 * carries the session's token.
 *
 * Place it after the middleware that sets what `prompt` reads (the letter).
 *
 * @example
 * ```ts
 * letters.post("/:slug/delete", editableLetter, confirmFirst((c) => ({ question: "Delete…?", … })), handler);
 * ```
 */
export function confirmFirst<E extends AppEnv>(
  prompt: (c: Context<E>, form: FormData) => ConfirmPrompt | null | Promise<ConfirmPrompt | null>,
): MiddlewareHandler<E> {
  return async function confirmFirst(c, next) {
    const form = await c.req.formData();
    const asked = await prompt(c, form);
    if (!asked || form.get(CONFIRM_FIELD) === CONFIRM_VALUE) return next();
    const url = new URL(c.req.url);
    return adminHtml(
      c,
      <ConfirmPage
        {...asked}
        csrf={(c.var as AppEnv["Variables"]).organizer?.csrf ?? null}
        action={`${url.pathname}${url.search}`}
        fields={keptFields(form)}
      />,
    );
  };
}

/** What a posted form keeps for the pages that answer it without acting (see views/admin/kept-form-pages.tsx). */
async function keptForm<E extends AppEnv>(c: Context<E>): Promise<KeptFormProps> {
  const form = await c.req.formData();
  const url = new URL(c.req.url);
  let droppedFiles = 0;
  form.forEach((value) => {
    if (typeof value !== "string" && value.size > 0) droppedFiles += 1;
  });
  return {
    action: `${url.pathname}${url.search}`,
    fields: keptFields(form),
    multipart: /^multipart\/form-data/i.test(c.req.header("Content-Type") ?? ""),
    droppedFiles,
  };
}

/**
 * The answer to an organizer form posted without a live session (401): the
 * page that keeps its text fields and offers to send them again once logged
 * in (views/admin/kept-form-pages.tsx). The caller has passed the form guards
 * (same origin, size), so only our own pages' posts are written back.
 */
export async function sessionEndedAnswer<E extends AppEnv>(
  c: Context<E>,
  why: SessionEnding | null = null,
): Promise<Response> {
  return adminHtml(c, <SessionEndedPage {...await keptForm(c)} why={why} />, 401);
}

/** Whether a form post is the session-ended page's "Send again" (RESUME_FIELD=1): shown, never acted on. */
export async function isResumedForm<E extends AppEnv>(c: Context<E>): Promise<boolean> {
  return (await c.req.formData()).get(RESUME_FIELD) === "1";
}

/**
 * The answer to "Send again" once signed in (200), or to a form whose CSRF
 * token is not the session's (403: http/authentication.ts organizerPages):
 * the kept fields with the session's CSRF token, and a Send button.
 *
 * @param reason why it is shown, for its words: "resumed" (signed in again after the session ended),
 *   "stale" (the form carries the token of an earlier session), "missing" (it carries none)
 */
export async function resumeAnswer<E extends AppEnv>(
  c: Context<E>,
  csrf: string | null,
  status: 200 | 403 = 200,
  reason: KeptReason = "resumed",
): Promise<Response> {
  return adminHtml(c, <ResumePage {...await keptForm(c)} csrf={csrf} reason={reason} />, status);
}
