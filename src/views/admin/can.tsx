/**
 * What the organizer area shows a person by their role (domain/organizer-roles.ts):
 * a page leaves out the buttons and links their role can't use. The routes
 * refuse them anyway (http/authentication.ts `allow`); this only keeps the
 * page honest. The role comes from the page's shell (http/organizer-area.tsx
 * adminHtml); a page drawn without one (a view's own test) shows everything.
 */
import type { Child } from "hono/jsx";
import { can, type Permission, type Role } from "../../domain/organizer-roles";
import { usePageShell } from "../layout";

/** Whether the person the page is drawn for may do `permission` (true when the page knows no role). */
export function usePermission(permission: Permission): boolean {
  const role = usePageShell().organizerRole;
  return role === undefined || can(role, permission);
}

/** `children` when the person's role has `permission`, else `otherwise` (nothing by default). */
export function Can({
  permission,
  children,
  otherwise = null,
}: {
  permission: Permission;
  children: Child;
  otherwise?: Child;
}) {
  return <>{usePermission(permission) ? children : otherwise}</>;
}

/** What each role may do, in words, for the dashboard. */
export const ROLE_WORDS: Record<Role, { name: string; may: string }> = {
  owner: {
    name: "Owner",
    may: "You can do everything: write and publish letters, moderate signatures, export them, and manage people, webhooks and settings.",
  },
  editor: {
    name: "Editor",
    may: "You can write letters and their translations, publish, close and deliver them, and set the order of organizations. Signatures' personal details are the moderators'.",
  },
  moderator: {
    name: "Moderator",
    may: "You can review, approve, hide and restore signatures, add them by hand, import and export them. Changing a letter's text or stage is the editors'.",
  },
  viewer: {
    name: "Viewer",
    may: "You can read letters, their stages and counts, and download the delivery document. Signers' personal details and changes are for other roles.",
  },
};
