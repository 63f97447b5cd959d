/**
 * The activity log (issue 15): every organizer action is told to recordActivity, once it is
 * stored. Owners read the log at /admin/activity; the signatures list shows each row's last entry.
 */
import {
  ACTIVITY_CHANGE_JSON_LIMIT,
  ACTIVITY_DETAIL_JSON_LIMIT,
  ACTIVITY_DETAIL_LIMIT,
  activityChange,
  fittedJson,
  type ActivityAction,
} from "../domain/activity";
import { activityDetail, detailWords, type ActivityDetail, type ActivityFields } from "../domain/activity-details";
import { en } from "../domain/locales/admin/en";
import type { Actor } from "../domain/organizer-roles";
import { activityLogFilter, type ActivityFilter, type ActivityQuery } from "../domain/activity-filter";
import type { Letter } from "../domain/letter";
import {
  activityPage,
  activityPeople,
  deleteActivityBefore,
  insertActivity,
  insertActivityUnlessSince,
  type ActivityListEntry,
  type ActivityRow,
} from "../storage/activity";
import { listAllLetters } from "../storage/letters";
import type { AppDeps } from "./deps";

/** What one entry of the log says. */
export interface ActivityEntry {
  action: ActivityAction;
  /** letters.id the action was on, if any. */
  letterId?: number | null;
  /** signatures.id the action was on, if any (never the signer's email or link). */
  signatureId?: number | null;
  /**
   * The changed fields before and after ({ status: "in_review" } -> { status: "hidden" }), of the
   * fields the catalogs word (domain/activity-details.ts ActivityFields); only the fields that
   * differ are kept, keys that look like secrets (secret, token, link, hash, password) are
   * dropped, strings are cut at 200 characters (domain/activity.ts activityChange).
   */
  before?: Partial<ActivityFields> | null;
  after?: Partial<ActivityFields> | null;
  /**
   * What else the entry says (the organizer's reason, which export, how many rows), as a code and
   * its arguments (activityDetail("inBulk")), worded in the reader's language when the log is read.
   */
  detail?: ActivityDetail | null;
  /** Who acted; defaults to deps.actor. An entry without any actor is the system's. */
  actor?: Actor;
}

/**
 * `entry` as the row stored, stamped with deps.now() and its actor (entry.actor, else deps.actor,
 * else the system). An actor that acted through a bearer token (Actor.apiToken) has it said in the
 * detail (its `apiToken`, worded activity.details.viaApiToken after the detail's own words, or the
 * detail viaApiToken alone), and its id (`apiTokenId`, never worded). Its detail is stored as its code and arguments (JSON), and in English beside
 * them (cut at ACTIVITY_DETAIL_LIMIT, 1,000 characters), for whoever reads the table with SQL
 * (migrations/0027). Each JSON column fits its CHECK whatever the entry holds (domain/activity.ts
 * fittedJson cuts its strings): storing an entry never fails for its size. For a caller that
 * writes it in one batch with the change it logs (storage/activity.ts insertActivityStatement).
 */
export function activityRow(deps: Pick<AppDeps, "now" | "actor">, entry: ActivityEntry): ActivityRow {
  const actor = entry.actor ?? deps.actor;
  const { before, after } = activityChange(entry.before ?? null, entry.after ?? null);
  // An action through a bearer token says which one, beside its own detail (if any).
  const token = actor?.apiToken;
  const detail: ActivityDetail | null = token
    ? entry.detail
      ? { ...entry.detail, apiToken: token.label, apiTokenId: token.id }
      : { ...activityDetail("viaApiToken", token.label), apiTokenId: token.id }
    : (entry.detail ?? null);
  const words = detail ? detailWords(en, detail).trim() : "";
  return {
    at: deps.now().toISOString(),
    organizerId: actor?.id ?? null,
    organizerName: actor?.name ?? null,
    action: entry.action,
    letterId: entry.letterId ?? null,
    signatureId: entry.signatureId ?? null,
    beforeJson: before ? fittedJson(before, ACTIVITY_CHANGE_JSON_LIMIT) : null,
    afterJson: after ? fittedJson(after, ACTIVITY_CHANGE_JSON_LIMIT) : null,
    detail: words ? words.slice(0, ACTIVITY_DETAIL_LIMIT) : null,
    detailJson: words ? fittedJson(detail, ACTIVITY_DETAIL_JSON_LIMIT) : null,
  };
}

/**
 * Appends `entry` to the activity log (as activityRow makes it), on its own: after the change it
 * logs, where the two could not be one batch.
 *
 * @throws StorageUnavailable when D1 does not answer (storage/database.ts); the action it logs
 *   has been stored already, so callers record after the change and let the error answer 503.
 */
export async function recordActivity(deps: Pick<AppDeps, "db" | "now" | "actor">, entry: ActivityEntry): Promise<void> {
  await insertActivity(deps.db, activityRow(deps, entry));
}

/**
 * Appends `entry` (an entry of its actor about a letter) unless the log already has one of the
 * same person, action, letter and detail code, through the same way in (the same API token, or
 * ADMIN_TOKEN, or a session), at or after `since`: for what is noted at most once in a while. Checked and written in one statement, so that requests at the same moment write
 * one entry between them (storage/activity.ts insertActivityUnlessSince).
 *
 * @returns whether the entry was written
 * @throws StorageUnavailable when D1 does not answer
 */
export async function recordActivityUnlessSince(
  deps: Pick<AppDeps, "db" | "now" | "actor">,
  entry: ActivityEntry,
  since: Date,
): Promise<boolean> {
  return insertActivityUnlessSince(deps.db, activityRow(deps, entry), since.toISOString());
}

/** Entries deleted per statement by forgetOldActivity (a bounded write, well within D1's limits). */
export const ACTIVITY_DELETE_BATCH = 5_000;

/**
 * Deletes the activity log's entries older than `days` days before `now` (ACTIVITY_RETENTION_DAYS:
 * the maintenance job), at most `batches` × ACTIVITY_DELETE_BATCH a run; a longer backlog goes on
 * at the next run.
 *
 * @returns how many entries were deleted
 */
export async function forgetOldActivity(
  deps: Pick<AppDeps, "db">,
  now: Date,
  days: number,
  batches = 4,
): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  let deleted = 0;
  for (let batch = 0; batch < batches; batch++) {
    const count = await deleteActivityBefore(deps.db, cutoff, ACTIVITY_DELETE_BATCH);
    deleted += count;
    if (count < ACTIVITY_DELETE_BATCH) break;
  }
  return deleted;
}

/** Entries per page of the owners' page. */
export const ACTIVITY_PAGE_SIZE = 50;

/** What the owners' page shows: a page of entries, where the next (older) one starts, and the filter's choices. */
export interface ActivityLogPage {
  entries: ActivityListEntry[];
  /** The `before` of the next page, or null on the last one. */
  nextBefore: number | null;
  people: { id: number; name: string; disabled: boolean }[];
  letters: Pick<Letter, "id" | "title">[];
}

/**
 * A page of the activity log for the owners' page (newest first, ACTIVITY_PAGE_SIZE entries), its
 * filter's days read in `zone` (the reader's time zone, in which the page shows its times).
 */
export async function activityLog(deps: AppDeps, query: ActivityQuery, zone: string): Promise<ActivityLogPage> {
  const filter = activityLogFilter(query.filter, zone);
  const [rows, people, letters] = await Promise.all([
    activityPage(deps.db, filter, { before: query.before, limit: ACTIVITY_PAGE_SIZE + 1 }),
    activityPeople(deps.db),
    listAllLetters(deps.db),
  ]);
  const entries = rows.slice(0, ACTIVITY_PAGE_SIZE);
  return {
    entries,
    nextBefore: rows.length > ACTIVITY_PAGE_SIZE ? entries.at(-1)!.id : null,
    people,
    letters: letters.map((letter) => ({ id: letter.id, title: letter.title })),
  };
}

/** Entries read per query by the log's CSV file. */
export const ACTIVITY_EXPORT_PAGE = 1_000;

/**
 * The log's entries that `filter` matches, newest first, a page at a time, for its CSV file. The
 * first page is read before this returns (a database that does not answer is an error, not an
 * empty file); the download itself is logged (export-downloaded): the log names signers. The
 * filter's days are read in `zone`, the reader's time zone, as on the page.
 */
export async function activityPages(
  deps: AppDeps,
  asked: ActivityFilter,
  zone: string,
): Promise<AsyncIterable<ActivityListEntry[]>> {
  const filter = activityLogFilter(asked, zone);
  const first = await activityPage(deps.db, filter, { limit: ACTIVITY_EXPORT_PAGE });
  await recordActivity(deps, { action: "export-downloaded", detail: activityDetail("activityCsv") });
  return (async function* pages() {
    let page = first;
    for (;;) {
      yield page;
      if (page.length < ACTIVITY_EXPORT_PAGE) return;
      page = await activityPage(deps.db, filter, { before: page.at(-1)!.id, limit: ACTIVITY_EXPORT_PAGE });
    }
  })();
}
