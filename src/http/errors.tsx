/**
 * Error responses: every error a client can cause gets a 4xx with a message
 * a person understands, as an HTML page or, for the .json URLs, as JSON.
 * Nothing about the request (body, email, address) is ever logged.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { Problem } from "../app/problem";
import { ConfigurationError } from "../env";
import { pageShell, type AppEnv } from "./app-env";
import { StorageConstraintFailed, StorageUnavailable } from "../storage/database";
import { messagesFor } from "../domain/i18n";
import { ErrorPage } from "../views/error-page";
import { renderDocument } from "../views/layout";
import { API_CORS_HEADERS, API_PROBLEM_CONTENT_TYPE, problemDetails } from "../domain/public-api";
import { genericProblemKind, type ProblemKind } from "../domain/problem-types";
import { JSON_CONTENT_TYPE, safeJson } from "./responses";
import { adminWords, isOrganizerApiPath, isOrganizerPath, isPublicApiPath, requestLocale, words } from "./language";
import { adminDocument } from "./organizer-area";
import { organizerOf } from "./authentication";
import { problemWords } from "../domain/organizer-words";
import { AdminErrorPage } from "../views/admin/error-page";
import { publicOrigin } from "./urls";

/** The words for an error status without words of its own, in the request's language (see http/language.ts). */
function defaultWords(c: Context, status: number): { title: string; message: string } {
  const byStatus = isOrganizerPath(c.req.path) ? adminWords(c).errorPage.byStatus : words(c).errors.byStatus;
  return byStatus[status] ?? byStatus[400]!;
}

/** Public JSON at an address without .json: a letter's checkpoints. */
function isPublicJsonPath(path: string): boolean {
  return path.endsWith(".json") || path === "/oembed" || /^\/letters\/[^/]+\/checkpoints$/.test(path);
}

/** The .json addresses, oEmbed, a letter's checkpoints and the organizers' API answer errors in JSON; everything else with a page. */
function wantsJson(c: Context): boolean {
  return isPublicJsonPath(c.req.path) || c.req.path.startsWith("/admin/api/");
}

/**
 * The organizers' JSON API's code for an error without one of its own (a Problem's organizerProblem
 * code otherwise): one per status, stable for programs to test.
 */
const STATUS_CODES: Record<number, string> = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "notFound",
  405: "methodNotAllowed",
  409: "conflict",
  410: "gone",
  413: "tooLarge",
  415: "unsupportedMediaType",
  422: "unprocessable",
  429: "tooManyRequests",
  500: "internalError",
  501: "notImplemented",
  503: "unavailable",
};

/**
 * An error response in the client's format. The organizers' JSON API's carries a `code`: `words.code`
 * (a Problem's organizerProblem code), else its status's (STATUS_CODES).
 */
export async function errorResponse<E extends AppEnv>(
  c: Context<E>,
  status: number,
  words: { title: string; message: string; code?: string; kind?: ProblemKind | null },
  headers: Record<string, string> = {},
): Promise<Response> {
  const responseHeaders = new Headers(headers);
  responseHeaders.set("Cache-Control", "no-store");
  if (isPublicApiPath(c.req.path)) {
    // The public API answers RFC 9457 problem details, of a registered kind (domain/problem-types.ts), in English.
    responseHeaders.set("Content-Type", API_PROBLEM_CONTENT_TYPE);
    for (const [name, value] of Object.entries(API_CORS_HEADERS)) responseHeaders.set(name, value);
    const problem = problemDetails(publicOrigin(c), words.kind ?? genericProblemKind(status), words.message);
    return new Response(c.req.method === "HEAD" ? null : safeJson(problem), {
      status: problem.status,
      headers: responseHeaders,
    });
  }
  if (wantsJson(c)) {
    responseHeaders.set("Content-Type", JSON_CONTENT_TYPE);
    if (isPublicJsonPath(c.req.path)) responseHeaders.set("Access-Control-Allow-Origin", "*");
    const code = isOrganizerApiPath(c.req.path) ? { code: words.code ?? STATUS_CODES[status] ?? "error" } : {};
    return new Response(safeJson({ error: { status, ...code, title: words.title, message: words.message } }), {
      status,
      headers: responseHeaders,
    });
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  if (c.req.method === "HEAD") return new Response(null, { status, headers: responseHeaders });
  // An organizer refused a page (a 403 for their role, a 404 in the area, too many attempts) goes on in the
  // organizer area, in its layout and language, not on the public list of letters.
  const body = isOrganizerPath(c.req.path)
    ? await adminDocument(
        c,
        <AdminErrorPage
          status={status}
          title={words.title}
          message={words.message}
          retryAfterSeconds={retryAfter(responseHeaders)}
          csrf={(c.var as Partial<AppEnv["Variables"]>).organizer?.csrf ?? null}
        />,
      )
    : await renderDocument(
        <ErrorPage status={status} title={words.title} message={words.message} t={messagesFor(requestLocale(c))} />,
        pageShell(c),
      );
  return new Response(body, { status, headers: responseHeaders });
}

/** Seconds of a Retry-After given in seconds (the only form we send), else null. */
function retryAfter(headers: Headers): number | null {
  const value = headers.get("Retry-After");
  return value && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

export const notFound: NotFoundHandler<AppEnv> = async (c) => {
  // No route took the address, so no guard has read the session: the signed-in organizer's page speaks their language.
  if (isOrganizerPath(c.req.path) && !(c.var as Partial<AppEnv["Variables"]>).organizer) {
    const organizer = await organizerOf(c).catch(() => null);
    if (organizer) c.set("organizer", organizer);
  }
  return errorResponse(c, 404, defaultWords(c, 404));
};

export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof Problem) {
    // The organizer area words a refusal with a code in the organizer's language (domain/organizer-words.ts);
    // its JSON API in English (adminWords), with the code.
    const worded =
      error.refusal && isOrganizerPath(c.req.path)
        ? { ...problemWords(adminWords(c), error.refusal), code: error.refusal.code }
        : { title: error.title, message: error.message, kind: error.kind };
    return errorResponse(c, error.status, worded, error.extraHeaders);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return errorResponse(c, error.status, defaultWords(c, error.status));
  }
  if (error instanceof StorageUnavailable) {
    console.error(JSON.stringify({ event: "storage_unavailable", path: c.req.path, error: error.message }));
    return errorResponse(c, 503, { ...words(c).errors.database, kind: "storage-unavailable" }, { "Retry-After": "30" });
  }
  if (error instanceof StorageConstraintFailed) {
    // The database answered: it refused what we sent (a check the code should have made first). Our fault,
    // not its unavailability: no Retry-After, and logged as what it is (the constraint's words, no values).
    console.error(JSON.stringify({ event: "storage_constraint_failed", path: c.req.path, error: error.message }));
    return errorResponse(c, 500, defaultWords(c, 500));
  }
  if (error instanceof ConfigurationError) {
    console.error(JSON.stringify({ event: "configuration_error", message: error.message }));
    return errorResponse(c, 503, defaultWords(c, 503), { "Retry-After": "300" });
  }
  // Only the error itself is logged: never the request, its body or the client's address.
  console.error(JSON.stringify({ event: "unhandled_error", path: c.req.path, error: String(error) }));
  return errorResponse(c, 500, defaultWords(c, 500));
};

/**
 * The 405 answer of Hono's methodNotAllowed middleware (src/index.ts), which
 * derives `allowed` from the registered routes: in the client's format, with
 * Allow (RFC 9110, section 15.5.6).
 */
export function answerMethodNotAllowed<E extends AppEnv>(c: Context<E>, allowed: string[]): Promise<Response> {
  const allow = allowed.join(", ");
  // The organizer area's page says it in its own words, naming no method.
  if (isOrganizerPath(c.req.path)) return errorResponse(c, 405, defaultWords(c, 405), { Allow: allow });
  const t = words(c);
  return errorResponse(
    c,
    405,
    {
      title: t.errors.byStatus[405]!.title,
      // "GET or HEAD" (the Allow header keeps RFC 9110's comma list).
      message: t.errors.methodNotAllowed(new Intl.ListFormat(t.locale, { type: "disjunction" }).format(allowed)),
      kind: "method-not-allowed",
    },
    { Allow: allow },
  );
}
