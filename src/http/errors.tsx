/**
 * Error responses: every error a client can cause gets a 4xx with a message
 * a person understands, as an HTML page or, for the .json URLs, as JSON.
 * Nothing about the request (body, email, address) is ever logged.
 */
import type { Context, ErrorHandler, Handler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ConfigurationError, type AppEnv } from "../env";
import { StorageUnavailable } from "../storage/database";
import { ErrorPage } from "../views/error-page";
import { renderDocument } from "../views/layout";
import { API_PROBLEM_CONTENT_TYPE, problemType } from "../domain/api";
import { JSON_CONTENT_TYPE, safeJson } from "./json";
import { publicOrigin } from "./urls";

/**
 * A client error with the words to show for it (and 501 for a format a
 * client asked for that we don't make, 503 for a service its request needed
 * that did not answer).
 */
export class ClientError extends HTTPException {
  constructor(
    status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 501 | 503,
    readonly title: string,
    message: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {
    super(status, { message });
  }
}

const DEFAULT_WORDS: Record<number, { title: string; message: string }> = {
  400: { title: "That request could not be understood", message: "Something in the request was malformed. Please go back and try again." },
  403: {
    title: "This form must be sent from this site",
    message: "For your safety we only accept signatures sent from the letter's own page. Open the letter and sign there.",
  },
  404: { title: "Page not found", message: "There is no page at this address. It may have been mistyped, or the letter may have moved." },
  405: { title: "That method is not allowed here", message: "This address does not accept that kind of request." },
  413: { title: "That was too much to send", message: "The form sent more data than a signature needs. Please shorten what you typed and try again." },
  415: { title: "That kind of content is not accepted", message: "Send the form as an ordinary web form (application/x-www-form-urlencoded or multipart/form-data)." },
  500: { title: "Something went wrong on our side", message: "We could not complete your request. Please try again in a moment." },
  503: { title: "This service is not available right now", message: "Please try again in a few minutes." },
};

const DATABASE_WORDS = {
  title: "This page is not available right now",
  message: "Our database did not answer in time. Please try again in a minute.",
};

/** The .json addresses, oEmbed and the organizers' API answer errors in JSON; everything else with a page. */
function wantsJson(c: Context): boolean {
  return c.req.path.endsWith(".json") || c.req.path.startsWith("/admin/api/") || c.req.path === "/oembed";
}

/** An error response in the client's format. */
export async function errorResponse<E extends AppEnv>(
  c: Context<E>,
  status: number,
  words: { title: string; message: string },
  headers: Record<string, string> = {},
): Promise<Response> {
  const responseHeaders = new Headers(headers);
  responseHeaders.set("Cache-Control", "no-store");
  if (c.req.path.startsWith("/api/")) {
    // The public API answers RFC 9457 problem details.
    responseHeaders.set("Content-Type", API_PROBLEM_CONTENT_TYPE);
    responseHeaders.set("Access-Control-Allow-Origin", "*");
    const problem = { type: problemType(publicOrigin(c), status), title: words.title, status, detail: words.message };
    return new Response(c.req.method === "HEAD" ? null : safeJson(problem), { status, headers: responseHeaders });
  }
  if (wantsJson(c)) {
    responseHeaders.set("Content-Type", JSON_CONTENT_TYPE);
    if (c.req.path.endsWith(".json") || c.req.path === "/oembed") responseHeaders.set("Access-Control-Allow-Origin", "*");
    return new Response(safeJson({ error: { status, title: words.title, message: words.message } }), { status, headers: responseHeaders });
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  const body = c.req.method === "HEAD" ? null : await renderDocument(<ErrorPage status={status} title={words.title} message={words.message} />);
  return new Response(body, { status, headers: responseHeaders });
}

export const notFound: NotFoundHandler<AppEnv> = (c) => errorResponse(c, 404, DEFAULT_WORDS[404]!);

export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ClientError) {
    return errorResponse(c, error.status, { title: error.title, message: error.message }, error.extraHeaders);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const words = DEFAULT_WORDS[error.status] ?? DEFAULT_WORDS[400]!;
    return errorResponse(c, error.status, words);
  }
  if (error instanceof StorageUnavailable) {
    console.error(JSON.stringify({ event: "storage_unavailable", path: c.req.path, error: error.message }));
    return errorResponse(c, 503, DATABASE_WORDS, { "Retry-After": "30" });
  }
  if (error instanceof ConfigurationError) {
    console.error(JSON.stringify({ event: "configuration_error", message: error.message }));
    return errorResponse(c, 503, DEFAULT_WORDS[503]!, { "Retry-After": "300" });
  }
  // Only the error itself is logged: never the request, its body or the client's address.
  console.error(JSON.stringify({ event: "unhandled_error", path: c.req.path, error: String(error) }));
  return errorResponse(c, 500, DEFAULT_WORDS[500]!);
};

/** Answers 405 with the methods the path does accept. */
export function methodNotAllowed(allowed: readonly string[]): Handler<AppEnv> {
  const allow = allowed.join(", ");
  return () => {
    throw new ClientError(405, DEFAULT_WORDS[405]!.title, `This address only accepts ${allow} requests.`, { Allow: allow });
  };
}
