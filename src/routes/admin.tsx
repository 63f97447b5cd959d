/**
 * The organizer area's door and first page (mounted at /admin): logging in
 * and out, and the list of letters. Everything under /admin but the login
 * form needs a session, which each sub-app's own guard checks first
 * (http/authentication.ts); a form post then passes the same-origin, size
 * and content-type guards before anything reads it, and the CSRF check.
 */
import { zValidator } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import { listLetters } from "../app/letters";
import {
  admitSignInLinkRequest,
  canSendMail,
  linkState,
  recordSignIn,
  sendSignInLink,
  useLink,
} from "../app/organizer-accounts";
import { checkAdminToken } from "../app/organizer-login";
import { doneQuery, fieldErrors, formValues } from "../domain/form-fields";
import { linkFormSchema, signInLinkFormSchema, type GoneLink } from "../domain/organizer-accounts";
import { BOOTSTRAP_ORGANIZER_ID } from "../domain/organizer-roles";
import { loginFormSchema, loginQuerySchema } from "../domain/organizer-session";
import { passkeysHere } from "../domain/passkeys";
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
  requireSessionCookie,
  startSession,
} from "../http/authentication";
import { adminLocale, adminWords, chooseAreaLanguage } from "../http/language";
import { adminHtml } from "../http/organizer-area";
import { pagePolicy } from "../http/security";
import { validation } from "../http/validation";
import { organizerProblem } from "../app/problem";
import { DashboardPage } from "../views/admin/dashboard-page";
import { LoginPage } from "../views/admin/login-page";
import { LinkGonePage, LinkPage, LinkRefusedPage, LinkSentPage } from "../views/admin/sign-in-link-pages";

/**
 * Login, logout and the list of letters, mounted at /admin. At the area's
 * root a "*" would reach every other sub-app's paths (the login form and the
 * API among them), so each path here names its guard.
 */
export const admin = new Hono<AppEnv>();

admin.use("/login", organizerLogin());
admin.use("/login/link", organizerLogin());
admin.use("/link", organizerLogin());
// The login page runs the passkey script, which asks /admin/login/passkey/options.
admin.use("/login", pagePolicy("own-scripts-and-requests"));
admin.use("/logout", organizerPages());
admin.use("/language", organizerPages());
admin.use("/", organizerPages());

admin.get("/login", zValidator("query", loginQuerySchema), async (c) => {
  const { next, out, others, why, lang } = c.req.valid("query");
  if (await organizerOf(c)) return c.redirect(next, 303);
  // The page's language links: the choice is kept for this browser's next pages, before anyone signs in.
  if (lang) chooseAreaLanguage(c, lang);
  const words = adminWords(c).login;
  const kept: Record<string, string> = {};
  if (out) kept.out = out;
  if (others !== null) kept.others = String(others);
  if (why) kept.why = why;
  return adminHtml(
    c,
    <LoginPage
      next={next}
      keep={kept}
      notice={
        out === "1"
          ? words.loggedOut
          : out === "all"
            ? words.loggedOutEverywhere(others ?? 0)
            : why
              ? words.sessionEnded[why]
              : null
      }
      configured={adminToken(c) !== null}
      mail={canSendMail(c.var.deps)}
      passkeys={passkeysHere(c.req.url)}
    />,
  );
});

admin.post("/login", zValidator("form", loginFormSchema), async (c) => {
  const { token, next } = c.req.valid("form");
  // Before the token is checked: a try where no session can start must not count as one.
  requireSessionCookie(c);
  const verdict = await checkAdminToken(c.var.deps, c.req.header("CF-Connecting-IP") ?? "unknown", token);
  const mail = canSendMail(c.var.deps);
  const passkeys = passkeysHere(c.req.url);
  if (verdict === "unset")
    return adminHtml(c, <LoginPage next={next} configured={false} mail={mail} passkeys={passkeys} />, 401);
  if (verdict === "refused" || verdict === "disabled") {
    const words = adminWords(c).login;
    return adminHtml(
      c,
      <LoginPage
        next={next}
        configured
        mail={mail}
        passkeys={passkeys}
        error={verdict === "refused" ? words.wrongToken : words.bootstrapDisabled}
      />,
      verdict === "refused" ? 401 : 403,
    );
  }
  await startSession(c, BOOTSTRAP_ORGANIZER_ID, "admin-token");
  await recordSignIn(c.var.deps, BOOTSTRAP_ORGANIZER_ID, "admin-token");
  return c.redirect(next, 303);
});

const validate = validation<AppEnv>();

/**
 * "Email me a sign-in link": the same answer whether or not the address has
 * an account (app/organizer-accounts.ts admitSignInLinkRequest limits and
 * logs, sendSignInLink sends); an address that is not one is answered with
 * its problem, a request past the limits with 429 and how long to wait.
 */
admin.post(
  "/login/link",
  validate("form", signInLinkFormSchema, async (result, c) => {
    if (result.success) return;
    const { email } = formValues(result.data, ["email"]);
    const next = loginQuerySchema.safeParse(result.data);
    return adminHtml(
      c,
      <LoginPage
        next={next.success ? next.data.next : "/admin"}
        configured={adminToken(c) !== null}
        mail={canSendMail(c.var.deps)}
        passkeys={passkeysHere(c.req.url)}
        email={email}
        emailError={fieldErrors(result.error, ["email"]).email ?? adminWords(c).issues.emailMissing}
      />,
      422,
    );
  }),
  async (c) => {
    const { email, next } = c.req.valid("form");
    const address = c.req.header("CF-Connecting-IP") ?? "unknown";
    // The limits are counted alike for any address, before it is looked up: a refusal says so, and tells nothing of it.
    const refused = await admitSignInLinkRequest(c.var.deps, email, address);
    if (refused) {
      c.header("Retry-After", String(refused.retryAfterSeconds));
      return adminHtml(c, <LinkRefusedPage next={next} retryAfterSeconds={refused.retryAfterSeconds} />, 429);
    }
    // After answering: an email to a known address must not make its answer slower than an unknown one's.
    // The email is in the account's own language, else in the one this page is in.
    c.executionCtx.waitUntil(sendSignInLink(c.var.deps, email, next, adminLocale(c)));
    return adminHtml(c, <LinkSentPage next={next} />);
  },
);

/**
 * The page of a link that no longer works, saying why (404 for an unknown one, else 410), in its
 * person's language when the link is theirs (else the browser's): the same for its page and its button.
 */
function linkGone(c: Context<AppEnv>, link: GoneLink): Promise<Response> {
  if (link.state !== "unknown" && link.language) c.set("locale", link.language);
  return adminHtml(
    c,
    <LinkGonePage link={link} mail={canSendMail(c.var.deps)} />,
    link.state === "unknown" ? 404 : 410,
  );
}

/** The page an emailed link opens: its button uses it (a GET never does: mail scanners fetch links). */
admin.get("/link", zValidator("query", linkFormSchema), async (c) => {
  const { token, next } = c.req.valid("query");
  const link = await linkState(c.var.deps, token);
  if (link.state !== "usable") return linkGone(c, link);
  if (token === null) return linkGone(c, { state: "unknown" });
  // The page speaks its person's language (an invitation's: the one the owner chose), else the browser's.
  if (link.language) c.set("locale", link.language);
  return adminHtml(c, <LinkPage token={token} next={next} link={link} />);
});

/** The link's button: uses the link up (once) and signs its person in. */
admin.post("/link", zValidator("form", linkFormSchema), async (c) => {
  const { token, next } = c.req.valid("form");
  // Before the link is used up: over plain HTTP no session starts, and the link must still work over HTTPS.
  requireSessionCookie(c);
  const outcome = await useLink(c.var.deps, token);
  if ("gone" in outcome) return linkGone(c, outcome.gone);
  // Logged only once the session started (an account disabled meanwhile gets none: 403).
  await startSession(c, outcome.used.organizerId, "magic-link");
  await recordSignIn(c.var.deps, outcome.used.organizerId, "magic-link", outcome.used.purpose);
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
    if (!result.success) throw organizerProblem(400, "languageNotOffered");
  }),
  async (c) => {
    const { language, back } = c.req.valid("form");
    await chooseAdminLanguage(c.var.deps, language, adminLocale(c));
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
