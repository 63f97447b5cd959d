/** The organizers table (migrations/0022): the people of the organizer area and their roles. */
import { isLocale, type Locale } from "../domain/i18n";
import type { Role } from "../domain/organizer-roles";

/** An organizer's account, as the organizer area shows it to owners. */
export interface OrganizerAccount {
  id: number;
  /** Lower-case; null for the bootstrap owner (the admin token). */
  email: string | null;
  name: string;
  role: Role;
  language: Locale | null;
  /** The IANA time zone last chosen for a closing time, or null. */
  timeZone: string | null;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** ISO 8601 UTC, or null while the account is active. */
  disabledAt: string | null;
}

interface OrganizerRow {
  id: number;
  email: string | null;
  name: string;
  role: Role;
  language: string | null;
  time_zone: string | null;
  created_at: string;
  disabled_at: string | null;
}

const COLUMNS = "id, email, name, role, language, time_zone, created_at, disabled_at";

function account(row: OrganizerRow): OrganizerAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    language: isLocale(row.language) ? row.language : null,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

/** The account with this id, disabled or not, or null. */
export async function organizerById(db: D1Database, id: number): Promise<OrganizerAccount | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM organizers WHERE id = ?1`).bind(id).first<OrganizerRow>();
  return row ? account(row) : null;
}

/** The account with this email (compared lower-case), disabled or not, or null. */
export async function organizerByEmail(db: D1Database, email: string): Promise<OrganizerAccount | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM organizers WHERE email = ?1`)
    .bind(email.toLowerCase())
    .first<OrganizerRow>();
  return row ? account(row) : null;
}

/**
 * Stores the organizer area's language `id` chose (null: their browser's
 * Accept-Language decides again).
 * @returns whether an account was changed (false for an unknown id)
 */
export async function setOrganizerLanguage(db: D1Database, id: number, language: Locale | null): Promise<boolean> {
  const result = await db.prepare("UPDATE organizers SET language = ?2 WHERE id = ?1").bind(id, language).run();
  return result.meta.changes > 0;
}
