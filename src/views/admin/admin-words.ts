/**
 * How organizer views get their words: the organizer area's catalog in the
 * request's language (src/domain/locales/admin/, chosen by http/language.ts
 * adminLocale), provided once around the page by http/organizer-area.tsx
 * adminHtml, read by any component with `useAdminWords()`. A context rather
 * than a prop, so that a page's small parts (badges, fields, summaries) need
 * no `t` threaded through every caller; English when no provider is around
 * (a view rendered on its own in a test).
 *
 * @example
 * ```tsx
 * function DraftBadge() {
 *   const t = useAdminWords();
 *   return <span class="badge">{t.states.draft}</span>;
 * }
 * ```
 */
import { createContext, useContext } from "hono/jsx";
import { adminMessagesFor, type AdminMessages } from "../../domain/i18n";

export const AdminWordsContext = createContext<AdminMessages>(adminMessagesFor("en"));

/** The organizer area's words in the page's language; call it inside a component's body. */
export function useAdminWords(): AdminMessages {
  return useContext(AdminWordsContext);
}

/** The address (path and query) of the organizer page being drawn: where the language switcher comes back to. */
export const AdminAddressContext = createContext<string>("/admin");

/** The address of the page being drawn (see AdminAddressContext). */
export function useAdminAddress(): string {
  return useContext(AdminAddressContext);
}
