-- A deleted draft's preview link opened the next draft (issue 15, third attack): its key was an
-- HMAC of the letter's id and preview_generation (migrations/0032), and letters.id has no
-- AUTOINCREMENT, so deleting the newest draft freed its id, and the next letter took it with
-- preview_generation 0 again: the key of any link of the deleted draft opened the new one. A
-- letter's preview key is now an HMAC of the id and this secret, which no other letter ever has.
ALTER TABLE letters ADD COLUMN
  -- 32 random hex digits, drawn when the letter is stored (the trigger below) and drawn anew by
  -- "New preview link"; never shown (only SECRET_KEY's HMAC of it is: src/domain/draft-preview.ts).
  -- NULL for a letter stored before this migration: its key is still made from its id and
  -- preview_generation alone, so that the links shared before keep working, until its first
  -- "New preview link". Such a letter's id can't be taken by another while it exists, and a letter
  -- stored from now on has a secret, so no key made the old way opens a new letter.
  preview_secret TEXT CHECK (preview_secret IS NULL OR (length(preview_secret) = 32 AND preview_secret NOT GLOB '*[^0-9a-f]*'));

-- Every way a letter is stored (the editor, the loader of content/, tests) gets its secret here,
-- not in each INSERT: a letter stored without one would fall back to the id's key.
CREATE TRIGGER letters_preview_secret AFTER INSERT ON letters WHEN NEW.preview_secret IS NULL
BEGIN
  UPDATE letters SET preview_secret = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
