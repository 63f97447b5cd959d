/**
 * The organizer area's door and first page (mounted at /admin): logging in
 * and out, and the list of letters. Everything under /admin but the login
 * form needs a session, which each sub-app's own guard checks first
 * (http/authentication.ts); a form post then passes the same-origin, size
 * and content-type guards before anything reads it, and the CSRF check.
 */
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { listLetters } from "../app/letters";
import { checkAdminToken } from "../app/organizer-login";
import { doneQuery } from "../domain/form-fields";
import { BOOTSTRAP_ORGANIZER_ID } from "../domain/organizer-roles";
import { loginFormSchema, loginQuerySchema } from "../domain/organizer-session";
import { languageFormSchema } from "../domain/organizer-forms";
import { chooseAdminLanguage } from "../app/organizer-preferences";
import { type AppEnv } from "../http/app-env";
import {
  adminToken,
  allow,
  endSession,
  organizerLogin,
  organizerOf,
  organizerPages,
  startSession,
} from "../http/authentication";
import { adminWords } from "../http/language";
import { adminHtml } from "../http/organizer-area";
import { refusal, validation } from "../http/validation";
import { DashboardPage } from "../views/admin/dashboard-page";
import { LoginPage } from "../views/admin/login-page";

/**
 * Login, logout and the list of letters, mounted at /admin. At the area's
 * root a "*" would reach every other sub-app's paths (the login form and the
 * API among them), so each path here names its guard.
 */
export const admin = new Hono<AppEnv>();

admin.use("/login", organizerLogin());
admin.use("/logout", organizerPages());
admin.use("/language", organizerPages());
admin.use("/", organizerPages());

admin.get("/login", zValidator("query", loginQuerySchema), async (c) => {
  const { next } = c.req.valid("query");
  if (await organizerOf(c)) return c.redirect(next, 303);
  return adminHtml(c, <LoginPage next={next} configured={adminToken(c) !== null} />);
});

admin.post("/login", zValidator("form", loginFormSchema), async (c) => {
  const { token, next } = c.req.valid("form");
  const verdict = await checkAdminToken(c.var.deps, c.req.header("CF-Connecting-IP") ?? "unknown", token);
  if (verdict === "unset") return adminHtml(c, <LoginPage next={next} configured={false} />, 401);
  if (verdict === "refused") {
    return adminHtml(c, <LoginPage next={next} configured error={adminWords(c).login.wrongToken} />, 401);
  }
  await startSession(c, BOOTSTRAP_ORGANIZER_ID, "admin-token");
  return c.redirect(next, 303);
});

admin.post("/logout", async (c) => {
  await endSession(c);
  return c.redirect("/admin/login?out=1", 303);
});

/** The language switcher: stores the person's choice and goes back to the page it was pressed on. */
admin.post(
  "/language",
  validation<AppEnv>()("form", languageFormSchema, (result) => {
    if (!result.success) throw refusal(400, "Not a language of the organizer area", result.error);
  }),
  async (c) => {
    const { language, back } = c.req.valid("form");
    await chooseAdminLanguage(c.var.deps, language);
    return c.redirect(back, 303);
  },
);

admin.get("/", allow("read-letters"), zValidator("query", doneQuery(["deleted"])), async (c) =>
  adminHtml(
    c,
    <DashboardPage
      letters={await listLetters(c.var.deps)}
      csrf={c.var.organizer!.csrf}
      now={c.var.deps.now()}
      flash={c.req.valid("query").done === "deleted" ? adminWords(c).dashboard.draftDeleted : null}
    />,
  ),
);
