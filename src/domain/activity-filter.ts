/**
 * The owners' activity page's filter (issue 15): by person, action, letter and days, as its form
 * and its CSV link send it. Pure: no I/O.
 */
// zod/mini with named imports (see domain/signature-filter.ts).
import { object, pipe, transform } from "zod/mini";
import { isActivityAction, type ActivityAction } from "./activity";
import { field } from "./form-fields";
import { refuseAs } from "./organizer-words";
import { isDay } from "./letter-form";
import { daysIn } from "./time-zones";

/** What the owners' page (and its CSV) narrows the log to; every field optional ("any"). */
export interface ActivityFilter {
  /** organizers.id; 0 for the system. */
  person?: number;
  action?: ActivityAction;
  /** letters.id */
  letter?: number;
  /** From this day, and until that one, inclusive (YYYY-MM-DD), each a day in the reader's time zone. */
  from?: string;
  to?: string;
}

/** A filter as storage reads it: its days turned into the UTC instants they begin and end at (see activityLogFilter). */
export interface ActivityLogFilter extends Omit<ActivityFilter, "from" | "to"> {
  /** Entries at or after this instant (ISO 8601 UTC), or null: any time. */
  since: string | null;
  /** Entries before this instant (ISO 8601 UTC), or null: any time. */
  earlierThan: string | null;
}

/**
 * `filter` as storage reads it, its days read in `zone`: the reader's own time zone
 * (organizers.time_zone, else UTC), the one the page shows its times in.
 */
export function activityLogFilter(filter: ActivityFilter, zone: string): ActivityLogFilter {
  const { from, to, ...rest } = filter;
  const { since, before } = daysIn(from, to, zone);
  return { ...rest, since, earlierThan: before };
}

/** The owners' page's query: its filter, and where its page starts (the last entry id seen). */
export interface ActivityQuery {
  filter: ActivityFilter;
  before?: number;
}

function idField(code: "personInvalid" | "letterInvalid" | "pageLink") {
  return field((text, ctx): number | undefined => {
    const value = text.trim();
    if (!value) return undefined;
    return /^\d{1,15}$/.test(value) ? Number(value) : refuseAs(ctx, code);
  });
}

function dayField(name: "from" | "until") {
  return field((text, ctx): string | undefined => {
    const value = text.trim();
    if (!value) return undefined;
    return isDay(value) ? value : refuseAs(ctx, "logDayInvalid", name);
  });
}

/** The filter's fields as the page's form and the CSV link send them (problems worded in the organizer's language, for a 400). */
export const activityQuerySchema = pipe(
  object({
    person: idField("personInvalid"),
    action: field((text, ctx): ActivityAction | undefined => {
      const value = text.trim();
      if (!value) return undefined;
      return isActivityAction(value) ? value : refuseAs(ctx, "activityInvalid");
    }),
    letter: idField("letterInvalid"),
    from: dayField("from"),
    to: dayField("until"),
    before: idField("pageLink"),
  }),
  transform(({ before, ...fields }): ActivityQuery => {
    const filter: ActivityFilter = {};
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined) (filter as Record<string, unknown>)[name] = value;
    }
    return before === undefined ? { filter } : { filter, before };
  }),
);

/** The filter as query parameters, for the page's links (older entries, the CSV file). */
export function activityParams(filter: ActivityFilter, before?: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ["person", "action", "letter", "from", "to"] as const) {
    const value = filter[name];
    if (value !== undefined) params.set(name, String(value));
  }
  if (before !== undefined) params.set("before", String(before));
  return params;
}
