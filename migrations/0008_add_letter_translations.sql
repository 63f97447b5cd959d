-- A letter in other languages: each translation has its own title, summary,
-- addressee block and body; the letters row keeps the original language and
-- its text. Signatures are pooled across languages: they belong to the
-- letter, never to a translation.
CREATE TABLE letter_translations (
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 35),  -- BCP 47 tag
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary TEXT NOT NULL,
  addressee TEXT NOT NULL,
  body_markdown TEXT NOT NULL,
  body_html TEXT NOT NULL,                   -- rendered and made safe before it is stored
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (letter_id, language)
) WITHOUT ROWID;

-- The language the signer signed in (BCP 47), so that the emails they get are
-- in it. NULL for signatures made before translations, and for the letter's
-- own listed signatories.
ALTER TABLE signatures ADD COLUMN language TEXT CHECK (language IS NULL OR length(language) BETWEEN 2 AND 35);
