/**
 * People (owners only): everyone with an account, their role and status,
 * the form that invites a colleague (in a language the owner picks: the
 * invitation's and the new account's), and per person: change the role,
 * resend an invitation not accepted yet, disable or enable. Every action is
 * a plain form (no script); at phone width the table stacks into cards.
 */
import { Isolated } from "../bidi";
import { LOCALES, languageName, type Locale } from "../../domain/i18n";
import { INVITATION_SECONDS, type InviteField } from "../../domain/organizer-accounts";
import { BOOTSTRAP_ORGANIZER_ID, ROLES, type Role } from "../../domain/organizer-roles";
import type { OrganizerAccount } from "../../storage/organizers";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { EmailAddress } from "./email-address";
import { ErrorSummary, Field, hasErrors } from "./form-fields";
import { AccountZoneNote, Time } from "./time";

export interface PeoplePageProps {
  people: readonly OrganizerAccount[];
  /** Who can't be disabled or given another role now (app/organizer-accounts.ts lastOwners): neither is offered. */
  lastOwners?: ReadonlySet<number>;
  /** Whether email can be sent: without it, inviting and resending an invitation are not offered. */
  mail?: boolean;
  csrf: string | null;
  /** The signed-in owner (their own row says "you"). */
  you: number;
  /** The owner's organizer area language: the invitation's language unless they choose another. */
  language: Locale;
  /** What was just done, in words. */
  flash?: string | null;
  /** The invitation form as typed, and its problems. */
  values?: Partial<Record<InviteField, string>>;
  errors?: Partial<Record<InviteField, string>>;
}

/** A person's status: disabled, invited (never signed in) or active. */
export function statusOf(person: OrganizerAccount): "active" | "invited" | "disabled" {
  if (person.disabledAt !== null) return "disabled";
  if (person.lastSignedInAt === null && person.id !== BOOTSTRAP_ORGANIZER_ID) return "invited";
  return "active";
}

function RoleOptions({ selected }: { selected: Role | undefined }) {
  const t = useAdminWords();
  return (
    <>
      {ROLES.map((role) => (
        <option value={role} selected={role === selected}>
          {t.roles.names[role]}
        </option>
      ))}
    </>
  );
}

export function PeoplePage({
  people,
  lastOwners = new Set(),
  mail = true,
  csrf,
  you,
  language,
  flash,
  values = {},
  errors = {},
}: PeoplePageProps) {
  const t = useAdminWords();
  const w = t.people;
  const refused = hasErrors(errors);
  const chosenLanguage = values.language ?? language;
  return (
    <AdminLayout title={w.title} csrf={csrf} error={refused}>
      <h1>{w.title}</h1>
      <AccountZoneNote />
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p>{w.intro}</p>
      <details class="roles">
        <summary>{w.rolesSummary}</summary>
        <dl>
          {ROLES.map((role) => (
            <>
              <dt>{t.roles.names[role]}</dt>
              <dd>{w.roleDoes[role]}</dd>
            </>
          ))}
        </dl>
      </details>
      <div class="table-wrap">
        <table class="stacked-table">
          <caption class="visually-hidden">{w.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{w.name}</th>
              <th scope="col">{w.email}</th>
              <th scope="col">{w.role}</th>
              <th scope="col">{w.status}</th>
              <th scope="col">{w.lastSignIn}</th>
              <th scope="col">{w.actions}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => {
              const status = statusOf(person);
              const roleId = `role-${person.id}`;
              const name = t.people.nameOf(person);
              return (
                <tr>
                  <td data-label={w.name}>
                    <Isolated text={name} />
                    {person.id === you && w.you}
                  </td>
                  <td data-label={w.email}>{person.email ? <EmailAddress email={person.email} /> : w.noEmail}</td>
                  <td data-label={w.role}>
                    {status === "disabled" || person.id === BOOTSTRAP_ORGANIZER_ID || lastOwners.has(person.id) ? (
                      t.roles.names[person.role]
                    ) : (
                      <form method="post" action={`/admin/people/${person.id}/role`} class="row-choice">
                        <CsrfField token={csrf} />
                        <label for={roleId} class="visually-hidden">
                          {w.roleOf(name)}
                        </label>
                        <select id={roleId} name="role">
                          <RoleOptions selected={person.role} />
                        </select>{" "}
                        <button type="submit" class="button-secondary">
                          {w.change}
                          <span class="visually-hidden">{w.changeRoleOf(name)}</span>
                        </button>
                      </form>
                    )}
                  </td>
                  <td data-label={w.status}>
                    <span
                      class={`badge badge-${status === "active" ? "confirmed" : status === "invited" ? "draft" : "hidden"}`}
                    >
                      {w.statuses[status]}
                    </span>
                  </td>
                  <td data-label={w.lastSignIn}>
                    {person.lastSignedInAt ? <Time iso={person.lastSignedInAt} /> : w.never}
                  </td>
                  <td data-label={w.actions} class="row-actions">
                    {status === "invited" && mail && (
                      <form method="post" action={`/admin/people/${person.id}/invitation`} class="inline-form">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-secondary">
                          {w.resend}
                          <span class="visually-hidden">{w.resendTo(name)}</span>
                        </button>
                      </form>
                    )}{" "}
                    {status === "disabled" ? (
                      <form method="post" action={`/admin/people/${person.id}/enable`} class="inline-form">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-secondary">
                          {w.enable}
                          <span class="visually-hidden"> {name}</span>
                        </button>
                      </form>
                    ) : lastOwners.has(person.id) ? (
                      // Disabling the last owner would leave nobody to manage people (refused: 409).
                      <span class="meta">{w.lastOwner}</span>
                    ) : (
                      <form method="post" action={`/admin/people/${person.id}/disable`} class="inline-form">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-danger">
                          {w.disable}
                          <span class="visually-hidden"> {name}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="invite">
        <h2 id="invite">{w.inviteHeading}</h2>
        {mail ? <InviteForm {...{ csrf, values, errors, chosenLanguage }} /> : <p class="notice">{w.noMailer}</p>}
      </section>
    </AdminLayout>
  );
}

/** Inviting a colleague: their name, email, role and language. */
function InviteForm({
  csrf,
  values,
  errors,
  chosenLanguage,
}: Pick<PeoplePageProps, "csrf"> & {
  values: Partial<Record<InviteField, string>>;
  errors: Partial<Record<InviteField, string>>;
  chosenLanguage: string;
}) {
  const w = useAdminWords().people;
  return (
    <form method="post" action="/admin/people" novalidate>
      <ErrorSummary errors={errors} labels={w.labels} />
      <CsrfField token={csrf} />
      <Field name="name" label={w.labels.name} hint={w.nameHint} error={errors.name}>
        {(attributes) => <input type="text" {...attributes} value={values.name} maxlength={100} autocomplete="off" />}
      </Field>
      <Field name="email" label={w.labels.email} hint={w.emailHint} error={errors.email}>
        {(attributes) => <input type="email" {...attributes} value={values.email} autocomplete="off" />}
      </Field>
      <Field name="role" label={w.labels.role} error={errors.role}>
        {(attributes) => (
          <select {...attributes}>
            <RoleOptions selected={(values.role as Role | undefined) ?? "moderator"} />
          </select>
        )}
      </Field>
      <Field name="language" label={w.labels.language} hint={w.languageHint} error={errors.language}>
        {(attributes) => (
          <select {...attributes}>
            {LOCALES.map((locale) => (
              <option value={locale} lang={locale} selected={locale === chosenLanguage}>
                {languageName(locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">{w.send}</button>
      <p class="hint">{w.linkLasts(INVITATION_SECONDS / 86_400)}</p>
    </form>
  );
}
