/**
 * An organizer's own preferences: the organizer area's language (the
 * switcher on every organizer page), and the time zone a new letter's
 * closing time starts in (the one they last saved a closing time in). Logged to the activity log once it
 * exists on this branch (lane i15-activity, action "language-changed").
 */
import type { Locale } from "../domain/i18n";
import { DEFAULT_TIME_ZONE, isTimeZone } from "../domain/time-zones";
import { organizerById, setOrganizerLanguage, setOrganizerTimeZone } from "../storage/organizers";
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
