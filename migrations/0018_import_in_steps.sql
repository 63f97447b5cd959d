-- An import read, checked and run in steps, each within a request's CPU time on the Workers Free plan
-- (10 ms: https://developers.cloudflare.com/workers/platform/limits/#cpu-time), issue 14.
--
-- Until now, the upload request parsed the whole file and the mapping request checked every row: a
-- 10,000-row file took about 90 ms and 800 ms of CPU. Now:
-- - reading: the upload keeps the file's text in import_source and reads its first rows; each step
--   (a request, or the minute cron) reads the next rows from where the last stopped (read_at), and the
--   text is deleted once every row is read. A file that turns out unreadable further down (a broken
--   quote, too many rows) ends 'unreadable' with the reason in `problem`, its rows deleted.
-- - checking: the mapping is saved and every row's outcome cleared; each step checks the next rows
--   (after the line checked_through) and keeps, on the first row of each signer, its duplicate_key (mailbox hash
--   or organization key), so that a later row of the same signer, in any step, is a duplicate.
-- - running: as before, in smaller batches.
-- The two tables are rebuilt (SQLite can't change a CHECK in place); import_rows is copied aside first so
-- that dropping imports cascades to nothing.

PRAGMA defer_foreign_keys = on;

CREATE TABLE imports_next (
  -- AUTOINCREMENT: a discarded import's number is never given to the next one (a link, a page left open).
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  delimiter TEXT NOT NULL CHECK (delimiter IN (char(9), ',', ';')),
  header TEXT NOT NULL,
  mapping TEXT NOT NULL,
  default_kind TEXT NOT NULL CHECK (default_kind IN ('organization', 'individual', 'column')),
  mode TEXT NOT NULL DEFAULT 'vouch' CHECK (mode IN ('vouch', 'confirm')),
  -- reading: rows read step by step; unreadable: see problem; mapping: read, mapping to choose;
  -- checking: rows checked step by step; previewed: checked; running: importing in batches; done.
  state TEXT NOT NULL DEFAULT 'mapping'
    CHECK (state IN ('reading', 'unreadable', 'mapping', 'checking', 'previewed', 'running', 'done')),
  -- Rows read so far (all of them once read).
  row_count INTEGER NOT NULL CHECK (row_count BETWEEN 0 AND 10000),
  valid_count INTEGER NOT NULL DEFAULT 0,
  refused_count INTEGER NOT NULL DEFAULT 0,
  duplicate_count INTEGER NOT NULL DEFAULT 0,
  imported_count INTEGER NOT NULL DEFAULT 0,
  unsent_count INTEGER NOT NULL DEFAULT 0,
  origin TEXT,
  started_at TEXT,
  -- When the last step (of reading, checking or running) ran: the minute cron moves one left alone.
  batch_at TEXT,
  finished_at TEXT,
  erased_at TEXT,
  -- Reading: the length of the text in import_source (UTF-16 code units, as the Worker counts), and where
  -- the next row starts in it; NULL once read.
  source_chars INTEGER,
  read_at INTEGER,
  -- Why the file can't be imported (state 'unreadable'), in words for the organizer.
  problem TEXT,
  -- Checking: which check this is (each new mapping starts another, so a step of an older one writes
  -- nothing), and the line of the last row it checked.
  check_run INTEGER NOT NULL DEFAULT 0,
  checked_through INTEGER NOT NULL DEFAULT 0,
  CHECK ((state = 'reading') = (read_at IS NOT NULL)),
  CHECK ((state = 'unreadable') = (problem IS NOT NULL))
);

INSERT INTO imports_next (id, letter_id, file_name, created_by, created_at, delimiter, header, mapping, default_kind,
  mode, state, row_count, valid_count, refused_count, duplicate_count, imported_count, unsent_count, origin,
  started_at, batch_at, finished_at, erased_at)
SELECT id, letter_id, file_name, created_by, created_at, delimiter, header, mapping, default_kind, mode, state,
  row_count, valid_count, refused_count, duplicate_count, imported_count, unsent_count, origin, started_at, batch_at,
  finished_at, erased_at
FROM imports;

CREATE TABLE import_rows_aside AS SELECT * FROM import_rows;
DROP TABLE import_rows;
DROP TABLE imports;
ALTER TABLE imports_next RENAME TO imports;

CREATE TABLE import_rows (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  cells TEXT,
  outcome TEXT CHECK (outcome IN ('valid', 'refused', 'duplicate')),
  reason TEXT,
  state TEXT NOT NULL DEFAULT 'pending' CONSTRAINT import_row_once CHECK (state IN ('pending', 'imported', 'skipped')),
  signature_ref TEXT,
  -- On the first valid row of a signer: "o:" and its organization key, or "m:" and its mailbox hash.
  duplicate_key TEXT,
  UNIQUE (import_id, line)
);

INSERT INTO import_rows (id, import_id, line, cells, outcome, reason, state, signature_ref)
SELECT id, import_id, line, cells, outcome, reason, state, signature_ref FROM import_rows_aside;
DROP TABLE import_rows_aside;

CREATE INDEX imports_by_letter ON imports (letter_id, id);
CREATE INDEX imports_moving ON imports (batch_at) WHERE state IN ('reading', 'checking', 'running');
CREATE INDEX imports_to_erase ON imports (created_at) WHERE erased_at IS NULL;
CREATE INDEX import_rows_by_state ON import_rows (import_id, state, id);
CREATE INDEX import_rows_by_outcome ON import_rows (import_id, outcome, id);
CREATE UNIQUE INDEX import_rows_one_per_signer ON import_rows (import_id, duplicate_key) WHERE duplicate_key IS NOT NULL;

-- The text of a file being read, in parts of at most 64 Ki code units (D1 takes at most 2 MB per value),
-- each at its offset in the whole: a step reads only the parts it needs. Names and emails: deleted once
-- read, with the import, or by the maintenance job with imports never run.
CREATE TABLE import_source (
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  chars INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (import_id, start)
) WITHOUT ROWID;

PRAGMA defer_foreign_keys = off;
