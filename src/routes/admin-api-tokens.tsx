/**
 * Your account → API tokens (mounted at /admin/account/tokens, behind
 * organizerPages()): every organizer, whatever their role, makes, lists and
 * revokes their own tokens (a token acts with its person's role). A new
 * token is shown once, in the answer to the post that made it (never
 * stored, never in an address); revoking one asks first.
 */
import { BOOTSTRAP_ORGANIZER_ID } from "../domain/organizer-roles";
import { zValidator } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import { createApiToken, ownApiToken, ownApiTokens, revokeApiToken } from "../app/api-tokens";
import { API_TOKENS_PER_PERSON, apiTokenFormSchema } from "../domain/api-tokens";
import { doneQuery, fieldErrors, textOf } from "../domain/form-fields";
import { inOrganizerWords } from "../domain/organizer-words";
import type { AppEnv } from "../http/app-env";
import { organizerPages } from "../http/authentication";
import { adminWords } from "../http/language";
import { adminHtml, confirmFirst } from "../http/organizer-area";
import { pagePolicy } from "../http/security";
import { validation } from "../http/validation";
import { ApiTokensPage, type ApiTokensPageProps } from "../views/admin/api-tokens-page";
import { Problem } from "../app/problem";

const PATH = "/admin/account/tokens";

/** The page of the person's tokens, with what `props` add (a new token, a refused form, a flash). */
async function tokensPage(
  c: Context<AppEnv>,
  props: Omit<ApiTokensPageProps, "csrf" | "tokens"> = {},
  status: 200 | 409 | 422 = 200,
): Promise<Response> {
  return adminHtml(
    c,
    <ApiTokensPage
      csrf={c.var.organizer!.csrf}
      tokens={await ownApiTokens(c.var.deps)}
      adminToken={c.var.organizer!.id === BOOTSTRAP_ORGANIZER_ID}
      {...props}
    />,
    status,
  );
}

export const adminApiTokens = new Hono<AppEnv>();

adminApiTokens.use(organizerPages());

adminApiTokens.get("/", zValidator("query", doneQuery(["revoked"])), (c) =>
  tokensPage(c, { flash: c.req.valid("query").done === "revoked" ? adminWords(c).tokens.revoked : null }),
);

adminApiTokens.post(
  "/",
  // The answer that shows a new token loads the script of its Copy button (views/admin/copy-script.ts).
  pagePolicy("own-scripts"),
  validation<AppEnv>()("form", apiTokenFormSchema, (result, c) => {
    if (result.success) return;
    const label = textOf((result.data as { label?: unknown } | undefined)?.label);
    const t = adminWords(c);
    // Characters it can't hold are said as such (an issue with its code); else it is missing or too long ("label").
    inOrganizerWords(result.error, t);
    const said = fieldErrors(result.error, ["label"]).label;
    return tokensPage(c, { label, error: said && said !== "label" ? said : t.tokens.labelMissing }, 422);
  }),
  async (c) => {
    const { label } = c.req.valid("form");
    const made = await createApiToken(c.var.deps, label);
    if ("refused" in made) {
      const words = adminWords(c).tokens;
      if (made.refused === "admin-token-account") {
        throw new Problem(403, words.adminTokenAccountTitle, words.adminTokenAccount);
      }
      return tokensPage(c, { label, error: words.tooMany(API_TOKENS_PER_PERSON) }, 409);
    }
    return tokensPage(c, { created: { token: made.token, label } });
  },
);

adminApiTokens.post(
  "/:id{[0-9]{1,15}}/revoke",
  confirmFirst<AppEnv>(async (c) => {
    const w = adminWords(c).tokens;
    const token = await ownApiToken(c.var.deps, Number(c.req.param("id")));
    // None of yours by that number: the action answers 404 without asking.
    if (!token) return null;
    return {
      question: w.revokeQuestion(token.label),
      consequences: w.revokeConsequences,
      confirm: w.revoke,
      back: PATH,
      danger: true,
    };
  }),
  async (c) => {
    if (!(await revokeApiToken(c.var.deps, Number(c.req.param("id"))))) {
      const words = adminWords(c).tokens;
      throw new Problem(404, words.goneTitle, words.gone);
    }
    return c.redirect(`${PATH}?done=revoked`, 303);
  },
);
