/**
 * The owners' activity log (mounted at /admin/activity, behind organizerPages() and
 * allow("administer")): the page, newest first and filtered, and the same entries as a CSV file
 * (/admin/activity.csv) in the reader's language and separator, streamed a page at a time as the
 * signatures' export is (http/csv-file.ts).
 */
import { Hono, type Context } from "hono";
import { activityLog, activityPages } from "../app/activity";
import { activityQuerySchema } from "../domain/activity-filter";
import { activityFileName, spreadsheetTime, zonedHeading } from "../domain/signature-export";
import { DEFAULT_TIME_ZONE, wallClockTime } from "../domain/time-zones";
import type { AppEnv } from "../http/app-env";
import { allow, organizerPages } from "../http/authentication";
import { attachment, csvFile } from "../http/csv-file";
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
  const zone = readersZone(c);
  const pages = await activityPages(c.var.deps, filter, zone);
  const t = adminWords(c);
  const w = t.activity;
  // Its times in the reader's zone, as its filter's days are, written as the signatures' file writes
  // them ("2026-11-30 19:47:09"), under a heading that names the zone: "Fecha (America/Tegucigalpa)".
  const header = [zonedHeading(t.csv.activityTime, zone), w.person, w.action, w.letter, w.signature, w.changes];
  async function* records() {
    for await (const page of pages) {
      yield page.map((entry) => {
        const said = entryWords(entry, t, zone);
        return [
          spreadsheetTime(entry.at, zone),
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
  const name = activityFileName(wallClockTime(c.var.deps.now().toISOString(), zone).slice(0, 10), t.csv.fileNames);
  return csvFile(c, [...header, t.csv.activityDetail], records(), attachment(name, name));
});
