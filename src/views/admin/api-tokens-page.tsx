/**
 * Your account → API tokens (/admin/account/tokens): the person's working
 * tokens (label, made, the hour last used, a Revoke button each), their
 * role (what a token may do, with People for owners), the form that makes
 * one, and, just after making one, the token itself, shown this once, in a
 * labelled read-only input, with a Copy button where script can copy.
 */
import type { ApiTokenListing } from "../../storage/api-tokens";
import { AdminLayout, CsrfField } from "./admin-layout";
import { CopyButton } from "./copy-button";
import { useAdminWords } from "./admin-words";
import { COPY_SCRIPT_PATH } from "./copy-script";
import { ErrorSummary, Field, WithCode } from "./form-fields";
import { AccountZoneNote, Time, useAccountTime } from "./time";
import { Can } from "./can";
import { usePageShell } from "../layout";
import { lastUseHour } from "../../domain/api-tokens";

export interface ApiTokensPageProps {
  csrf: string | null;
  tokens: readonly ApiTokenListing[];
  /** The token just made, to show once, and its label. */
  created?: { token: string; label: string } | null;
  /** The form as sent, when it was refused, and why. */
  label?: string;
  error?: string | null;
  flash?: string | null;
  /**
   * The admin token's account (the bootstrap owner), which can't hold tokens (app/api-tokens.ts):
   * the page says why, and that inviting oneself is the way, instead of offering the form.
   */
  adminToken?: boolean;
}

/** When a token was last used, as far as it is known: within the hour that began at its noted hour's start. */
function LastUse({ iso }: { iso: string }) {
  const t = useAdminWords();
  const hour = lastUseHour(iso);
  const time = useAccountTime();
  return <time datetime={hour}>{t.tokens.usedInHour(time(hour))}</time>;
}

/** The person's role and what it allows (what their tokens may do), with People for owners. */
function TokenRole() {
  const t = useAdminWords();
  const role = usePageShell().signedIn?.role;
  if (!role) return null;
  return (
    <p>
      {t.roles.yours} <strong>{t.roles.names[role]}</strong>. {t.roles.may[role]}{" "}
      <Can permission="administer">
        <a href="/admin/people">{t.tokens.whoMayDoWhat}</a>
      </Can>
    </p>
  );
}

export function ApiTokensPage({
  csrf,
  tokens,
  created = null,
  label = "",
  error = null,
  flash = null,
  adminToken = false,
}: ApiTokensPageProps) {
  const t = useAdminWords();
  const w = t.tokens;
  return (
    <AdminLayout title={w.title} csrf={csrf} error={error !== null} scripts={created ? [COPY_SCRIPT_PATH] : []}>
      <h1>{w.title}</h1>
      <AccountZoneNote />
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p>{w.intro}</p>
      <TokenRole />
      <p>
        <WithCode text={w.usage} /> {w.routesListed}
      </p>
      {created && (
        <section class="notice" aria-labelledby="new-token-title" id="new-token">
          <h2 id="new-token-title" tabindex={-1} autofocus>
            {w.newTitle}
          </h2>
          <p>{w.newWarning}</p>
          <Field name="token" label={w.newLabel(created.label)}>
            {(attributes) => (
              <input
                type="text"
                {...attributes}
                readonly
                value={created.token}
                autocomplete="off"
                autocapitalize="none"
                spellcheck={false}
                class="token-value"
              />
            )}
          </Field>
          <CopyButton
            field="field-token"
            status="token-copied"
            label={w.copy}
            copied={w.copied}
            failed={w.copyFailed}
          />
        </section>
      )}
      <section aria-labelledby="create-token-title">
        <h2 id="create-token-title">{w.createTitle}</h2>
        {adminToken ? (
          <div class="notice">
            <p>{w.adminTokenAccount}</p>
            <p>
              <a href="/admin/people">{t.layout.people}</a>
            </p>
          </div>
        ) : (
          <>
            <ErrorSummary errors={{ label: error ?? undefined }} labels={{ label: w.labelLabel }} />
            <form method="post" action="/admin/account/tokens" novalidate>
              <CsrfField token={csrf} />
              <Field name="label" label={w.labelLabel} hint={w.labelHint} error={error ?? undefined}>
                {(attributes) => <input type="text" {...attributes} required maxlength={100} value={label} />}
              </Field>
              <button type="submit">{w.create}</button>
            </form>
          </>
        )}
      </section>
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">{w.listTitle}</h2>
        {tokens.length === 0 ? (
          <p>{w.none}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{w.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.label}</th>
                  <th scope="col">{w.created}</th>
                  <th scope="col">{w.lastUsed}</th>
                  <th scope="col">{w.actions}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr>
                    <td>{token.label}</td>
                    <td>
                      <Time iso={token.createdAt} />
                    </td>
                    <td>{token.lastUsedAt ? <LastUse iso={token.lastUsedAt} /> : w.neverUsed}</td>
                    <td>
                      <form method="post" action={`/admin/account/tokens/${token.id}/revoke`} class="inline-form">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-secondary" aria-label={w.revokeNamed(token.label)}>
                          {w.revoke}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </AdminLayout>
  );
}
