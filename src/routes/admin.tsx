/**
 * The organizer area's door and first page (mounted at /admin): logging in
 * and out, and the list of letters. Everything under /admin but the login
 * form needs a session, which each sub-app's own guard checks first
 * (http/authentication.ts); a form post then passes the same-origin, size
 * and content-type guards before anything reads it, and the CSRF check.
 */
import { adminHtml } from "../http/organizer-area";
import { Hono } from "hono";
import { constantTimeEqual, hmacHex } from "../domain/crypto";
import { requireSecretKey } from "../env";
import { type AppEnv } from "../http/app-env";
import { Problem } from "../app/problem";
import { methodNotAllowed } from "../http/errors";
import {
  adminToken,
  endSession,
  organizerLogin,
  organizerOf,
  organizerPages,
  startSession,
} from "../http/authentication";
import { listAllLetters } from "../storage/letters";
import { checkWindowRate } from "../integrations/rate-limit";
import { DashboardPage } from "../views/admin/dashboard-page";
import { LoginPage } from "../views/admin/login-page";

/** Login attempts per client per minute. */
const LOGIN_ATTEMPTS_PER_MINUTE = 10;

const GET_ONLY = methodNotAllowed(["GET", "HEAD"]);
const POST_ONLY = methodNotAllowed(["POST"]);

/** Only paths inside the organizer area are followed after logging in: never another site. */
function safeNext(next: unknown): string {
  return typeof next === "string" &&
    /^\/admin(?:[/?]|$)/.test(next) &&
    !next.includes("//") &&
    !next.startsWith("/admin/login")
    ? next
    : "/admin";
}

/**
 * Login, logout and the list of letters, mounted at /admin. At the area's
 * root a "*" would reach every other sub-app's paths (the login form and the
 * API among them), so each path here names its guard.
 */
export const admin = new Hono<AppEnv>();

admin.use("/login", organizerLogin());
admin.use("/logout", organizerPages());
admin.use("/", organizerPages());

admin.get("/login", async (c) => {
  const next = safeNext(c.req.query("next"));
  if (await organizerOf(c)) return c.redirect(next, 303);
  return adminHtml(c, <LoginPage next={next} configured={adminToken(c) !== null} />);
});

admin.post("/login", async (c) => {
  const form = await c.req.formData();
  const next = safeNext(form.get("next"));
  const token = adminToken(c);
  if (!token) return adminHtml(c, <LoginPage next={next} configured={false} />, 401);
  // Ten tries a minute per connection: the token can't be guessed, and a script trying should be slowed anyway.
  const client = await hmacHex(
    requireSecretKey(c.env),
    "client",
    `login:${c.req.header("CF-Connecting-IP") ?? "unknown"}`,
  );
  if (!(await checkWindowRate(c.var.db, `login:${client}`, LOGIN_ATTEMPTS_PER_MINUTE, Date.now())).allowed) {
    throw new Problem(
      429,
      "Too many attempts",
      "There were too many login attempts from your connection. Wait a minute and try again.",
      {
        "Retry-After": "60",
      },
    );
  }
  const given = form.get("token");
  if (typeof given !== "string" || given === "" || !(await constantTimeEqual(given.trim(), token))) {
    return adminHtml(
      c,
      <LoginPage next={next} configured error="That is not the admin token. Check it and try again." />,
      401,
    );
  }
  await startSession(c, token);
  return c.redirect(next, 303);
});
admin.all("/login", methodNotAllowed(["GET", "HEAD", "POST"]));

admin.post("/logout", async (c) => {
  await endSession(c);
  return c.redirect("/admin/login?out=1", 303);
});
admin.all("/logout", POST_ONLY);

admin.get("/", async (c) =>
  adminHtml(
    c,
    <DashboardPage
      letters={await listAllLetters(c.var.db)}
      csrf={c.var.organizer!.csrf}
      now={new Date()}
      flash={c.req.query("done") === "deleted" ? "The draft is deleted." : null}
    />,
  ),
);
admin.all("/", GET_ONLY);
