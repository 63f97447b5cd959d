/**
 * Rules shared by every organizer form, whichever route takes it: the field
 * that confirms an action asked about first (see views/admin/confirm-page.tsx),
 * and which posted fields a form may carry through a page that answers it
 * without acting (the confirmation step, the "your session ended" page), so
 * nothing secret or large is ever written back into a page. Pure.
 */
import { object } from "zod/mini";
import { field } from "./form-fields";
import { refuseAs } from "./organizer-words";
import { isLocale } from "./i18n";
import { CSRF_FIELD, safeNext } from "./organizer-session";

/** The field a confirmed action's second post carries (value CONFIRM_VALUE); without it, the action only asks. */
export const CONFIRM_FIELD = "confirmed";
export const CONFIRM_VALUE = "yes";
/**
 * CONFIRM_FIELD's value when the person declines a confirmation that kept
 * their typed fields (ConfirmPrompt `revise`): the route shows its form
 * again, filled in as they left it, and changes nothing.
 */
export const REVISE_VALUE = "revise";

/** Where the organizer area's language switcher posts (views/admin/admin-layout.tsx). */
export const ADMIN_LANGUAGE_PATH = "/admin/language";

/**
 * The language switcher's form (POST /admin/language): one of the area's
 * languages, and the organizer page to come back to (a path under /admin,
 * see safeNext; anything else is /admin).
 */
export const languageFormSchema = object({
  language: field((text, ctx) => (isLocale(text) ? text : refuseAs(ctx, "areaLanguage"))),
  back: field(safeNext),
});

/** The field the "Send again" button of the session-ended page adds: the post is shown for review, not acted on. */
export const RESUME_FIELD = "resume";

/**
 * Field names never written back into a page besides the session's CSRF
 * token (a fresh one is drawn) and the two fields above: whatever names a
 * secret value (a token, a password, a key, a signing secret such as the
 * webhook's `webhook_secret`). A field that only asks for one
 * (`rotate_secret=1`) is kept.
 */
const NEVER_KEPT = /^(?:.*[_-])?(?:token|password|passphrase|key)$|^(?:.*[_-])?secret$/i;
/** Fields that ask for a secret rather than carry one. */
const ASKS_FOR_SECRET = new Set(["rotate_secret"]);

/**
 * The text fields of a posted form that a page may carry as hidden inputs,
 * in the order posted: no file (a browser can't put one back in a form), no
 * secret, not the confirmation or resume markers.
 *
 * @param form what the browser posted (FormData's entries: strings and Files)
 * @returns [name, value] pairs, repeated names kept
 */
export function keptFields(form: Iterable<[string, unknown]>): [string, string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of form) {
    if (typeof value !== "string") continue;
    if (name === CSRF_FIELD || name === CONFIRM_FIELD || name === RESUME_FIELD) continue;
    if (NEVER_KEPT.test(name) && !ASKS_FOR_SECRET.has(name)) continue;
    kept.push([name, value]);
  }
  return kept;
}
