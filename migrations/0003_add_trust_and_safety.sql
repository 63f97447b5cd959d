-- Trust and safety: confirmed signatures, moderation, withdrawal, rate limits,
-- data minimization, and the tamper-evident signatory record.
--
-- SQLite cannot change a CHECK constraint in place, so signatures is rebuilt
-- (https://www.sqlite.org/lang_altertable.html#otheralter).
PRAGMA defer_foreign_keys = on;

CREATE TABLE signatures_next (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  -- Random public reference of the signature (it appears in the public record).
  token TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('organization', 'individual')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  organization TEXT CHECK (length(organization) <= 200),
  title TEXT CHECK (length(title) <= 120),
  city TEXT CHECK (length(city) <= 100),
  country TEXT CHECK (country GLOB '[A-Z][A-Z]'),
  -- The address itself, only while it is needed (confirmation, updates); NULL once anonymized.
  email TEXT CHECK (length(email) <= 254 AND email = lower(trim(email))),
  -- Keyed hashes (HMAC-SHA-256 with SECRET_KEY): what stays to keep one signature per address.
  email_hash TEXT,
  -- The part after @, to notice many signatures from one domain at once; NULL once anonymized.
  email_domain TEXT,
  -- Keyed hash of the letter and the signer's IP address; the address itself is never stored.
  client_hash TEXT,
  -- unconfirmed: waiting for the email link; in_review: waiting for organizers;
  -- confirmed: counted (and listed if public); rejected, hidden: by organizers; withdrawn: by the signer.
  status TEXT NOT NULL DEFAULT 'confirmed'
    CHECK (status IN ('unconfirmed', 'in_review', 'confirmed', 'rejected', 'hidden', 'withdrawn')),
  is_public INTEGER NOT NULL DEFAULT 1 CHECK (is_public IN (0, 1)),
  channel TEXT NOT NULL CHECK (channel IN ('initial', 'form', 'api', 'manual')),
  position INTEGER NOT NULL,
  -- Why the signature looks suspicious, for organizers to review; NULL when it does not.
  flag TEXT CHECK (flag IN ('many-from-one-connection', 'many-from-one-email-domain')),
  -- SHA-256 of the secrets in the confirmation and withdrawal links; the links themselves are never stored.
  confirm_token_hash TEXT UNIQUE,
  confirm_expires_at TEXT,
  withdraw_token_hash TEXT UNIQUE,
  emails_sent INTEGER NOT NULL DEFAULT 0 CHECK (emails_sent BETWEEN 0 AND 5),
  -- Random value written by each status change, so the counters move only for the change that happened.
  change_nonce TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  confirmed_at TEXT,
  withdrawn_at TEXT,
  anonymized_at TEXT
);

INSERT INTO signatures_next (id, letter_id, token, kind, name, organization, title, city, country, email, email_domain,
    status, is_public, channel, position, created_at, confirmed_at)
  SELECT id, letter_id, token, kind, name, organization, title, city, country, email,
    CASE WHEN email IS NOT NULL THEN substr(email, instr(email, '@') + 1) END,
    CASE status WHEN 'pending' THEN 'unconfirmed' ELSE status END, is_public, channel, position, created_at,
    CASE status WHEN 'confirmed' THEN created_at END
  FROM signatures;

DROP TABLE signatures;
ALTER TABLE signatures_next RENAME TO signatures;

-- One signature per letter per address: by keyed hash, and by the address itself for
-- signatures made before hashes existed (the retention job adds their hash).
CREATE UNIQUE INDEX signatures_one_per_email_hash ON signatures (letter_id, email_hash) WHERE email_hash IS NOT NULL;
CREATE UNIQUE INDEX signatures_one_per_email ON signatures (letter_id, email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX signatures_initial_by_name ON signatures (letter_id, kind, name) WHERE channel = 'initial';
CREATE INDEX signatures_public_listing ON signatures (letter_id, kind, position, id)
  WHERE status = 'confirmed' AND is_public = 1;
-- Organizers' lists, newest first: all, by status, or flagged.
CREATE INDEX signatures_by_letter ON signatures (letter_id, id);
CREATE INDEX signatures_by_status ON signatures (letter_id, status, id);
CREATE INDEX signatures_flagged ON signatures (letter_id, id) WHERE flag IS NOT NULL;
-- Recent signatures from one client or one email domain, for rate limits' fallback and flags.
CREATE INDEX signatures_by_client ON signatures (letter_id, client_hash, created_at) WHERE client_hash IS NOT NULL;
CREATE INDEX signatures_by_email_domain ON signatures (letter_id, email_domain, created_at) WHERE email_domain IS NOT NULL;
-- The maintenance job's look at the last minutes' signatures, across letters.
CREATE INDEX signatures_by_time ON signatures (created_at);

PRAGMA defer_foreign_keys = off;

-- Per-letter choices, and the counters and record head kept beside the counts.
ALTER TABLE letters ADD COLUMN confirm_signatures INTEGER CHECK (confirm_signatures IN (0, 1)); -- NULL: by email when a mailer is set up
ALTER TABLE letters ADD COLUMN review_organizations INTEGER NOT NULL DEFAULT 0 CHECK (review_organizations IN (0, 1));
ALTER TABLE letters ADD COLUMN pending_count INTEGER NOT NULL DEFAULT 0 CHECK (pending_count >= 0);
ALTER TABLE letters ADD COLUMN record_length INTEGER NOT NULL DEFAULT 0 CHECK (record_length >= 0);
ALTER TABLE letters ADD COLUMN record_sealed INTEGER NOT NULL DEFAULT 0 CHECK (record_sealed >= 0);
ALTER TABLE letters ADD COLUMN record_head TEXT;
ALTER TABLE letters ADD COLUMN anonymized_at TEXT;

-- The tamper-evident record: every change to who is counted, in order. Each entry's
-- hash covers the previous entry's hash and the entry's public fields (never an email),
-- the latter through a salted digest, so that a signatory who withdraws can be erased
-- from the record (fields and salt) while the chain still verifies. Digests and hashes
-- are filled in ("sealed") in order, right after the entry is written.
CREATE TABLE record_entries (
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  event TEXT NOT NULL CHECK (event IN ('signed', 'withdrawn', 'removed', 'restored')),
  ref TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('organization', 'individual')),
  -- The public fields, NULL for a signatory who asked not to be listed, and erased with the
  -- salt when the signature is withdrawn or removed.
  name TEXT,
  organization TEXT,
  title TEXT,
  city TEXT,
  country TEXT,
  salt TEXT,
  at TEXT NOT NULL,
  digest TEXT,
  hash TEXT,
  PRIMARY KEY (letter_id, seq)
) WITHOUT ROWID;

CREATE INDEX record_entries_by_ref ON record_entries (letter_id, ref);

-- Signatures counted before the record existed enter it now, in signing order; the app seals them.
INSERT INTO record_entries (letter_id, seq, event, ref, kind, name, organization, title, city, country, salt, at)
  SELECT letter_id, row_number() OVER (PARTITION BY letter_id ORDER BY id), 'signed', token, kind,
    CASE WHEN is_public THEN name END, CASE WHEN is_public THEN organization END, CASE WHEN is_public THEN title END,
    CASE WHEN is_public THEN city END, CASE WHEN is_public THEN country END, lower(hex(randomblob(16))),
    coalesce(confirmed_at, created_at)
  FROM signatures WHERE status = 'confirmed';
UPDATE letters SET record_length = (SELECT count(*) FROM record_entries WHERE letter_id = letters.id);

-- The D1 fallback of the per-client rate limit: hits per key per fixed window.
CREATE TABLE rate_limits (
  key TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
) WITHOUT ROWID;

-- The local development mailer's outbox, shown at /dev/mail (never used in production).
CREATE TABLE local_mail (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
