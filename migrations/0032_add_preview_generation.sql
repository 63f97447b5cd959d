-- A draft's shareable preview link can be taken back (issue 15, small faults): its key was an
-- HMAC of the letter's id alone (src/domain/draft-preview.ts), so a link sent to the wrong person
-- kept working for as long as the letter was a draft. The key is now an HMAC of the id and this
-- number, which "New preview link" in the editor adds one to: the link before stops working.
ALTER TABLE letters ADD COLUMN
  -- How many times a new preview link was made for the letter; 0: never (the key is then the
  -- one made from the id alone, so that links shared before this migration still work).
  preview_generation INTEGER NOT NULL DEFAULT 0 CHECK (preview_generation >= 0);
