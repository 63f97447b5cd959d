/**
 * A letter's translation into one language: its own title, addressee,
 * summary and text beside a preview of the translated public page, with the
 * original shown for reference. Signatures are the letter's, in every language.
 */
import { languageName } from "../../domain/i18n";
import type { EditableLetter } from "../../storage/letters";
import { AdminLayout, CsrfField } from "./admin-layout";
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

const LABELS: Record<TranslationField, string> = {
  title: "Title",
  addressee: "Addressee",
  summary: "Summary",
  body: "Text of the letter",
};

export function TranslationEditorPage({
  csrf,
  letter,
  language,
  exists,
  values,
  errors,
  flash,
}: TranslationEditorProps) {
  const name = languageName(language);
  const base = `/admin/letters/${letter.slug}/translations/${language}`;
  return (
    <AdminLayout
      title={`${name}: ${letter.title}`}
      csrf={csrf}
      scripts={[EDITOR_SCRIPT_PATH]}
      error={hasErrors(errors)}
    >
      <p>
        <a href={`/admin/letters/${letter.slug}`}>← {letter.title}</a>
      </p>
      <h1>
        {exists ? "Translation" : "New translation"}: {name}
      </h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p class="hint">
        Readers choose the language on the letter's page (or their browser chooses it): /letters/{letter.slug}?lang=
        {language}. Signatures are counted once, whatever the language they were made in.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <div class="editor">
        <form method="post" action={base} id="letter-form" novalidate lang={language}>
          <CsrfField token={csrf} />
          <Field name="title" label={LABELS.title} error={errors.title}>
            {(attributes) => <input type="text" {...attributes} required maxlength={200} value={values.title ?? ""} />}
          </Field>
          <Field
            name="addressee"
            label={LABELS.addressee}
            hint="One line per line of the address."
            error={errors.addressee}
          >
            {(attributes) => (
              <textarea {...attributes} rows={5} required>
                {values.addressee ?? ""}
              </textarea>
            )}
          </Field>
          <Field name="body" label={LABELS.body} hint="Markdown, as in the original." error={errors.body}>
            {(attributes) => (
              <textarea {...attributes} rows={18} required>
                {values.body ?? ""}
              </textarea>
            )}
          </Field>
          <Field
            name="summary"
            label={LABELS.summary}
            hint="Optional: the first paragraph is used when it is empty."
            error={errors.summary}
          >
            {(attributes) => (
              <textarea {...attributes} rows={3} maxlength={300}>
                {values.summary ?? ""}
              </textarea>
            )}
          </Field>
          <div class="actions">
            <button type="submit">Save the translation</button>
            <button
              type="submit"
              id="preview-button"
              class="button-secondary"
              formaction={`${base}/preview`}
              formtarget={PREVIEW_FRAME}
              formnovalidate
            >
              Preview
            </button>
          </div>
        </form>
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          <iframe name={PREVIEW_FRAME} title="Preview of the translated public page" src="about:blank"></iframe>
        </section>
      </div>
      <details>
        <summary>The original ({languageName(letter.language)})</summary>
        <div lang={letter.language}>
          <p>
            <strong>{letter.title}</strong>
          </p>
          <pre class="mail-body">{letter.addressee}</pre>
          <pre class="mail-body">{letter.bodyMarkdown}</pre>
        </div>
      </details>
      {exists && (
        <form method="post" action={`${base}/delete`} class="danger-zone">
          <CsrfField token={csrf} />
          <h2>Delete this translation</h2>
          <p>Readers of {name} will see the original instead. Signatures are not affected.</p>
          <button type="submit" class="button-danger">
            Delete the {name} translation
          </button>
        </form>
      )}
    </AdminLayout>
  );
}
