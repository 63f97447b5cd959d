-- Organizations as signatories, and sign-ons collected elsewhere brought in (issue 14).
--
-- * An organization signs through a contact person: the organization's name (public, in `name`),
--   its city, country and website (public); the contact's name, role and email (private: organizers
--   see them, the public never), and the contact's statement that they may sign for it.
-- * One signature per organization per letter (by its normalized name, organization_key, and by the
--   domain its contact's email verified, verified_domain); one individual signature per mailbox. The
--   same person may sign once for their organization and once as themselves: the email and mailbox
--   indexes now hold among individuals only.
-- * An organization is marked verified when its contact confirmed an email address at the
--   organization's own domain ('email-domain'), or by the organizers ('organizers').
-- * Signatures brought in by an organizer's import (channel 'import').
--
-- SQLite cannot change a CHECK constraint in place, so signatures is rebuilt
-- (https://www.sqlite.org/lang_altertable.html#otheralter), as 0003 did. No table refers to
-- signatures by foreign key (webhook_deliveries, mailbox_duplicates and the record join by id or ref).
PRAGMA defer_foreign_keys = on;

CREATE TABLE signatures_next (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  -- Random public reference of the signature (it appears in the public record).
  token TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('organization', 'individual')),
  -- The person's name, or the organization's.
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- An individual's organization or affiliation; NULL for an organization (it signs in its own name).
  organization TEXT CHECK (length(organization) <= 200),
  -- An individual's title.
  title TEXT CHECK (length(title) <= 120),
  city TEXT CHECK (length(city) <= 100),
  country TEXT CHECK (country GLOB '[A-Z][A-Z]'),
  -- An organization's website (public), as an absolute https or http URL (src/domain/organization.ts).
  website TEXT CHECK (length(website) <= 300 AND (website GLOB 'https://*' OR website GLOB 'http://*')),
  -- An organization's contact person and their role in it: private (organizers only), never public.
  -- NULL for individuals, and for organizations entered without one (the letter's own, older ones).
  contact_name TEXT CHECK (length(contact_name) BETWEEN 1 AND 200),
  contact_role TEXT CHECK (length(contact_role) BETWEEN 1 AND 120),
  -- When the contact stated "I am authorized to sign on behalf of this organization" (the sign form
  -- and the API require it); NULL when the organizers entered or imported the signature, or before it existed.
  authorized_at TEXT,
  -- The organization's name, normalized (src/domain/organization.ts organizationKey): one signature per
  -- organization per letter. NULL for individuals, and for organizations not yet keyed.
  organization_key TEXT CHECK (length(organization_key) BETWEEN 1 AND 200),
  -- Verified organization: 'email-domain' when its contact confirmed an address at the registrable
  -- domain of its website (webmail never counts), 'organizers' when marked by hand; when, and which domain.
  verification TEXT CHECK (verification IN ('email-domain', 'organizers')),
  verified_at TEXT,
  -- The registrable domain an 'email-domain' verification proved: one organization per domain per letter.
  verified_domain TEXT CHECK (length(verified_domain) <= 253),
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
  channel TEXT NOT NULL CHECK (channel IN ('initial', 'form', 'api', 'manual', 'import')),
  -- The import a signature came in by (channel 'import'); the import keeps the file's name.
  import_id INTEGER,
  position INTEGER NOT NULL,
  -- Why the signature needs the organizers' eye; NULL when it does not. 'organization-domain-taken':
  -- its contact confirmed an address at a domain another organization of the letter already verified.
  flag TEXT CHECK (flag IN ('many-from-one-connection', 'many-from-one-email-domain', 'organization-domain-taken')),
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
  anonymized_at TEXT,
  source TEXT CHECK (source IS NULL OR source GLOB '[a-z0-9]*' AND length(source) <= 64),
  language TEXT CHECK (language IS NULL OR length(language) BETWEEN 2 AND 35),
  mailbox_hash TEXT,
  emails_window_start TEXT,
  -- What belongs to organizations only.
  CHECK (kind = 'organization' OR (website IS NULL AND contact_name IS NULL AND contact_role IS NULL
    AND authorized_at IS NULL AND organization_key IS NULL AND verification IS NULL AND verified_domain IS NULL)),
  CHECK (kind = 'individual' OR organization IS NULL OR channel = 'initial'),
  CHECK ((verification IS NULL) = (verified_at IS NULL)),
  CHECK (verified_domain IS NULL OR verification = 'email-domain'),
  CHECK ((channel = 'import') = (import_id IS NOT NULL))
);

INSERT INTO signatures_next (id, letter_id, token, kind, name, organization, title, city, country, email, email_hash,
    email_domain, client_hash, status, is_public, channel, position, flag, confirm_token_hash, confirm_expires_at,
    withdraw_token_hash, emails_sent, change_nonce, created_at, confirmed_at, withdrawn_at, anonymized_at, source,
    language, mailbox_hash, emails_window_start)
  SELECT id, letter_id, token, kind, name,
    -- The old form dropped an organization's "organization" already; the letter's own files may carry one.
    CASE WHEN kind = 'individual' OR channel = 'initial' THEN organization END,
    title, city, country, email, email_hash, email_domain, client_hash, status, is_public, channel, position, flag,
    confirm_token_hash, confirm_expires_at, withdraw_token_hash, emails_sent, change_nonce, created_at, confirmed_at,
    withdrawn_at, anonymized_at, source, language, mailbox_hash, emails_window_start
  FROM signatures;

DROP TABLE signatures;
ALTER TABLE signatures_next RENAME TO signatures;

-- One individual signature per letter per address (by keyed hash, and by the address itself for
-- signatures from before hashes) and per mailbox: an organization's contact may also sign as themselves.
CREATE UNIQUE INDEX signatures_one_per_email_hash ON signatures (letter_id, email_hash)
  WHERE email_hash IS NOT NULL AND kind = 'individual';
CREATE UNIQUE INDEX signatures_one_per_email ON signatures (letter_id, email) WHERE email IS NOT NULL AND kind = 'individual';
CREATE UNIQUE INDEX signatures_one_per_mailbox ON signatures (letter_id, mailbox_hash)
  WHERE mailbox_hash IS NOT NULL AND kind = 'individual';
-- One signature per organization per letter: by normalized name, and by the domain its contact verified.
CREATE UNIQUE INDEX signatures_one_per_organization ON signatures (letter_id, organization_key)
  WHERE organization_key IS NOT NULL;
CREATE UNIQUE INDEX signatures_one_per_verified_domain ON signatures (letter_id, verified_domain)
  WHERE verified_domain IS NOT NULL;
-- An organization's contact, found by mailbox (their repeated attempt for the same organization).
CREATE INDEX signatures_organization_contacts ON signatures (letter_id, mailbox_hash)
  WHERE mailbox_hash IS NOT NULL AND kind = 'organization';
-- Organizations still to key (signed before organization_key existed): the maintenance job keys them.
CREATE INDEX signatures_awaiting_organization_key ON signatures (letter_id, id)
  WHERE kind = 'organization' AND organization_key IS NULL;

CREATE UNIQUE INDEX signatures_initial_by_name ON signatures (letter_id, kind, name) WHERE channel = 'initial';
CREATE INDEX signatures_public_listing ON signatures (letter_id, kind, position, id)
  WHERE status = 'confirmed' AND is_public = 1;
CREATE INDEX signatures_public_by_country ON signatures (letter_id, country, kind, position, id)
  WHERE status = 'confirmed' AND is_public = 1;
CREATE INDEX signatures_by_letter ON signatures (letter_id, id);
CREATE INDEX signatures_by_status ON signatures (letter_id, status, id);
CREATE INDEX signatures_flagged ON signatures (letter_id, id) WHERE flag IS NOT NULL;
CREATE INDEX signatures_by_client ON signatures (letter_id, client_hash, created_at) WHERE client_hash IS NOT NULL;
CREATE INDEX signatures_by_email_domain ON signatures (letter_id, email_domain, created_at) WHERE email_domain IS NOT NULL;
CREATE INDEX signatures_by_time ON signatures (created_at);
CREATE INDEX signatures_awaiting_mailbox ON signatures (letter_id, id) WHERE mailbox_hash IS NULL AND email IS NOT NULL;
CREATE INDEX signatures_by_import ON signatures (import_id) WHERE import_id IS NOT NULL;

PRAGMA defer_foreign_keys = off;
