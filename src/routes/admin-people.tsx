/**
 * People (mounted at /admin/people; owners only, `allow("administer")`):
 * the accounts, inviting a colleague, changing a role, disabling (asked
 * first) and enabling, resending an invitation. The rules (the last owner,
 * the bootstrap owner, single-use links) are app/organizer-accounts.ts's.
 */
import { zValidator } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import { disable, enable, invite, listPeople, person, resendInvitation, setRole } from "../app/organizer-accounts";
import { doneQuery, formValues } from "../domain/form-fields";
import {
  INVITE_FIELDS,
  inviteErrors,
  inviteFormSchema,
  personParamSchema,
  roleFormSchema,
  type InviteField,
  nameTaken,
} from "../domain/organizer-accounts";
import { type AppEnv } from "../http/app-env";
import { allow, organizerPages } from "../http/authentication";
import { adminHtml, confirmFirst } from "../http/organizer-area";
import { validation } from "../http/validation";
import { Problem } from "../app/problem";
import { PeoplePage } from "../views/admin/people-page";

export const adminPeople = new Hono<AppEnv>();

adminPeople.use(organizerPages());
adminPeople.use(allow("administer"));

const DONE = {
  invited: "The invitation is sent. The link in it works once, within 7 days.",
  "not-sent": "The account is made, but the email could not be sent. Try “Resend the invitation” in a moment.",
  resent: "A new invitation is sent; the earlier link no longer works.",
  role: "The role is changed. It applies to their next page.",
  disabled: "The account is disabled: its sessions ended, and it can't sign in.",
  enabled: "The account is enabled again. They sign in with a link sent to their address.",
} as const;

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
  return adminHtml(
    c,
    <PeoplePage people={await listPeople(c.var.deps)} csrf={organizer.csrf} you={organizer.id} {...options} />,
    status,
  );
}

const validate = validation<AppEnv>();
const personParam = zValidator("param", personParamSchema, (result) => {
  if (!result.success) throw new Problem(404, "No such person", "There is no organizer at this address.");
});

adminPeople.get("/", zValidator("query", doneQuery(Object.keys(DONE) as (keyof typeof DONE)[])), async (c) => {
  const { done } = c.req.valid("query");
  return peoplePage(c, { flash: done ? DONE[done] : null });
});

adminPeople.post(
  "/",
  validate("form", inviteFormSchema, async (result, c) => {
    if (!result.success) {
      return peoplePage(c, { values: formValues(result.data, INVITE_FIELDS), errors: inviteErrors(result.error) }, 422);
    }
  }),
  async (c) => {
    const form = c.req.valid("form");
    const outcome = await invite(c.var.deps, form);
    if (outcome.status === "exists") {
      return peoplePage(
        c,
        {
          values: form,
          errors: {
            email: `${form.email} already has an account (${outcome.person.name}${outcome.person.disabledAt ? ", disabled" : ""}).`,
          },
        },
        409,
      );
    }
    if (outcome.status === "name-taken") {
      return peoplePage(c, { values: form, errors: { name: nameTaken(outcome.person.name) } }, 422);
    }
    return c.redirect(`/admin/people?done=${outcome.sent ? "invited" : "not-sent"}`, 303);
  },
);

adminPeople.post("/:id/role", personParam, zValidator("form", roleFormSchema), async (c) => {
  await setRole(c.var.deps, c.req.valid("param").id, c.req.valid("form").role);
  return c.redirect("/admin/people?done=role", 303);
});

adminPeople.post(
  "/:id/disable",
  personParam,
  confirmFirst<AppEnv>(async (c) => {
    const account = await person(c.var.deps, Number(c.req.param("id")));
    return {
      question: `Disable ${account.name}?`,
      consequences: [
        "They are signed out everywhere at once, and their sign-in links stop working.",
        "They can't sign in until an owner enables the account again.",
        "What they did stays in the records under their name.",
      ],
      confirm: `Disable ${account.name}`,
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

adminPeople.post("/:id/invitation", personParam, async (c) => {
  const sent = await resendInvitation(c.var.deps, c.req.valid("param").id);
  return c.redirect(`/admin/people?done=${sent ? "resent" : "not-sent"}`, 303);
});
