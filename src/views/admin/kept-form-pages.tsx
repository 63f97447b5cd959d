/**
 * What a form sent after the organizer's session ended keeps (issue 15): the
 * text typed is never lost. The 401 page holds the posted text fields as
 * hidden inputs (never a file, never a secret: domain/organizer-forms.ts
 * keptFields), says the session ended, links to logging in in another tab,
 * and has "Send again", which posts them back to the same address marked as
 * a resume. Logged in again, that post answers the second page: the same
 * fields with the new session's CSRF token, and a button that sends them
 * (nothing acts before it: see http/authentication.ts organizerPages).
 * Both work without JavaScript.
 */
import { RESUME_FIELD } from "../../domain/organizer-forms";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import type { AdminMessages } from "../../domain/i18n";

export interface KeptFormProps {
  /** Where the form was posted (path and query): where it is sent again. */
  action: string;
  fields: readonly (readonly [string, string])[];
  /** The form was multipart (it had a file field): sent again the same way. */
  multipart: boolean;
  /** Files it carried, which can't be kept: the person chooses them again. */
  droppedFiles: number;
}

/** How much of each kept value the second page shows (characters): enough to recognize it. */
const SHOWN = 160;

function Hidden({ fields }: { fields: KeptFormProps["fields"] }) {
  return (
    <>
      {fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function FilesNote({ droppedFiles }: { droppedFiles: number }) {
  const t = useAdminWords();
  if (droppedFiles === 0) return null;
  return <p class="notice">{t.kept.filesNote}</p>;
}

/**
 * The label of a kept field as its form shows it, in the organizer's language: the letter editor's
 * (a letter or a translation), a signature entered by hand's, or another form's (kept.fields);
 * "Other field" for one no label names (never the field's name).
 */
function fieldLabel(t: AdminMessages, action: string, name: string): string {
  const path = action.split("?")[0]!;
  const labels: Record<string, string> = /^\/admin\/letters\/[^/]+\/signatures$/.test(path)
    ? t.signatures.manual.labels
    : path.startsWith("/admin/letters")
      ? t.editor.labels
      : {};
  return (
    (Object.hasOwn(labels, name) ? labels[name] : undefined) ??
    (Object.hasOwn(t.kept.fields, name) ? t.kept.fields[name] : undefined) ??
    t.kept.otherField
  );
}

/** The 401 answer to a form sent without a live session. */
export function SessionEndedPage({ action, fields, multipart, droppedFiles }: KeptFormProps) {
  const w = useAdminWords().kept;
  return (
    <AdminLayout title={w.endedTitle}>
      <h1>{w.endedHeading}</h1>
      <p>{w.endedText}</p>
      <ol>
        <li>
          <a href="/admin/login?next=%2Fadmin" target="_blank" rel="noopener">
            {w.logInAgain}
          </a>{" "}
          {w.orAnotherWindow}
        </li>
        <li>{w.comeBack}</li>
      </ol>
      <FilesNote droppedFiles={droppedFiles} />
      <form method="post" action={action} enctype={multipart ? "multipart/form-data" : undefined}>
        <Hidden fields={fields} />
        <input type="hidden" name={RESUME_FIELD} value="1" />
        <button type="submit">{w.sendAgain}</button>
      </form>
    </AdminLayout>
  );
}

/** Signed in again: the kept fields, shown, with the session's CSRF token and the button that sends them. */
export function ResumePage({ action, fields, multipart, droppedFiles, csrf }: KeptFormProps & { csrf: string | null }) {
  const t = useAdminWords();
  const w = t.kept;
  const shown = fields.filter(([, value]) => value.trim() !== "");
  return (
    <AdminLayout title={w.resumeTitle} csrf={csrf}>
      <h1>{w.resumeHeading}</h1>
      <p>{w.resumeText}</p>
      <FilesNote droppedFiles={droppedFiles} />
      {shown.length > 0 && (
        <details>
          <summary>{w.whatWillBeSent}</summary>
          <dl class="kept-fields">
            {shown.map(([name, value]) => (
              <>
                <dt>{fieldLabel(t, action, name)}</dt>
                <dd>{value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value}</dd>
              </>
            ))}
          </dl>
        </details>
      )}
      <form method="post" action={action} enctype={multipart ? "multipart/form-data" : undefined} class="actions">
        <CsrfField token={csrf} />
        <Hidden fields={fields} />
        <button type="submit">{w.send}</button>
        <a href="/admin">{w.dontSend}</a>
      </form>
    </AdminLayout>
  );
}
