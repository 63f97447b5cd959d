/**
 * A letter's notification settings as organizers type them
 * (POST /admin/letters/{slug}/notifications): a webhook address for each
 * counted signature, whether it carries the signer's email, an address for
 * the daily summary, and whether to give the webhook a new secret. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { boolean, nullable, object, optional, pipe, strictObject, string, transform } from "zod/mini";
import { field, fieldErrors, formValues, type FormIssues } from "./form-fields";
import { normalizeEmail } from "./mailbox";
import { isEmailAddress } from "./signature";
import { webhookUrlProblem, WEBHOOK_URL_MAX_LENGTH } from "./webhook";
import { refuseAs } from "./organizer-words";

/**
 * The hour (UTC, 0–23) the daily summary goes out: its cron trigger is `0 {hour} * * *`
 * (wrangler.jsonc, src/index.ts CRONS.dailySummary). A cron trigger runs in UTC.
 */
export const DAILY_SUMMARY_UTC_HOUR = 7;

/**
 * When the daily summary of `now`'s day goes out (ISO 8601 UTC): DAILY_SUMMARY_UTC_HOUR on its
 * UTC date, read on a letter's wall clock to say it in the letter's time zone (the offset of that
 * day, daylight saving included).
 */
export function dailySummaryAt(now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return `${day}T${String(DAILY_SUMMARY_UTC_HOUR).padStart(2, "0")}:00:00.000Z`;
}

export const NOTIFICATION_FIELDS = ["webhook_url", "summary_email", "webhook_includes_email"] as const;
export type NotificationField = (typeof NOTIFICATION_FIELDS)[number];

/** The settings the form asks for. */
export interface NotificationInput {
  webhookUrl: string | null;
  includeEmail: boolean;
  summaryEmail: string | null;
  /** Give the webhook a new secret even though it has one. */
  rotateSecret: boolean;
}

/** The form's schema; with `loopback`, a webhook on this machine is accepted too (see webhookUrlProblem). */
const schemaFor = (loopback: boolean) =>
  pipe(
    object({
      webhook_url: field((text, ctx): string | null => {
        const url = text.trim() || null;
        const problem = url ? webhookUrlProblem(url, { loopback }) : undefined;
        return problem ? refuseAs(ctx, "webhookUrl", problem, WEBHOOK_URL_MAX_LENGTH) : url;
      }),
      summary_email: field((text, ctx): string | null => {
        const email = normalizeEmail(text) || null;
        return email && !isEmailAddress(email) ? refuseAs(ctx, "emailInvalid") : email;
      }),
      webhook_includes_email: field((text) => text.trim() !== ""),
      rotate_secret: field((text) => text.trim() !== ""),
    }),
    transform((form): NotificationInput => ({
      webhookUrl: form.webhook_url,
      includeEmail: form.webhook_includes_email,
      summaryEmail: form.summary_email,
      rotateSecret: form.rotate_secret,
    })),
  );

/** The form's schema as a deployed service reads it: public https:// receivers only. */
export const notificationSettingsSchema = schemaFor(false);

/**
 * The form's schema that also accepts a receiver on this machine (https://
 * on 127.0.0.1, localhost, [::1]): only for a Worker that itself
 * runs on this machine (http/urls.ts webhookLoopbackAllowed), never deployed.
 */
export const localNotificationSettingsSchema = schemaFor(true);

/** The form's values to fill it with again (trimmed, as they were shown before). */
export function notificationValues(data: unknown): Partial<Record<NotificationField, string>> {
  const values = formValues(data, NOTIFICATION_FIELDS);
  return {
    webhook_url: values.webhook_url?.trim() ?? "",
    summary_email: values.summary_email?.trim() ?? "",
    ...(values.webhook_includes_email?.trim() ? { webhook_includes_email: "1" } : {}),
  };
}

/** The form's problems, one beside each field. */
export function notificationErrors(error: FormIssues): { webhook_url?: string; summary_email?: string } {
  const { webhook_url, summary_email } = fieldErrors(error, NOTIFICATION_FIELDS);
  return { webhook_url, summary_email };
}

/**
 * The body of the organizers' API's PUT /admin/api/letters/{slug}/webhook, JSON:
 * `url` an address (checked by app/notifications.ts saveWebhook with webhookUrlProblem, as the form's)
 * or null for no webhook; `include_email` and `rotate_secret` booleans, false when left out.
 */
export const webhookApiSchema = pipe(
  // Strict: a field it does not know (a misspelt "include_emails") is refused, not silently ignored.
  strictObject({ url: nullable(string()), include_email: optional(boolean()), rotate_secret: optional(boolean()) }),
  transform((body) => ({
    url: body.url?.trim() || null,
    includeEmail: body.include_email ?? false,
    rotateSecret: body.rotate_secret ?? false,
  })),
);
