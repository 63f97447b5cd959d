/**
 * The organizers' login page: "Email me a sign-in link" (when the site can
 * send email) beside the admin token, exchanged for a session.
 */
import { AdminLayout } from "./admin-layout";
import { ProblemSummary } from "./form-fields";

export interface LoginPageProps {
  /** Where to go after logging in (a path under /admin). */
  next: string;
  error?: string | null;
  /** False when ADMIN_TOKEN is not set: the page says how to set it. */
  configured: boolean;
  /** Whether the site can send email: then the page offers a sign-in link by email. */
  mail?: boolean;
  /** The problem with the email typed for a sign-in link. */
  emailError?: string | null;
  /** The email as typed, drawn again beside its problem. */
  email?: string;
}

export function LoginPage({ next, error, configured, mail = false, emailError, email }: LoginPageProps) {
  const problem = Boolean(error || emailError);
  return (
    <AdminLayout title="Log in" error={problem}>
      <h1>Organizers: log in</h1>
      {mail && (
        <section>
          <h2>With your email address</h2>
          <form method="post" action="/admin/login/link" novalidate>
            <ProblemSummary
              id="email-problems"
              title="Could not send a link"
              problems={emailError ? [{ text: emailError, href: "#email" }] : []}
            />
            <input type="hidden" name="next" value={next} />
            <div class={`field${emailError ? " field-invalid" : ""}`}>
              <label for="email">Your email address</label>
              <span class="hint" id="email-hint">
                The address an owner invited. We email you a link that signs you in, valid 15 minutes.
              </span>
              <input
                type="email"
                id="email"
                name="email"
                value={email}
                required
                autocomplete="email"
                aria-describedby="email-hint"
                aria-invalid={emailError ? "true" : undefined}
              />
            </div>
            <button type="submit">Email me a sign-in link</button>
          </form>
        </section>
      )}
      {!configured ? (
        <p class="notice">
          The admin token is not set. Set one with <code>npx wrangler secret put ADMIN_TOKEN</code> (at least 16
          characters); <code>npm start</code> sets one in <code>.dev.vars</code> and prints it.
        </p>
      ) : (
        <section>
          <h2>With the admin token</h2>
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
        </section>
      )}
    </AdminLayout>
  );
}
