/**
 * A letter's notifications, on its editor page, in plain words: sending each
 * new signature to another system (the webhook: address, whether it carries
 * emails, its secret, a test delivery, its latest deliveries) and the daily
 * summary's address; and the page that shows what a test delivery found.
 */
import type { TestDeliveryResult } from "../../app/notifications";
import type { Letter } from "../../domain/letter";
import type { DeliveryLogEntry, NotificationSettings } from "../../storage/webhooks";
import { formatDateTime } from "../format";
import { AdminLayout, CsrfField } from "./admin-layout";
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
          label="Send each new signature to another system (optional)"
          hint="Paste the address your CRM or automation tool gives you for incoming webhooks (it starts with https://). Each time a signature starts to count, its details go there within a minute; if that system is down, they are sent again for about four hours. Leave empty to send nothing."
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
            Also send signers' email addresses (only if your letter tells signers that this system will keep them)
          </label>
        </div>
        {settings.webhookSecret && (
          <Field
            name="webhook_secret"
            label="Secret that proves a delivery came from here"
            hint={
              <>
                Give it to whoever set up the receiving system, and to nobody else. For them: each delivery carries{" "}
                <code>X-Undersigned-Signature: t=…,v1=…</code>, the HMAC-SHA-256 of <code>t.body</code> under this
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
      {settings.webhookUrl && settings.webhookSecret && (
        <form method="post" action={`/admin/letters/${slug}/notifications/test`} class="actions">
          <CsrfField token={csrf} />
          <button type="submit" class="button-secondary">
            Send a test delivery
          </button>
          <span class="hint">
            Sends a sample to {settings.webhookUrl}, signed like a real one but with no signature in it, and shows what
            that system answered.
          </span>
        </form>
      )}
      {deliveries.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption>Latest signatures sent to the other system</caption>
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
                    <time datetime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time>
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

/** What a test delivery found: where it went, the receiver's status and the start of its answer, or why it failed. */
export function WebhookTestPage({
  letter,
  csrf,
  result,
}: {
  letter: Pick<Letter, "slug" | "title">;
  csrf: string | null;
  result: TestDeliveryResult;
}) {
  const back = `/admin/letters/${letter.slug}#notifications`;
  return (
    <AdminLayout title={`Test delivery: ${letter.title}`} csrf={csrf}>
      <p>
        <a href={back}>← Notifications of “{letter.title}”</a>
      </p>
      <h1>{result.ok ? "The test delivery was taken" : "The test delivery did not go through"}</h1>
      <p class={result.ok ? "flash" : "notice"} role="status">
        Sent to {result.url}. {result.summary}
      </p>
      {result.status !== null && (
        <dl>
          <dt>Status</dt>
          <dd>{result.status}</dd>
          <dt>Its answer{result.body && result.body.length > 0 ? " (the beginning)" : ""}</dt>
          <dd>{result.body ? <pre class="webhook-answer">{result.body}</pre> : "(empty)"}</dd>
        </dl>
      )}
      <form method="post" action={`/admin/letters/${letter.slug}/notifications/test`} class="actions">
        <CsrfField token={csrf} />
        <button type="submit" class="button-secondary">
          Send another test delivery
        </button>
        <a href={back}>Back to the notifications</a>
      </form>
    </AdminLayout>
  );
}
