/**
 * What the organizer area shows a person by their role (domain/organizer-roles.ts):
 * a page leaves out the buttons and links their role can't use. The routes
 * refuse them anyway (http/authentication.ts `allow`); this only keeps the
 * page honest. The role is the signed-in person's, from the page's shell
 * (http/organizer-area.tsx adminHtml); a page drawn without one (a view's own
 * test) shows everything.
 */
import type { Child } from "hono/jsx";
import { can, type Permission } from "../../domain/organizer-roles";
import { usePageShell } from "../layout";

/** Whether the person the page is drawn for may do `permission` (true when the page knows no role). */
export function usePermission(permission: Permission): boolean {
  const signedIn = usePageShell().signedIn;
  return !signedIn || can(signedIn.role, permission);
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
