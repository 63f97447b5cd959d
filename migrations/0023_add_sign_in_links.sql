-- Sign-in links and invitations (issue 15): an organizer signs in by a link emailed to them, and a
-- colleague joins by the link of an owner's invitation. Each link is single-use and short-lived, and
-- only the SHA-256 of its 256-bit random token is stored: a copy of the database can't sign anyone in.
CREATE TABLE sign_in_links (
  -- hex SHA-256 of the token the emailed link carries (domain/sign-in-links.ts).
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  organizer_id INTEGER NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
  -- 'sign-in': asked for on the login page, valid 15 minutes; 'invitation': sent by an owner, valid 7 days.
  purpose TEXT NOT NULL CHECK (purpose IN ('sign-in', 'invitation')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  -- Set once, when the link is used (or when it stops counting: the account disabled, a newer invitation sent).
  used_at TEXT
) WITHOUT ROWID;

-- The links of a person, recent first: the limit on sign-in links per address, and ending them all.
CREATE INDEX sign_in_links_by_organizer ON sign_in_links (organizer_id, created_at);

-- When the person last signed in, by any way (shown to owners on the People page); NULL: never
-- (an invitation not accepted yet).
ALTER TABLE organizers ADD COLUMN last_signed_in_at TEXT;
