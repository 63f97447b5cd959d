/**
 * What the organizer area's routes share: its pages' answer, the letter a
 * route's slug names (drafts included), and how a letter's preview is drawn.
 */
import { type Context } from "hono";
import { type AppEnv } from "./app-env";
import { Problem } from "../app/problem";
import { isSlug, type Letter } from "../domain/letter";
import { findLetter } from "../storage/letters";
import { renderDocument } from "../views/layout";
import { letterState } from "../domain/letter";

export async function adminHtml<E extends AppEnv>(
  c: Context<E>,
  page: unknown,
  status: 200 | 401 | 403 | 404 | 409 | 422 | 429 = 200,
): Promise<Response> {
  return c.html(await renderDocument(page as Parameters<typeof renderDocument>[0]), status);
}

/**
 * The letter named by the route's slug, drafts included, or a 404 (without
 * touching D1 for a slug that can't exist); `find` reads it (the editor's
 * read brings its Markdown source too).
 */
export async function requireOrganizerLetter<L extends Letter = Letter>(
  c: Context<AppEnv>,
  find: (db: D1Database, slug: string) => Promise<L | null> = findLetter as (
    db: D1Database,
    slug: string,
  ) => Promise<L | null>,
): Promise<L> {
  const slug = c.req.param("slug") ?? "";
  const letter = isSlug(slug) ? await find(c.var.db, slug) : null;
  if (!letter)
    throw new Problem(404, "Letter not found", "There is no letter at this address. Go back to the list of letters.");
  return letter;
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
