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
  if (droppedFiles === 0) return null;
  return (
    <p class="notice">
      A file you chose can't be kept by the browser: once this is sent, choose the file again on the page it leads to.
    </p>
  );
}

/** The 401 answer to a form sent without a live session. */
export function SessionEndedPage({ action, fields, multipart, droppedFiles }: KeptFormProps) {
  return (
    <AdminLayout title="Your session has ended">
      <h1>Your session has ended: what you typed is kept</h1>
      <p>Nothing was saved yet, and nothing is lost: what you sent is held on this page. Keep this tab open.</p>
      <ol>
        <li>
          <a href="/admin/login?next=%2Fadmin" target="_blank" rel="noopener">
            Log in again in a new tab
          </a>{" "}
          (or in another window).
        </li>
        <li>Come back to this tab and press “Send again”. You will see what will be sent before it is.</li>
      </ol>
      <FilesNote droppedFiles={droppedFiles} />
      <form method="post" action={action} enctype={multipart ? "multipart/form-data" : undefined}>
        <Hidden fields={fields} />
        <input type="hidden" name={RESUME_FIELD} value="1" />
        <button type="submit">Send again</button>
      </form>
    </AdminLayout>
  );
}

/** Signed in again: the kept fields, shown, with the session's CSRF token and the button that sends them. */
export function ResumePage({ action, fields, multipart, droppedFiles, csrf }: KeptFormProps & { csrf: string | null }) {
  const shown = fields.filter(([, value]) => value.trim() !== "");
  return (
    <AdminLayout title="Send what you typed" csrf={csrf}>
      <h1>You are logged in again</h1>
      <p>Press “Send” to send what you typed before your session ended, as you typed it.</p>
      <FilesNote droppedFiles={droppedFiles} />
      {shown.length > 0 && (
        <details>
          <summary>What will be sent</summary>
          <dl class="kept-fields">
            {shown.map(([name, value]) => (
              <>
                <dt>{name}</dt>
                <dd>{value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value}</dd>
              </>
            ))}
          </dl>
        </details>
      )}
      <form method="post" action={action} enctype={multipart ? "multipart/form-data" : undefined} class="actions">
        <CsrfField token={csrf} />
        <Hidden fields={fields} />
        <button type="submit">Send</button>
        <a href="/admin">Don't send it</a>
      </form>
    </AdminLayout>
  );
}
