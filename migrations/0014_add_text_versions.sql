-- The text people signed is in the record: every version of a letter's text, and of each
-- translation, that was public is kept here as it was published, and enters the record as a
-- 'text' entry (ref "{language}@{number}", digest = SHA-256 of the version: see
-- src/domain/text-versions.ts) in the same transaction.
--
-- letter_revisions is not reused: it keeps every saved text, drafts' included, and its
-- `published` flag says whether the letter was public when a text was saved, not which text
-- became public (publishing a draft adds no revision). Rows here are exactly the published ones.
--
-- SQLite in D1 cannot compute SHA-256, so the writer (the app, or the loader of content/ in
-- Node) computes the digest and inserts the version; the trigger below then writes its record
-- entry, so that no writer can add a version without one. A version never changes afterwards.
CREATE TABLE text_versions (
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 35),  -- BCP 47 tag
  number INTEGER NOT NULL CHECK (number >= 1),                       -- 1, 2, … per language, in order
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  addressee TEXT NOT NULL,
  body_markdown TEXT NOT NULL,
  digest TEXT NOT NULL CHECK (length(digest) = 64),                  -- textVersionDigest (hex), written by the writer
  seq INTEGER NOT NULL CHECK (seq >= 1),                             -- its record entry: the letter's record_length + 1
  published_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (letter_id, language, number),
  UNIQUE (letter_id, seq)
) WITHOUT ROWID;

-- Every version enters the record with it, at the seq it names, and the record grows by one.
-- (record_entries' own CHECKs hold: a text entry has no kind, no salt and no public field.)
CREATE TRIGGER text_versions_recorded AFTER INSERT ON text_versions
BEGIN
  INSERT INTO record_entries (letter_id, seq, event, ref, kind, at, digest)
    VALUES (NEW.letter_id, NEW.seq, 'text', NEW.language || '@' || NEW.number, NULL, NEW.published_at, NEW.digest);
  UPDATE letters SET record_length = NEW.seq WHERE id = NEW.letter_id;
END;

-- What was published stays as it was published: a change would be a new version.
CREATE TRIGGER text_versions_unchanged BEFORE UPDATE ON text_versions
BEGIN
  SELECT RAISE(ABORT, 'A published version of a letter''s text never changes: publish a new version instead.');
END;

-- Letters published before this migration get a version of their current text (and its entry)
-- from the app, which can hash it: the loader of content/ for letters written as files, the
-- maintenance job for every published letter whose current text has no version.
