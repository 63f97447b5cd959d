/**
 * The person's passkeys (/admin/account/passkeys): the list, each with its
 * rename and remove forms (no script needed), and adding one, which only a
 * script can do (views/admin/passkey-script.ts): that form is drawn hidden
 * and shown by it, with a note for browsers that can't.
 */
import type { PasskeysHere } from "../../domain/passkeys";
import { PASSKEY_NAME_MAX } from "../../domain/passkeys";
import type { StoredPasskey } from "../../storage/passkeys";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { Field, ProblemSummary } from "./form-fields";
import { PASSKEY_SCRIPT_PATH } from "./passkey-script";
import { AccountZoneNote, Time } from "./time";

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
  /** The admin token's account: it can't add passkeys (app/passkeys.ts), so the page says why and what to do. */
  adminToken?: boolean;
}

function Moment({ iso }: { iso: string | null }) {
  const t = useAdminWords();
  return iso ? <Time iso={iso} /> : <>{t.passkeys.notYet}</>;
}

/** Why the admin token's account holds no passkeys, and how to have some: invite yourself. */
function AdminTokenAccount({ old }: { old: boolean }) {
  const t = useAdminWords().passkeys.adminToken;
  const [invite, before, link, after] = t.instead;
  return (
    <div class="notice">
      <p>{t.why}</p>
      <p>
        <strong>{invite}</strong>
        {before}
        <a href="/admin/people">{link}</a>
        {after}
      </p>
      {old && <p>{t.old}</p>}
    </div>
  );
}

export function PasskeysPage({ passkeys, csrf, here, flash, add = {}, rename, adminToken = false }: PasskeysPageProps) {
  const t = useAdminWords().passkeys;
  const [before, link, after] = t.localhostToAdd;
  const problems = [
    ...(add.nameError ? [{ text: t.nameProblem(add.nameError), href: "#field-name" }] : []),
    ...(add.credentialError ? [{ text: add.credentialError, href: "#add-passkey-title" }] : []),
    ...(rename
      ? [
          {
            text: t.renameProblem(rename.error),
            href: `#rename-${passkeys.findIndex((key) => key.credentialId === rename.credentialId)}`,
          },
        ]
      : []),
  ];
  return (
    <AdminLayout
      title={t.title}
      csrf={csrf}
      scripts={adminToken ? [] : [PASSKEY_SCRIPT_PATH]}
      error={problems.length > 0}
    >
      <h1>{t.title}</h1>
      <ProblemSummary problems={problems} />
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <AccountZoneNote />
      <p>{t.intro}</p>
      <h2>{t.yours}</h2>
      {passkeys.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap">
          <table class="stacked-table">
            <caption class="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.added}</th>
                <th scope="col">{t.lastUsed}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((key, index) => {
                const refused = rename?.credentialId === key.credentialId ? rename : undefined;
                return (
                  <tr>
                    <td data-label={t.name}>{key.name}</td>
                    <td data-label={t.added}>
                      <Moment iso={key.createdAt} />
                    </td>
                    <td data-label={t.lastUsed}>
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
                          label={t.renameLabel(key.name)}
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
                        <button type="submit">{t.rename}</button>
                      </form>
                      <form method="post" action={passkeyActionPath(key.credentialId, "remove")} class="actions">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-danger">
                          {t.remove(key.name)}
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
      <h2 id="add-passkey-title">{t.addHeading}</h2>
      {adminToken ? (
        <AdminTokenAccount old={passkeys.length > 0} />
      ) : here.available ? (
        <>
          <p data-passkey-needs-script>{t.addNeedsScript}</p>
          <form
            method="post"
            action={PASSKEYS_PATH}
            data-passkey="create"
            data-options={`${PASSKEYS_PATH}/options`}
            data-words={JSON.stringify(t.script)}
            hidden
            novalidate
          >
            <CsrfField token={csrf} />
            <input type="hidden" name="credential" value="" />
            <Field name="name" label={t.nameLabel} hint={t.nameHint} error={add.nameError}>
              {(attributes) => (
                <input type="text" {...attributes} value={add.name ?? ""} maxlength={PASSKEY_NAME_MAX} required />
              )}
            </Field>
            <p role="status" class="passkey-status"></p>
            <button type="submit">{t.addButton}</button>
          </form>
        </>
      ) : (
        <p>
          {t.ipAddress}
          {here.instead && (
            <>
              {" "}
              {before}
              <a href={here.instead}>{link}</a>
              {after}
            </>
          )}
        </p>
      )}
    </AdminLayout>
  );
}
