/**
 * A letter's translations in the organizer area: written, previewed and
 * deleted per language (the interface's languages, other than the letter's
 * own). Mounted at /admin/letters/{slug}/translations, behind organizerPages().
 */
import { zValidator } from "@hono/zod-validator";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { requireEditableLetter } from "../app/letters";
import { deleteTranslation, findTranslation, requireTranslationLanguage, saveTranslation } from "../app/translations";
import { doneQuery, fieldErrors, formValues, problemsOf } from "../domain/form-fields";
import { adminWords } from "../http/language";
import { inLanguage } from "../domain/letter";
import { TRANSLATION_FIELDS, translationFormSchema, type TranslationField } from "../domain/letter-form";
import { pageShell, type AppEnv } from "../http/app-env";
import { allow, organizerPages } from "../http/authentication";
import { pagePolicy } from "../http/security";
import { adminHtml, confirmFirst, organizerLetter, previewOptions, type LetterEnv } from "../http/organizer-area";
import { validation } from "../http/validation";
import { renderLetterPage } from "../http/public-letter";
import { HTML_CONTENT_TYPE } from "../http/responses";
import type { EditableLetter } from "../storage/letters";
import { PreviewProblems } from "../views/admin/letter-editor-page";
import { TranslationEditorPage } from "../views/admin/translation-editor-page";
import { renderDocument } from "../views/layout";

type TranslationEnv = LetterEnv<EditableLetter> & { Variables: { language: string } };

/** The letter and the translation's language (:lang): a language it can't be translated into is a 404. */
const translationTarget: MiddlewareHandler<TranslationEnv> = async function translationTarget(c, next) {
  const language = c.req.param("lang") ?? "";
  requireTranslationLanguage(c.var.letter, language);
  c.set("language", language);
  await next();
};

const validate = validation<TranslationEnv>();

/** The translation's editor, filled with `values`, with `errors` beside their fields. */
async function editorPage(
  c: Context<TranslationEnv>,
  values: Partial<Record<TranslationField, string>>,
  errors: Partial<Record<TranslationField, string>>,
  { status = 200, flash = null }: { status?: 200 | 422; flash?: string | null } = {},
): Promise<Response> {
  const { letter, language } = c.var;
  const exists = (await findTranslation(c.var.deps, letter, language)) !== null;
  return adminHtml(
    c,
    <TranslationEditorPage
      csrf={c.var.organizer!.csrf}
      letter={letter}
      language={language}
      exists={exists}
      values={values}
      errors={errors}
      flash={flash}
    />,
    status,
  );
}

export const adminTranslations = new Hono<AppEnv>();

adminTranslations.use(organizerPages());

const PATH = "/:lang{[a-z]{2}}";

const target = [allow("edit-letters"), organizerLetter(requireEditableLetter), translationTarget] as const;
/**
 * The translation's editor runs our own script and frames our own preview: granted to every route
 * here, since a refused save draws the editor again.
 */
const editorPolicy = pagePolicy("own-scripts-and-frames");
adminTranslations.use(editorPolicy);

adminTranslations.get(PATH, ...target, zValidator("query", doneQuery(["saved"])), async (c) => {
  const translation = await findTranslation(c.var.deps, c.var.letter, c.var.language);
  const values = translation
    ? {
        title: translation.title,
        addressee: translation.addressee,
        summary: translation.summary,
        body: translation.bodyMarkdown,
      }
    : {};
  const flash = c.req.valid("query").done === "saved" ? adminWords(c).translationEditor.saved : null;
  return editorPage(c, values, {}, { flash });
});

adminTranslations.post(
  PATH,
  ...target,
  validate("form", translationFormSchema, (result, c) => {
    if (!result.success) {
      return editorPage(c, formValues(result.data, TRANSLATION_FIELDS), fieldErrors(result.error, TRANSLATION_FIELDS), {
        status: 422,
      });
    }
  }),
  async (c) => {
    const { letter, language } = c.var;
    await saveTranslation(c.var.deps, letter, language, c.req.valid("form"));
    return c.redirect(`/admin/letters/${letter.slug}/translations/${language}?done=saved`, 303);
  },
);

adminTranslations.post(
  `${PATH}/preview`,
  pagePolicy("framable-by-self"),
  ...target,
  validate("form", translationFormSchema, async (result, c) => {
    if (!result.success) {
      return c.body(await renderDocument(<PreviewProblems problems={problemsOf(result.error)} />, pageShell(c)), 200, {
        "Content-Type": HTML_CONTENT_TYPE,
      });
    }
  }),
  async (c) => {
    const now = c.var.deps.now().toISOString();
    const translation = { ...c.req.valid("form"), language: c.var.language, createdAt: now, updatedAt: now };
    const translated = inLanguage(c.var.letter, translation);
    return c.body(
      await renderLetterPage(c, translated, { values: {}, errors: {} }, previewOptions(translated, adminWords(c))),
      200,
      {
        "Content-Type": HTML_CONTENT_TYPE,
      },
    );
  },
);

/** Deleting a translation, asked about first. */
const confirmDelete = confirmFirst<TranslationEnv>((c) => {
  const { letter, language } = c.var;
  const t = adminWords(c);
  const name = t.languageName(language);
  return {
    question: t.translationEditor.deleteQuestion(name),
    consequences: t.translationEditor.deleteConsequences(name, `?lang=${language}`),
    confirm: t.translationEditor.deleteConfirm,
    back: `/admin/letters/${letter.slug}/translations/${language}`,
    danger: true,
  };
});

adminTranslations.post(`${PATH}/delete`, ...target, confirmDelete, async (c) => {
  const { letter, language } = c.var;
  await deleteTranslation(c.var.deps, letter, language);
  return c.redirect(`/admin/letters/${letter.slug}?done=translation-deleted`, 303);
});
