/**
 * Your account (mounted at /admin/account; any role): your name, your time
 * zone (the pages about no letter show their times in it), your sessions,
 * ending one of them or all ("Log out everywhere").
 */
import { zValidator } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import { endAllYourSessions, endYourSession, renameYourself, yourAccount } from "../app/organizer-accounts";
import { chooseTimeZone } from "../app/organizer-preferences";
import { doneQuery, fieldErrors, formValues } from "../domain/form-fields";
import { endSessionFormSchema, nameFormSchema, timeZoneFormSchema } from "../domain/organizer-accounts";
import { type AppEnv } from "../http/app-env";
import { endSession, organizerPages } from "../http/authentication";
import { adminWords } from "../http/language";
import { adminHtml } from "../http/organizer-area";
import { organizerRefusal, validation } from "../http/validation";
import { AccountPage, type AccountPageProps } from "../views/admin/account-page";

export const adminAccount = new Hono<AppEnv>();

adminAccount.use(organizerPages());

const validate = validation<AppEnv>();

/** The signed-in person's account and sessions; a 404 in their words if the account is gone. */
function yours(c: Context<AppEnv>) {
  return yourAccount(c.var.deps, c.var.organizer!.id);
}

/**
 * The account page with its account, sessions and form token, and what this answer adds: a flash
 * after a change, or a refused field with what was typed (then `status` 422).
 */
async function accountPage(
  c: Context<AppEnv>,
  extras: Omit<AccountPageProps, "account" | "sessions" | "thisSession" | "csrf">,
  status: 200 | 422 = 200,
): Promise<Response> {
  const organizer = c.var.organizer!;
  const { account, sessions } = await yours(c);
  return adminHtml(
    c,
    <AccountPage
      account={account}
      sessions={sessions}
      thisSession={organizer.sessionIdHash}
      csrf={organizer.csrf}
      {...extras}
    />,
    status,
  );
}

/** The account page again, with the name typed and why it was refused (422). */
function nameRefused(c: Context<AppEnv>, name: string, error: string | undefined): Promise<Response> {
  return accountPage(c, { name, nameError: error }, 422);
}

adminAccount.get("/", zValidator("query", doneQuery(["name", "ended", "zone"])), async (c) => {
  const { done } = c.req.valid("query");
  const t = adminWords(c);
  return accountPage(c, { flash: done === "zone" ? t.timeZones.saved : done ? t.account.done[done] : null });
});

adminAccount.post(
  "/name",
  validate("form", nameFormSchema, async (result, c) => {
    if (result.success) return;
    const name = formValues(result.data, ["name"]).name ?? "";
    return nameRefused(c, name, fieldErrors(result.error, ["name"]).name);
  }),
  async (c) => {
    const { name } = c.req.valid("form");
    const t = adminWords(c);
    // The admin token's account's name, shown in the reader's language, stays as stored when sent back as shown.
    if (name === t.people.nameOf(c.var.organizer!)) return c.redirect("/admin/account?done=name", 303);
    const renamed = await renameYourself(c.var.deps, c.var.organizer!.id, name);
    if (renamed.status === "taken") return nameRefused(c, name, t.issues.nameTaken(t.people.nameOf(renamed.person)));
    return c.redirect("/admin/account?done=name", 303);
  },
);

/**
 * Your time zone: one of the letter form's (else 422, the page again with the zone sent and why).
 * Its pages read it from the session (http/authentication.ts), so the answer is a redirect.
 */
adminAccount.post(
  "/time-zone",
  validate("form", timeZoneFormSchema, async (result, c) => {
    if (result.success) return;
    const sent = formValues(result.data, ["time_zone"]).time_zone ?? "";
    const error = fieldErrors(result.error, ["time_zone"]).time_zone ?? "";
    return accountPage(c, { timeZone: { value: sent, error } }, 422);
  }),
  async (c) => {
    await chooseTimeZone(c.var.deps, c.req.valid("form").time_zone);
    return c.redirect("/admin/account?done=zone", 303);
  },
);

/** Ends one of your sessions; ending this one logs you out here. */
const endSessionForm = validate("form", endSessionFormSchema, (result) => {
  // The page's own buttons name a session: anything else was not sent from it.
  if (!result.success) throw organizerRefusal(400, "formRefused", result.error);
});

adminAccount.post("/sessions/end", endSessionForm, async (c) => {
  const organizer = c.var.organizer!;
  const { session } = c.req.valid("form");
  await endYourSession(c.var.deps, organizer.id, session);
  if (session === organizer.sessionIdHash) {
    await endSession(c);
    return c.redirect("/admin/login?out=1", 303);
  }
  return c.redirect("/admin/account?done=ended", 303);
});

/** "Log out everywhere": every session of yours ends, this one too; the login page then says how many others did. */
adminAccount.post("/sessions/end-all", async (c) => {
  const ended = await endAllYourSessions(c.var.deps, c.var.organizer!.id);
  await endSession(c);
  return c.redirect(`/admin/login?out=all&others=${Math.max(0, ended - 1)}`, 303);
});
