/**
 * An organizer's own preferences: the organizer area's language (the
 * switcher on every organizer page), and the time zone a new letter's
 * closing time starts in (the one they last saved a closing time in). A change of language is
 * logged (language-changed, before → after).
 */
import type { Locale } from "../domain/i18n";
import { DEFAULT_TIME_ZONE, isTimeZone } from "../domain/time-zones";
import { organizerById, setOrganizerLanguage, setOrganizerTimeZone } from "../storage/organizers";
import { recordActivity } from "./activity";
import type { AppDeps } from "./deps";

/**
 * Makes `language` the organizer area's language of the person acting
 * (`deps.actor`), for every device they sign in on, and logs the change
 * (language-changed: from the language the area was in, their stored one or
 * else `shownIn`, to `language`). Choosing the language the area is in
 * already stores the choice and logs nothing. Without an actor (no person
 * behind the request) nothing is stored.
 *
 * @param shownIn the language the area was shown in when they chose (http/language.ts adminLocale)
 */
export async function chooseAdminLanguage(deps: AppDeps, language: Locale, shownIn: Locale): Promise<void> {
  if (!deps.actor) return;
  const stored = (await organizerById(deps.db, deps.actor.id))?.language ?? null;
  if (stored === language) return;
  await setOrganizerLanguage(deps.db, deps.actor.id, language);
  const before = stored ?? shownIn;
  if (before !== language)
    await recordActivity(deps, { action: "language-changed", before: { language: before }, after: { language } });
}

/**
 * The time zone a new letter's closing time starts in for the person acting
 * (`deps.actor`): the one they last saved a closing time in
 * (organizers.time_zone), else UTC. Never the zone the request comes from
 * (Cloudflare's `cf.timezone`): a guess about the connection would silently
 * decide what "today" and a deadline mean.
 * @returns an IANA zone name that domain/time-zones.ts isTimeZone accepts
 */
export async function newLetterTimeZone(deps: AppDeps): Promise<string> {
  if (!deps.actor) return DEFAULT_TIME_ZONE;
  const zone = (await organizerById(deps.db, deps.actor.id))?.timeZone;
  return zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

/**
 * Remembers `zone` (an IANA name already checked by the letter form) as the
 * zone the person acting last saved a closing time in; nothing without an actor.
 */
export async function rememberTimeZone(deps: AppDeps, zone: string): Promise<void> {
  if (!deps.actor) return;
  await setOrganizerTimeZone(deps.db, deps.actor.id, zone);
}
