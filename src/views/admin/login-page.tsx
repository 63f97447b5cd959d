/** The organizers' login form: the admin token, exchanged for a session. */
import { AdminLayout } from "./admin-layout";
import { ProblemSummary } from "./form-fields";

export interface LoginPageProps {
  /** Where to go after logging in (a path under /admin). */
  next: string;
  error?: string | null;
  /** False when ADMIN_TOKEN is not set: the page says how to set it. */
  configured: boolean;
}

export function LoginPage({ next, error, configured }: LoginPageProps) {
  return (
    <AdminLayout title="Log in" error={Boolean(error)}>
      <h1>Organizers: log in</h1>
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
    </AdminLayout>
  );
}
