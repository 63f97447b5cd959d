/**
 * A letter's translations, written by organizers in the interface's
 * languages other than the letter's own: read, saved (its text kept in the
 * history) and deleted, each refreshing the letter's public copies.
 */
import { isLocale, LOCALES } from "../domain/i18n";
import type { Letter, LetterTranslation } from "../domain/letter";
import type { TranslationInput } from "../domain/letter-form";
import { saveTranslation as storeTranslation } from "../storage/letters";
import { deleteLetterTranslation, findLetterTranslation } from "../storage/letter-translations";
import { recordActivity } from "./activity";
import type { AppDeps } from "./deps";
import { organizerProblem } from "./problem";
import { activityDetail } from "../domain/activity-details";

/**
 * Refuses a language the letter can't be translated into: one that is not
 * an interface language, or the letter's own.
 *
 * @throws Problem 404, naming the languages it can be translated into
 */
export function requireTranslationLanguage(letter: Letter, language: string): void {
  if (isLocale(language) && language !== letter.language) return;
  throw organizerProblem(404, "translationNotOffered", [LOCALES.filter((code) => code !== letter.language)]);
}

/** The letter's translation into `language`, or null while it has none. */
export function findTranslation(deps: AppDeps, letter: Letter, language: string): Promise<LetterTranslation | null> {
  return findLetterTranslation(deps.db, letter.id, language);
}

/**
 * Saves the letter's translation into `language` (created or replaced),
 * takes the letter over from its content file, and refreshes its public copies.
 *
 * @throws Problem 404 for a language it can't be translated into
 */
export async function saveTranslation(
  deps: AppDeps,
  letter: Letter,
  language: string,
  translation: TranslationInput,
): Promise<void> {
  requireTranslationLanguage(letter, language);
  const existed = letter.languages.includes(language);
  await storeTranslation(deps.db, letter.id, { ...translation, language });
  await deps.publicCopies.letterChanged(letter.slug);
  await recordActivity(deps, {
    action: "translation-saved",
    letterId: letter.id,
    after: { language, title: translation.title },
    detail: activityDetail(existed ? "translationReplaced" : "translationAdded", language),
  });
}

/**
 * Deletes the letter's translation into `language` and refreshes its public copies.
 *
 * @throws Problem 404 when it has none
 */
export async function deleteTranslation(deps: AppDeps, letter: Letter, language: string): Promise<void> {
  if (!(await deleteLetterTranslation(deps.db, letter.id, language))) {
    throw organizerProblem(404, "translationNotFound");
  }
  await deps.publicCopies.letterChanged(letter.slug);
  await recordActivity(deps, { action: "translation-deleted", letterId: letter.id, before: { language } });
}
