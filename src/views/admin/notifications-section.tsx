/**
 * A letter's notifications, on its editor page: the webhook (address,
 * whether it carries emails, its signing secret, its latest deliveries) and
 * the daily summary's address.
 */
import type { DeliveryLogEntry, NotificationSettings } from "../../storage/webhooks";
import { formatDate } from "../format";
import { CsrfField } from "./admin-layout";
import { ErrorSummary, Field } from "./form-fields";

export interface NotificationsProps {
  slug: string;
  csrf: string | null;
  settings: NotificationSettings;
  deliveries: readonly DeliveryLogEntry[];
  values?: { webhook_url?: string; summary_email?: string; webhook_includes_email?: string };
  errors?: { webhook_url?: string; summary_email?: string };
}

const STATE_WORDS: Record<DeliveryLogEntry["state"], string> = {
  pending: "will be tried again",
  delivered: "delivered",
  failed: "gave up",
  skipped: "skipped (no longer counted)",
};

export function NotificationsSection({ slug, csrf, settings, deliveries, values, errors = {} }: NotificationsProps) {
  const webhookUrl = values?.webhook_url ?? settings.webhookUrl ?? "";
  const summaryEmail = values?.summary_email ?? settings.summaryEmail ?? "";
  const includeEmail = values ? values.webhook_includes_email !== undefined : settings.includeEmail;
  return (
    <section aria-labelledby="notifications-title" id="notifications">
      <h2 id="notifications-title">Notifications</h2>
      <ErrorSummary
        id="notifications-errors"
        errors={errors}
        labels={{ webhook_url: "Webhook address", summary_email: "Daily summary" }}
      />
      <form method="post" action={`/admin/letters/${slug}/notifications`} novalidate>
        <CsrfField token={csrf} />
        <Field
          name="webhook_url"
          label="Webhook address (optional)"
          hint="Each newly counted signature is sent here as signed JSON, within a minute, and retried for about four hours if your server does not answer 2xx. Leave empty for none."
          error={errors.webhook_url}
        >
          {(attributes) => (
            <input
              type="url"
              {...attributes}
              value={webhookUrl}
              placeholder="https://crm.example.org/hooks/undersigned"
            />
          )}
        </Field>
        <div class="choice">
          <input
            type="checkbox"
            id="field-webhook-includes-email"
            name="webhook_includes_email"
            value="1"
            checked={includeEmail}
          />
          <label for="field-webhook-includes-email">
            Include signers' email addresses (only if your letter tells signers you will keep them)
          </label>
        </div>
        {settings.webhookSecret && (
          <Field
            name="webhook_secret"
            label="Signing secret"
            hint={
              <>
                Check <code>X-Undersigned-Signature: t=…,v1=…</code>: the HMAC-SHA-256 of <code>t.body</code> under this
                secret.
              </>
            }
          >
            {(attributes) => <input type="text" {...attributes} readonly value={settings.webhookSecret ?? ""} />}
          </Field>
        )}
        <Field
          name="summary_email"
          label="Daily summary to (optional)"
          hint="An email each morning (07:00 UTC) with the day's new signatures and what waits for review."
          error={errors.summary_email}
        >
          {(attributes) => <input type="email" {...attributes} value={summaryEmail} />}
        </Field>
        <div class="actions">
          <button type="submit">Save notifications</button>
          {settings.webhookSecret && (
            <button type="submit" name="rotate_secret" value="1" class="button-secondary">
              Save with a new secret
            </button>
          )}
        </div>
      </form>
      {deliveries.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption>Latest webhook deliveries</caption>
            <thead>
              <tr>
                <th scope="col">Delivery</th>
                <th scope="col">Queued</th>
                <th scope="col">Outcome</th>
                <th scope="col" class="number">
                  Tries
                </th>
                <th scope="col">Last answer</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr>
                  <td>{delivery.id}</td>
                  <td>
                    <time datetime={delivery.createdAt}>
                      {formatDate(delivery.createdAt)} {delivery.createdAt.slice(11, 16)} UTC
                    </time>
                  </td>
                  <td>
                    {STATE_WORDS[delivery.state]}
                    {delivery.state === "pending" && delivery.attempts > 0
                      ? ` at ${delivery.nextAttemptAt.slice(11, 16)} UTC`
                      : ""}
                  </td>
                  <td class="number">{delivery.attempts}</td>
                  <td>{delivery.lastError ?? (delivery.lastStatus ? `HTTP ${delivery.lastStatus}` : "—")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
