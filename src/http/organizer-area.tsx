/**
 * What the organizer area's routes share: its pages' answer, the letter a
 * route's slug names (drafts included), and how a letter's preview is drawn.
 * (How a refused form or query is answered is in http/validation.ts.)
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppDeps } from "../app/deps";
import { letterState, type Letter } from "../domain/letter";
import { renderDocument } from "../views/layout";
import { pageShell, type AppEnv } from "./app-env";

export async function adminHtml<E extends AppEnv>(
  c: Context<E>,
  page: unknown,
  status: 200 | 401 | 403 | 404 | 409 | 422 | 429 = 200,
): Promise<Response> {
  return c.html(await renderDocument(page as Parameters<typeof renderDocument>[0], pageShell(c)), status);
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
