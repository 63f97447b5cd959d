/**
 * The activity log (issue 15): every organizer action is told to recordActivity, once it is
 * stored. Owners read the log at /admin/activity; the signatures list shows each row's last entry.
 */
import { ACTIVITY_DETAIL_LIMIT, activityChange, type ActivityAction } from "../domain/activity";
import type { Actor } from "../domain/organizer-roles";
import { insertActivity } from "../storage/activity";
import type { AppDeps } from "./deps";

/** What one entry of the log says. */
export interface ActivityEntry {
  action: ActivityAction;
  /** letters.id the action was on, if any. */
  letterId?: number | null;
  /** signatures.id the action was on, if any (never the signer's email or link). */
  signatureId?: number | null;
  /**
   * The changed fields before and after ({ status: "pending" } -> { status: "hidden" }); only the
   * fields that differ are kept, keys that look like secrets (secret, token, link, hash, password)
   * are dropped, strings are cut at 200 characters (domain/activity.ts activityChange).
   */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Words: the organizer's reason, which export, how many rows (cut at 1,000 characters). */
  detail?: string | null;
  /** Who acted; defaults to deps.actor. An entry without any actor is the system's. */
  actor?: Actor;
}

/**
 * Appends `entry` to the activity log, stamped with deps.now() and its actor (entry.actor, else
 * deps.actor, else the system).
 *
 * @throws StorageUnavailable when D1 does not answer (storage/database.ts); the action it logs
 *   has been stored already, so callers record after the change and let the error answer 503.
 */
export async function recordActivity(deps: AppDeps, entry: ActivityEntry): Promise<void> {
  const actor = entry.actor ?? deps.actor;
  const { before, after } = activityChange(entry.before ?? null, entry.after ?? null);
  const detail = entry.detail?.trim() ? entry.detail.trim().slice(0, ACTIVITY_DETAIL_LIMIT) : null;
  await insertActivity(deps.db, {
    at: deps.now().toISOString(),
    organizerId: actor?.id ?? null,
    organizerName: actor?.name ?? null,
    action: entry.action,
    letterId: entry.letterId ?? null,
    signatureId: entry.signatureId ?? null,
    beforeJson: before ? JSON.stringify(before) : null,
    afterJson: after ? JSON.stringify(after) : null,
    detail,
  });
}
