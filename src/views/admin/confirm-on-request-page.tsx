/**
 * Confirming a signature that waits for its email, on its signer's request:
 * who it is, what confirming does, and the reason (required; it goes to the
 * activity log). Works without JavaScript; a refused reason draws the page
 * again with the summary focused.
 */
import type { Letter } from "../../domain/letter";
import { REASON_MAX_LENGTH, type SignatureFilter } from "../../domain/signature-filter";
import type { StoredSignature } from "../../storage/signatures";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { Time } from "./time";
import { ErrorSummary, Field } from "./form-fields";
import { FilterFields } from "./signatures-page";

export interface ConfirmOnRequestProps {
  letter: Letter;
  csrf: string | null;
  signature: Pick<StoredSignature, "ref" | "name" | "kind" | "email" | "createdAt">;
  /** Where it leads: counted, or waiting for review (an organization, when the letter reviews them). */
  to: "confirmed" | "in_review";
  filter: SignatureFilter;
  back: string;
  reason?: string;
  error?: string;
}

export function ConfirmOnRequestPage({
  letter,
  csrf,
  signature,
  to,
  filter,
  back,
  reason,
  error,
}: ConfirmOnRequestProps) {
  const t = useAdminWords();
  const w = t.confirmOnRequest;
  const errors = { reason: error };
  const signed = w.signed(signature.kind === "organization" ? w.anOrganization : w.aPerson, signature.email);
  return (
    <AdminLayout title={w.title(signature.name)} csrf={csrf} error={Boolean(error)}>
      <p>
        <a href={back}>{w.back(letter.title)}</a>
      </p>
      {/* Focus starts on the question, unless a refused reason's summary takes it. */}
      <h1 tabindex={-1} autofocus={!error}>
        {w.question(signature.name)}
      </h1>
      <ErrorSummary errors={errors} labels={{ reason: w.reason }} />
      <p>
        {signed[0]}
        <Time iso={signature.createdAt} zone={letter.closesTimeZone} />
        {signed[1]}
      </p>
      <ul class="consequences">
        <li>{to === "confirmed" ? w.counts : w.waitsForReview}</li>
        <li>{w.onlyWhenAsked}</li>
        <li>{w.logged}</li>
      </ul>
      <form method="post" action={`/admin/letters/${letter.slug}/signatures/${signature.ref}/confirm`} novalidate>
        <CsrfField token={csrf} />
        <FilterFields filter={filter} />
        <Field name="reason" label={w.reason} hint={w.reasonHint(REASON_MAX_LENGTH)} error={error}>
          {(attributes) => (
            <textarea {...attributes} rows={3} maxlength={REASON_MAX_LENGTH} required>
              {reason ?? ""}
            </textarea>
          )}
        </Field>
        <div class="actions">
          <button type="submit">{w.confirm}</button>
          <a href={back}>{w.goBack}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** The confirm page's address when there is nothing to confirm (a stale link: the signer confirmed meanwhile…). */
export function NothingToConfirmPage({
  letter,
  csrf,
  title,
  message,
  back,
}: {
  letter: Letter;
  csrf: string | null;
  title: string;
  message: string;
  back: string;
}) {
  const w = useAdminWords().confirmOnRequest;
  return (
    <AdminLayout title={title} csrf={csrf}>
      <p>
        <a href={back}>{w.back(letter.title)}</a>
      </p>
      <h1>{title}</h1>
      <p>{message}</p>
    </AdminLayout>
  );
}
