-- Faults left from issue 14 (organizations as signatories, imports).

-- 1. An individual signed without an email (a paper sign-on sheet an import or a hand entry brings
-- in) had no key at all: the same sheet imported twice counted everyone on it twice. Such a signer is
-- now "the same" as an earlier one with an equal name (compared as organizations' names are),
-- city and country: src/domain/organization.ts personKey, e.g. 'ana papel|tegucigalpa|HN'. NULL
-- for a signature with an email (its mailbox keeps it one) and for an organization's.
ALTER TABLE signatures ADD COLUMN person_key TEXT;
-- The import's preview looks the letter's email-less individuals up by key (storage/imports.ts
-- existingPeople). Not unique: two people of one name in one city may be entered by hand on purpose.
CREATE INDEX signatures_people_without_email ON signatures (letter_id, person_key) WHERE person_key IS NOT NULL;
-- Email-less individuals still to key: those stored before this migration (the maintenance job keys
-- them: src/jobs/maintenance.ts keyExistingPeople), and any a writer stored without one.
CREATE INDEX signatures_awaiting_person_key ON signatures (letter_id, id)
  WHERE kind = 'individual' AND email IS NULL AND email_hash IS NULL AND person_key IS NULL;

-- 2. An organization's key now reads letters of other scripts that look like Latin ones as those
-- (Unicode's confusables, UTS #39: "Оxfam" with a Cyrillic О is "oxfam"). Only a name with a
-- character outside printable ASCII can get another key than it had: those signatures are listed here,
-- and the maintenance job gives each its new key (src/jobs/maintenance.ts renewOrganizationKeys),
-- keeping the old one meanwhile, and after, when another organization of the letter holds the new one.
CREATE TABLE organization_keys_to_renew (
  signature_id INTEGER PRIMARY KEY REFERENCES signatures (id) ON DELETE CASCADE
);
INSERT INTO organization_keys_to_renew (signature_id)
  SELECT id FROM signatures WHERE kind = 'organization' AND organization_key IS NOT NULL AND name GLOB '*[^ -~]*';

-- 3. A confirmation email the mail provider refused for a moment (Resend answers 429 beyond its rate
-- limit, 5xx when it fails) was only counted: its signer never got a way to confirm. Each such email is
-- now a row here until it is sent (src/app/confirmation-mail.ts): tried again by the import's next
-- steps and by the minute cron, after the provider's Retry-After or a growing delay, at most
-- MAX_CONFIRMATION_ATTEMPTS times while its link is valid; then kept as given up, for the organizers to see.
CREATE TABLE confirmation_mail_retries (
  signature_id INTEGER PRIMARY KEY REFERENCES signatures (id) ON DELETE CASCADE,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  -- The public origin the email's links point to (the one the signature or its import was made at).
  origin TEXT NOT NULL,
  -- Attempts that failed so far (the first one included).
  attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
  -- 'waiting': to try again at next_attempt_at; 'given-up'.
  state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'given-up')),
  next_attempt_at TEXT NOT NULL,
  -- The random value of the sender that claimed it last (it moved next_attempt_at on for the time it sends).
  claim TEXT,
  -- Why the last attempt failed, in the provider's words without any address (e.g. "Resend answered 429").
  last_error TEXT
);
CREATE INDEX confirmation_mail_retries_due ON confirmation_mail_retries (next_attempt_at) WHERE state = 'waiting';
CREATE INDEX confirmation_mail_retries_by_letter ON confirmation_mail_retries (letter_id, signature_id);
