/**
 * The owners' activity log (/admin/activity): who did what, on which letter and signature, when,
 * and what changed, in words; newest first, a page at a time, narrowed by person, action, letter
 * and days, and downloadable as CSV with the same filter. Works without JavaScript (the filter is
 * a GET form); a list rather than a table, so that it reads at 390 px.
 */
import type { ActivityLogPage } from "../../app/activity";
import { ACTIVITY_ACTIONS, isActivityAction } from "../../domain/activity";
import { ACTIVITY_FIELD_KINDS, entryDetailWords, isActivityField } from "../../domain/activity-details";
import { activityParams, type ActivityFilter } from "../../domain/activity-filter";
import type { AdminMessages } from "../../domain/i18n";
import { DEFAULT_TIME_ZONE } from "../../domain/time-zones";
import type { ActivityListEntry } from "../../storage/activity";
import { AdminLayout } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { FilterDate, FilterSelect } from "./form-fields";
import { AccountZoneNote, Time, useAccountTimeZone } from "./time";

export const ACTIVITY_PATH = "/admin/activity";

/**
 * A value of a before/after object in words, as its field's kind says (domain/activity-details.ts
 * ACTIVITY_FIELD_KINDS): statuses, stages and roles by their names, languages by theirs, days and
 * times as dates, what people typed as typed. A field the log no longer writes (an older entry's)
 * is worded as best it can be: its values looked up, times as times, read in `zone` (an IANA name:
 * the reader's on the page; the CSV file's are UTC, as its times). A letter setting left unset
 * says what that means (activity.unset: "the site's default", "no closing time"), other empty
 * values "none".
 */
export function activityValue(
  value: unknown,
  t: AdminMessages,
  key?: string,
  zone: string = DEFAULT_TIME_ZONE,
): string {
  const w = t.activity;
  if (value === null || value === undefined || value === "") {
    const unset: Record<string, string> = w.unset;
    return key !== undefined && Object.hasOwn(unset, key) ? unset[key]! : w.none;
  }
  const kind = key !== undefined && isActivityField(key) ? ACTIVITY_FIELD_KINDS[key] : null;
  if (value === true) return w.yes;
  if (value === false) return w.no;
  if (typeof value === "number") return t.number(value);
  if (typeof value !== "string") return JSON.stringify(value);
  if (kind === "typed") return value;
  if (kind === "language") return t.languageName(value);
  if (kind === "day" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return t.date(value);
  const values: Record<string, string> = w.values;
  if (kind !== "time" && Object.hasOwn(values, value)) return values[value]!;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return t.time(value, zone);
  return value;
}

/**
 * Each changed field of an entry, "Status: waiting for review → hidden". A person's name that is the
 * bootstrap account's stored one, in an entry by that account (renaming itself), is worded as
 * people.nameOf words it ("Owner (admin token)" in the reader's language).
 */
export function activityChanges(
  entry: Pick<ActivityListEntry, "before" | "after"> & { organizerId?: number | null },
  t: AdminMessages,
  zone: string = DEFAULT_TIME_ZONE,
): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const value = (fields: Record<string, unknown>, key: string) => {
    const raw = fields[key];
    return key === "name" && typeof raw === "string" && raw !== ""
      ? t.people.nameOf({ id: entry.organizerId ?? null, name: raw })
      : activityValue(raw, t, key, zone);
  };
  const fields: Record<string, string> = t.activity.fields;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((key) => {
    const label = Object.hasOwn(fields, key) ? fields[key]! : key;
    if (!entry.before) return `${label}: ${value(after, key)}`;
    return t.activity.change(label, value(before, key), value(after, key));
  });
}

/** What the entry did, after its person's name. */
export function actionWords(action: string, t: AdminMessages): string {
  return isActivityAction(action) ? t.activity.actions[action] : action;
}

function Entry({ entry }: { entry: ActivityListEntry }) {
  const t = useAdminWords();
  const w = t.activity;
  const changes = activityChanges(entry, t, useAccountTimeZone().zone);
  const detail = entryDetailWords(t, entry);
  return (
    <li class="activity-entry">
      <p>
        <strong>
          {entry.organizerName === null
            ? w.system
            : t.people.nameOf({ id: entry.organizerId, name: entry.organizerName })}
        </strong>{" "}
        {actionWords(entry.action, t)}
        {" · "}
        <Time iso={entry.at} />
      </p>
      {(entry.letterTitle !== null || entry.signatureId !== null) && (
        <p class="meta">
          {entry.letterTitle !== null && (
            <>
              {w.onLetter}:{" "}
              {entry.letterSlug ? (
                <a href={`/admin/letters/${entry.letterSlug}`}>{entry.letterTitle}</a>
              ) : (
                w.deletedLetter(entry.letterTitle)
              )}
            </>
          )}
          {entry.letterTitle !== null && entry.signatureId !== null && " · "}
          {entry.signatureId !== null && (
            <>
              {w.signature}:{" "}
              {entry.signatureName && entry.letterSlug ? (
                <a
                  href={`/admin/letters/${entry.letterSlug}/signatures?${new URLSearchParams({ q: entry.signatureName })}`}
                >
                  {entry.signatureName}
                </a>
              ) : (
                w.erasedSignature
              )}
            </>
          )}
        </p>
      )}
      {changes.length > 0 && (
        <ul class="activity-changes" aria-label={w.changes}>
          {changes.map((change) => (
            <li>{change}</li>
          ))}
        </ul>
      )}
      {detail && <p class="activity-detail">{detail}</p>}
    </li>
  );
}

function FilterForm({ filter, page }: { filter: ActivityFilter; page: ActivityLogPage }) {
  const t = useAdminWords();
  const w = t.activity;
  return (
    <form method="get" action={ACTIVITY_PATH} class="filters" role="search" aria-label={w.filterHeading}>
      <FilterSelect
        name="person"
        label={w.person}
        any={w.anyone}
        selected={filter.person}
        options={[
          { value: "0", label: w.system },
          ...page.people.map((person) => ({
            value: String(person.id),
            label: person.disabled ? w.noLongerActive(t.people.nameOf(person)) : t.people.nameOf(person),
          })),
        ]}
      />
      <FilterSelect
        name="action"
        label={w.action}
        any={w.anyAction}
        selected={filter.action}
        options={ACTIVITY_ACTIONS.map((action) => ({ value: action, label: w.actions[action] }))}
      />
      <FilterSelect
        name="letter"
        label={w.letter}
        any={w.anyLetter}
        selected={filter.letter}
        options={page.letters.map((letter) => ({ value: String(letter.id), label: letter.title }))}
      />
      <FilterDate name="from" label={w.from} value={filter.from} />
      <FilterDate name="to" label={w.until} value={filter.to} />
      <button type="submit">{w.show}</button>
      <a href={ACTIVITY_PATH}>{w.showAll}</a>
    </form>
  );
}

export function ActivityPage({
  csrf,
  filter,
  page,
  retentionDays,
}: {
  csrf: string | null;
  filter: ActivityFilter;
  page: ActivityLogPage;
  retentionDays: number;
}) {
  const t = useAdminWords();
  const w = t.activity;
  const query = activityParams(filter).toString();
  return (
    <AdminLayout title={w.title} csrf={csrf}>
      <h1>{w.title}</h1>
      <p>{w.intro(retentionDays)}</p>
      <AccountZoneNote />
      <h2 class="visually-hidden">{w.filterHeading}</h2>
      <FilterForm filter={filter} page={page} />
      <p class="actions">
        <a href={`${ACTIVITY_PATH}.csv${query ? `?${query}` : ""}`}>{w.download}</a>
      </p>
      {page.entries.length === 0 ? (
        <p>{w.empty}</p>
      ) : (
        <ol class="activity" aria-label={w.caption}>
          {page.entries.map((entry) => (
            <Entry entry={entry} />
          ))}
        </ol>
      )}
      {page.nextBefore !== null && (
        <p>
          <a href={`${ACTIVITY_PATH}?${activityParams(filter, page.nextBefore).toString()}`}>{w.older}</a>
        </p>
      )}
    </AdminLayout>
  );
}
