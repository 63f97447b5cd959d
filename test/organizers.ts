/**
 * Organizers other than the admin token's owner, for tests of roles and of who did what,
 * named first: test/helpers.ts sessionAs stores the account and its session.
 */
import type { Role } from "../src/domain/organizer-roles";
import { sessionAs as sessionOf, type OrganizerSession } from "./helpers";

/** A session of a new organizer named `name` with `role`, stored as the sign-in would store it. */
export async function sessionAs(name: string, role: Role): Promise<OrganizerSession & { id: number }> {
  const person = await sessionOf(role, { name });
  return { id: person.organizerId, cookie: person.cookie, csrf: person.csrf };
}
