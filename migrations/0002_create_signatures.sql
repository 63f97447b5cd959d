-- Signatures. Only confirmed ones count; only confirmed and public ones are
-- listed. The email is private: it is never selected by a public query.
CREATE TABLE signatures (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  -- Random, unguessable handle (base64url), so nothing public needs the row id.
  token TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('organization', 'individual')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  organization TEXT CHECK (length(organization) <= 200),
  title TEXT CHECK (length(title) <= 120),
  city TEXT CHECK (length(city) <= 100),
  country TEXT CHECK (country GLOB '[A-Z][A-Z]'),
  -- Trimmed and lower-cased; NULL for the signatories listed in the letter's content file.
  email TEXT CHECK (length(email) <= 254 AND email = lower(trim(email))),
  status TEXT NOT NULL DEFAULT 'confirmed'
    CHECK (status IN ('pending', 'confirmed', 'rejected', 'hidden', 'withdrawn')),
  is_public INTEGER NOT NULL DEFAULT 1 CHECK (is_public IN (0, 1)),
  channel TEXT NOT NULL CHECK (channel IN ('initial', 'form')),
  -- Listing order within a kind: ranked signatories first, then everyone else by id.
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- One signature per letter per email, enforced by the database itself.
CREATE UNIQUE INDEX signatures_one_per_email ON signatures (letter_id, email) WHERE email IS NOT NULL;

-- The letter's own signatories are identified by name, so reloading a content file updates them in place.
CREATE UNIQUE INDEX signatures_initial_by_name ON signatures (letter_id, kind, name) WHERE channel = 'initial';

-- Keyset pagination over the public list: organizations, then individuals, each by (position, id).
CREATE INDEX signatures_public_listing ON signatures (letter_id, kind, position, id)
  WHERE status = 'confirmed' AND is_public = 1;
