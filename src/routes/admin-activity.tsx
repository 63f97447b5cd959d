/**
 * The owners' activity log (mounted at /admin/activity, behind organizerPages() and
 * allow("administer")): the page, newest first and filtered, and the same entries as a CSV file
 * (/admin/activity.csv), streamed a page at a time as the signatures' export is.
 */
import { Hono, type Context } from "hono";
// The synchronous build: plain ESM with no Node.js stream, so it runs in workerd; each page of rows is one call.
import { stringify } from "csv-stringify/sync";
import { activityLog, activityPages } from "../app/activity";
import { entryDetailWords } from "../domain/activity-details";
import { activityQuerySchema } from "../domain/activity-filter";
import { neutralizeCell } from "../domain/signature-export";
import { DEFAULT_TIME_ZONE } from "../domain/time-zones";
import type { AppEnv } from "../http/app-env";
import { allow, organizerPages } from "../http/authentication";
import { adminWords } from "../http/language";
import { adminHtml } from "../http/organizer-area";
import { textStream } from "../http/text-stream";
import { organizerRefusal, validation } from "../http/validation";
import { actionWords, activityChanges, ActivityPage } from "../views/admin/activity-page";

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

/** The CSV file's columns (English, like the signatures' export). */
const COLUMNS = ["time_utc", "person", "action", "letter", "signature", "changes", "detail"] as const;

export const adminActivityCsv = new Hono<AppEnv>();

adminActivityCsv.use(organizerPages());
adminActivityCsv.use(allow("administer"));

adminActivityCsv.get("/", query, async (c) => {
  const { filter } = c.req.valid("query");
  const pages = await activityPages(c.var.deps, filter, readersZone(c));
  const t = adminWords(c);
  // As the signatures' export: a BOM for Excel, every cell quoted, formulas neutralized (neutralizeCell also
  // after leading blanks and invisible characters, which csv-stringify's escape_formulas does not look past).
  const options = { quoted: true, quoted_empty: true, escape_formulas: true, record_delimiter: "windows" } as const;
  async function* csv() {
    yield stringify([[...COLUMNS]], { ...options, bom: true });
    for await (const page of pages) {
      if (page.length === 0) continue;
      yield stringify(
        page.map((entry) =>
          [
            entry.at,
            entry.organizerName === null
              ? t.activity.system
              : t.people.nameOf({ id: entry.organizerId, name: entry.organizerName }),
            actionWords(entry.action, t),
            entry.letterTitle ?? "",
            entry.signatureId === null ? "" : (entry.signatureName ?? t.activity.erasedSignature),
            activityChanges(entry, t).join("; "),
            entryDetailWords(t, entry) ?? "",
          ].map(neutralizeCell),
        ),
        options,
      );
    }
  }
  return c.body(textStream(csv()), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="activity-${c.var.deps.now().toISOString().slice(0, 10)}.csv"`,
    "Cache-Control": "no-store",
  });
});
