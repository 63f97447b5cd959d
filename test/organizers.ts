/**
 * Organizers other than the admin token's owner, for tests of roles and of who did what: an
 * account stored as an invitation would store it, and a session as the sign-in would.
 */
import { env } from "cloudflare:workers";
import { csrfToken, newSession, sessionIdHash, SESSION_COOKIE } from "../src/domain/organizer-session";
import type { Role } from "../src/domain/organizer-roles";
import { insertSession } from "../src/storage/organizer-sessions";
import type { OrganizerSession } from "./helpers";

let people = 0;

/** A session of a new organizer named `name` with `role`, stored as the sign-in would store it. */
export async function sessionAs(name: string, role: Role): Promise<OrganizerSession & { id: number }> {
  people += 1;
  const row = await env.DB.prepare("INSERT INTO organizers (email, name, role) VALUES (?1, ?2, ?3) RETURNING id")
    .bind(`person${people}-${crypto.randomUUID().slice(0, 8)}@example.org`, name, role)
    .first<{ id: number }>();
  const session = await newSession(env.SECRET_KEY!);
  const now = new Date();
  await insertSession(env.DB, {
    idHash: await sessionIdHash(session.id),
    organizerId: row!.id,
    via: "magic-link",
    tokenFingerprint: null,
    device: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  return {
    id: row!.id,
    cookie: `${SESSION_COOKIE}=${session.cookie}`,
    csrf: await csrfToken(env.SECRET_KEY!, session.id),
  };
}
