-- Why an emailed link stopped working (issue 15): its page tells the person what happened, in
-- their language, instead of "used already" for every ending. Set with used_at, in the same
-- statement. NULL on a link ended before this column existed: its page says "used already", as then.
--   'used'       its own button was pressed;
--   'replaced'   a newer invitation was sent to the person (an owner pressed "Resend");
--   'superseded' the person signed in with another of their links (each use ends the others);
--   'withdrawn'  an owner disabled the account.
ALTER TABLE sign_in_links ADD COLUMN end_reason TEXT
  CHECK (end_reason IS NULL OR end_reason IN ('used', 'replaced', 'superseded', 'withdrawn'));

-- When the session was last used (ISO 8601 UTC), for the person's list of sessions on Your account.
-- Written at most once every 5 minutes per session (domain/organizer-session.ts
-- SESSION_SEEN_EVERY_SECONDS), by a conditional UPDATE: a D1 write on every request would cost more
-- than the minutes it would add. Set to created_at when a session starts (and here, for those open now).
ALTER TABLE organizer_sessions ADD COLUMN last_seen_at TEXT;
UPDATE organizer_sessions SET last_seen_at = created_at;
