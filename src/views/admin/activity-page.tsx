/**
 * The owners' activity log (/admin/activity): who did what, on which letter and signature, when,
 * and what changed, in words; newest first, a page at a time, narrowed by person, action, letter
 * and days, and downloadable as CSV with the same filter. Works without JavaScript (the filter is
 * a GET form); a list rather than a table, so that it reads at 390 px.
 */
import { Isolated } from "../bidi";
import type { ActivityLogPage } from "../../app/activity";
import { ACTIVITY_ACTIONS, isActivityAction } from "../../domain/activity";
import { ACTIVITY_FIELD_KINDS, entryDetailWords, isActivityField } from "../../domain/activity-details";
import { activityParams, type ActivityFilter } from "../../domain/activity-filter";
import type { AdminMessages } from "../../domain/i18n";
import type { Role } from "../../domain/organizer-roles";
import { DEFAULT_TIME_ZONE, timeZoneLabel } from "../../domain/time-zones";
import type { ActivityListEntry } from "../../storage/activity";
import { AdminLayout } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { FilterDate, FilterSelect } from "./form-fields";
import { AccountZoneNote, Time, useAccountTimeZone } from "./time";

export const ACTIVITY_PATH = "/admin/activity";

/**
 * A value of a before/after object in words, as its field's kind says (domain/activity-details.ts
 * ACTIVITY_FIELD_KINDS): statuses, stages and roles by their names, languages by theirs, days and
 * times as dates, time zones by their country and city, what people typed as typed. A field the
 * log no longer writes (an older entry's) is worded as best it can be: its values looked up, times
 * as times, read in `zone` (an IANA name: the reader's, on the page and in the CSV file alike, as
 * their times; a closing time at midnight as the minute before). A letter setting left unset
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
  if (typeof value === "boolean") {
    const setting: Record<string, { yes: string; no: string }> = w.settingValues;
    const words = key !== undefined && Object.hasOwn(setting, key) ? setting[key]! : w;
    return value ? words.yes : words.no;
  }
  if (typeof value === "number") return t.number(value);
  if (typeof value !== "string") return JSON.stringify(value);
  if (kind === "typed") return value;
  if (kind === "language") return t.languageName(value);
  if (kind === "zone") return timeZoneLabel(value, t.locale);
  if (kind === "day" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return t.date(value);
  const values: Record<string, string> = w.values;
  if (kind !== "time" && Object.hasOwn(values, value)) return values[value]!;
  // A closing time at midnight reads as the minute before, as everywhere else (format.ts formatTime).
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return t.time(value, zone, { deadline: key === "closesAt" });
  return value;
}

/** A "notes" field's value (language → text), or none for anything else. */
function notesOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/**
 * Each changed field of an entry, "Status: waiting for review → hidden"; of an entry that only
 * creates (after alone) or deletes (before alone), and of a field kept after only (a delivery's day
 * and notes, once delivered), its value alone, "Title: The letter". A
 * "notes" field says each language's note on a line of its own ("Public note in Spanish: …"). A
 * person's name that is the bootstrap account's stored one, in an entry by that account (renaming
 * itself), is worded as people.nameOf words it ("Owner (admin token)" in the reader's language).
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
  // A value the entry did not keep before (a creation, or a field it set for the first time) is said
  // alone; one it kept before and not after, alone in a deletion, else as becoming none.
  const line = (label: string, was: string | undefined, is: string | undefined) => {
    if (was === undefined) return `${label}: ${is ?? t.activity.none}`;
    if (is === undefined && !entry.after) return `${label}: ${was}`;
    return t.activity.change(label, was, is ?? t.activity.none);
  };
  const fields: Record<string, string> = t.activity.fields;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((key) => {
    if (isActivityField(key) && ACTIVITY_FIELD_KINDS[key] === "notes") {
      const was = notesOf(before[key]);
      const is = notesOf(after[key]);
      return [...new Set([...Object.keys(was), ...Object.keys(is)])]
        .filter((language) => was[language] !== is[language])
        .map((language) => line(t.activity.noteIn(t.languageName(language)), was[language], is[language]));
    }
    const label = Object.hasOwn(fields, key) ? fields[key]! : key;
    const kept = (values: Record<string, unknown>) => (Object.hasOwn(values, key) ? value(values, key) : undefined);
    return [line(label, kept(before), kept(after))];
  });
}

/** What an entry says, in the reader's words: its sentence (after its person's name), its changes, its detail. */
export interface EntryWords {
  action: string;
  changes: string[];
  detail: string | null;
}

/**
 * The sentence an entry's detail makes of its action, where the action alone says too little: an
 * import's start ("started an import") and its end ("imported 12 signatures"), both stored as
 * import-run; an invitation with whom it went to and as what, in one sentence (its detail then
 * is not said again). Null for every other entry, and for a detail whose arguments are not what
 * the words take (stored by another version).
 */
function entrySentence(
  entry: Pick<ActivityListEntry, "action" | "detailCode">,
  t: AdminMessages,
): { words: string; saysDetail: boolean } | null {
  const coded = entry.detailCode;
  if (!coded) return null;
  const said = t.activity.sentences;
  const [first, second, third, fourth] = coded.args;
  const text = (value: unknown): value is string => typeof value === "string";
  if (entry.action === "import-run" && coded.code === "importStarted")
    return { words: said.importStarted, saysDetail: false };
  if (entry.action === "import-run" && coded.code === "importFinished" && typeof third === "number")
    return { words: said.importFinished(third), saysDetail: false };
  if (entry.action !== "invitation-sent") return null;
  if (
    coded.code === "invited" &&
    coded.args.length === 4 &&
    text(first) &&
    text(second) &&
    typeof fourth === "boolean"
  ) {
    const roles: Record<string, string> = t.layout.roleNames;
    if (text(third) && Object.hasOwn(roles, third))
      return { words: said.invited(first, second, third as Role, fourth), saysDetail: true };
  }
  if (
    coded.code === "invitedAgain" &&
    coded.args.length === 3 &&
    text(first) &&
    text(second) &&
    typeof third === "boolean"
  )
    return { words: said.invitedAgain(first, second, third), saysDetail: true };
  return null;
}

/**
 * Actions whose before/after the entry's words already say: a discarded import (the step it was
 * at, "reviewed → none", said nothing), an invitation (its sentence names the person, the address
 * and the role). Entries stored before these were left out still show without them.
 */
const SAID_BY_THE_ACTION: ReadonlySet<string> = new Set(["import-discarded", "invitation-sent"]);

/**
 * What an entry says to a reader of `t`, on the page and in the CSV file: its action, or the
 * sentence its detail makes of it (entrySentence); its changes (activityChanges, times in
 * `zone`); its detail (entryDetailWords), unless the sentence says it, then only which bearer
 * token it came through, if any.
 */
export function entryWords(
  entry: Pick<ActivityListEntry, "action" | "before" | "after" | "organizerId" | "detail" | "detailCode">,
  t: AdminMessages,
  zone: string = DEFAULT_TIME_ZONE,
): EntryWords {
  const sentence = entrySentence(entry, t);
  const apiToken = entry.detailCode?.apiToken;
  return {
    action: sentence?.words ?? actionWords(entry.action, t),
    changes: SAID_BY_THE_ACTION.has(entry.action) ? [] : activityChanges(entry, t, zone),
    detail: sentence?.saysDetail
      ? apiToken === undefined
        ? null
        : t.activity.details.viaApiToken(apiToken)
      : entryDetailWords(t, entry),
  };
}

/** What the entry did, after its person's name. */
export function actionWords(action: string, t: AdminMessages): string {
  return isActivityAction(action) ? t.activity.actions[action] : action;
}

function Entry({ entry }: { entry: ActivityListEntry }) {
  const t = useAdminWords();
  const w = t.activity;
  const { action, changes, detail } = entryWords(entry, t, useAccountTimeZone().zone);
  return (
    <li class="activity-entry">
      <p>
        <strong>
          {entry.organizerName === null ? (
            w.system
          ) : (
            <Isolated text={t.people.nameOf({ id: entry.organizerId, name: entry.organizerName })} />
          )}
        </strong>{" "}
        {action}
        {" · "}
        <Time iso={entry.at} />
      </p>
      {(entry.letterTitle !== null || entry.signatureId !== null) && (
        <p class="meta">
          {entry.letterTitle !== null && (
            <>
              {w.onLetter}:{" "}
              {entry.letterSlug ? (
                <a href={`/admin/letters/${entry.letterSlug}`}>
                  <Isolated text={entry.letterTitle} />
                </a>
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
                  <Isolated text={entry.signatureName} />
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
