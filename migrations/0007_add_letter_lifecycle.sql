-- A letter's life from draft to delivery, written in the browser or in content/.
--
-- Delivered letters are closed letters with a delivery date (no CHECK change:
-- rebuilding letters would cascade-delete its signatures).
ALTER TABLE letters ADD COLUMN delivered_on TEXT;            -- YYYY-MM-DD, when the letter was delivered
ALTER TABLE letters ADD COLUMN delivery_note TEXT;           -- a short public note, e.g. "Delivered to the OAS on 20 December 2017"
-- When the text last changed while the letter was published and had signatures: shown publicly as "updated on".
ALTER TABLE letters ADD COLUMN text_updated_at TEXT;
-- 'file': loaded from content/ by `npm run letters:load`; 'admin': written (or taken over) in the organizer
-- area, which the loader then leaves alone, so that an organizer's edit is never overwritten by a deploy.
ALTER TABLE letters ADD COLUMN managed_by TEXT NOT NULL DEFAULT 'file' CHECK (managed_by IN ('file', 'admin'));

-- Every version of a letter's text, oldest first; the current one is the last.
CREATE TABLE letter_revisions (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  addressee TEXT NOT NULL,
  body_markdown TEXT NOT NULL,
  -- Signatures counted, and whether the letter was public, when this version was saved.
  signature_count INTEGER NOT NULL,
  published INTEGER NOT NULL CHECK (published IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX letter_revisions_by_letter ON letter_revisions (letter_id, id);

-- Letters that exist already start their history with their current text.
INSERT INTO letter_revisions (letter_id, language, title, summary, addressee, body_markdown, signature_count, published, created_at)
  SELECT id, language, title, summary, addressee, body_markdown, signature_count, status <> 'draft', created_at FROM letters;

-- The maintenance job's search for letters whose closing time has come.
CREATE INDEX letters_closing ON letters (closes_at) WHERE status = 'open' AND closes_at IS NOT NULL;
