/**
 * People (owners only): everyone with an account, their role and status,
 * the form that invites a colleague, and per person: change the role,
 * resend an invitation not accepted yet, disable or enable. Every action is
 * a plain form (no script); at phone width the table stacks into cards.
 */
import { ROLE_DESCRIPTIONS, type InviteField } from "../../domain/organizer-accounts";
import { BOOTSTRAP_ORGANIZER_ID, ROLES, type Role } from "../../domain/organizer-roles";
import type { OrganizerAccount } from "../../storage/organizers";
import { formatDateTime } from "../format";
import { AdminLayout, CsrfField } from "./admin-layout";
import { ErrorSummary, Field, hasErrors } from "./form-fields";

export interface PeoplePageProps {
  people: readonly OrganizerAccount[];
  csrf: string | null;
  /** The signed-in owner (their own row says "you"). */
  you: number;
  /** What was just done, in words. */
  flash?: string | null;
  /** The invitation form as typed, and its problems. */
  values?: Partial<Record<InviteField, string>>;
  errors?: Partial<Record<InviteField, string>>;
}

/** A person's status, in words: disabled, invited (never signed in) or active. */
export function statusOf(person: OrganizerAccount): "active" | "invited" | "disabled" {
  if (person.disabledAt !== null) return "disabled";
  if (person.lastSignedInAt === null && person.id !== BOOTSTRAP_ORGANIZER_ID) return "invited";
  return "active";
}

const INVITE_LABELS: Record<InviteField, string> = { name: "Name", email: "Email address", role: "Role" };

function RoleOptions({ selected }: { selected: Role | undefined }) {
  return (
    <>
      {ROLES.map((role) => (
        <option value={role} selected={role === selected}>
          {ROLE_DESCRIPTIONS[role].name}
        </option>
      ))}
    </>
  );
}

export function PeoplePage({ people, csrf, you, flash, values = {}, errors = {} }: PeoplePageProps) {
  const refused = hasErrors(errors);
  return (
    <AdminLayout title="People" csrf={csrf} error={refused}>
      <h1>People</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p>Everyone who can sign in to this organizer area, and what each may do.</p>
      <details class="roles">
        <summary>What each role may do</summary>
        <dl>
          {ROLES.map((role) => (
            <>
              <dt>{ROLE_DESCRIPTIONS[role].name}</dt>
              <dd>{ROLE_DESCRIPTIONS[role].does}</dd>
            </>
          ))}
        </dl>
      </details>
      <div class="table-wrap">
        <table class="stacked-table">
          <caption class="visually-hidden">People with an account</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => {
              const status = statusOf(person);
              const roleId = `role-${person.id}`;
              return (
                <tr>
                  <td data-label="Name">
                    {person.name}
                    {person.id === you && " (you)"}
                  </td>
                  <td data-label="Email">{person.email ?? "— (signs in with the admin token)"}</td>
                  <td data-label="Role">
                    {status === "disabled" || person.id === BOOTSTRAP_ORGANIZER_ID ? (
                      ROLE_DESCRIPTIONS[person.role].name
                    ) : (
                      <form method="post" action={`/admin/people/${person.id}/role`} class="inline-form">
                        <CsrfField token={csrf} />
                        <label for={roleId} class="visually-hidden">
                          Role of {person.name}
                        </label>
                        <select id={roleId} name="role">
                          <RoleOptions selected={person.role} />
                        </select>{" "}
                        <button type="submit" class="button-secondary">
                          Change<span class="visually-hidden"> the role of {person.name}</span>
                        </button>
                      </form>
                    )}
                  </td>
                  <td data-label="Status">
                    <span
                      class={`badge badge-${status === "active" ? "confirmed" : status === "invited" ? "draft" : "hidden"}`}
                    >
                      {status}
                    </span>
                  </td>
                  <td data-label="Last sign-in">
                    {person.lastSignedInAt ? (
                      <time datetime={person.lastSignedInAt}>{formatDateTime(person.lastSignedInAt)}</time>
                    ) : (
                      "never"
                    )}
                  </td>
                  <td data-label="Actions" class="row-actions">
                    {status === "invited" && (
                      <form method="post" action={`/admin/people/${person.id}/invitation`} class="inline-form">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-secondary">
                          Resend the invitation<span class="visually-hidden"> to {person.name}</span>
                        </button>
                      </form>
                    )}{" "}
                    {status === "disabled" ? (
                      <form method="post" action={`/admin/people/${person.id}/enable`} class="inline-form">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-secondary">
                          Enable<span class="visually-hidden"> {person.name}</span>
                        </button>
                      </form>
                    ) : (
                      <form method="post" action={`/admin/people/${person.id}/disable`} class="inline-form">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-danger">
                          Disable<span class="visually-hidden"> {person.name}</span>
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
        <h2 id="invite">Invite a colleague</h2>
        <form method="post" action="/admin/people" novalidate>
          <ErrorSummary errors={errors} labels={INVITE_LABELS} />
          <CsrfField token={csrf} />
          <Field
            name="name"
            label="Name"
            hint="How colleagues and the activity log will name them."
            error={errors.name}
          >
            {(attributes) => (
              <input type="text" {...attributes} value={values.name} maxlength={100} autocomplete="off" />
            )}
          </Field>
          <Field
            name="email"
            label="Email address"
            hint="The invitation goes there, and they sign in with it. It is shown only to owners."
            error={errors.email}
          >
            {(attributes) => <input type="email" {...attributes} value={values.email} autocomplete="off" />}
          </Field>
          <Field name="role" label="Role" error={errors.role}>
            {(attributes) => (
              <select {...attributes}>
                <RoleOptions selected={(values.role as Role | undefined) ?? "moderator"} />
              </select>
            )}
          </Field>
          <button type="submit">Send the invitation</button>
          <p class="hint">The link in the email works once, within 7 days.</p>
        </form>
      </section>
    </AdminLayout>
  );
}
