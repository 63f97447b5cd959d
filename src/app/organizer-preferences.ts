/**
 * An organizer's own preferences: the organizer area's language (the
 * switcher on every organizer page). Logged to the activity log once it
 * exists on this branch (lane i15-activity, action "language-changed").
 */
import type { Locale } from "../domain/i18n";
import { setOrganizerLanguage } from "../storage/organizers";
import type { AppDeps } from "./deps";

/**
 * Makes `language` the organizer area's language of the person acting
 * (`deps.actor`), for every device they sign in on. Without an actor (no
 * person behind the request) nothing is stored.
 */
export async function chooseAdminLanguage(deps: AppDeps, language: Locale): Promise<void> {
  if (!deps.actor) return;
  await setOrganizerLanguage(deps.db, deps.actor.id, language);
}
