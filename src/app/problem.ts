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
import { PROBLEM_TYPES, type ProblemKind } from "../domain/problem-types";

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
   * @param kind its kind in the public API's registry (domain/problem-types.ts),
   *   which gives its problem details' type; null for its status's generic kind
   */
  constructor(
    readonly status: ProblemStatus,
    readonly title: string,
    message: string,
    readonly extraHeaders: Record<string, string> = {},
    readonly refusal: OrganizerRefusal | null = null,
    readonly kind: ProblemKind | null = null,
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

/**
 * A Problem of a registered kind (domain/problem-types.ts): its status and
 * English title are the kind's; `message` says what happened this time (the
 * API's `detail`). For refusals only programs read (the public API's); a
 * refusal a page shows too keeps its words in the reader's language and
 * passes its kind to the constructor.
 *
 * @example
 * ```ts
 * throw kindProblem("unknown-fields", "This API does not take “nmae”.");
 * throw kindProblem("storage-unavailable", "Nothing was saved.", { "Retry-After": "30" });
 * ```
 */
export function kindProblem(
  kind: Exclude<ProblemKind, "internal-error">,
  message: string,
  extraHeaders: Record<string, string> = {},
): Problem {
  const { status, title } = PROBLEM_TYPES[kind];
  return new Problem(status, title, message, extraHeaders, null, kind);
}
