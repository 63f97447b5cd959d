/**
 * A letter's translations in the organizer area: written, previewed and
 * deleted per language (the interface's languages, other than the letter's
 * own). Mounted at /admin/letters/{slug}/translations, behind organizerPages().
 */
import { Hono, type Context } from "hono";
import { isLocale, LOCALES } from "../domain/i18n";
import { inLanguage } from "../domain/letter";
import { readLetterForm } from "../domain/letter-form";
import type { AppEnv } from "../http/app-env";
import { Problem } from "../app/problem";
import { organizerPages } from "../http/authentication";
import { methodNotAllowed } from "../http/errors";
import { saveTranslation } from "../storage/letter-edits";
import { findEditableLetter, type EditableLetter } from "../storage/letters";
import { deleteLetterTranslation, findLetterTranslation } from "../storage/letter-translations";
import { PreviewProblems } from "../views/admin/letter-editor-page";
import { TranslationEditorPage, type TranslationField } from "../views/admin/translation-editor-page";
import { renderDocument } from "../views/layout";
import { adminHtml, requireOrganizerLetter } from "../http/organizer-area";
import { previewOptions } from "../http/organizer-area";
import { renderLetterPage } from "../http/public-letter";
import { HTML_CONTENT_TYPE } from "../http/responses";

const POST_ONLY = methodNotAllowed(["POST"]);
const FIELDS: readonly TranslationField[] = ["title", "addressee", "summary", "body"];

/** The letter and the language of the route, or a 404 (the language must be an interface language other than the letter's own). */
async function requireTranslationTarget(c: Context<AppEnv>): Promise<{ letter: EditableLetter; language: string }> {
  const language = c.req.param("lang") ?? "";
  const letter = await requireOrganizerLetter(c, findEditableLetter);
  if (!isLocale(language) || language === letter.language) {
    throw new Problem(
      404,
      "No such translation",
      `A letter can be translated into ${LOCALES.filter((code) => code !== letter.language).join(", ")}.`,
    );
  }
  return { letter, language };
}

/** The translation the form describes (through the editor's own rules), or the problems per field. */
async function readTranslation(c: Context<AppEnv>, letter: EditableLetter, language: string) {
  const form = await c.req.formData();
  const values: Partial<Record<TranslationField, string>> = {};
  for (const field of FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const result = readLetterForm({
    ...values,
    slug: letter.slug,
    date: letter.date,
    language,
    confirm_signatures: "default",
  });
  if ("errors" in result) {
    const errors: Partial<Record<TranslationField, string>> = {};
    for (const field of FIELDS) if (result.errors[field]) errors[field] = result.errors[field];
    return { values, errors };
  }
  const { title, summary, addressee, bodyMarkdown, bodyHtml } = result.input;
  return { values, translation: { language, title, summary, addressee, bodyMarkdown, bodyHtml } };
}

export const adminTranslations = new Hono<AppEnv>();

adminTranslations.use(organizerPages());

const PATH = "/:lang{[a-z]{2}}";

adminTranslations.get(PATH, async (c) => {
  c.set("ownScriptsAndFrames", true);
  const { letter, language } = await requireTranslationTarget(c);
  const translation = await findLetterTranslation(c.var.db, letter.id, language);
  const values = translation
    ? {
        title: translation.title,
        addressee: translation.addressee,
        summary: translation.summary,
        body: translation.bodyMarkdown,
      }
    : {};
  return adminHtml(
    c,
    <TranslationEditorPage
      csrf={c.var.organizer!.csrf}
      letter={letter}
      language={language}
      exists={translation !== null}
      values={values}
      errors={{}}
      flash={c.req.query("done") === "saved" ? "The translation is saved." : null}
    />,
  );
});

adminTranslations.post(PATH, async (c) => {
  const { letter, language } = await requireTranslationTarget(c);
  const result = await readTranslation(c, letter, language);
  if (!result.translation) {
    c.set("ownScriptsAndFrames", true);
    const exists = (await findLetterTranslation(c.var.db, letter.id, language)) !== null;
    return adminHtml(
      c,
      <TranslationEditorPage
        csrf={c.var.organizer!.csrf}
        letter={letter}
        language={language}
        exists={exists}
        values={result.values}
        errors={result.errors}
      />,
      422,
    );
  }
  await saveTranslation(c.var.db, letter.id, result.translation);
  await c.var.deps.publicCopies.letterChanged(letter.slug);
  return c.redirect(`/admin/letters/${letter.slug}/translations/${language}?done=saved`, 303);
});
adminTranslations.all(PATH, methodNotAllowed(["GET", "HEAD", "POST"]));

adminTranslations.post(`${PATH}/preview`, async (c) => {
  c.set("framableBySelf", true);
  const { letter, language } = await requireTranslationTarget(c);
  const result = await readTranslation(c, letter, language);
  if (!result.translation) {
    const problems = Object.values(result.errors).filter((message): message is string => message !== undefined);
    return c.body(await renderDocument(<PreviewProblems problems={problems} />), 200, {
      "Content-Type": HTML_CONTENT_TYPE,
    });
  }
  const now = new Date().toISOString();
  const translated = inLanguage(letter, { ...result.translation, createdAt: now, updatedAt: now });
  return c.body(await renderLetterPage(c, translated, { values: {}, errors: {} }, previewOptions(translated)), 200, {
    "Content-Type": HTML_CONTENT_TYPE,
  });
});
adminTranslations.all(`${PATH}/preview`, POST_ONLY);

adminTranslations.post(`${PATH}/delete`, async (c) => {
  const { letter, language } = await requireTranslationTarget(c);
  if (!(await deleteLetterTranslation(c.var.db, letter.id, language))) {
    throw new Problem(404, "No such translation", "This letter has no translation in that language.");
  }
  await c.var.deps.publicCopies.letterChanged(letter.slug);
  return c.redirect(`/admin/letters/${letter.slug}?done=translation-deleted`, 303);
});
adminTranslations.all(`${PATH}/delete`, POST_ONLY);
