/**
 * Who the organizer page is drawn for (their role), provided once around the page by
 * http/organizer-area.tsx adminHtml, so that the layout shows only the links their role opens
 * (the activity log for owners). null on pages drawn without a session (the login page).
 */
import { createContext, useContext } from "hono/jsx";
import type { Role } from "../../domain/organizer-roles";

export const AdminRoleContext = createContext<Role | null>(null);

/** The role of the person the page is drawn for, or null without a session. */
export function useAdminRole(): Role | null {
  return useContext(AdminRoleContext);
}
