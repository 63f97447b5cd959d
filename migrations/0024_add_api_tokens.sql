-- Per-person API tokens (issue 15): programs use the organizers' JSON API (/admin/api) in a
-- person's name, with that person's role. A token is shown once when it is made; only its
-- SHA-256 is kept. Revoking one, or disabling its person (organizers.disabled_at), ends it.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  organizer_id INTEGER NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
  -- Hex SHA-256 of the whole token ("us_" + 43 base64url characters: 256 random bits).
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  -- What the person said it is for ("Signatures spreadsheet").
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- Updated at most once a minute per token (a bearer check is one read, rarely a write).
  last_used_at TEXT,
  revoked_at TEXT
);

CREATE INDEX api_tokens_by_organizer ON api_tokens (organizer_id, revoked_at);
