/**
 * The webhook outbox (webhook_deliveries) and letters' notification
 * settings. Rows are added by storage/signatures.ts in the transaction that
 * counts a signature; the cron job reads the due ones here and records
 * each attempt.
 */
import {
  signatoryDetailsOf,
  type OrganizationVerification,
  type SignatoryDetails,
  type SignatureStatus,
} from "../domain/signature";
import type { WebhookSignature } from "../domain/webhook";

export interface DueDelivery {
  id: number;
  createdAt: string;
  attempts: number;
  /**
   * The public origin it was queued at (webhook_deliveries.origin, migrations/0037): the counting
   * request's, import's or queued signature's; null for one queued before, or with none known.
   */
  origin: string | null;
  letter: {
    id: number;
    slug: string;
    title: string;
    webhookUrl: string | null;
    webhookSecret: string | null;
    includeEmail: boolean;
    counts: { total: number; organizations: number; individuals: number };
  };
  /** The signature as it is now (null if it was deleted), and its status. */
  signature: (WebhookSignature & { status: SignatureStatus }) | null;
}

// The signature's columns come from a LEFT JOIN: token is null when it was deleted.
interface DueRow extends SignatoryDetails {
  id: number;
  created_at: string;
  attempts: number;
  origin: string | null;
  letter_id: number;
  slug: string;
  letter_title: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  webhook_includes_email: 0 | 1;
  signature_count: number;
  organization_count: number;
  individual_count: number;
  token: string | null;
  email: string | null;
  is_public: 0 | 1;
  channel: string;
  source: string | null;
  status: SignatureStatus;
  signed_at: string;
  confirmed_at: string | null;
  verification: OrganizationVerification | null;
  verified_at: string | null;
}

/** Deliveries due at `now`, oldest first. */
export async function dueDeliveries(db: D1Database, now: Date, limit: number): Promise<DueDelivery[]> {
  const { results } = await db
    .prepare(
      `SELECT d.id, d.created_at, d.attempts, d.origin, l.id AS letter_id, l.slug, l.title AS letter_title, l.webhook_url, l.webhook_secret,
         l.webhook_includes_email, l.signature_count, l.organization_count, l.individual_count,
         s.token, s.kind, s.name, s.organization, s.title, s.city, s.country, s.website, s.email, s.is_public, s.channel, s.source, s.status,
         s.created_at AS signed_at, s.confirmed_at, s.verification, s.verified_at
       FROM webhook_deliveries d JOIN letters l ON l.id = d.letter_id LEFT JOIN signatures s ON s.id = d.signature_id
       WHERE d.state = 'pending' AND d.next_attempt_at <= ?1
       ORDER BY d.next_attempt_at, d.id LIMIT ?2`,
    )
    .bind(now.toISOString(), limit)
    .all<DueRow>();
  return results.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    attempts: row.attempts,
    origin: row.origin,
    letter: {
      id: row.letter_id,
      slug: row.slug,
      title: row.letter_title,
      webhookUrl: row.webhook_url,
      webhookSecret: row.webhook_secret,
      includeEmail: row.webhook_includes_email === 1,
      counts: { total: row.signature_count, organizations: row.organization_count, individuals: row.individual_count },
    },
    signature:
      row.token === null
        ? null
        : {
            ref: row.token,
            ...signatoryDetailsOf(row),
            email: row.email,
            verification: row.verification,
            verifiedAt: row.verified_at,
            isPublic: row.is_public === 1,
            channel: row.channel,
            source: row.source,
            status: row.status,
            createdAt: row.signed_at,
            confirmedAt: row.confirmed_at,
          },
  }));
}

/** Records an attempt: delivered, to try again at `retryAt`, failed for good, or skipped. */
export async function recordAttempt(
  db: D1Database,
  id: number,
  outcome: {
    state: "delivered" | "pending" | "failed" | "skipped";
    status: number | null;
    error: string | null;
    retryAt?: Date;
  },
  now: Date,
): Promise<void> {
  await db
    .prepare(
      `UPDATE webhook_deliveries SET state = ?2, attempts = attempts + ?3, last_status = ?4, last_error = ?5,
         next_attempt_at = coalesce(?6, next_attempt_at), delivered_at = CASE WHEN ?2 = 'delivered' THEN ?7 ELSE delivered_at END
       WHERE id = ?1`,
    )
    .bind(
      id,
      outcome.state,
      outcome.state === "skipped" ? 0 : 1,
      outcome.status,
      outcome.error?.slice(0, 300) ?? null,
      outcome.retryAt?.toISOString() ?? null,
      now.toISOString(),
    )
    .run();
}

export interface DeliveryLogEntry {
  id: number;
  state: "pending" | "delivered" | "failed" | "skipped";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
}

/** A letter's latest deliveries, newest first, for its organizers. */
export async function recentDeliveries(db: D1Database, letterId: number, limit: number): Promise<DeliveryLogEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT id, state, attempts, last_status, last_error, created_at, next_attempt_at FROM webhook_deliveries
       WHERE letter_id = ?1 ORDER BY id DESC LIMIT ?2`,
    )
    .bind(letterId, limit)
    .all<{
      id: number;
      state: DeliveryLogEntry["state"];
      attempts: number;
      last_status: number | null;
      last_error: string | null;
      created_at: string;
      next_attempt_at: string;
    }>();
  return results.map((row) => ({
    id: row.id,
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
  }));
}

export interface NotificationSettings {
  webhookUrl: string | null;
  webhookSecret: string | null;
  includeEmail: boolean;
  summaryEmail: string | null;
}

/**
 * A letter's notification settings. Without a webhook there is no secret: one left from a webhook
 * removed before removing cleared it (saveNotificationSettings) is read as none, so it never comes back.
 */
export async function findNotificationSettings(db: D1Database, letterId: number): Promise<NotificationSettings> {
  const row = await db
    .prepare(
      `SELECT webhook_url, CASE WHEN webhook_url IS NULL THEN NULL ELSE webhook_secret END AS webhook_secret,
         webhook_includes_email, summary_email FROM letters WHERE id = ?1`,
    )
    .bind(letterId)
    .first<{
      webhook_url: string | null;
      webhook_secret: string | null;
      webhook_includes_email: 0 | 1;
      summary_email: string | null;
    }>();
  return {
    webhookUrl: row?.webhook_url ?? null,
    webhookSecret: row?.webhook_secret ?? null,
    includeEmail: row?.webhook_includes_email === 1,
    summaryEmail: row?.summary_email ?? null,
  };
}

/**
 * Saves the settings; a new secret is stored when one is given (first webhook, or rotation). Without a
 * webhook (`webhookUrl` null) the secret is cleared, whatever `newSecret` says.
 */
export async function saveNotificationSettings(
  db: D1Database,
  letterId: number,
  settings: Omit<NotificationSettings, "webhookSecret"> & { newSecret: string | null },
): Promise<void> {
  await db
    .prepare(
      `UPDATE letters SET webhook_url = ?2, webhook_includes_email = ?3, summary_email = ?4, webhook_secret = CASE WHEN ?2 IS NULL THEN NULL ELSE coalesce(?5, webhook_secret) END
       WHERE id = ?1`,
    )
    .bind(letterId, settings.webhookUrl, settings.includeEmail ? 1 : 0, settings.summaryEmail, settings.newSecret)
    .run();
}

/** Letters with a daily summary address, and what happened to each since `since`. */
export async function summaryDigests(
  db: D1Database,
  since: Date,
): Promise<
  {
    id: number;
    slug: string;
    title: string;
    summaryEmail: string;
    total: number;
    counted: number;
    waiting: number;
    flagged: number;
  }[]
> {
  const { results } = await db
    .prepare(
      `SELECT l.id, l.slug, l.title, l.summary_email, l.signature_count AS total,
         (SELECT count(*) FROM signatures s WHERE s.letter_id = l.id AND s.status = 'confirmed' AND s.confirmed_at >= ?1) AS counted,
         (SELECT count(*) FROM signatures s WHERE s.letter_id = l.id AND s.status = 'in_review') AS waiting,
         (SELECT count(*) FROM signatures s WHERE s.letter_id = l.id AND s.flag IS NOT NULL AND s.created_at >= ?1) AS flagged
       FROM letters l WHERE l.summary_email IS NOT NULL AND l.status <> 'draft'`,
    )
    .bind(since.toISOString())
    .all<{
      id: number;
      slug: string;
      title: string;
      summary_email: string;
      total: number;
      counted: number;
      waiting: number;
      flagged: number;
    }>();
  return results.map((row) => ({ ...row, summaryEmail: row.summary_email }));
}
