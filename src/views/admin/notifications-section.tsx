/**
 * A letter's notifications, on its editor page, in plain words: sending each
 * new signature to another system (the webhook: address, whether it carries
 * emails, its secret, a test delivery, its latest deliveries) and the daily
 * summary's address; and the page that shows what a test delivery found.
 */
import type { TestDeliveryResult } from "../../app/notifications";
import type { Letter } from "../../domain/letter";
import type { DeliveryLogEntry, NotificationSettings } from "../../storage/webhooks";
import { lastErrorWords, testDeliveryWords } from "../../domain/webhook-words";
import { isLegacyWebhookSecret, standardWebhookSecret } from "../../domain/webhook";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { Time, usePageNow } from "./time";
import { dailySummaryAt } from "../../domain/notification-settings";
import { ErrorSummary, Field, WithCode } from "./form-fields";

export interface NotificationsProps {
  slug: string;
  /** The letter's closing-time zone: the deliveries' times, and the daily summary's hour, are read in it. */
  timeZone: string;
  csrf: string | null;
  settings: NotificationSettings;
  deliveries: readonly DeliveryLogEntry[];
  values?: { webhook_url?: string; summary_email?: string; webhook_includes_email?: string };
  errors?: { webhook_url?: string; summary_email?: string };
}

export function NotificationsSection({
  slug,
  timeZone,
  csrf,
  settings,
  deliveries,
  values,
  errors = {},
}: NotificationsProps) {
  const webhookUrl = values?.webhook_url ?? settings.webhookUrl ?? "";
  const summaryEmail = values?.summary_email ?? settings.summaryEmail ?? "";
  const includeEmail = values ? values.webhook_includes_email !== undefined : settings.includeEmail;
  const t = useAdminWords();
  const w = t.notifications;
  const now = usePageNow();
  return (
    <section aria-labelledby="notifications-title" id="notifications">
      <h2 id="notifications-title">{w.title}</h2>
      <ErrorSummary
        id="notifications-errors"
        errors={errors}
        labels={{ webhook_url: w.webhookUrl, summary_email: w.summaryEmail }}
      />
      <form method="post" action={`/admin/letters/${slug}/notifications`} novalidate>
        <CsrfField token={csrf} />
        <Field name="webhook_url" label={w.webhookLabel} hint={w.webhookHint} error={errors.webhook_url}>
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
          <label for="field-webhook-includes-email">{w.includeEmail}</label>
        </div>
        {settings.webhookSecret && (
          <Field
            name="webhook_secret"
            label={w.secretLabel}
            hint={
              <>
                <WithCode text={w.secretHint} />
                {isLegacyWebhookSecret(settings.webhookSecret) && (
                  <>
                    {" "}
                    <WithCode text={w.legacySecretHint} />
                  </>
                )}
              </>
            }
          >
            {(attributes) => (
              <input type="text" {...attributes} readonly value={standardWebhookSecret(settings.webhookSecret!)} />
            )}
          </Field>
        )}
        <Field
          name="summary_email"
          label={w.summaryLabel}
          hint={w.summaryHint(dailySummaryAt(new Date(now)), timeZone)}
          error={errors.summary_email}
        >
          {(attributes) => <input type="email" {...attributes} value={summaryEmail} />}
        </Field>
        <div class="actions">
          <button type="submit">{w.save}</button>
          {settings.webhookSecret && (
            <button type="submit" name="rotate_secret" value="1" class="button-secondary">
              {w.saveWithNewSecret}
            </button>
          )}
        </div>
      </form>
      {settings.webhookUrl && settings.webhookSecret && (
        <form method="post" action={`/admin/letters/${slug}/notifications/test`} class="actions">
          <CsrfField token={csrf} />
          <button type="submit" class="button-secondary">
            {w.sendTest}
          </button>
          <span class="hint">{w.sendTestHint(settings.webhookUrl)}</span>
        </form>
      )}
      {deliveries.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption>{w.deliveriesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.delivery}</th>
                <th scope="col">{w.queued}</th>
                <th scope="col">{w.outcome}</th>
                <th scope="col" class="number">
                  {w.tries}
                </th>
                <th scope="col">{w.lastAnswer}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr>
                  <td>{delivery.id}</td>
                  <td>
                    <Time iso={delivery.createdAt} zone={timeZone} />
                  </td>
                  <td>
                    {w.states[delivery.state]}
                    {delivery.state === "pending" && delivery.attempts > 0
                      ? w.nextTry(t.time(delivery.nextAttemptAt, timeZone))
                      : ""}
                  </td>
                  <td class="number">{delivery.attempts}</td>
                  <td>
                    {delivery.lastError
                      ? lastErrorWords(t, delivery.lastError)
                      : delivery.lastStatus
                        ? `HTTP ${delivery.lastStatus}`
                        : "—"}
                  </td>
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
  const t = useAdminWords();
  const w = t.notifications;
  return (
    <AdminLayout title={w.testTitle(letter.title)} csrf={csrf}>
      <p>
        <a href={back}>{w.backTo(letter.title)}</a>
      </p>
      <h1>{result.ok ? w.testTaken : w.testFailed}</h1>
      <p class={result.ok ? "flash" : "notice"} role="status">
        {w.sentTo(result.url)} {testDeliveryWords(t, result)}
      </p>
      {result.status !== null && (
        <dl>
          <dt>{w.status}</dt>
          <dd>{result.status}</dd>
          <dt>{result.body && result.body.length > 0 ? w.answerBeginning : w.answer}</dt>
          <dd>{result.body ? <pre class="webhook-answer">{result.body}</pre> : w.empty}</dd>
        </dl>
      )}
      <form method="post" action={`/admin/letters/${letter.slug}/notifications/test`} class="actions">
        <CsrfField token={csrf} />
        <button type="submit" class="button-secondary">
          {w.sendAnother}
        </button>
        <a href={back}>{w.back}</a>
      </form>
    </AdminLayout>
  );
}
