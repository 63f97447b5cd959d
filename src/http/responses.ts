/**
 * Answers that are not served through the edge cache (see page-cache.ts for
 * those): one helper for HTML and one for JSON, never stored by default.
 *
 * JSON bodies are safe wherever they land: "<", ">", "&" and the two
 * JavaScript line terminators are written as \u escapes, so a name like
 * "</script>" stays inert even if a partner inlines the JSON into a page.
 */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
export const HTML_CONTENT_TYPE = "text/html; charset=utf-8";

const UNSAFE = /[<>&\u2028\u2029]/g;

export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * An HTML answer: `no-store` unless `headers` says otherwise (a signer's own
 * pages say `private, no-store`).
 */
export function htmlResponse(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": HTML_CONTENT_TYPE, "Cache-Control": "no-store", ...headers },
  });
}

/** A JSON answer (safeJson): `no-store` unless `headers` says otherwise. */
export function jsonResponse(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(safeJson(value), {
    status,
    headers: { "Content-Type": JSON_CONTENT_TYPE, "Cache-Control": "no-store", ...headers },
  });
}
