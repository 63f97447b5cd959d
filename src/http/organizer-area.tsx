/**
 * What the organizer area's routes share: its pages' answer, the letter a
 * route's slug names (drafts included), how a refused form is answered, and
 * how a letter's preview is drawn.
 */
import { zValidator, type Hook } from "@hono/zod-validator";
import type { Context, Env, MiddlewareHandler, ValidationTargets } from "hono";
import type { core } from "zod/mini";
import type { AppDeps } from "../app/deps";
import { Problem } from "../app/problem";
import { letterState, type Letter } from "../domain/letter";
import { problemsOf, type FormIssues } from "../domain/form-fields";
import { renderDocument } from "../views/layout";
import { type AppEnv } from "./app-env";

export async function adminHtml<E extends AppEnv>(
  c: Context<E>,
  page: unknown,
  status: 200 | 401 | 403 | 404 | 409 | 422 | 429 = 200,
): Promise<Response> {
  return c.html(await renderDocument(page as Parameters<typeof renderDocument>[0]), status);
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

/** A draft is previewed as it will look once published; other letters as they are. */
export function previewOptions(letter: Letter): { notice: string; status: "open" | "closed" } {
  const state = letterState(letter, new Date());
  return {
    notice:
      state === "draft"
        ? "Preview of a draft: this is how the page will look once published. It is not public."
        : "Preview: this is how the public page looks with these changes.",
    status: state === "draft" || state === "open" ? "open" : "closed",
  };
}
