/** The organizers' login form: the admin token, exchanged for a session. */
import { AdminLayout } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { ProblemSummary, WithCode } from "./form-fields";

export interface LoginPageProps {
  /** Where to go after logging in (a path under /admin). */
  next: string;
  error?: string | null;
  /** False when ADMIN_TOKEN is not set: the page says how to set it. */
  configured: boolean;
}

export function LoginPage({ next, error, configured }: LoginPageProps) {
  const t = useAdminWords().login;
  return (
    <AdminLayout title={t.title} error={Boolean(error)}>
      <h1>{t.heading}</h1>
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
    </AdminLayout>
  );
}
