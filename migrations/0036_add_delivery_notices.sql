-- "Email me when this letter is delivered" (issue 16): an unticked box on the sign form (and the
-- embed card's, and the API's notify_delivery) asks for one email when the organizers mark the
-- letter delivered. Modelled on alphagov/e-petitions' "email me about this petition".

-- 1. The consent, kept with the signature: which wording the signer agreed to, and when. The
-- wording is the catalogs' form.notifyDelivery of that version (src/domain/delivery-notices.ts
-- DELIVERY_NOTICE_CONSENT names the one the form shows now); NULL: the box was not ticked.
ALTER TABLE signatures ADD COLUMN delivery_notice_consent TEXT
  CHECK (delivery_notice_consent IS NULL OR delivery_notice_consent GLOB 'delivery-notice-[0-9]*');
-- When it was given (ISO 8601, the signature's storing); NULL without a consent.
ALTER TABLE signatures ADD COLUMN delivery_notice_consented_at TEXT;
-- Queueing a letter's notices reads its consenting signatures only, however many signed.
CREATE INDEX signatures_delivery_consent ON signatures (letter_id, status) WHERE delivery_notice_consent IS NOT NULL;
-- When the signer took it back through the email's unsubscribe link (ISO 8601), else NULL: no
-- notice is queued after that, whatever the consent says.
ALTER TABLE signatures ADD COLUMN delivery_notice_unsubscribed_at TEXT;

-- 2. A notice to send: queued for each consenting, confirmed signature with an email when the letter
-- is marked delivered (src/app/delivery-notices.ts), sent by the minute cron in bounded batches.
-- One row per signature, ever: marking the letter delivered again (a correction of its day) queues
-- nothing for a signature that has one, sent or not, so each signer is written to once.
CREATE TABLE delivery_notices (
  signature_id INTEGER PRIMARY KEY REFERENCES signatures (id) ON DELETE CASCADE,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  -- The public origin the email's links point to (the one the delivery was marked at).
  origin TEXT NOT NULL,
  -- 'waiting': to send at next_attempt_at; 'sent'; 'given-up' (refused for good, or too many attempts).
  state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'sent', 'given-up')),
  next_attempt_at TEXT NOT NULL,
  -- The random value of the sender that claimed it last (it moved next_attempt_at on while it sends),
  -- so that two runs of the job at once never both send it.
  claim TEXT,
  -- Attempts that failed so far.
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Why the last attempt failed, without any address (e.g. "Resend answered 429").
  last_error TEXT,
  queued_at TEXT NOT NULL,
  sent_at TEXT CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX delivery_notices_due ON delivery_notices (next_attempt_at) WHERE state = 'waiting';
CREATE INDEX delivery_notices_by_letter ON delivery_notices (letter_id, state);

-- 3. A notice still waiting goes when its signature no longer may be written to, whichever writer
-- changed it: withdrawn, hidden or rejected (any status but confirmed), or its email erased (the
-- maintenance job's retention, src/storage/maintenance.ts anonymizeLetter and forgetExpiredSignatures).
-- The sender checks the same again before sending (src/storage/delivery-notices.ts).
CREATE TRIGGER signatures_delivery_notice_cancelled AFTER UPDATE OF status, email ON signatures
  WHEN NEW.status <> 'confirmed' OR NEW.email IS NULL
BEGIN
  DELETE FROM delivery_notices WHERE signature_id = NEW.id AND state = 'waiting';
END;

-- 4. The local outbox (MAILER=local, /dev/mail) keeps each message's extra headers (List-Unsubscribe,
-- List-Unsubscribe-Post: RFC 8058), as a JSON object of name to value, so that a developer and the
-- tests can read what a provider would be sent. NULL: none.
ALTER TABLE local_mail ADD COLUMN headers TEXT CHECK (headers IS NULL OR json_valid(headers));
