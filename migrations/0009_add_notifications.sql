-- Notifications for organizers: a webhook per letter on each newly counted
-- signature (for a coalition's CRM), and a daily summary by email.
ALTER TABLE letters ADD COLUMN webhook_url TEXT CHECK (webhook_url IS NULL OR (webhook_url LIKE 'https://%' AND length(webhook_url) <= 500));
-- The secret the webhook's body is signed with (HMAC-SHA-256), shown to organizers to check it.
ALTER TABLE letters ADD COLUMN webhook_secret TEXT;
-- Whether the webhook carries signers' email addresses (off unless organizers turn it on).
ALTER TABLE letters ADD COLUMN webhook_includes_email INTEGER NOT NULL DEFAULT 0 CHECK (webhook_includes_email IN (0, 1));
-- Where the daily summary goes; NULL for none.
ALTER TABLE letters ADD COLUMN summary_email TEXT CHECK (summary_email IS NULL OR length(summary_email) <= 254);

-- The webhook outbox: a row is written in the same transaction that counts the signature,
-- so no signature is announced twice or missed; the cron job delivers, retrying with backoff.
-- It holds no personal data: the body is made from the signature when it is sent.
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  signature_id INTEGER NOT NULL,
  event TEXT NOT NULL CHECK (event IN ('signature.counted')),
  -- pending: to send (again) at next_attempt_at; delivered; failed: gave up; skipped: nothing left to send.
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed', 'skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_status INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  delivered_at TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_by_letter ON webhook_deliveries (letter_id, id);
