-- The record becomes an RFC 9162 Merkle tree with signed checkpoints, and says who acted.
--
-- * Events name their actor: 'signed' and 'withdrawn' are the signer's; 'hidden', 'rejected',
--   'restored' and 'removed' (taken off the letter's file) the organizers'; 'text' a published version of the letter's text (or of a
--   translation; its digest is the SHA-256 of the version, its ref names it, it has no kind).
-- * An erased entry (salt NULL) has every public field empty: the table refuses anything else.
-- * Entry hashes become RFC 9162 leaf hashes, and the record's head the tree's root hash: the
--   app seals every entry again, in order, from the first (there are no deployments to keep).
-- * record_nodes keeps every complete subtree's hash (level 0: the entries' leaf hashes), so a
--   root, an inclusion proof or a consistency proof reads O(log n) rows.
-- * record_checkpoints keeps every signed checkpoint (C2SP tlog-checkpoint, a signed note).

CREATE TABLE record_entries_new (
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  event TEXT NOT NULL CHECK (event IN ('signed', 'withdrawn', 'hidden', 'rejected', 'restored', 'removed', 'text')),
  ref TEXT NOT NULL,
  kind TEXT CHECK (kind IN ('organization', 'individual')),
  name TEXT,
  organization TEXT,
  title TEXT,
  city TEXT,
  country TEXT,
  salt TEXT,
  at TEXT NOT NULL,
  digest TEXT,
  hash TEXT,
  PRIMARY KEY (letter_id, seq),
  CHECK ((event = 'text') = (kind IS NULL)),
  CHECK (salt IS NOT NULL OR (name IS NULL AND organization IS NULL AND title IS NULL AND city IS NULL AND country IS NULL))
) WITHOUT ROWID;

INSERT INTO record_entries_new (letter_id, seq, event, ref, kind, name, organization, title, city, country, salt, at, digest, hash)
  SELECT e.letter_id, e.seq,
    CASE WHEN e.event <> 'removed' THEN e.event
      ELSE coalesce((SELECT CASE s.status WHEN 'rejected' THEN 'rejected' ELSE 'hidden' END
        FROM signatures s WHERE s.letter_id = e.letter_id AND s.token = e.ref), 'removed') END,
    e.ref, e.kind,
    CASE WHEN e.salt IS NOT NULL THEN e.name END, CASE WHEN e.salt IS NOT NULL THEN e.organization END,
    CASE WHEN e.salt IS NOT NULL THEN e.title END, CASE WHEN e.salt IS NOT NULL THEN e.city END,
    CASE WHEN e.salt IS NOT NULL THEN e.country END, e.salt, e.at, e.digest, NULL
  FROM record_entries e;

DROP TABLE record_entries;
ALTER TABLE record_entries_new RENAME TO record_entries;
CREATE INDEX record_entries_by_ref ON record_entries (letter_id, ref);

CREATE TABLE record_nodes (
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  level INTEGER NOT NULL CHECK (level >= 0),
  idx INTEGER NOT NULL CHECK (idx >= 0),
  hash TEXT NOT NULL,
  PRIMARY KEY (letter_id, level, idx)
) WITHOUT ROWID;

CREATE TABLE record_checkpoints (
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  size INTEGER NOT NULL CHECK (size >= 0),
  root TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (letter_id, size)
) WITHOUT ROWID;

ALTER TABLE letters RENAME COLUMN record_head TO record_root;
UPDATE letters SET record_sealed = 0, record_root = NULL;
