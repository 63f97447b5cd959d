/**
 * An organizer's own preferences: the organizer area's language (the
 * switcher on every organizer page), their account's time zone (the account
 * page: the pages about no letter show their times in it), and what their next
 * new letter starts with (the zone they last saved a closing time in, the
 * language they last wrote a letter in). Changes of language and
 * time zone are logged (language-changed, time-zone-changed: before → after).
 */
import type { Locale } from "../domain/i18n";
import { DEFAULT_TIME_ZONE, knownTimeZone } from "../domain/time-zones";
import { activityRow } from "./activity";
import {
  changeOrganizerLanguage,
  changeOrganizerTimeZone,
  newLetterChoices,
  rememberLetterLanguage,
  rememberLetterTimeZone,
} from "../storage/organizers";
import type { AppDeps } from "./deps";

/**
 * Makes `language` the organizer area's language of the person acting
 * (`deps.actor`), for every device they sign in on, and logs the change
 * (language-changed: from the language the area was in, their stored one or
 * else `shownIn`, to `language`). Choosing the language the area is in
 * already stores the choice and logs nothing. The change and its entry are
 * one batch, the entry's "before" read in it (storage/organizers.ts
 * changeOrganizerLanguage): two changes at once are logged in turn. Without
 * an actor (no person behind the request) nothing is stored.
 *
 * @param shownIn the language the area was shown in when they chose (http/language.ts adminLocale)
 */
export async function chooseAdminLanguage(deps: AppDeps, language: Locale, shownIn: Locale): Promise<void> {
  if (!deps.actor) return;
  const entry = activityRow(deps, { action: "language-changed", after: { language } });
  await changeOrganizerLanguage(deps.db, deps.actor.id, language, shownIn, entry);
}

/**
 * Makes `zone` (an IANA name the account form checked: domain/time-zones.ts
 * isTimeZone) the time zone of the person acting: the activity log, people,
 * sessions, API tokens and passkeys pages show their times in it, and read
 * their filters' days in it. UTC chosen is stored as such (a letter's zone
 * then never replaces it). A change of the zone in effect is logged
 * (time-zone-changed, before → after; "UTC" for none chosen), in one batch
 * with the change, its "before" read in it (storage/organizers.ts
 * changeOrganizerTimeZone): two changes at once are logged in turn. Nothing
 * without an actor.
 */
export async function chooseTimeZone(deps: AppDeps, zone: string): Promise<void> {
  if (!deps.actor) return;
  const entry = activityRow(deps, { action: "time-zone-changed", after: { timeZone: zone } });
  await changeOrganizerTimeZone(deps.db, deps.actor.id, zone, entry);
}

/**
 * What a new letter starts with for the person acting (`deps.actor`): the
 * time zone its closing time is typed in, and its "today" (the letter's date)
 * read there: the one they last saved a closing time in, else their
 * account's, else `requestZone` (the zone Cloudflare places the request in,
 * `request.cf.timezone`: a default shown in the form, never stored), else
 * UTC; and its language, the one they last wrote a letter in, else
 * `areaLanguage` (the organizer area's).
 *
 * @param requestZone an IANA name, or null (none given, as locally, or one domain/time-zones.ts doesn't know)
 * @returns `timeZone`: an IANA zone name that domain/time-zones.ts isTimeZone accepts; `language`: a BCP 47 tag
 */
export async function newLetterDefaults(
  deps: AppDeps,
  areaLanguage: string,
  requestZone: string | null = null,
): Promise<{ timeZone: string; language: string }> {
  const remembered = deps.actor ? await newLetterChoices(deps.db, deps.actor.id) : null;
  return {
    timeZone: remembered?.timeZone ?? knownTimeZone(requestZone) ?? DEFAULT_TIME_ZONE,
    language: remembered?.language ?? areaLanguage,
  };
}

/**
 * Remembers `zone` (an IANA name already checked by the letter form) as the
 * zone the person acting last saved a closing time in, and makes it their
 * account's time zone if they have chosen none; nothing without an actor.
 */
export async function rememberTimeZone(deps: AppDeps, zone: string): Promise<void> {
  if (!deps.actor) return;
  await rememberLetterTimeZone(deps.db, deps.actor.id, zone);
}

/**
 * Remembers `language` (a BCP 47 tag already checked by the letter form) as
 * the one the person acting last wrote a letter in: their next new letter
 * starts in it. Nothing without an actor.
 */
export async function rememberLetterLanguageChoice(deps: AppDeps, language: string): Promise<void> {
  if (!deps.actor) return;
  await rememberLetterLanguage(deps.db, deps.actor.id, language);
}
