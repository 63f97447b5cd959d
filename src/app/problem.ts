/**
 * A request the application refuses, with the words to show for it: what
 * RFC 9457 calls a problem. The routes answer it as a page, JSON or problem
 * details (see http/errors.tsx); the application layer throws it without
 * knowing which. 501 is for a format a client asked for that we don't make,
 * 503 for a service its request needed that did not answer.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457
 */
export class Problem extends Error {
  override name = "Problem";

  /**
   * @param status the HTTP status it is answered with
   * @param title a short sentence a person understands ("Letter not found")
   * @param message what happened and what to do next
   * @param extraHeaders headers the answer carries (Retry-After, Allow)
   */
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 501 | 503,
    readonly title: string,
    message: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {
    super(message);
  }
}
