/**
 * A letter's translation into one language: its own title, addressee,
 * summary and text beside the original (open, to translate from) and a preview
 * of the translated public page. Signatures are the letter's, in every language.
 */
import type { EditableLetter } from "../../storage/letters";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { EDITOR_SCRIPT_PATH } from "./editor-script";
import { ErrorSummary, Field, hasErrors } from "./form-fields";
import { PREVIEW_FRAME } from "./letter-editor-page";

export type TranslationField = "title" | "addressee" | "summary" | "body";

export interface TranslationEditorProps {
  csrf: string | null;
  letter: EditableLetter;
  language: string;
  exists: boolean;
  values: Partial<Record<TranslationField, string>>;
  errors: Partial<Record<TranslationField, string>>;
  flash?: string | null;
}

export function TranslationEditorPage({
  csrf,
  letter,
  language,
  exists,
  values,
  errors,
  flash,
}: TranslationEditorProps) {
  const t = useAdminWords();
  const w = t.translationEditor;
  const LABELS: Record<TranslationField, string> = t.editor.labels;
  const name = t.languageName(language);
  const base = `/admin/letters/${letter.slug}/translations/${language}`;
  return (
    <AdminLayout
      title={w.pageTitle(name, letter.title)}
      csrf={csrf}
      scripts={[EDITOR_SCRIPT_PATH]}
      error={hasErrors(errors)}
    >
      <p>
        <a href={`/admin/letters/${letter.slug}`}>← {letter.title}</a>
      </p>
      <h1>{exists ? w.existing(name) : w.new(name)}</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p class="hint">{w.hint(`/letters/${letter.slug}?lang=${language}`)}</p>
      <ErrorSummary errors={errors} labels={LABELS} order={["title", "addressee", "body", "summary"]} />
      <div class="editor translation-editor">
        {/* The original, open beside the fields on a wide screen (above them on a narrow one), to translate from. */}
        <details class="original" open>
          <summary>{w.original(t.languageName(letter.language))}</summary>
          {/* It scrolls when long: a region the keyboard can reach and scroll. */}
          <div
            lang={letter.language}
            class="original-text"
            tabindex={0}
            role="region"
            aria-label={w.original(t.languageName(letter.language))}
          >
            <p>
              <strong>{letter.title}</strong>
            </p>
            <pre class="mail-body">{letter.addressee}</pre>
            <pre class="mail-body">{letter.bodyMarkdown}</pre>
          </div>
        </details>
        <form method="post" action={base} id="letter-form" novalidate>
          <CsrfField token={csrf} />
          <Field name="title" label={LABELS.title} error={errors.title}>
            {(attributes) => (
              <input type="text" {...attributes} lang={language} required maxlength={200} value={values.title ?? ""} />
            )}
          </Field>
          <Field name="addressee" label={LABELS.addressee} hint={w.addresseeHint} error={errors.addressee}>
            {(attributes) => (
              <textarea {...attributes} lang={language} rows={5} required>
                {values.addressee ?? ""}
              </textarea>
            )}
          </Field>
          <Field name="body" label={LABELS.body} hint={w.bodyHint} error={errors.body}>
            {(attributes) => (
              <textarea {...attributes} lang={language} rows={18} required>
                {values.body ?? ""}
              </textarea>
            )}
          </Field>
          <Field name="summary" label={LABELS.summary} hint={w.summaryHint} error={errors.summary}>
            {(attributes) => (
              <textarea {...attributes} lang={language} rows={3} maxlength={300}>
                {values.summary ?? ""}
              </textarea>
            )}
          </Field>
          <div class="actions">
            <button type="submit">{w.save}</button>
            <button
              type="submit"
              id="preview-button"
              class="button-secondary"
              formaction={`${base}/preview`}
              formtarget={PREVIEW_FRAME}
              formnovalidate
            >
              {t.editor.preview}
            </button>
          </div>
        </form>
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t.editor.preview}</h2>
          <iframe name={PREVIEW_FRAME} title={w.previewFrame} src="about:blank"></iframe>
        </section>
      </div>
      {exists && (
        <form method="post" action={`${base}/delete`} class="danger-zone">
          <CsrfField token={csrf} />
          <h2>{w.deleteTitle}</h2>
          <p>{w.deleteText(name)}</p>
          <button type="submit" class="button-danger">
            {w.deleteButton(name)}
          </button>
        </form>
      )}
    </AdminLayout>
  );
}
