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
import type { SessionEnding } from "../../domain/organizer-session";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import type { AdminMessages } from "../../domain/i18n";
import { countryName, isCountryCode } from "../../domain/countries";
import { timeZoneOptions } from "../../domain/time-zones";

/**
 * Why the kept fields are shown to be sent again: "resumed", the person signed in again after
 * their session ended; "stale", the form carries the token of an earlier session (they signed in
 * again since, in another tab or on another device, or Access renewed its session); "missing", it
 * carries none (a copy of the page, or something in the browser removed the field): nobody
 * signed out then.
 */
export type KeptReason = "resumed" | "stale" | "missing";

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

function shownValue(value: string): string {
  return value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value;
}

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

/** Yes/no fields of the area's forms, sent as a checked box's value. */
const CHECKBOXES = new Set(["public", "hide_name", "review_organizations", "include_email", "rotate_secret"]);

/**
 * A kept field's value as its form shows it, in the organizer's language: a choice by its label
 * ("Owner", "Spanish", "On paper", "Honduras time"), a ticked box as "yes"; typed text, and any
 * value no label names, as it was sent.
 */
function valueLabel(t: AdminMessages, name: string, value: string): string {
  const from = (labels: Record<string, string | undefined>) =>
    Object.hasOwn(labels, value) ? labels[value] : undefined;
  const mapping = /^column-\d+$/.test(name) ? from(t.imports.fields) : undefined;
  const labelled: Record<string, () => string | undefined> = {
    role: () => from(t.roles.names),
    language: () => (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value) ? t.languageName(value) : undefined),
    kind: () => from({ ...t.imports.kinds, ...t.imports.kindNames }),
    mode: () => from(t.imports.modes),
    received: () => from(t.signatures.manual.receivedBy),
    country: () => (isCountryCode(value) ? countryName(value, t.locale) : undefined),
    closes_time_zone: () => timeZoneOptions(t.locale).find((option) => option.zone === value)?.label,
    time_zone: () => timeZoneOptions(t.locale).find((option) => option.zone === value)?.label,
    confirm_signatures: () =>
      from({ default: t.editor.confirmDefault, yes: t.editor.confirmYes, no: t.editor.confirmNo }),
    change: () =>
      from({
        publish: t.stage.publish,
        close: t.stage.close,
        reopen: t.stage.reopen,
        unpublish: t.stage.unpublish,
        deliver: t.stage.markDelivered,
      }),
    action: () => from(t.signatures.actions),
  };
  const label = mapping ?? labelled[name]?.() ?? (CHECKBOXES.has(name) && value !== "" ? t.activity.yes : undefined);
  return label ?? value;
}

/** The 401 answer to a form sent without a live session. */
export function SessionEndedPage({
  action,
  fields,
  multipart,
  droppedFiles,
  why = null,
}: KeptFormProps & { why?: SessionEnding | null }) {
  const t = useAdminWords();
  const w = t.kept;
  return (
    <AdminLayout title={w.endedTitle}>
      <h1>{w.endedHeading}</h1>
      {why && <p>{t.login.sessionEnded[why]}</p>}
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

/**
 * The kept fields, shown, with the session's CSRF token and the button that sends them: once signed
 * in again ("resumed"), or for a form whose token was an earlier session's or missing (`reason`).
 */
export function ResumePage({
  action,
  fields,
  multipart,
  droppedFiles,
  csrf,
  reason = "resumed",
}: KeptFormProps & { csrf: string | null; reason?: KeptReason }) {
  const t = useAdminWords();
  const w = t.kept;
  const shown = fields.filter(([, value]) => value.trim() !== "");
  const words = {
    resumed: [w.resumeHeading, w.resumeText],
    stale: [w.staleHeading, w.staleText],
    missing: [w.missingHeading, w.missingText],
  }[reason];
  return (
    <AdminLayout title={w.resumeTitle} csrf={csrf}>
      <h1>{words[0]}</h1>
      <p>{words[1]}</p>
      <FilesNote droppedFiles={droppedFiles} />
      {shown.length > 0 && (
        <details>
          <summary>{w.whatWillBeSent}</summary>
          <dl class="kept-fields">
            {shown.map(([name, value]) => (
              <>
                <dt>{fieldLabel(t, action, name)}</dt>
                <dd>{shownValue(valueLabel(t, name, value))}</dd>
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
