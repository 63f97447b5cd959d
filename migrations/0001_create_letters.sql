-- Letters, with their signature counters kept beside them so that no page
-- ever counts signatures: the counters change in the same transaction as
-- the signatures they count (see src/storage/signatures.ts).
CREATE TABLE letters (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 100),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary TEXT NOT NULL,
  letter_date TEXT NOT NULL,                 -- YYYY-MM-DD, the date the letter bears
  addressee TEXT NOT NULL,                   -- the addressee block, lines separated by \n
  language TEXT NOT NULL,                    -- BCP 47 tag of the letter's text
  status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  closes_at TEXT,                            -- ISO 8601 UTC; signing stops then even if status is open
  body_markdown TEXT NOT NULL,
  body_html TEXT NOT NULL,                   -- rendered and made safe at load time
  signature_count INTEGER NOT NULL DEFAULT 0 CHECK (signature_count >= 0),
  organization_count INTEGER NOT NULL DEFAULT 0 CHECK (organization_count >= 0),
  individual_count INTEGER NOT NULL DEFAULT 0 CHECK (individual_count >= 0),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (signature_count = organization_count + individual_count)
);

-- The public index lists published letters, newest first.
CREATE INDEX letters_published_by_date ON letters (letter_date DESC, id DESC) WHERE status <> 'draft';
