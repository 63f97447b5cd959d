/**
 * Your account (any role): your name (editable), email and role; your
 * sessions (device, since when, how you signed in, which one is this one),
 * each with "End", and "Log out everywhere"; then the places where passkeys
 * and API tokens are managed.
 */
import { ROLE_DESCRIPTIONS } from "../../domain/organizer-accounts";
import type { OrganizerAccount } from "../../storage/organizers";
import type { SessionSummary, SessionVia } from "../../storage/organizer-sessions";
import { formatDateTime } from "../format";
import { AdminLayout, CsrfField } from "./admin-layout";
import { ErrorSummary, Field, hasErrors } from "./form-fields";

export interface AccountPageProps {
  account: OrganizerAccount;
  sessions: readonly SessionSummary[];
  /** organizer_sessions.id_hash of the request's own session, or null (Access, a bearer token). */
  thisSession: string | null;
  csrf: string | null;
  flash?: string | null;
  /** The name as typed, and its problem. */
  name?: string;
  nameError?: string;
}

const VIA: Record<SessionVia, string> = {
  "admin-token": "the admin token",
  "magic-link": "an emailed link",
  passkey: "a passkey",
};

export function AccountPage({ account, sessions, thisSession, csrf, flash, name, nameError }: AccountPageProps) {
  const errors = { name: nameError };
  return (
    <AdminLayout title="Your account" csrf={csrf} error={hasErrors(errors)}>
      <h1>Your account</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <dl class="account-facts">
        <dt>Email</dt>
        <dd>{account.email ?? "none: this account signs in with the admin token"}</dd>
        <dt>Role</dt>
        <dd>
          {ROLE_DESCRIPTIONS[account.role].name}: {ROLE_DESCRIPTIONS[account.role].does}
        </dd>
      </dl>
      <section aria-labelledby="your-name">
        <h2 id="your-name">Your name</h2>
        <form method="post" action="/admin/account/name" novalidate>
          <ErrorSummary errors={errors} labels={{ name: "Your name" }} />
          <CsrfField token={csrf} />
          <Field name="name" label="Your name" hint="How colleagues and the activity log name you." error={nameError}>
            {(attributes) => (
              <input type="text" {...attributes} value={name ?? account.name} maxlength={100} autocomplete="name" />
            )}
          </Field>
          <button type="submit">Save the name</button>
        </form>
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">Where you are signed in</h2>
        {sessions.length === 0 ? (
          <p>No sessions: you reach this area through your organization's sign-in (Cloudflare Access).</p>
        ) : (
          <div class="table-wrap">
            <table class="stacked-table">
              <caption class="visually-hidden">Your sessions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Signed in</th>
                  <th scope="col">With</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((session) => {
                  const device = session.device ?? "Unknown browser";
                  const current = session.idHash === thisSession;
                  return (
                    <tr>
                      <td data-label="Device">
                        {device}
                        {current && <strong> (this one)</strong>}
                      </td>
                      <td data-label="Signed in">
                        <time datetime={session.createdAt}>{formatDateTime(session.createdAt)}</time>
                      </td>
                      <td data-label="With">{VIA[session.via]}</td>
                      <td data-label="Actions" class="row-actions">
                        <form method="post" action="/admin/account/sessions/end" class="inline-form">
                          <CsrfField token={csrf} />
                          <input type="hidden" name="session" value={session.idHash} />
                          <button type="submit" class="button-secondary">
                            {current ? "Log out here" : "End"}
                            <span class="visually-hidden">
                              {" "}
                              the session on {device} since {formatDateTime(session.createdAt)}
                            </span>
                          </button>
                        </form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <form method="post" action="/admin/account/sessions/end-all">
          <CsrfField token={csrf} />
          <button type="submit" class="button-danger">
            Log out everywhere
          </button>
          <span class="hint"> Ends every session above, this one too: use it if you lost a device.</span>
        </form>
      </section>
      <section aria-labelledby="passkeys" id="passkeys-section">
        <h2 id="passkeys">Passkeys</h2>
        <p>Sign in with your device's fingerprint, face or PIN instead of an emailed link.</p>
        <p>
          <a href="/admin/account/passkeys">Your passkeys</a>
        </p>
      </section>
      <section aria-labelledby="api-tokens" id="api-tokens-section">
        <h2 id="api-tokens">API tokens</h2>
        <p>Tokens for programs that use the organizers' API with your role.</p>
        <p>
          <a href="/admin/account/tokens">Your API tokens</a>
        </p>
      </section>
    </AdminLayout>
  );
}
