-- Passkeys (issue 15): WebAuthn credentials an organizer adds to their account and then signs in
-- with, instead of a magic link or the admin token. Only the public half is here; the private key
-- never leaves the person's device or password manager.
CREATE TABLE passkeys (
  -- The credential's id as the authenticator made it, base64url (WebAuthn §6.1: at most 1023 bytes).
  credential_id TEXT PRIMARY KEY CHECK (length(credential_id) BETWEEN 1 AND 1400),
  organizer_id INTEGER NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
  -- The credential's public key, COSE-encoded (RFC 9053), base64url.
  public_key TEXT NOT NULL,
  -- The authenticator's signature counter at the last use (WebAuthn §6.1.1); 0 for those that keep none.
  counter INTEGER NOT NULL DEFAULT 0 CHECK (counter >= 0),
  -- How the browser may reach the authenticator ("internal", "hybrid", "usb", …), comma-separated.
  transports TEXT NOT NULL DEFAULT '',
  -- The label the person gave it ("Work laptop"), shown only to them.
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- NULL until it is first used to sign in.
  last_used_at TEXT
) WITHOUT ROWID;

CREATE INDEX passkeys_by_organizer ON passkeys (organizer_id);

-- The challenges the server gave a browser for one ceremony: each is taken (deleted) by the one
-- answer that uses it, so an answer can't be replayed, and lasts 5 minutes.
-- NOTE (comment added later; this file's SQL is unchanged): sign-in challenges are now signed, not
-- stored, when given, and an 'authentication' row is a sign-in challenge already USED (kept until it
-- expires, so it is never used twice). src/storage/webauthn-challenges.ts says what each column holds.
CREATE TABLE webauthn_challenges (
  -- 32 random bytes, base64url, as sent in the options.
  challenge TEXT PRIMARY KEY,
  -- 'registration': adding a passkey to organizer_id's account; 'authentication': signing in.
  purpose TEXT NOT NULL CHECK (purpose IN ('registration', 'authentication')),
  -- The account a passkey is being added to; NULL when signing in (the passkey says whose it is).
  organizer_id INTEGER REFERENCES organizers (id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL,
  CHECK ((purpose = 'registration') = (organizer_id IS NOT NULL))
) WITHOUT ROWID;
