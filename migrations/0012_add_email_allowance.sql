-- The limit on emails about one signature (MAX_EMAILS_PER_SIGNATURE, src/domain/signing.ts) holds per
-- day rather than for ever: a stranger who repeats an address five times must not end its owner's way
-- back to their links. emails_sent now counts the emails sent since emails_window_start (ISO 8601); a
-- row without one (every row before this migration) starts a new window with its next email.
ALTER TABLE signatures ADD COLUMN emails_window_start TEXT;
