-- Organizers are people (issue 15). Each has a role; the admin token signs in as the bootstrap
-- owner (id 1, no email), so that `npm start` keeps one way in and a new deployment can invite
-- its first colleagues. Emails are stored lower-case, and only here: never in public output.
CREATE TABLE organizers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Lower-case; NULL only for the bootstrap owner.
  email TEXT UNIQUE CHECK (email IS NULL OR (email = lower(email) AND length(email) <= 254)),
  -- How colleagues and the activity log name this person.
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- owner: accounts, settings, webhooks, everything; editor: letters, translations, stages, order;
  -- moderator: signatures (review, hide, restore, hand entry, import, exports);
  -- viewer: reads letters and counts, no personal data.
  role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'moderator', 'viewer')),
  -- The organizer area's language for this person (NULL: the browser's Accept-Language).
  language TEXT CHECK (language IS NULL OR language IN ('en', 'es', 'fr', 'pt')),
  -- The IANA time zone last chosen for a letter's closing time, offered again (NULL: none yet).
  time_zone TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  invited_by INTEGER REFERENCES organizers (id) ON DELETE SET NULL,
  -- Set when an owner removes the person: their sessions and tokens stop working; the log keeps their name.
  disabled_at TEXT
);

INSERT INTO organizers (id, email, name, role) VALUES (1, NULL, 'Owner (admin token)', 'owner');

-- Sessions now belong to a person. Existing sessions (all the admin token's) end: sign in again.
DROP TABLE organizer_sessions;
CREATE TABLE organizer_sessions (
  id_hash TEXT PRIMARY KEY,
  organizer_id INTEGER NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
  -- How the person signed in: 'admin-token', 'magic-link', 'passkey'.
  via TEXT NOT NULL CHECK (via IN ('admin-token', 'magic-link', 'passkey')),
  -- For 'admin-token' sessions: an HMAC of the token they were opened with, so that changing
  -- ADMIN_TOKEN ends them; NULL otherwise.
  token_fingerprint TEXT,
  -- The browser, in a few words ("Chrome on Android"), for the person's list of sessions.
  device TEXT CHECK (device IS NULL OR length(device) <= 100),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  expires_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX organizer_sessions_by_organizer ON organizer_sessions (organizer_id);
