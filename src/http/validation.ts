/**
 * Reading a route's input: zValidator typed with the route's variables,
 * and the answers to a form or query its schema refused — a Problem with
 * words a person understands (problem details for the API, a page or the
 * JSON error shape elsewhere; see http/errors.tsx), never a 500.
 */
import { zValidator, type Hook } from "@hono/zod-validator";
import type { Env, ValidationTargets } from "hono";
import type { core } from "zod/mini";
import { Problem } from "../app/problem";
import { problemsOf, type FormIssues } from "../domain/form-fields";

/**
 * The answer to a form or query refused by its schema when the page can't
 * show it beside the fields: `status` with `title`, and every problem found.
 */
export function refusal(status: 400 | 422, title: string, error: FormIssues): Problem {
  return new Problem(status, title, problemsOf(error).join(" "));
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
export function validation<E extends Env>() {
  return function validate<T extends core.$ZodType, Target extends keyof ValidationTargets>(
    target: Target,
    schema: T,
    hook: Hook<core.output<T>, E, string, Target, object, T>,
  ) {
    return zValidator<T, Target, E, string, typeof hook>(target, schema, hook);
  };
}
