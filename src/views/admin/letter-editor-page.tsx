/**
 * The letter editor: the letter's text and settings beside a preview of its
 * public page, its stage (draft, open, closed, delivered) with the changes
 * that apply, its shareable draft preview link, and its text history.
 * Works without JavaScript (the Preview button draws the preview frame); the
 * editor script only presses that button for you as you type.
 */
import { useAdminWords } from "./admin-words";
import { Can, usePermission } from "./can";
import { canChangeState, letterState, wasPublished, type LetterState, type StateChange } from "../../domain/letter";
import type { EditableLetter } from "../../storage/letters";
import type { LetterRevision } from "../../storage/letter-revisions";
import {
  DELIVERY_NOTE_MAX_LENGTH,
  deliveryNoteField,
  letterLanguageOptions,
  type DeliveryErrors,
  type DeliveryField,
  type DeliveryValues,
  type LetterFormErrors,
  type LetterFormValues,
} from "../../domain/letter-form";
import { languageName, LOCALES } from "../../domain/i18n";
import { DEFAULT_TIME_ZONE, timeZoneOptions, wallClockTime } from "../../domain/time-zones";
import { formatDate, formatMoment, formatNumber, INTERFACE_LOCALE } from "../format";
import { STYLESHEET_PATH } from "../styles";
import { AdminLayout, CsrfField } from "./admin-layout";
import { StateBadge } from "./dashboard-page";
import { ExportLinks } from "./export-links";
import { ErrorSummary, Field, hasErrors } from "./form-fields";
import { EDITOR_SCRIPT_PATH } from "./editor-script";
import { NotificationsSection, type NotificationsProps } from "./notifications-section";

export const PREVIEW_FRAME = "letter-preview";

const LABELS: Record<string, string> = {
  title: "Title",
  slug: "Address",
  date: "Date the letter bears",
  language: "Language",
  addressee: "Addressee",
  summary: "Summary",
  body: "Text of the letter",
  confirm_signatures: "Email confirmation",
  review_organizations: "Organizations' signatures",
  closes_at: "Signing closes",
  closes_time_zone: "Time zone of the closing time",
};

/** The delivery form's notes: one in the letter's original language, then one per translation. */
function deliveryNotesOf(letter: EditableLetter) {
  const original = letter.languages[0] ?? letter.language;
  return [
    { language: original, name: "delivery_note" as DeliveryField, stored: letter.deliveryNote },
    ...letter.languages.slice(1).map((language) => ({
      language,
      name: deliveryNoteField(language),
      stored: letter.translatedDeliveryNotes[language] ?? null,
    })),
  ];
}

/** The delivery form's labels, for its fields and its summary of problems. */
function deliveryLabels(letter: EditableLetter): Record<string, string> {
  return {
    delivered_on: "Delivered on",
    ...Object.fromEntries(
      deliveryNotesOf(letter).map(({ language, name }) => [name, `Public note in ${languageName(language)}`]),
    ),
  };
}

export interface LetterEditorProps {
  csrf: string | null;
  /** The stored letter; null for a new one. */
  letter: EditableLetter | null;
  values: LetterFormValues;
  errors: LetterFormErrors;
  /** Other problems (a slug already taken…), shown in the summary. */
  flash?: string | null;
  revisions?: readonly LetterRevision[];
  /** Absolute address of the draft's shareable preview. */
  previewLink?: string | null;
  /** Absolute address of the public page. */
  publicLink?: string | null;
  now: Date;
  /** The letter's notifications section (existing letters only). */
  notifications?: Omit<NotificationsProps, "slug" | "csrf">;
  /** The delivery form as sent, with its problems, when it was refused. */
  deliveryForm?: { values: DeliveryValues; errors: DeliveryErrors };
}

/** What the preview frame shows while the form can't make a letter yet. */
export function PreviewProblems({ problems }: { problems: readonly string[] }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Preview</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body>
        <main>
          <h1>Nothing to preview yet</h1>
          <ul>
            {problems.map((problem) => (
              <li>{problem}</li>
            ))}
          </ul>
        </main>
      </body>
    </html>
  );
}

/** The letter's languages: each interface language but its own, with a link to write or edit that translation. */
function TranslationsSection({ letter }: { letter: EditableLetter }) {
  return (
    <section aria-labelledby="translations-title">
      <h2 id="translations-title">Translations</h2>
      <p class="hint">
        Each translation has its own title and text; signatures are counted once, in whatever language they were made.
        This letter is written in {languageName(letter.language)}.
      </p>
      <ul>
        {LOCALES.filter((code) => code !== letter.language).map((code) => (
          <li>
            {letter.languages.includes(code) ? (
              <>
                <a href={`/admin/letters/${letter.slug}/translations/${code}`}>
                  Edit the translation into {languageName(code)}
                </a>
                {letter.status !== "draft" && (
                  <>
                    {" "}
                    · <a href={`/letters/${letter.slug}?lang=${code}`}>its public page</a>
                  </>
                )}
              </>
            ) : (
              <a href={`/admin/letters/${letter.slug}/translations/${code}`}>Translate into {languageName(code)}</a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const STATE_WORDS: Record<LetterState, string> = {
  draft: "Draft: only organizers, and people you give the preview link to, can see it.",
  open: "Open: published and taking signatures.",
  closed: "Closed: published; signing has ended.",
  delivered: "Delivered: published, closed, with its delivery note.",
};

/** The letter's language, chosen by name (in the area's language); the value sent is its BCP 47 tag. */
function LanguageSelect({ attributes, value }: { attributes: Record<string, string | undefined>; value: string }) {
  const options = letterLanguageOptions(INTERFACE_LOCALE, value || undefined);
  const option = ({ tag, name }: { tag: string; name: string }) => (
    <option value={tag} selected={value === tag}>
      {name}
    </option>
  );
  return (
    <select {...attributes} required>
      {!value && <option value="">Choose a language</option>}
      <optgroup label="Public pages entirely in this language">{options.interface.map(option)}</optgroup>
      <optgroup label="Other languages">{options.other.map(option)}</optgroup>
    </select>
  );
}

/** The delivery form's note fields: one in the original language, one per translation, each marked with its language. */
function DeliveryNotes({
  letter,
  values,
  errors,
}: {
  letter: EditableLetter;
  values: DeliveryValues;
  errors: DeliveryErrors;
}) {
  const original = letter.languages[0] ?? letter.language;
  const labels = deliveryLabels(letter);
  return (
    <>
      {deliveryNotesOf(letter).map(({ language, name, stored }) => (
        <Field
          name={name}
          label={`${labels[name]} (optional)`}
          hint={
            name === "delivery_note"
              ? "For example: Delivered to the OAS on 20 December 2017."
              : `Shown on the page in ${languageName(language)}; left empty, that page shows the note in ${languageName(original)}.`
          }
          error={errors[name]}
        >
          {(attributes) => (
            <input
              type="text"
              {...attributes}
              lang={language}
              maxlength={DELIVERY_NOTE_MAX_LENGTH}
              value={values[name] ?? stored ?? ""}
            />
          )}
        </Field>
      ))}
    </>
  );
}

function StateChanges({
  letter,
  csrf,
  now,
  deliveryForm,
}: {
  letter: EditableLetter;
  csrf: string | null;
  now: Date;
  deliveryForm?: { values: DeliveryValues; errors: DeliveryErrors };
}) {
  const today = wallClockTime(now.toISOString(), letter.closesTimeZone).slice(0, 10);
  const deliveryValues = deliveryForm?.values ?? {};
  const deliveryErrors = deliveryForm?.errors ?? {};
  const state = letterState(letter, now);
  const action = `/admin/letters/${letter.slug}/state`;
  // Stage changes are editors' (and owners'): other roles see the stage only.
  const mayEdit = usePermission("edit-letters");
  const can = (change: StateChange) =>
    mayEdit && canChangeState(change, state, letter.counts.total + letter.pendingCount);
  const button = (change: StateChange, label: string, className = "") =>
    can(change) && (
      <form method="post" action={action} class="inline-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="change" value={change} />
        <button type="submit" class={className || undefined}>
          {label}
        </button>
      </form>
    );
  return (
    <section aria-labelledby="stage-title">
      <h2 id="stage-title">Stage</h2>
      <p>
        <StateBadge letter={letter} now={now} /> {STATE_WORDS[state]}
      </p>
      {letter.closesAt && state === "open" && (
        <p>Signing closes on {formatMoment(letter.closesAt, letter.closesTimeZone)}.</p>
      )}
      {state === "delivered" && letter.deliveredOn && (
        <p>
          Delivered on {formatDate(letter.deliveredOn)}
          {letter.deliveryNote ? `: “${letter.deliveryNote}”` : "."}
        </p>
      )}
      <div class="actions">
        {button("publish", "Publish: open for signatures")}
        {button("close", "Close signing now", "button-secondary")}
        {button("reopen", "Reopen for signatures", "button-secondary")}
        {button("unpublish", "Back to draft", "button-secondary")}
      </div>
      {can("deliver") && (
        <form method="post" action={`${action}#delivery`} id="delivery" novalidate>
          <CsrfField token={csrf} />
          <input type="hidden" name="change" value="deliver" />
          <ErrorSummary errors={deliveryErrors} labels={deliveryLabels(letter)} />
          <fieldset>
            <legend>
              <h3>{state === "delivered" ? "Correct the delivery" : "Mark as delivered"}</h3>
            </legend>
            <p class="hint">Delivering closes signing. Each note is shown on the public page in its language.</p>
            <Field
              name="delivered_on"
              label={deliveryLabels(letter).delivered_on!}
              hint={`Today (${formatDate(today)}) or earlier.`}
              error={deliveryErrors.delivered_on}
            >
              {(attributes) => (
                <input
                  type="date"
                  {...attributes}
                  required
                  max={today}
                  value={deliveryValues.delivered_on ?? letter.deliveredOn ?? today}
                />
              )}
            </Field>
            <DeliveryNotes letter={letter} values={deliveryValues} errors={deliveryErrors} />
            <button type="submit">{state === "delivered" ? "Save the delivery" : "Mark as delivered"}</button>
          </fieldset>
        </form>
      )}
      {mayEdit && state === "draft" && letter.counts.total + letter.pendingCount === 0 && !wasPublished(letter) && (
        <form method="post" action={`/admin/letters/${letter.slug}/delete`} class="danger-zone">
          <CsrfField token={csrf} />
          <h3>Delete this draft</h3>
          <p>The draft and its history are deleted for good.</p>
          <button type="submit" class="button-danger">
            Delete the draft
          </button>
        </form>
      )}
    </section>
  );
}

export function LetterEditorPage({
  csrf,
  letter,
  values,
  errors,
  flash,
  revisions = [],
  previewLink,
  publicLink,
  now,
  notifications,
  deliveryForm,
}: LetterEditorProps) {
  const isNew = letter === null;
  const action = isNew ? "/admin/letters" : `/admin/letters/${letter.slug}`;
  const published = letter !== null && wasPublished(letter);
  // Other roles read the letter (its preview, stage and history) without the form that changes it.
  const mayEdit = usePermission("edit-letters");
  return (
    <AdminLayout
      title={isNew ? "New letter" : `Edit: ${letter.title}`}
      csrf={csrf}
      scripts={[EDITOR_SCRIPT_PATH]}
      error={hasErrors(errors) || hasErrors(notifications?.errors ?? {})}
    >
      <h1>{isNew ? "New letter" : letter.title}</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      {letter && (
        <p class="actions">
          {publicLink && <a href={publicLink}>Public page</a>}
          <Can
            permission="moderate"
            otherwise={useAdminWords().roles.signatureCounts(
              formatNumber(letter.counts.total),
              formatNumber(letter.pendingCount),
            )}
          >
            <a href={`/admin/letters/${letter.slug}/signatures`}>
              Signatures ({formatNumber(letter.counts.total)} counted, {formatNumber(letter.pendingCount)} waiting)
            </a>
          </Can>
        </p>
      )}
      {letter?.managedBy === "file" && (
        <p class="notice">
          This letter comes from <code>content/{letter.slug}.md</code>. Saving it here (or changing its stage) takes it
          over: from then on the organizer area's version is the letter, and loading the files leaves it alone.
        </p>
      )}
      <ErrorSummary errors={errors} labels={LABELS} />
      {!mayEdit && (
        <p class="notice" id="read-only">
          {useAdminWords().roles.readOnlyLetter}
        </p>
      )}
      <div class="editor">
        {mayEdit && (
          <form method="post" action={action} id="letter-form" novalidate>
            <CsrfField token={csrf} />
            <Field name="title" label={LABELS.title!} error={errors.title}>
              {(attributes) => (
                <input type="text" {...attributes} required maxlength={200} value={values.title ?? ""} />
              )}
            </Field>
            <Field
              name="slug"
              label={LABELS.slug!}
              hint={
                published
                  ? "The address can't change once the letter has been published: links to it and its record's checkpoints name it."
                  : "Lower-case words joined by hyphens: the letter will be at /letters/your-address. Left empty, it is made from the title. It can change until the letter is published."
              }
              error={errors.slug}
            >
              {(attributes) => (
                <input
                  type="text"
                  {...attributes}
                  maxlength={100}
                  readonly={published}
                  autocapitalize="none"
                  spellcheck={false}
                  value={values.slug ?? ""}
                />
              )}
            </Field>
            <Field name="date" label={LABELS.date!} error={errors.date}>
              {(attributes) => <input type="date" {...attributes} required value={values.date ?? ""} />}
            </Field>
            <Field
              name="language"
              label={LABELS.language!}
              hint="The language this text is written in. Public pages are entirely in it for the first four; in the others, the buttons and labels around the letter are in English."
              error={errors.language}
            >
              {(attributes) => <LanguageSelect attributes={attributes} value={values.language ?? ""} />}
            </Field>
            <Field
              name="addressee"
              label={LABELS.addressee!}
              hint="One line per line of the address, as it should be printed."
              error={errors.addressee}
            >
              {(attributes) => (
                <textarea {...attributes} rows={5} required>
                  {values.addressee ?? ""}
                </textarea>
              )}
            </Field>
            <Field
              name="body"
              label={LABELS.body!}
              hint={
                <>
                  Markdown: a blank line between paragraphs, <code>**bold**</code>, <code>*italic*</code>,{" "}
                  <code>[a link](https://…)</code>, <code>## A heading</code>.
                </>
              }
              error={errors.body}
            >
              {(attributes) => (
                <textarea {...attributes} rows={18} required>
                  {values.body ?? ""}
                </textarea>
              )}
            </Field>
            <Field
              name="summary"
              label={LABELS.summary!}
              hint="For search engines and link previews, at most 300 characters. Left empty, the first paragraph is used."
              error={errors.summary}
            >
              {(attributes) => (
                <textarea {...attributes} rows={3} maxlength={300}>
                  {values.summary ?? ""}
                </textarea>
              )}
            </Field>
            <Field
              name="confirm_signatures"
              label={LABELS.confirm_signatures!}
              hint="Confirmed signatures count only once the signer clicks the link we email."
              error={errors.confirm_signatures}
            >
              {(attributes) => (
                <select {...attributes}>
                  {[
                    ["default", "Confirm by email when a mailer is set up (default)"],
                    ["yes", "Always confirm by email"],
                    ["no", "Count signatures at once"],
                  ].map(([value, label]) => (
                    <option value={value} selected={(values.confirm_signatures ?? "default") === value}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset>
              <legend class="visually-hidden">{LABELS.review_organizations}</legend>
              <div class="choice">
                <input
                  type="checkbox"
                  id="field-review-organizations"
                  name="review_organizations"
                  value="1"
                  checked={Boolean(values.review_organizations)}
                />
                <label for="field-review-organizations">
                  Organizations' signatures wait for an organizer's approval before they count
                </label>
              </div>
            </fieldset>
            <fieldset class="closing-time">
              <legend>{LABELS.closes_at} (optional)</legend>
              <Field
                name="closes_at"
                label="Date and time"
                hint="As the clocks read in the time zone below. Signing stops then by itself; the public page shows it with its zone."
                error={errors.closes_at}
              >
                {(attributes) => <input type="datetime-local" {...attributes} value={values.closes_at ?? ""} />}
              </Field>
              <Field
                name="closes_time_zone"
                label={LABELS.closes_time_zone!}
                hint="Listed by country, then city."
                error={errors.closes_time_zone}
              >
                {(attributes) => (
                  <select {...attributes}>
                    {timeZoneOptions(INTERFACE_LOCALE).map(({ zone, label }) => (
                      <option value={zone} selected={(values.closes_time_zone || DEFAULT_TIME_ZONE) === zone}>
                        {label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </fieldset>
            <div class="actions">
              <button type="submit">{isNew ? "Create the draft" : "Save"}</button>
              <button
                type="submit"
                id="preview-button"
                class="button-secondary"
                formaction="/admin/letters/preview"
                formtarget={PREVIEW_FRAME}
                formnovalidate
              >
                Preview
              </button>
            </div>
            {published && (letter?.counts.total ?? 0) > 0 && (
              <p class="hint">
                People have signed this letter: saving a change to its text shows “Updated on …” on the public page, and
                every version stays in its history.
              </p>
            )}
          </form>
        )}
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          <p class="hint">
            The public page as it will look. Press Preview to see your changes (it follows your typing when JavaScript
            is on).
          </p>
          <iframe
            name={PREVIEW_FRAME}
            title="Preview of the public page"
            src={letter ? `/admin/letters/${letter.slug}/preview` : "about:blank"}
          ></iframe>
        </section>
      </div>
      {letter && <StateChanges letter={letter} csrf={csrf} now={now} deliveryForm={deliveryForm} />}
      {letter && <ExportLinks slug={letter.slug} />}
      {mayEdit && letter && previewLink && letter.status === "draft" && (
        <section aria-labelledby="share-preview-title">
          <h2 id="share-preview-title">Share the draft</h2>
          <p>
            Anyone with this link can read the draft (it is not listed anywhere, and search engines are told to skip
            it):
          </p>
          <Field name="preview_link" label="Preview link">
            {(attributes) => <input type="url" {...attributes} readonly value={previewLink} />}
          </Field>
        </section>
      )}
      {mayEdit && letter && <TranslationsSection letter={letter} />}
      {letter && notifications && (
        <Can permission="administer">
          <NotificationsSection slug={letter.slug} csrf={csrf} {...notifications} />
        </Can>
      )}
      {letter && revisions.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">History of the text</h2>
          <ol class="history" reversed>
            {revisions.map((revision, index) => (
              <li>
                <a href={`/admin/letters/${letter.slug}/revisions/${revision.id}`}>
                  <time datetime={revision.createdAt}>
                    {formatDate(revision.createdAt)} {revision.createdAt.slice(11, 16)} UTC
                  </time>
                </a>
                {index === 0 ? " (current)" : ""} ·{" "}
                {revision.published ? `published, ${formatNumber(revision.signatureCount)} signatures then` : "draft"}
              </li>
            ))}
          </ol>
        </section>
      )}
    </AdminLayout>
  );
}
