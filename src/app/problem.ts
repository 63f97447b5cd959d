/**
 * A request the application refuses, with the words to show for it: what
 * RFC 9457 calls a problem. The routes answer it as a page, JSON or problem
 * details (see http/errors.tsx); the application layer throws it without
 * knowing which. 501 is for a format a client asked for that we don't make,
 * 503 for a service its request needed that did not answer.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457
 */
import { adminMessagesFor } from "../domain/i18n";
import { problemWords, type OrganizerRefusal, type ProblemArgs, type ProblemCode } from "../domain/organizer-words";

export type ProblemStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 501 | 503;

export class Problem extends Error {
  override name = "Problem";

  /**
   * @param status the HTTP status it is answered with
   * @param title a short sentence a person understands ("Letter not found")
   * @param message what happened and what to do next
   * @param extraHeaders headers the answer carries (Retry-After, Allow)
   * @param refusal its code in the organizer area's catalogs, which word it
   *   in the organizer's language there (see organizerProblem)
   */
  constructor(
    readonly status: ProblemStatus,
    readonly title: string,
    message: string,
    readonly extraHeaders: Record<string, string> = {},
    readonly refusal: OrganizerRefusal | null = null,
  ) {
    super(message);
  }
}

/**
 * A Problem the organizer area words in the organizer's language: `code` is
 * a key of the admin catalogs' `problems` (domain/locales/admin/), `args`
 * what its words need; its title and message are the English ones, for
 * whoever reads it outside the area.
 *
 * @example
 * ```ts
 * throw organizerProblem(404, "signatureNotFound");
 * throw organizerProblem(413, "tooManySelected", [BULK_LIMIT]);
 * ```
 */
export function organizerProblem<K extends ProblemCode>(
  status: ProblemStatus,
  code: K,
  ...[args, extraHeaders = {}]: ProblemArgs<K> extends []
    ? [args?: [], extraHeaders?: Record<string, string>]
    : [args: ProblemArgs<K>, extraHeaders?: Record<string, string>]
): Problem {
  const refusal = { code, args: args ?? [] } as OrganizerRefusal;
  const { title, message } = problemWords(adminMessagesFor("en"), refusal);
  return new Problem(status, title, message, extraHeaders, refusal);
}
