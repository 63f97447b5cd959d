-- Sign attempts refused after they passed validation, counted per letter, day and reason, for
-- the letter's organizers (their signatures page): a person is never dropped without a word,
-- and organizers see how many attempts were turned away and why. Nothing here identifies
-- anyone: no address, no client hash, no time finer than the day.
CREATE TABLE refused_sign_attempts (
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  -- The UTC day, YYYY-MM-DD.
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- The reasons of REFUSAL_REASONS in src/domain/bots.ts.
  reason TEXT NOT NULL CHECK (reason IN ('too-fast', 'no-stamp', 'expired', 'honeypot', 'turnstile', 'rate-limited')),
  attempts INTEGER NOT NULL CHECK (attempts > 0),
  PRIMARY KEY (letter_id, day, reason)
) WITHOUT ROWID;
