/**
 * The person's passkeys (/admin/account/passkeys): the list, each with its
 * rename and remove forms (no script needed), and adding one, which only a
 * script can do (views/admin/passkey-script.ts): that form is drawn hidden
 * and shown by it, with a note for browsers that can't.
 */
import type { PasskeysHere } from "../../domain/passkeys";
import { PASSKEY_NAME_MAX } from "../../domain/passkeys";
import type { StoredPasskey } from "../../storage/passkeys";
import { formatDateTime } from "../format";
import { AdminLayout, CsrfField } from "./admin-layout";
import { Field, ProblemSummary } from "./form-fields";
import { PASSKEY_SCRIPT_PATH } from "./passkey-script";

export const PASSKEYS_PATH = "/admin/account/passkeys";

/** The address of one passkey's action ("rename", "remove"). */
export function passkeyActionPath(credentialId: string, action: "rename" | "remove"): string {
  return `${PASSKEYS_PATH}/${encodeURIComponent(credentialId)}/${action}`;
}

export interface PasskeysPageProps {
  passkeys: readonly StoredPasskey[];
  csrf: string | null;
  here: PasskeysHere;
  flash?: string | null;
  /** The add form's refused name and why, or why the browser's answer was not taken. */
  add?: { name?: string; nameError?: string; credentialError?: string };
  /** The rename form that was refused: which passkey, the name sent, and why. */
  rename?: { credentialId: string; name: string; error: string };
}

function Moment({ iso }: { iso: string | null }) {
  return iso ? <time datetime={iso}>{formatDateTime(iso)}</time> : <>Not yet</>;
}

export function PasskeysPage({ passkeys, csrf, here, flash, add = {}, rename }: PasskeysPageProps) {
  const problems = [
    ...(add.nameError ? [{ text: `Name: ${add.nameError}`, href: "#field-name" }] : []),
    ...(add.credentialError ? [{ text: add.credentialError, href: "#add-passkey-title" }] : []),
    ...(rename
      ? [
          {
            text: `New name: ${rename.error}`,
            href: `#rename-${passkeys.findIndex((key) => key.credentialId === rename.credentialId)}`,
          },
        ]
      : []),
  ];
  return (
    <AdminLayout title="Passkeys" csrf={csrf} scripts={[PASSKEY_SCRIPT_PATH]} error={problems.length > 0}>
      <h1>Passkeys</h1>
      <ProblemSummary problems={problems} />
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p>
        A passkey signs you in with your device's screen lock, fingerprint or face, or with a security key, instead of a
        link by email or the admin token. Nobody can use it from another site, and this site keeps only its public half.
      </p>
      <h2>Your passkeys</h2>
      {passkeys.length === 0 ? (
        <p>You have no passkeys yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="stacked-table">
            <caption class="visually-hidden">Your passkeys, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Added</th>
                <th scope="col">Last used to sign in</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((key, index) => {
                const refused = rename?.credentialId === key.credentialId ? rename : undefined;
                return (
                  <tr>
                    <td data-label="Name">{key.name}</td>
                    <td data-label="Added">
                      <Moment iso={key.createdAt} />
                    </td>
                    <td data-label="Last used to sign in">
                      <Moment iso={key.lastUsedAt} />
                    </td>
                    <td class="row-actions">
                      <form
                        method="post"
                        action={passkeyActionPath(key.credentialId, "rename")}
                        class="actions"
                        novalidate
                      >
                        <CsrfField token={csrf} />
                        <Field
                          name="name"
                          id={`rename-${index}`}
                          label={`New name for “${key.name}”`}
                          error={refused?.error}
                        >
                          {(attributes) => (
                            <input
                              type="text"
                              {...attributes}
                              value={refused ? refused.name : key.name}
                              maxlength={PASSKEY_NAME_MAX}
                              required
                            />
                          )}
                        </Field>
                        <button type="submit">Rename</button>
                      </form>
                      <form method="post" action={passkeyActionPath(key.credentialId, "remove")} class="actions">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-danger">
                          Remove “{key.name}”
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
      <h2 id="add-passkey-title">Add a passkey</h2>
      {here.available ? (
        <>
          <p data-passkey-needs-script>
            Adding a passkey needs JavaScript and a browser that supports passkeys: turn JavaScript on, or use a recent
            Chrome, Edge, Firefox or Safari. Everything else on this page works without it.
          </p>
          <form
            method="post"
            action={PASSKEYS_PATH}
            data-passkey="create"
            data-options={`${PASSKEYS_PATH}/options`}
            hidden
            novalidate
          >
            <CsrfField token={csrf} />
            <input type="hidden" name="credential" value="" />
            <Field
              name="name"
              label="Name of the passkey"
              hint="So that you can tell your passkeys apart: “Work laptop”, “Phone”, “Blue security key”."
              error={add.nameError}
            >
              {(attributes) => (
                <input type="text" {...attributes} value={add.name ?? ""} maxlength={PASSKEY_NAME_MAX} required />
              )}
            </Field>
            <p role="status" class="passkey-status"></p>
            <button type="submit">Add a passkey</button>
          </form>
        </>
      ) : (
        <p>
          Browsers offer passkeys only at a domain name, not at an IP address.
          {here.instead && (
            <>
              {" "}
              Open <a href={here.instead}>this page at localhost</a> to add one.
            </>
          )}
        </p>
      )}
    </AdminLayout>
  );
}
