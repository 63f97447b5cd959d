/**
 * Your account (any role): your name (editable), email and role; your
 * time zone (the letter form's list: the pages about no letter show their
 * times in it); your sessions (device, since when, when last active, how you
 * signed in, which one is this one: "active now"),
 * each with "End", and "Log out everywhere"; then the places where passkeys
 * and API tokens are managed.
 */
import type { OrganizerAccount } from "../../storage/organizers";
import type { SessionSummary } from "../../storage/organizer-sessions";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { EmailAddress } from "./email-address";
import { ErrorSummary, Field, hasErrors } from "./form-fields";
import { AccountZoneNote, TIME_ZONE_HEADING, TimeZoneOptions, useAccountTime, useAccountTimeZone } from "./time";

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
  /** The time zone as sent, and why it was refused. */
  timeZone?: { value: string; error: string };
}

/** A session's device in the page's words: stored as "Chrome on Android" (http/authentication.ts deviceOf). */
function deviceWords(device: string | null, t: ReturnType<typeof useAdminWords>["account"]): string {
  if (device === null) return t.unknownDevice;
  const parts = /^(\S+) on (\S+)$/.exec(device);
  return parts ? t.deviceOn(parts[1]!, parts[2]!) : device;
}

/** Your time zone: the letter form's list, yours (else UTC) chosen, or the one refused with why. */
function TimeZoneSection({ csrf, refused }: { csrf: string | null; refused?: { value: string; error: string } }) {
  const w = useAdminWords().timeZones;
  const { zone } = useAccountTimeZone();
  const errors = { time_zone: refused?.error };
  return (
    <section aria-labelledby={TIME_ZONE_HEADING} id="time-zone-section">
      <h2 id={TIME_ZONE_HEADING}>{w.heading}</h2>
      <form method="post" action="/admin/account/time-zone" novalidate>
        <ErrorSummary errors={errors} labels={{ time_zone: w.label }} />
        <CsrfField token={csrf} />
        <Field name="time_zone" label={w.label} hint={w.hint} error={refused?.error}>
          {(attributes) => (
            <select {...attributes}>
              <TimeZoneOptions selected={refused?.value ?? zone} />
            </select>
          )}
        </Field>
        <button type="submit">{w.save}</button>
      </form>
    </section>
  );
}

export function AccountPage({
  account,
  sessions,
  thisSession,
  csrf,
  flash,
  name,
  nameError,
  timeZone,
}: AccountPageProps) {
  const t = useAdminWords();
  const w = t.account;
  const errors = { name: nameError };
  const timeOf = useAccountTime();
  return (
    <AdminLayout title={w.title} csrf={csrf} error={hasErrors(errors) || timeZone !== undefined}>
      <h1>{w.title}</h1>
      <AccountZoneNote />
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <dl class="account-facts">
        <dt>{w.email}</dt>
        <dd>{account.email ? <EmailAddress email={account.email} /> : w.noEmail}</dd>
        <dt>{w.role}</dt>
        <dd>
          {t.roles.names[account.role]}: {t.people.roleDoes[account.role]}
        </dd>
      </dl>
      <section aria-labelledby="your-name">
        <h2 id="your-name">{w.nameHeading}</h2>
        <form method="post" action="/admin/account/name" novalidate>
          <ErrorSummary errors={errors} labels={{ name: w.nameLabel }} />
          <CsrfField token={csrf} />
          <Field name="name" label={w.nameLabel} hint={w.nameHint} error={nameError}>
            {(attributes) => (
              <input
                type="text"
                {...attributes}
                value={name ?? t.people.nameOf(account)}
                maxlength={100}
                autocomplete="name"
              />
            )}
          </Field>
          <button type="submit">{w.saveName}</button>
        </form>
      </section>
      <TimeZoneSection csrf={csrf} refused={timeZone} />
      <section aria-labelledby="sessions">
        <h2 id="sessions">{w.sessionsHeading}</h2>
        {sessions.length === 0 ? (
          <p>{w.noSessions}</p>
        ) : (
          <div class="table-wrap">
            <table class="stacked-table">
              <caption class="visually-hidden">{w.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.device}</th>
                  <th scope="col">{w.signedIn}</th>
                  <th scope="col">{w.lastActive}</th>
                  <th scope="col">{w.with}</th>
                  <th scope="col">{w.actions}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((session) => {
                  const device = deviceWords(session.device, w);
                  const current = session.idHash === thisSession;
                  const since = timeOf(session.createdAt);
                  return (
                    <tr>
                      <td data-label={w.device}>
                        {device}
                        {current && <strong>{w.thisOne}</strong>}
                      </td>
                      <td data-label={w.signedIn}>
                        <time datetime={session.createdAt}>{since}</time>
                      </td>
                      <td data-label={w.lastActive}>
                        {current ? (
                          w.activeNow
                        ) : (
                          <time datetime={session.lastSeenAt}>{timeOf(session.lastSeenAt)}</time>
                        )}
                      </td>
                      <td data-label={w.with}>{w.via[session.via]}</td>
                      <td data-label={w.actions} class="row-actions">
                        <form method="post" action="/admin/account/sessions/end" class="inline-form">
                          <CsrfField token={csrf} />
                          <input type="hidden" name="session" value={session.idHash} />
                          <button type="submit" class="button-secondary">
                            {current ? w.logOutHere : w.end}
                            <span class="visually-hidden">{w.whichSession(device, since)}</span>
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
            {w.logOutEverywhere}
          </button>
          <span class="hint">{w.logOutEverywhereHint}</span>
        </form>
      </section>
      <section aria-labelledby="passkeys" id="passkeys-section">
        <h2 id="passkeys">{w.passkeysHeading}</h2>
        <p>{w.passkeysText}</p>
        <p>
          <a href="/admin/account/passkeys">{w.passkeysLink}</a>
        </p>
      </section>
      <section aria-labelledby="api-tokens" id="api-tokens-section">
        <h2 id="api-tokens">{w.tokensHeading}</h2>
        <p>{w.tokensText}</p>
        <p>
          <a href="/admin/account/tokens">{w.tokensLink}</a>
        </p>
      </section>
    </AdminLayout>
  );
}
