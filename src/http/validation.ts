/**
 * Reading a route's input: zValidator typed with the route's variables,
 * and the answers to a form or query its schema refused — a Problem with
 * words a person understands (problem details for the API, a page or the
 * JSON error shape elsewhere; see http/errors.tsx), never a 500.
 */
import { zValidator, type Hook } from "@hono/zod-validator";
import type { Context, ValidationTargets } from "hono";
import type { core } from "zod/mini";
import { kindProblem, organizerProblem, Problem } from "../app/problem";
import { problemsOf, type FormIssues } from "../domain/form-fields";
import { queryRefusal } from "../domain/public-query";
import type { AppEnv } from "./app-env";
import { adminWords, isOrganizerPath, isPublicApiPath, languageNotOffered, words } from "./language";
import { inOrganizerWords } from "../domain/organizer-words";

/**
 * The answer to a form or query refused by its schema when the page can't
 * show it beside the fields: `status` with `title`, and every problem found.
 */
export function refusal(status: 400 | 422, title: string, error: FormIssues): Problem {
  return new Problem(status, title, problemsOf(error).join(" "));
}

/**
 * The answer to an organizer form or query refused by its schema when the
 * page can't show it beside the fields: the problem `code` (its title in the
 * organizer's words, see http/errors.tsx) with every problem found, worded
 * in the organizer's language by validation()'s hook.
 */
export function organizerRefusal(status: 400 | 422, code: "filterRefused" | "formRefused", error: FormIssues): Problem {
  return organizerProblem(status, code, [problemsOf(error).join(" ")]);
}

/**
 * zValidator for routes whose env is `E`: its hook (which draws the page
 * again with the problems, or throws the Problem to answer) gets a context
 * typed with the route's variables, which zValidator can't infer from it.
 *
 * @example
 * ```ts
 * const validate = validation<LetterEnv>();
 * app.post("/:slug/signatures", organizerLetter(requireLetter), validate("form", manualSignatureSchema, (result, c) => {
 *   if (!result.success) return listPage(c, c.var.letter, …, 422);
 * }), (c) => … c.req.valid("form") …);
 * ```
 */
export function validation<E extends AppEnv>() {
  return function validate<T extends core.$ZodType, Target extends keyof ValidationTargets>(
    target: Target,
    schema: T,
    hook: Hook<core.output<T>, E, string, Target, object, T>,
  ) {
    // In the organizer area, a refused field's words are the organizer's language (domain/organizer-words.ts).
    const worded: typeof hook = (result, c) => {
      if (!result.success && isOrganizerPath(c.req.path)) inOrganizerWords(result.error, adminWords(c));
      return hook(result, c);
    };
    return zValidator<T, Target, E, string, typeof hook>(target, schema, worded);
  };
}

/**
 * The answer to a public route's query refused by its schema (see
 * domain/public-query.ts QueryRefusal): the first refused parameter's
 * status, title and message; a page's words in the reader's language.
 */
export function queryProblem<E extends AppEnv>(c: Context<E>, error: FormIssues): Problem {
  const refused = queryRefusal(error);
  if (!refused) return refusal(400, words(c).errors.byStatus[400]!.title, error);
  const { refusal: how, message } = refused;
  if ("status" in how) return new Problem(how.status, how.title, message, {}, null, how.kind ?? null);
  if (how.words === "language") return languageNotOffered(c);
  if (how.words === "entry") {
    const { title, message } = words(c).errors.entryNumber;
    return new Problem(404, title, message);
  }
  // The API's reader is a program: it is told what to send instead of where to click.
  if (isPublicApiPath(c.req.path))
    return kindProblem(
      "invalid-cursor",
      "Use the next_cursor (or next_url) of a previous page of the same list, or leave cursor out for the first.",
    );
  const { title, message: cursorMessage } = words(c).errors.cursor;
  return new Problem(400, title, cursorMessage, {}, null, "invalid-cursor");
}

/**
 * A public route's query, read with `schema` (domain/public-query.ts,
 * domain/public-api.ts): `c.req.valid("query")` in the route; a refused
 * parameter is answered with queryProblem, never a 500.
 *
 * @example
 * ```ts
 * letters.get("/:slug/record.json", publicQuery(recordQuerySchema), (c) => … c.req.valid("query").after …);
 * ```
 */
export function publicQuery<T extends core.$ZodType>(schema: T) {
  return validation<AppEnv>()("query", schema, (result, c) => {
    if (!result.success) throw queryProblem(c, result.error);
  });
}

/**
 * A public route's path parameters, read with `schema` (domain/public-query.ts):
 * `c.req.valid("param")` in the route; a refused one is answered like a
 * refused query (queryProblem), never a 500.
 *
 * @example
 * ```ts
 * letters.get("/:slug/record/:seq", publicParams(recordEntryParamsSchema), (c) => … c.req.valid("param").seq …);
 * ```
 */
export function publicParams<T extends core.$ZodType>(schema: T) {
  return validation<AppEnv>()("param", schema, (result, c) => {
    if (!result.success) throw queryProblem(c, result.error);
  });
}
