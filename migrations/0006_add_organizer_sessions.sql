-- Organizers' sessions: one row per login, so that logging out ends it everywhere
-- at once. The cookie carries a random id and its HMAC; only the id's SHA-256 is stored.
CREATE TABLE organizer_sessions (
  id_hash TEXT PRIMARY KEY,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  expires_at TEXT NOT NULL
) WITHOUT ROWID;
