-- One person, one signature, by mailbox rather than by spelling: maria.lopez@gmail.com,
-- marialopez@gmail.com, maria.lopez+carta@gmail.com and MariaLopez@googlemail.com reach
-- one inbox, so they sign once (the rule: src/domain/mailbox.ts canonicalMailbox).
--
-- SQLite can't compute an HMAC, so this migration only makes room: the maintenance job
-- (src/jobs/maintenance.ts) computes the key of every existing signature that still has
-- its email, a bounded batch per run, oldest first. Nothing is deleted: when a signature's
-- mailbox already belongs to another signature of the letter, it keeps no key and the pair
-- is reported to the organizers (mailbox_duplicates).

-- Keyed hash (HMAC-SHA-256 with SECRET_KEY, purpose "mailbox") of the canonical mailbox.
-- NULL for a signature made before it existed (until the job computes it), one without an
-- email (the letter's own signatories, some hand entries, anonymized ones), or a reported duplicate.
ALTER TABLE signatures ADD COLUMN mailbox_hash TEXT;

-- One signature per letter per mailbox, as email_hash keeps one per address as typed.
CREATE UNIQUE INDEX signatures_one_per_mailbox ON signatures (letter_id, mailbox_hash) WHERE mailbox_hash IS NOT NULL;

-- What the maintenance job still has to key, letter by letter in signing order: small once done,
-- since new signatures are keyed as they are stored (what stays: reported duplicates, until anonymized).
CREATE INDEX signatures_awaiting_mailbox ON signatures (letter_id, id) WHERE mailbox_hash IS NULL AND email IS NOT NULL;

-- Two signatures of one letter found to share a mailbox when existing signatures were keyed:
-- `signature_id` kept no key, `duplicate_of_id` holds it. Shown to organizers on the letter's
-- signatures page (names, never emails), for them to decide; nothing is removed by itself.
-- The signature ids carry no foreign key (as webhook_deliveries.signature_id): a later rebuild
-- of signatures (the pattern of 0003) would otherwise cascade-delete every report; reads join.
CREATE TABLE mailbox_duplicates (
  signature_id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  duplicate_of_id INTEGER NOT NULL,
  found_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (duplicate_of_id <> signature_id)
);
CREATE INDEX mailbox_duplicates_by_letter ON mailbox_duplicates (letter_id, signature_id);
