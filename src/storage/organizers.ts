/** The organizers table (migrations/0022): the people of the organizer area and their roles. */
import { isLocale, type Locale } from "../domain/i18n";
import { BOOTSTRAP_ORGANIZER_ID, type Role } from "../domain/organizer-roles";
import { DEFAULT_TIME_ZONE, knownTimeZone } from "../domain/time-zones";
import { insertActivityBeforeStatement, type ActivityRow } from "./activity";

/** An organizer's account, as the organizer area shows it to owners. */
export interface OrganizerAccount {
  id: number;
  /** Lower-case; null for the bootstrap owner (the admin token). */
  email: string | null;
  name: string;
  role: Role;
  language: Locale | null;
  /**
   * The account's time zone (an IANA name, domain/time-zones.ts isTimeZone): the pages about no
   * letter show their times in it; null: none chosen (UTC).
   */
  timeZone: string | null;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** ISO 8601 UTC, or null while the account is active. */
  disabledAt: string | null;
  /** When they last signed in (ISO 8601 UTC), or null: never (an invitation not accepted yet). */
  lastSignedInAt: string | null;
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
  last_signed_in_at: string | null;
}

const COLUMNS = "id, email, name, role, language, time_zone, created_at, disabled_at, last_signed_in_at";

function account(row: OrganizerRow): OrganizerAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    language: isLocale(row.language) ? row.language : null,
    timeZone: knownTimeZone(row.time_zone),
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    lastSignedInAt: row.last_signed_in_at,
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

/** Every account, the active first, then by name. */
export async function listOrganizers(db: D1Database): Promise<OrganizerAccount[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM organizers ORDER BY disabled_at IS NOT NULL, name COLLATE NOCASE, id`)
    .all<OrganizerRow>();
  return results.map(account);
}

/** Whether any account exists besides the bootstrap owner's (id 1), disabled ones included. */
export async function hasInvitedOrganizers(db: D1Database): Promise<boolean> {
  const row = await db.prepare("SELECT 1 AS found FROM organizers WHERE id != 1 LIMIT 1").first<{ found: number }>();
  return row !== null;
}

/** A person to add (invited by an owner). */
export interface NewOrganizer {
  /** Lower-case. */
  email: string;
  name: string;
  /** The name as names are compared (domain/organizer-accounts.ts nameKey). */
  nameKey: string;
  role: Role;
  /** The organizer area's language the inviting owner chose for them (null: their browser's decides). */
  language: Locale | null;
  invitedBy: number | null;
  createdAt: Date;
}

/** No active account but `?1`'s goes by the name key `?2` (the write checks it in its own statement). */
const NAME_KEY_FREE = `NOT EXISTS (SELECT 1 FROM organizers AS namesake
  WHERE namesake.name_key = ?2 AND namesake.disabled_at IS NULL AND namesake.id IS NOT ?1)`;

/**
 * Adds an account, unless one has its email or an active one its name key (one statement: two
 * invitations under one name sent at once make one account; organizers_active_name_key backs it).
 *
 * @returns its id, or null when the email or the name is taken (the caller reads which)
 */
export async function insertOrganizer(db: D1Database, person: NewOrganizer): Promise<number | null> {
  const row = await db
    .prepare(
      `INSERT INTO organizers (email, name, name_key, role, language, invited_by, created_at)
       SELECT ?3, ?4, ?2, ?5, ?6, ?7, ?8 WHERE ${NAME_KEY_FREE}
       ON CONFLICT (email) DO NOTHING RETURNING id`,
    )
    .bind(
      null,
      person.nameKey,
      person.email.toLowerCase(),
      person.name,
      person.role,
      person.language,
      person.invitedBy,
      person.createdAt.toISOString(),
    )
    .first<{ id: number }>();
  return row?.id ?? null;
}

/**
 * Renames organizer `id` to `name`, whose key is `key`, unless another active account goes by that
 * key (one statement: two colleagues taking one name at once can't both have it), and logs it
 * (`entry`, account-renamed) in the same batch, its before the name the account had then.
 *
 * @returns whether the name changed (false: taken, theirs already, or no such account)
 */
export async function renameOrganizer(
  db: D1Database,
  id: number,
  name: string,
  key: string,
  entry: ActivityRow,
): Promise<boolean> {
  const where = `id = ?1 AND name IS NOT ?3 AND ${NAME_KEY_FREE}`;
  const [, renamed] = await db.batch([
    insertActivityBeforeStatement(db, entry, {
      before: "json_object('name', name)",
      from: `organizers WHERE ${where}`,
      params: [id, key, name],
    }),
    db.prepare(`UPDATE organizers SET name = ?3, name_key = ?2 WHERE ${where}`).bind(id, key, name),
  ]);
  return renamed!.meta.changes === 1;
}

/** The active account (other than `exceptId`) whose name key is `key`, or null. */
export async function activeOrganizerByNameKey(
  db: D1Database,
  key: string,
  exceptId: number | null,
): Promise<OrganizerAccount | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM organizers WHERE name_key = ?1 AND disabled_at IS NULL AND id IS NOT ?2`)
    .bind(key, exceptId)
    .first<OrganizerRow>();
  return row ? account(row) : null;
}

/** Accounts whose name is not keyed yet (migrations/0029): their ids and names. */
export async function organizersWithoutNameKey(db: D1Database): Promise<{ id: number; name: string }[]> {
  const { results } = await db
    .prepare("SELECT id, name FROM organizers WHERE name_key IS NULL ORDER BY id")
    .all<{ id: number; name: string }>();
  return results;
}

/**
 * Stores the name keys of accounts stored before keys were (`keys`: id and key, in one batch), each
 * unless it has one, or it is active and another active account goes by that key (it stays
 * unkeyed then: the namesakes the rule came too late for).
 */
export async function setNameKeys(db: D1Database, keys: { id: number; key: string }[]): Promise<void> {
  if (keys.length === 0) return;
  await db.batch(
    keys.map(({ id, key }) =>
      db
        .prepare(
          `UPDATE organizers SET name_key = ?2
           WHERE id = ?1 AND name_key IS NULL AND (disabled_at IS NOT NULL OR ${NAME_KEY_FREE})`,
        )
        .bind(id, key),
    ),
  );
}

/**
 * The condition that keeps an active owner other than `?1`: a change that
 * would take away the last one (a demotion, disabling) is not made. The
 * bootstrap owner (id 1) counts only when `?3` is 1: while ADMIN_TOKEN is
 * usable, since it has no other way in.
 */
const ANOTHER_ACTIVE_OWNER = `EXISTS (SELECT 1 FROM organizers AS other
  WHERE other.id != ?1 AND other.role = 'owner' AND other.disabled_at IS NULL AND (other.id != ${BOOTSTRAP_ORGANIZER_ID} OR ?3 = 1))`;

/**
 * Whether organizer `id` could be disabled now: not an active owner, or another active owner
 * exists (the bootstrap owner counting only with `bootstrapCounts`): what disableOrganizer checks
 * in its own statement, read beforehand to say so before asking (a read: the write still checks).
 */
export async function couldBeDisabled(db: D1Database, id: number, bootstrapCounts: boolean): Promise<boolean> {
  const row = await db
    .prepare(
      `SELECT 1 AS ok FROM organizers WHERE id = ?1 AND disabled_at IS NULL AND (role != 'owner' OR ${ANOTHER_ACTIVE_OWNER})`,
    )
    .bind(id, null, bootstrapCounts ? 1 : 0)
    .first<{ ok: number }>();
  return row !== null;
}

/**
 * Gives active organizer `id` the role `role`, unless that would leave no
 * active owner (one statement: two owners demoting each other at once
 * can't both succeed), and logs it (`entry`, role-changed) in the same
 * batch, its before the role the person had then: two changes at once are
 * logged as they followed one another.
 *
 * @param bootstrapCounts whether the bootstrap owner (id 1) counts as an owner: only while ADMIN_TOKEN is usable
 * @returns whether the role changed
 */
export async function changeOrganizerRole(
  db: D1Database,
  id: number,
  role: Role,
  bootstrapCounts: boolean,
  entry: ActivityRow,
): Promise<boolean> {
  const where = `id = ?1 AND disabled_at IS NULL AND role != ?2 AND (?2 = 'owner' OR role != 'owner' OR ${ANOTHER_ACTIVE_OWNER})`;
  const params = [id, role, bootstrapCounts ? 1 : 0];
  const [, changed] = await db.batch([
    insertActivityBeforeStatement(db, entry, {
      before: "json_object('role', role)",
      from: `organizers WHERE ${where}`,
      params,
    }),
    db.prepare(`UPDATE organizers SET role = ?2 WHERE ${where}`).bind(...params),
  ]);
  return changed!.meta.changes === 1;
}

/**
 * Disables organizer `id` at `now`, unless that would leave no active owner,
 * and in the same transaction ends their sessions and their unused links.
 *
 * @param bootstrapCounts whether the bootstrap owner (id 1) counts as an owner: only while ADMIN_TOKEN is usable
 * @returns whether the account was disabled (false: already disabled, unknown, or the last owner)
 */
export async function disableOrganizer(
  db: D1Database,
  id: number,
  now: Date,
  bootstrapCounts: boolean,
): Promise<boolean> {
  const at = now.toISOString();
  const [disabled] = await db.batch([
    db
      .prepare(
        `UPDATE organizers SET disabled_at = ?2
         WHERE id = ?1 AND disabled_at IS NULL AND (role != 'owner' OR ${ANOTHER_ACTIVE_OWNER})`,
      )
      .bind(id, at, bootstrapCounts ? 1 : 0),
    // Ended, not forgotten: the browsers that held them are told the account was disabled (organizer-sessions.ts).
    db
      .prepare(
        `UPDATE organizer_sessions SET expires_at = ?2 WHERE organizer_id = ?1 AND expires_at > ?2
         AND (SELECT disabled_at FROM organizers WHERE id = ?1) IS NOT NULL`,
      )
      .bind(id, at),
    db
      .prepare(
        `UPDATE sign_in_links SET used_at = ?2, end_reason = 'withdrawn' WHERE organizer_id = ?1 AND used_at IS NULL
         AND (SELECT disabled_at FROM organizers WHERE id = ?1) IS NOT NULL`,
      )
      .bind(id, at),
    // Their API tokens end too: enabling the person again does not bring them back.
    db
      .prepare(
        `UPDATE api_tokens SET revoked_at = ?2 WHERE organizer_id = ?1 AND revoked_at IS NULL
         AND (SELECT disabled_at FROM organizers WHERE id = ?1) IS NOT NULL`,
      )
      .bind(id, at),
    // And their passkeys: one planted with a stolen session would otherwise sign in again once enabled.
    db
      .prepare(
        `DELETE FROM passkeys WHERE organizer_id = ?1
         AND (SELECT disabled_at FROM organizers WHERE id = ?1) IS NOT NULL`,
      )
      .bind(id),
  ]);
  return disabled!.meta.changes === 1;
}

/**
 * Enables a disabled organizer again (they sign in anew: their sessions ended when disabled),
 * unless an active colleague goes by their name meanwhile (compared by name key, in the same
 * statement).
 *
 * @returns whether the account was enabled (false: not disabled, unknown, or its name is taken)
 */
export async function enableOrganizer(db: D1Database, id: number): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE organizers SET disabled_at = NULL WHERE id = ?1 AND disabled_at IS NOT NULL
       AND (name_key IS NULL OR NOT EXISTS (SELECT 1 FROM organizers AS namesake
         WHERE namesake.name_key = organizers.name_key AND namesake.disabled_at IS NULL AND namesake.id != ?1))`,
    )
    .bind(id)
    .run();
  return result.meta.changes === 1;
}

/**
 * Stores the organizer area's language `id` chose, and logs the change (`entry`, language-changed)
 * in the same batch, its before the language the area was in then: the stored one, else
 * `shownIn` (the one their browser's Accept-Language chose). Choosing the language the area is in
 * already stores the choice and logs nothing. Two changes at once are logged as they followed one
 * another, never both from the same language.
 *
 * @returns whether the stored language changed (false: it was that one, or no such account)
 */
export async function changeOrganizerLanguage(
  db: D1Database,
  id: number,
  language: Locale,
  shownIn: Locale,
  entry: ActivityRow,
): Promise<boolean> {
  const [, changed] = await db.batch([
    insertActivityBeforeStatement(db, entry, {
      before: "json_object('language', coalesce(language, ?3))",
      from: "organizers WHERE id = ?1 AND language IS NOT ?2 AND coalesce(language, ?3) IS NOT ?2",
      params: [id, language, shownIn],
    }),
    db.prepare("UPDATE organizers SET language = ?2 WHERE id = ?1 AND language IS NOT ?2").bind(id, language),
  ]);
  return changed!.meta.changes > 0;
}

/**
 * Makes `zone` (an IANA name, domain/time-zones.ts isTimeZone) the time zone
 * of `id`'s account (organizers.time_zone, migrations/0030): the pages about
 * no letter show their times, and read their days, in it. UTC chosen is
 * stored as "UTC", never left as none chosen: a letter's closing time zone
 * then never becomes the account's (rememberLetterTimeZone). The change is
 * logged (`entry`, time-zone-changed) in the same batch, its before the zone
 * in effect then ("UTC" for none chosen), only when that zone changes:
 * two changes at once are logged as they followed one another.
 *
 * @returns whether the stored zone changed (false: it was that one, or no such account)
 */
export async function changeOrganizerTimeZone(
  db: D1Database,
  id: number,
  zone: string,
  entry: ActivityRow,
): Promise<boolean> {
  const [, changed] = await db.batch([
    insertActivityBeforeStatement(db, entry, {
      before: "json_object('timeZone', coalesce(time_zone, ?3))",
      from: "organizers WHERE id = ?1 AND coalesce(time_zone, ?3) IS NOT ?2",
      params: [id, zone, DEFAULT_TIME_ZONE],
    }),
    db.prepare("UPDATE organizers SET time_zone = ?2 WHERE id = ?1 AND time_zone IS NOT ?2").bind(id, zone),
  ]);
  return changed!.meta.changes > 0;
}

/** What a person's next new letter starts with (migrations/0030): each null when nothing is remembered. */
export interface NewLetterChoices {
  /** The zone they last saved a closing time in, else their account's (IANA names). */
  timeZone: string | null;
  /** The language (BCP 47 tag) of the letter they last created, or last changed the language of. */
  language: string | null;
}

/** What `id`'s next new letter starts with; nulls for an unknown id. */
export async function newLetterChoices(db: D1Database, id: number): Promise<NewLetterChoices> {
  const row = await db
    .prepare("SELECT letter_time_zone, time_zone, letter_language FROM organizers WHERE id = ?1")
    .bind(id)
    .first<{ letter_time_zone: string | null; time_zone: string | null; letter_language: string | null }>();
  return {
    timeZone: knownTimeZone(row?.letter_time_zone) ?? knownTimeZone(row?.time_zone),
    language: row?.letter_language ?? null,
  };
}

/**
 * Remembers `zone` (an IANA name, already checked) as the one `id` last saved
 * a closing time in: their next new letter's closing time starts in it. It
 * becomes their account's time zone too while they have chosen none.
 */
export async function rememberLetterTimeZone(db: D1Database, id: number, zone: string): Promise<void> {
  await db
    .prepare("UPDATE organizers SET letter_time_zone = ?2, time_zone = coalesce(time_zone, ?2) WHERE id = ?1")
    .bind(id, zone)
    .run();
}

/** Remembers `language` (a BCP 47 tag, already checked by the letter form) for `id`'s next new letter. */
export async function rememberLetterLanguage(db: D1Database, id: number, language: string): Promise<void> {
  await db.prepare("UPDATE organizers SET letter_language = ?2 WHERE id = ?1").bind(id, language).run();
}
