/**
 * People (mounted at /admin/people; owners only, `allow("administer")`):
 * the accounts, inviting a colleague, changing a role, disabling (asked
 * first) and enabling, resending an invitation. The rules (the last owner,
 * the bootstrap owner, single-use links) are app/organizer-accounts.ts's;
 * their refusals are Problems with a code (the catalogs' `problems`), worded
 * in the organizer's language by http/errors.tsx.
 */
import { zValidator } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import {
  canSendMail,
  disable,
  disableRefusal,
  enable,
  invite,
  lastOwners,
  listPeople,
  person,
  resendInvitation,
  setRole,
} from "../app/organizer-accounts";
import { doneQuery, fieldErrors, formValues } from "../domain/form-fields";
import {
  INVITE_FIELDS,
  inviteFormSchema,
  personParamSchema,
  roleFormSchema,
  type InviteField,
} from "../domain/organizer-accounts";
import { type AppEnv } from "../http/app-env";
import { allow, organizerPages } from "../http/authentication";
import { adminLocale, adminWords } from "../http/language";
import { adminHtml, confirmFirst } from "../http/organizer-area";
import { organizerRefusal, validation } from "../http/validation";
import { organizerProblem } from "../app/problem";
import { PeoplePage } from "../views/admin/people-page";

export const adminPeople = new Hono<AppEnv>();

adminPeople.use(organizerPages());
adminPeople.use(allow("administer"));

const DONE = ["invited", "not-sent", "resent", "role", "disabled", "enabled"] as const;

async function peoplePage(
  c: Context<AppEnv>,
  options: {
    flash?: string | null;
    values?: Partial<Record<InviteField, string>>;
    errors?: Partial<Record<InviteField, string>>;
  } = {},
  status: 200 | 409 | 422 = 200,
): Promise<Response> {
  const organizer = c.var.organizer!;
  const people = await listPeople(c.var.deps);
  return adminHtml(
    c,
    <PeoplePage
      people={people}
      lastOwners={lastOwners(c.var.deps, people)}
      mail={canSendMail(c.var.deps)}
      csrf={organizer.csrf}
      you={organizer.id}
      language={adminLocale(c)}
      {...options}
    />,
    status,
  );
}

const validate = validation<AppEnv>();
const personParam = zValidator("param", personParamSchema, (result) => {
  if (!result.success) throw organizerProblem(404, "personNotFound");
});

adminPeople.get("/", zValidator("query", doneQuery(DONE)), async (c) => {
  const { done } = c.req.valid("query");
  return peoplePage(c, { flash: done ? adminWords(c).people.done[done] : null });
});

adminPeople.post(
  "/",
  validate("form", inviteFormSchema, async (result, c) => {
    if (!result.success) {
      const errors = fieldErrors(result.error, INVITE_FIELDS);
      return peoplePage(c, { values: formValues(result.data, INVITE_FIELDS), errors }, 422);
    }
  }),
  async (c) => {
    const form = c.req.valid("form");
    const outcome = await invite(c.var.deps, { ...form, language: form.language ?? adminLocale(c) });
    if (outcome.status === "exists") {
      const words = adminWords(c).people;
      const email = words.exists(form.email, words.nameOf(outcome.person), outcome.person.disabledAt !== null);
      return peoplePage(c, { values: { ...form, language: form.language ?? undefined }, errors: { email } }, 409);
    }
    if (outcome.status === "name-taken") {
      const t = adminWords(c);
      const name = t.issues.nameTaken(t.people.nameOf(outcome.person));
      return peoplePage(c, { values: { ...form, language: form.language ?? undefined }, errors: { name } }, 422);
    }
    return c.redirect(`/admin/people?done=${outcome.sent ? "invited" : "not-sent"}`, 303);
  },
);

adminPeople.post(
  "/:id/role",
  personParam,
  validate("form", roleFormSchema, (result) => {
    // The page's own list gives only roles: anything else was not sent from it.
    if (!result.success) throw organizerRefusal(400, "formRefused", result.error);
  }),
  async (c) => {
    await setRole(c.var.deps, c.req.valid("param").id, c.req.valid("form").role);
    return c.redirect("/admin/people?done=role", 303);
  },
);

adminPeople.post(
  "/:id/disable",
  personParam,
  confirmFirst<AppEnv>(async (c) => {
    const account = await person(c.var.deps, Number(c.req.param("id")));
    // Nobody by that number: the action answers 404 without asking.
    if (!account) return null;
    // The last owner (or someone disabled already) is told so at once, not after confirming.
    const refused = await disableRefusal(c.var.deps, account.id);
    if (refused) throw refused;
    const words = adminWords(c).people;
    return {
      question: words.disableQuestion(words.nameOf(account)),
      consequences: words.disableConsequences,
      confirm: words.disableConfirm(words.nameOf(account)),
      back: "/admin/people",
      danger: true,
    };
  }),
  async (c) => {
    await disable(c.var.deps, c.req.valid("param").id);
    return c.redirect("/admin/people?done=disabled", 303);
  },
);

adminPeople.post("/:id/enable", personParam, async (c) => {
  await enable(c.var.deps, c.req.valid("param").id);
  return c.redirect("/admin/people?done=enabled", 303);
});

/** Resends an invitation in the language saved for the person, else in the owner's. */
adminPeople.post("/:id/invitation", personParam, async (c) => {
  const outcome = await resendInvitation(c.var.deps, c.req.valid("param").id, adminLocale(c));
  return c.redirect(`/admin/people?done=${outcome.sent ? "resent" : "not-sent"}`, 303);
});
