/**
 * The owners' activity log (mounted at /admin/activity, behind organizerPages() and
 * allow("administer")): the page, newest first and filtered, and the same entries as a CSV file
 * (/admin/activity.csv) in the reader's language and separator, streamed a page at a time as the
 * signatures' export is (http/csv-file.ts).
 */
import { Hono, type Context } from "hono";
import { activityLog, activityPages } from "../app/activity";
import { activityQuerySchema } from "../domain/activity-filter";
import { zonedHeading } from "../domain/signature-export";
import { DEFAULT_TIME_ZONE } from "../domain/time-zones";
import type { AppEnv } from "../http/app-env";
import { allow, organizerPages } from "../http/authentication";
import { csvFile } from "../http/csv-file";
import { adminWords } from "../http/language";
import { adminHtml } from "../http/organizer-area";
import { organizerRefusal, validation } from "../http/validation";
import { ActivityPage, entryWords } from "../views/admin/activity-page";

const validate = validation<AppEnv>();
const query = validate("query", activityQuerySchema, (result) => {
  if (!result.success) throw organizerRefusal(400, "filterRefused", result.error);
});

export const adminActivity = new Hono<AppEnv>();

/** The reader's time zone: the page shows its times, and reads the filter's days, in it. */
function readersZone(c: Context<AppEnv>): string {
  return c.var.organizer?.timeZone ?? DEFAULT_TIME_ZONE;
}

adminActivity.use(organizerPages());
adminActivity.use(allow("administer"));

adminActivity.get("/", query, async (c) => {
  const { filter, before } = c.req.valid("query");
  return adminHtml(
    c,
    <ActivityPage
      csrf={c.var.organizer!.csrf}
      filter={filter}
      page={await activityLog(c.var.deps, { filter, before }, readersZone(c))}
      retentionDays={c.var.deps.settings.activityRetentionDays}
    />,
  );
});

export const adminActivityCsv = new Hono<AppEnv>();

adminActivityCsv.use(organizerPages());
adminActivityCsv.use(allow("administer"));

adminActivityCsv.get("/", query, async (c) => {
  const { filter } = c.req.valid("query");
  const pages = await activityPages(c.var.deps, filter, readersZone(c));
  const t = adminWords(c);
  const w = t.activity;
  // Its times stay in UTC, as stored (ISO 8601): the heading says so in the reader's words.
  const header = [zonedHeading(t.csv.activityTime, "UTC"), w.person, w.action, w.letter, w.signature, w.changes];
  async function* records() {
    for await (const page of pages) {
      yield page.map((entry) => {
        const said = entryWords(entry, t);
        return [
          entry.at,
          entry.organizerName === null
            ? w.system
            : t.people.nameOf({ id: entry.organizerId, name: entry.organizerName }),
          said.action,
          entry.letterTitle ?? "",
          entry.signatureId === null ? "" : (entry.signatureName ?? w.erasedSignature),
          said.changes.join("; "),
          said.detail ?? "",
        ];
      });
    }
  }
  const day = c.var.deps.now().toISOString().slice(0, 10);
  return csvFile(c, [...header, t.csv.activityDetail], records(), `attachment; filename="activity-${day}.csv"`);
});
