/**
 * Whether the activity log's stored entries have words in every organizer catalog: each field of
 * their before/after objects named in `activity.fields`, each value of the system's own words
 * (statuses, stages, roles, steps…) in `activity.values`, each detail's code in
 * `activity.details` with the arguments its words take. Used by the tests that make entries the
 * way organizers do (test/routes/activity-hooks.test.ts, activity-languages.test.ts).
 */
import { env } from "cloudflare:workers";
import { ACTIVITY_FIELD_KINDS, isActivityField, readStoredDetail } from "../src/domain/activity-details";
import { adminMessagesFor, LOCALES } from "../src/domain/i18n";

/** What a value of a "words" field may be without being in activity.values: a webhook's site, an HTTP status. */
function isData(value: unknown): boolean {
  return typeof value !== "string" || /^https?:\/\//.test(value);
}

/**
 * What the log's entries after `afterId` hold that some catalog does not word, as
 * "fr: values.moderator" or "es: details.inBulk/0" lines (empty: everything is worded).
 */
export async function unworded(afterId = 0): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT action, before_json, after_json, detail, detail_json FROM organizer_activity WHERE id > ?1",
  )
    .bind(afterId)
    .all<{
      action: string;
      before_json: string | null;
      after_json: string | null;
      detail: string | null;
      detail_json: string | null;
    }>();
  const missing = new Set<string>();
  for (const locale of LOCALES) {
    const words = adminMessagesFor(locale).activity;
    const values: Record<string, string> = words.values;
    const details: Record<string, unknown> = words.details;
    for (const row of results) {
      for (const json of [row.before_json, row.after_json]) {
        for (const [key, value] of Object.entries(json ? (JSON.parse(json) as Record<string, unknown>) : {})) {
          if (!isActivityField(key) || !Object.hasOwn(words.fields, key)) missing.add(`${locale}: fields.${key}`);
          else if (ACTIVITY_FIELD_KINDS[key] === "words" && !isData(value) && !Object.hasOwn(values, value as string))
            missing.add(`${locale}: values.${String(value)} (${key})`);
        }
      }
      if (row.detail === null) continue;
      const coded = readStoredDetail(row.detail_json);
      if (!coded) missing.add(`${row.action}: a detail without a code: ${row.detail}`);
      else if (!Object.hasOwn(details, coded.code)) missing.add(`${locale}: details.${coded.code}`);
      else {
        const wording = details[coded.code];
        const arity = typeof wording === "function" ? wording.length : 0;
        if (arity !== coded.args.length) missing.add(`${locale}: details.${coded.code}/${coded.args.length}`);
      }
    }
  }
  return [...missing];
}
