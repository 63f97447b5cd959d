-- Sign-ons collected elsewhere (a spreadsheet, a Google Forms export) brought in by an organizer (issue 14).
--
-- An import is a file (or rows pasted from a spreadsheet) read once into import_rows, then mapped to
-- the signature's fields, previewed (each row's validation result and duplicates), and imported in
-- batches: each batch is one transaction that stores its signatures (channel 'import', import_id) with
-- their counts, record entries and webhooks, and marks its rows done, so a failure loses nothing and no
-- row is imported twice.
--
-- import_rows.cells hold personal data (names, emails): they are kept while the import is prepared and
-- run, then for IMPORT_RETENTION_DAYS after it is done, so that its refused rows can be downloaded, and
-- then erased by the maintenance job (src/app/imports.ts expireImports). They are never logged.

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  -- The uploaded file's name as the browser sent it, or 'pasted rows'.
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  -- Who imported: how the organizer was signed in ('session', 'access', 'token').
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- The field delimiter found (a tab, ',' or ';'), and the header row: a JSON array of strings.
  delimiter TEXT NOT NULL CHECK (delimiter IN (char(9), ',', ';')),
  header TEXT NOT NULL,
  -- The field each column is read as (a JSON array, one per column; src/domain/signature-import.ts),
  -- and the kind of every row: 'organization', 'individual', or 'column' (read from the column mapped to kind).
  mapping TEXT NOT NULL,
  default_kind TEXT NOT NULL CHECK (default_kind IN ('organization', 'individual', 'column')),
  -- 'vouch': the coalition vouches, signatures count at once (confirmed, record entry 'signed');
  -- 'confirm': each signer gets the normal confirmation email (unconfirmed until they click).
  mode TEXT NOT NULL DEFAULT 'vouch' CHECK (mode IN ('vouch', 'confirm')),
  -- mapping: read, mapping to choose; previewed: rows checked; running: importing in batches; done.
  state TEXT NOT NULL DEFAULT 'mapping' CHECK (state IN ('mapping', 'previewed', 'running', 'done')),
  row_count INTEGER NOT NULL CHECK (row_count BETWEEN 1 AND 10000),
  -- The preview's counts (rows that will be imported, refused, duplicates), then the import's.
  valid_count INTEGER NOT NULL DEFAULT 0,
  refused_count INTEGER NOT NULL DEFAULT 0,
  duplicate_count INTEGER NOT NULL DEFAULT 0,
  imported_count INTEGER NOT NULL DEFAULT 0,
  -- Confirmation emails that could not be sent ('confirm' mode).
  unsent_count INTEGER NOT NULL DEFAULT 0,
  -- The public origin the confirmation emails link to, kept when the import starts (the cron continues it).
  origin TEXT,
  started_at TEXT,
  -- When the last batch ran: the minute cron continues a running import nobody has moved for a minute.
  batch_at TEXT,
  finished_at TEXT,
  -- When the rows' cells were erased (IMPORT_RETENTION_DAYS after finished_at, or after created_at for
  -- an import never run); the counts and the signatures stay.
  erased_at TEXT
);

CREATE INDEX imports_by_letter ON imports (letter_id, id);
CREATE INDEX imports_running ON imports (batch_at) WHERE state = 'running';
CREATE INDEX imports_to_erase ON imports (created_at) WHERE erased_at IS NULL;

CREATE TABLE import_rows (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  -- The row's number in the file as a spreadsheet shows it (the header is row 1).
  line INTEGER NOT NULL,
  -- The row's cells as read (a JSON array of strings); NULL once erased.
  cells TEXT,
  -- The preview's result: 'valid', 'refused' (a field breaks the sign form's rules), 'duplicate'
  -- (within the file, or against the letter's signatures, also when found while importing).
  outcome TEXT CHECK (outcome IN ('valid', 'refused', 'duplicate')),
  -- Why it was refused or is a duplicate, in words for the organizer (no personal data).
  reason TEXT,
  -- pending: to import; imported: stored as signature_ref; skipped: not imported (see outcome).
  -- A batch first rewrites its rows' state to itself, or to 'taken' when a row is no longer pending,
  -- which this constraint refuses: a batch run twice (two tabs, the cron) fails whole, imports nothing.
  state TEXT NOT NULL DEFAULT 'pending' CONSTRAINT import_row_once CHECK (state IN ('pending', 'imported', 'skipped')),
  signature_ref TEXT,
  UNIQUE (import_id, line)
);

CREATE INDEX import_rows_by_state ON import_rows (import_id, state, id);
CREATE INDEX import_rows_by_outcome ON import_rows (import_id, outcome, id);
