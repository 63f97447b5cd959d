/**
 * Confirming a signature that waits for its email, on its signer's request:
 * who it is, what confirming does, and the reason (required; it goes to the
 * activity log). Works without JavaScript; a refused reason draws the page
 * again with the summary focused.
 */
import type { Letter } from "../../domain/letter";
import { REASON_MAX_LENGTH, type SignatureFilter } from "../../domain/signature-filter";
import type { StoredSignature } from "../../storage/signatures";
import { formatDateTime } from "../format";
import { AdminLayout, CsrfField } from "./admin-layout";
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
  const errors = { reason: error };
  return (
    <AdminLayout title={`Confirm ${signature.name} for the signer`} csrf={csrf} error={Boolean(error)}>
      <p>
        <a href={back}>← Signatures of “{letter.title}”</a>
      </p>
      {/* Focus starts on the question, unless a refused reason's summary takes it. */}
      <h1 tabindex={-1} autofocus={!error}>
        Confirm “{signature.name}” for the signer?
      </h1>
      <ErrorSummary errors={errors} labels={{ reason: "Reason" }} />
      <p>
        {signature.kind === "organization" ? "An organization" : "A person"}, signed{" "}
        <time datetime={signature.createdAt}>{formatDateTime(signature.createdAt)}</time>
        {signature.email ? `, with ${signature.email}` : ""}. It is waiting for its email confirmation.
      </p>
      <ul class="consequences">
        <li>
          {to === "confirmed"
            ? "It counts at once, and shows on the public page (unless its signer asked not to be listed)."
            : "It waits for an organizer's approval, as organizations' signatures do on this letter."}
        </li>
        <li>Do this only when the signer asked you to, and you know it is them: nothing proves the email address.</li>
        <li>Your reason is kept in the activity log, for the owners.</li>
      </ul>
      <form method="post" action={`/admin/letters/${letter.slug}/signatures/${signature.ref}/confirm`} novalidate>
        <CsrfField token={csrf} />
        <FilterFields filter={filter} />
        <Field
          name="reason"
          label="Reason"
          hint={`How the signer asked, and when. At most ${REASON_MAX_LENGTH} characters; organizers only.`}
          error={error}
        >
          {(attributes) => (
            <textarea {...attributes} rows={3} maxlength={REASON_MAX_LENGTH} required>
              {reason ?? ""}
            </textarea>
          )}
        </Field>
        <div class="actions">
          <button type="submit">Confirm the signature</button>
          <a href={back}>No, go back</a>
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
  return (
    <AdminLayout title={title} csrf={csrf}>
      <p>
        <a href={back}>← Signatures of “{letter.title}”</a>
      </p>
      <h1>{title}</h1>
      <p>{message}</p>
    </AdminLayout>
  );
}
