/** The organizers' login form: the admin token, exchanged for a session; or a passkey. */
import type { PasskeysHere } from "../../domain/passkeys";
import { AdminLayout } from "./admin-layout";
import { ProblemSummary } from "./form-fields";
import { PASSKEY_SCRIPT_PATH } from "./passkey-script";
import { PasskeySignIn } from "./passkey-sign-in";

export interface LoginPageProps {
  /** Where to go after logging in (a path under /admin). */
  next: string;
  error?: string | null;
  /** False when ADMIN_TOKEN is not set: the page says how to set it. */
  configured: boolean;
  /** Whether this address can use passkeys (not at an IP address). */
  passkeys: PasskeysHere;
  /** Why a passkey did not sign the person in (the page answers its form). */
  passkeyError?: string | null;
}

export function LoginPage({ next, error, configured, passkeys, passkeyError }: LoginPageProps) {
  return (
    <AdminLayout title="Log in" error={Boolean(error || passkeyError)} scripts={[PASSKEY_SCRIPT_PATH]}>
      <h1>Organizers: log in</h1>
      <ProblemSummary
        id="passkey-error-summary"
        title="Could not sign in with a passkey"
        problems={passkeyError ? [{ text: passkeyError, href: "#passkey-sign-in-title" }] : []}
      />
      {!configured ? (
        <p class="notice">
          The organizer area is closed: no admin token is set. Set one with{" "}
          <code>npx wrangler secret put ADMIN_TOKEN</code> (at least 16 characters); <code>npm start</code> sets one in{" "}
          <code>.dev.vars</code> and prints it.
        </p>
      ) : (
        <form method="post" action="/admin/login" novalidate>
          <ProblemSummary title="Could not log in" problems={error ? [{ text: error, href: "#token" }] : []} />
          <input type="hidden" name="next" value={next} />
          <div class={`field${error ? " field-invalid" : ""}`}>
            <label for="token">Admin token</label>
            <span class="hint" id="token-hint">
              The ADMIN_TOKEN secret of this site. <code>npm start</code> prints the local one.
            </span>
            <input
              type="password"
              id="token"
              name="token"
              required
              autocomplete="current-password"
              aria-describedby="token-hint"
              aria-invalid={error ? "true" : undefined}
            />
          </div>
          <button type="submit">Log in</button>
        </form>
      )}
      <PasskeySignIn next={next} here={passkeys} />
    </AdminLayout>
  );
}
