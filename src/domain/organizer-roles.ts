/**
 * Organizers' roles (issue 15) and what each may do. Pure: no I/O.
 *
 * - owner: accounts, settings, webhooks, the activity log, everything below;
 * - editor: letters, translations, stages, the order of organizations;
 * - moderator: signatures (review, hide, restore, hand entry, import, exports);
 * - viewer: reads letters and counts, never personal data.
 */

export const ROLES = ["owner", "editor", "moderator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** What a route of the organizer area does, by the kind of work it is. */
export type Permission =
  /** Read letters, their stages and counts (no personal data). */
  | "read-letters"
  /** Write letters: text, translations, stages, delivery, order of organizations. */
  | "edit-letters"
  /** Read and change signatures, with their personal data: moderation, hand entry, import, exports. */
  | "moderate"
  /** Accounts, deployment settings, webhooks, the activity log. */
  | "administer";

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ["read-letters", "edit-letters", "moderate", "administer"],
  editor: ["read-letters", "edit-letters"],
  moderator: ["read-letters", "moderate"],
  viewer: ["read-letters"],
};

/** Whether `role` may do `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** The bootstrap owner: the account the admin token signs in as (migrations/0022). */
export const BOOTSTRAP_ORGANIZER_ID = 1;

/**
 * The bootstrap owner's name as migrations/0022 stores it, in English. The organizer area words it
 * in its reader's language (the catalogs' people.nameOf) for as long as nobody renames the account.
 */
export const BOOTSTRAP_ORGANIZER_NAME = "Owner (admin token)";

/** A person whose name is shown: organizers.id (null when not known, as for the system) and the name stored. */
export interface NamedPerson {
  id: number | null;
  name: string;
}

/** Whether `person` is the bootstrap owner still under the name it was stored with. */
export function isUnrenamedBootstrap(person: NamedPerson): boolean {
  return person.id === BOOTSTRAP_ORGANIZER_ID && person.name === BOOTSTRAP_ORGANIZER_NAME;
}

/** Who did something in the organizer area, as the application's use cases and the activity log see them. */
export interface Actor {
  /** organizers.id */
  id: number;
  /** The name colleagues know them by, as it was when they acted. */
  name: string;
  role: Role;
  /**
   * Present when they acted through a bearer token on the organizers' API: the API token's id
   * (api_tokens.id) and label (as its person typed it), or nulls for ADMIN_TOKEN. The activity log
   * says so beside what they did (app/activity.ts activityRow), and notes what is noted once in a
   * while once per token (storage/activity.ts insertActivityUnlessSince).
   */
  apiToken?: { id: number | null; label: string | null };
}
