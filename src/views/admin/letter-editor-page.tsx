/**
 * The letter editor: the letter's text and settings beside a preview of its
 * public page, its stage (draft, open, closed, delivered) with the changes
 * that apply, its shareable draft preview link, and its text history.
 * Works without JavaScript (the Preview button draws the preview frame); the
 * editor script only presses that button for you as you type.
 */
import { Can, usePermission } from "./can";
import { addressLock, canChangeState, letterState, wasPublished, type StateChange } from "../../domain/letter";
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
import { LOCALES, type AdminMessages } from "../../domain/i18n";
import { adminPaths } from "../../domain/paths";
import { DEFAULT_TIME_ZONE, timeZonePlace, wallClockTime } from "../../domain/time-zones";
import { STYLESHEET_PATH } from "../styles";
import { AdminLayout, CsrfField } from "./admin-layout";
import { CopyButton } from "./copy-button";
import { StateBadge } from "./dashboard-page";
import { ExportLinks } from "./export-links";
import { useAdminWords } from "./admin-words";
import { Time, TimeZoneOptions } from "./time";
import { ErrorSummary, Field, hasErrors, WithCode } from "./form-fields";
import { EDITOR_SCRIPT_PATH } from "./editor-script";
import { COPY_SCRIPT_PATH } from "./copy-script";
import { NotificationsSection, type NotificationsProps } from "./notifications-section";

export const PREVIEW_FRAME = "letter-preview";

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
function deliveryLabels(letter: EditableLetter, t: AdminMessages): Record<string, string> {
  return {
    delivered_on: t.stage.deliveredOn,
    ...Object.fromEntries(
      deliveryNotesOf(letter).map(({ language, name }) => [name, t.stage.noteLabel(t.languageName(language))]),
    ),
  };
}

/** The letter form's fields in the order it draws them (its error summary's order). */
const LETTER_FORM_ORDER = [
  "title",
  "slug",
  "date",
  "language",
  "addressee",
  "body",
  "summary",
  "confirm_signatures",
  "review_organizations",
  "closes_at",
  "closes_time_zone",
] as const;

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
  /** The preview link was just made anew: said beside it (where the page comes back), not at the top. */
  previewLinkRenewed?: boolean;
  /** Absolute address of the public page. */
  publicLink?: string | null;
  now: Date;
  /** The letter's notifications section (existing letters only). */
  notifications?: Omit<NotificationsProps, "slug" | "timeZone" | "csrf">;
  /** The delivery form as sent, with its problems, when it was refused. */
  deliveryForm?: { values: DeliveryValues; errors: DeliveryErrors };
}

/** What the preview frame shows while the form can't make a letter yet. */
export function PreviewProblems({ problems }: { problems: readonly string[] }) {
  const t = useAdminWords();
  return (
    <html lang={t.locale}>
      <head>
        <meta charset="utf-8" />
        <title>{t.editor.preview}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body>
        <main>
          <h1>{t.editor.nothingToPreview}</h1>
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
  const t = useAdminWords();
  const w = t.translations;
  return (
    <section aria-labelledby="translations-title">
      <h2 id="translations-title">{w.title}</h2>
      <p class="hint">{w.hint(t.languageName(letter.language))}</p>
      <ul>
        {LOCALES.filter((code) => code !== letter.language).map((code) => (
          <li>
            {letter.languages.includes(code) ? (
              <>
                <a href={`/admin/letters/${letter.slug}/translations/${code}`}>{w.edit(t.languageName(code))}</a>
                {letter.status !== "draft" && (
                  <>
                    {" "}
                    · <a href={`/letters/${letter.slug}?lang=${code}`}>{w.itsPublicPage}</a>
                  </>
                )}
              </>
            ) : (
              <a href={`/admin/letters/${letter.slug}/translations/${code}`}>{w.translate(t.languageName(code))}</a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The letter's language, chosen by name (in the area's language); the value sent is its BCP 47 tag. */
function LanguageSelect({ attributes, value }: { attributes: Record<string, string | undefined>; value: string }) {
  const t = useAdminWords();
  const options = letterLanguageOptions(t.locale, value || undefined);
  const option = ({ tag, name }: { tag: string; name: string }) => (
    <option value={tag} selected={value === tag}>
      {name}
    </option>
  );
  return (
    <select {...attributes} required>
      {/* Always first (the HTML standard's "placeholder label option" of a required select), chosen or not. */}
      <option value="" selected={!value}>
        {t.editor.chooseLanguage}
      </option>
      <optgroup label={t.editor.interfaceLanguages}>{options.interface.map(option)}</optgroup>
      <optgroup label={t.editor.otherLanguages}>{options.other.map(option)}</optgroup>
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
  const t = useAdminWords();
  const original = letter.languages[0] ?? letter.language;
  const labels = deliveryLabels(letter, t);
  return (
    <>
      {deliveryNotesOf(letter).map(({ language, name, stored }) => (
        <Field
          name={name}
          label={t.editor.optional(labels[name]!)}
          hint={
            name === "delivery_note"
              ? t.stage.noteExample
              : t.stage.noteHint(t.languageName(language), t.languageName(original))
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
  const t = useAdminWords();
  const w = t.stage;
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
      <h2 id="stage-title">{w.title}</h2>
      <p>
        <StateBadge letter={letter} now={now} /> {w[state]}
      </p>
      {letter.closesAt && state === "open" && (
        <p>
          {w.closesOn}{" "}
          <time datetime={letter.closesAt}>{t.time(letter.closesAt, letter.closesTimeZone, { deadline: true })}</time>.
        </p>
      )}
      {state === "delivered" && letter.deliveredOn && (
        <p>
          {w.deliveredOn} <time datetime={letter.deliveredOn}>{t.date(letter.deliveredOn)}</time>
          {letter.deliveryNote ? (
            <>
              : “<span lang={letter.languages[0] ?? letter.language}>{letter.deliveryNote}</span>”
            </>
          ) : (
            "."
          )}
        </p>
      )}
      <div class="actions">
        {button("publish", w.publish)}
        {button("close", w.close, "button-secondary")}
        {button("reopen", w.reopen, "button-secondary")}
        {button("unpublish", w.unpublish, "button-secondary")}
      </div>
      {/* No #fragment in the delivery form's action: a page opened at a fragment skips autofocus, and its summary must take focus. */}
      {can("deliver") && (
        <form method="post" action={action} id="delivery" novalidate>
          <CsrfField token={csrf} />
          <input type="hidden" name="change" value="deliver" />
          <ErrorSummary errors={deliveryErrors} labels={deliveryLabels(letter, t)} id="delivery-errors" />
          <fieldset>
            <legend>
              <h3>{state === "delivered" ? w.correctDelivery : w.markDelivered}</h3>
            </legend>
            <p class="hint">{w.deliveryHint}</p>
            <Field
              name="delivered_on"
              label={w.deliveredOn}
              hint={w.deliveredOnHint(t.date(today), timeZonePlace(letter.closesTimeZone, t.locale))}
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
            <button type="submit">{state === "delivered" ? w.saveDelivery : w.markDelivered}</button>
          </fieldset>
        </form>
      )}
      {mayEdit && state === "draft" && letter.counts.total + letter.pendingCount === 0 && !wasPublished(letter) && (
        <form method="post" action={`/admin/letters/${letter.slug}/delete`} class="danger-zone">
          <CsrfField token={csrf} />
          <h3>{w.deleteTitle}</h3>
          <p>{w.deleteText}</p>
          <button type="submit" class="button-danger">
            {w.deleteButton}
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
  previewLinkRenewed = false,
  publicLink,
  now,
  notifications,
  deliveryForm,
}: LetterEditorProps) {
  const isNew = letter === null;
  const action = isNew ? "/admin/letters" : `/admin/letters/${letter.slug}`;
  // Why the address can't change any more, said as it is: published, or signatures added to a draft.
  const locked = letter === null ? null : addressLock(letter);
  const t = useAdminWords();
  const w = t.editor;
  const LABELS = w.labels;
  // Other roles read the letter (its preview, stage and history) without the form that changes it.
  const mayEdit = usePermission("edit-letters");
  // The history holds the translations' versions too: each then names its language.
  const manyLanguages = new Set(revisions.map((revision) => revision.language)).size > 1;
  // The letter's text fields are in its language (the one chosen, else the stored one): only they carry it, never labels or buttons.
  const chosen = values.language ?? "";
  const textLanguage = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(chosen) ? chosen : (letter?.language ?? undefined);
  return (
    <AdminLayout
      title={isNew ? w.newLetter : w.editTitle(letter.title)}
      csrf={csrf}
      // The preview link's Copy button has the new API token's script (views/admin/copy-script.ts).
      scripts={previewLink ? [EDITOR_SCRIPT_PATH, COPY_SCRIPT_PATH] : [EDITOR_SCRIPT_PATH]}
      error={hasErrors(errors) || hasErrors(notifications?.errors ?? {}) || hasErrors(deliveryForm?.errors ?? {})}
    >
      <h1>{isNew ? w.newLetter : letter.title}</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      {letter && (
        <p class="actions">
          {publicLink && <a href={publicLink}>{w.publicPage}</a>}
          <Can permission="moderate" otherwise={t.roles.signatureCounts(letter.counts.total, letter.pendingCount)}>
            <a href={`/admin/letters/${letter.slug}/signatures`}>
              {w.signaturesLink(letter.counts.total, letter.pendingCount)}
            </a>
          </Can>
          <Can permission="edit-letters">
            <a href={`/admin/letters/${letter.slug}/order`}>{t.signatures.setOrder}</a>
          </Can>
        </p>
      )}
      {/* How saving takes a letter over from its file: for those who can save it. */}
      {mayEdit && letter?.managedBy === "file" && (
        <p class="notice">
          <WithCode text={w.fromFile(`content/${letter.slug}.md`)} />
        </p>
      )}
      <ErrorSummary errors={errors} labels={LABELS} order={LETTER_FORM_ORDER} />
      {!mayEdit && (
        <p class="notice" id="read-only">
          {useAdminWords().roles.readOnlyLetter}
        </p>
      )}
      <div class="editor">
        {mayEdit && (
          <form method="post" action={action} id="letter-form" novalidate>
            <CsrfField token={csrf} />
            <Field name="title" label={LABELS.title} error={errors.title}>
              {(attributes) => (
                <input
                  type="text"
                  {...attributes}
                  lang={textLanguage}
                  required
                  maxlength={200}
                  value={values.title ?? ""}
                />
              )}
            </Field>
            <Field
              name="slug"
              label={LABELS.slug}
              hint={locked === "published" ? w.slugFixed : locked === "signed" ? w.slugFixedSigned : w.slugHint}
              error={errors.slug}
            >
              {(attributes) => (
                <input
                  type="text"
                  {...attributes}
                  maxlength={100}
                  readonly={locked !== null}
                  autocapitalize="none"
                  spellcheck={false}
                  value={values.slug ?? ""}
                />
              )}
            </Field>
            <Field name="date" label={LABELS.date} error={errors.date}>
              {(attributes) => <input type="date" {...attributes} required value={values.date ?? ""} />}
            </Field>
            <Field name="language" label={LABELS.language} hint={w.languageHint} error={errors.language}>
              {(attributes) => <LanguageSelect attributes={attributes} value={values.language ?? ""} />}
            </Field>
            <Field name="addressee" label={LABELS.addressee} hint={w.addresseeHint} error={errors.addressee}>
              {(attributes) => (
                <textarea {...attributes} lang={textLanguage} rows={5} required>
                  {values.addressee ?? ""}
                </textarea>
              )}
            </Field>
            <Field name="body" label={LABELS.body} hint={<WithCode text={w.bodyHint} />} error={errors.body}>
              {(attributes) => (
                <textarea {...attributes} lang={textLanguage} rows={18} required>
                  {values.body ?? ""}
                </textarea>
              )}
            </Field>
            <Field name="summary" label={LABELS.summary} hint={w.summaryHint} error={errors.summary}>
              {(attributes) => (
                <textarea {...attributes} lang={textLanguage} rows={3} maxlength={300}>
                  {values.summary ?? ""}
                </textarea>
              )}
            </Field>
            <Field
              name="confirm_signatures"
              label={LABELS.confirm_signatures}
              hint={w.confirmHint}
              error={errors.confirm_signatures}
            >
              {(attributes) => (
                <select {...attributes}>
                  {[
                    ["default", w.confirmDefault],
                    ["yes", w.confirmYes],
                    ["no", w.confirmNo],
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
                <label for="field-review-organizations">{w.reviewOrganizations}</label>
              </div>
            </fieldset>
            <fieldset class="closing-time">
              <legend>{w.optional(LABELS.closes_at)}</legend>
              <Field name="closes_at" label={w.closesAtLabel} hint={w.closesAtHint} error={errors.closes_at}>
                {(attributes) => <input type="datetime-local" {...attributes} value={values.closes_at ?? ""} />}
              </Field>
              <Field
                name="closes_time_zone"
                label={LABELS.closes_time_zone}
                hint={w.timeZoneHint}
                error={errors.closes_time_zone}
              >
                {(attributes) => (
                  <select {...attributes}>
                    <TimeZoneOptions selected={values.closes_time_zone || DEFAULT_TIME_ZONE} />
                  </select>
                )}
              </Field>
            </fieldset>
            <div class="actions">
              <button type="submit">{isNew ? w.create : w.save}</button>
              <button
                type="submit"
                id="preview-button"
                class="button-secondary"
                formaction="/admin/letters/preview"
                formtarget={PREVIEW_FRAME}
                formnovalidate
              >
                {w.preview}
              </button>
            </div>
            {locked === "published" && (letter?.counts.total ?? 0) > 0 && <p class="hint">{w.signedHint}</p>}
          </form>
        )}
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{w.preview}</h2>
          <p class="hint">{mayEdit ? w.previewHint : w.previewReadHint}</p>
          <iframe
            name={PREVIEW_FRAME}
            title={w.previewFrame}
            src={letter ? `/admin/letters/${letter.slug}/preview` : "about:blank"}
          ></iframe>
        </section>
      </div>
      {letter && <StateChanges letter={letter} csrf={csrf} now={now} deliveryForm={deliveryForm} />}
      {letter && <ExportLinks slug={letter.slug} />}
      {mayEdit && letter && previewLink && letter.status === "draft" && (
        <section aria-labelledby="share-preview-title">
          <h2 id="share-preview-title">{w.shareTitle}</h2>
          {previewLinkRenewed && (
            <p class="flash" role="status">
              {t.done.previewLink}
            </p>
          )}
          <p>{w.shareText}</p>
          <Field name="preview_link" label={w.previewLink}>
            {(attributes) => <input type="url" {...attributes} readonly value={previewLink} />}
          </Field>
          <CopyButton
            field="field-preview-link"
            status="preview-link-copied"
            label={w.copyPreviewLink}
            copied={w.previewLinkCopied}
            failed={w.previewLinkCopyFailed}
          />
          <form method="post" action={adminPaths.letterPreviewLink(letter.slug)}>
            <CsrfField token={csrf} />
            <p class="hint" id="new-preview-link-hint">
              {w.newPreviewLinkHint}
            </p>
            <button type="submit" class="button-secondary" aria-describedby="new-preview-link-hint">
              {w.newPreviewLink}
            </button>
          </form>
        </section>
      )}
      {mayEdit && letter && <TranslationsSection letter={letter} />}
      {letter && notifications && (
        <Can permission="administer">
          <NotificationsSection slug={letter.slug} timeZone={letter.closesTimeZone} csrf={csrf} {...notifications} />
        </Can>
      )}
      {letter && revisions.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{w.historyTitle}</h2>
          <ol class="history" reversed>
            {revisions.map((revision, index) => (
              <li>
                <a href={`/admin/letters/${letter.slug}/revisions/${revision.id}`}>
                  <Time iso={revision.createdAt} zone={letter.closesTimeZone} />
                </a>
                {/* Each language's newest version is its current text. */}
                {revisions.findIndex((newer) => newer.language === revision.language) === index ? w.current : ""} ·{" "}
                {manyLanguages && <>{w.revisionIn(t.languageName(revision.language))} · </>}
                {revision.publishedLaterAt
                  ? w.revisionPublishedLater(
                      t.time(revision.publishedLaterAt, letter.closesTimeZone),
                      revision.signatureCount,
                    )
                  : revision.published
                    ? w.revisionPublished(revision.signatureCount)
                    : w.revisionDraft}
              </li>
            ))}
          </ol>
        </section>
      )}
    </AdminLayout>
  );
}
