/**
 * Signing in with a passkey (mounted at /admin/login/passkey, behind the
 * login form's guard: public, never stored, posts from our own pages only):
 * the options for the login page's script (JSON), then the browser's answer,
 * which opens a session as any other sign-in. The work is app/passkeys.ts's.
 */
import { Hono, type Context } from "hono";
import { canSendMail } from "../app/organizer-accounts";
import { PasskeyRefused, passkeySignInOptions, signInWithPasskey } from "../app/passkeys";
import { passkeysHere, passkeySignInSchema, refusalWords, relyingPartyOf } from "../domain/passkeys";
import type { AppEnv } from "../http/app-env";
import { adminToken, organizerLogin, requireSessionCookie, startSession } from "../http/authentication";
import { recordSignIn } from "../app/organizer-accounts";
import { adminWords } from "../http/language";
import { adminHtml } from "../http/organizer-area";
import { pagePolicy } from "../http/security";
import { validation } from "../http/validation";
import { organizerProblem } from "../app/problem";
import { LoginPage } from "../views/admin/login-page";
import { SITE_NAME } from "../views/layout";
import { requireLinkOrigin } from "../http/urls";

export const adminPasskeyLogin = new Hono<AppEnv>();

adminPasskeyLogin.use(organizerLogin());
// A refused answer is drawn as the login page, which runs the passkey script.
adminPasskeyLogin.use(pagePolicy("own-scripts-and-requests"));

const validate = validation<AppEnv>();

function clientAddress(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ?? "unknown";
}

/** The options for navigator.credentials.get (PublicKeyCredentialRequestOptionsJSON): nothing is stored. */
adminPasskeyLogin.post("/options", async (c) =>
  c.json(await passkeySignInOptions(c.var.deps, relyingPartyOf(requireLinkOrigin(c), SITE_NAME))),
);

adminPasskeyLogin.post(
  "/",
  validate("form", passkeySignInSchema, (result) => {
    if (!result.success) throw organizerProblem(400, "noPasskeySent");
  }),
  async (c) => {
    const { credential, next } = c.req.valid("form");
    // Before the challenge and the counter are used up: over plain HTTP no session can start.
    requireSessionCookie(c);
    let organizerId: number;
    try {
      ({ id: organizerId } = await signInWithPasskey(
        c.var.deps,
        relyingPartyOf(requireLinkOrigin(c), SITE_NAME),
        clientAddress(c),
        credential,
      ));
    } catch (error) {
      if (!(error instanceof PasskeyRefused)) throw error;
      return adminHtml(
        c,
        <LoginPage
          next={next}
          configured={adminToken(c) !== null}
          mail={canSendMail(c.var.deps)}
          passkeys={passkeysHere(c.req.url)}
          passkeyError={refusalWords(adminWords(c).passkeys, error.reason, "authentication")}
        />,
        401,
      );
    }
    await startSession(c, organizerId, "passkey");
    await recordSignIn(c.var.deps, organizerId, "passkey");
    return c.redirect(next, 303);
  },
);
