/** The organizers' login form: the admin token, exchanged for a session; or a passkey. */
import type { PasskeysHere } from "../../domain/passkeys";
import { AdminLayout } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { ProblemSummary, WithCode } from "./form-fields";
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
  const t = useAdminWords().login;
  const words = useAdminWords().passkeys;
  return (
    <AdminLayout title={t.title} error={Boolean(error || passkeyError)} scripts={[PASSKEY_SCRIPT_PATH]}>
      <h1>{t.heading}</h1>
      <ProblemSummary
        id="passkey-error-summary"
        title={words.signInProblemTitle}
        problems={passkeyError ? [{ text: passkeyError, href: "#passkey-sign-in-title" }] : []}
      />
      {!configured ? (
        <p class="notice">
          <WithCode text={t.closed} />
        </p>
      ) : (
        <form method="post" action="/admin/login" novalidate>
          <ProblemSummary title={t.problemTitle} problems={error ? [{ text: error, href: "#token" }] : []} />
          <input type="hidden" name="next" value={next} />
          <div class={`field${error ? " field-invalid" : ""}`}>
            <label for="token">{t.tokenLabel}</label>
            <span class="hint" id="token-hint">
              <WithCode text={t.tokenHint} />
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
          <button type="submit">{t.submit}</button>
        </form>
      )}
      <PasskeySignIn next={next} here={passkeys} />
    </AdminLayout>
  );
}
