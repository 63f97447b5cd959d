-- Two small partial indexes for the organizers' downloads (the CSV file and the delivery document,
-- src/storage/signatures.ts listSignaturesInOrder), which read a letter's signatures in the public
-- list's order: organizations, then individuals, each the ranked ones first (by position), then the
-- unranked (position 1000000000, UNRANKED_POSITION in src/domain/signature.ts) in signing order.
-- Without them each download read the whole letter three times over besides its own rows: once to
-- find the ranked individuals, once the ranked organizations, once for organizations signed after
-- the last one (issue 17: about 4 rows read per row downloaded). Both hold few rows: ranked
-- signatures are the letter file's initial ones and the organizations put in order by hand, and
-- organizations are a small part of a letter. An individual signing writes neither (a partial
-- index is written only for the rows it holds), so the rows written per signature do not change.
-- Queries must spell the conditions out (position < 1000000000; kind = 'organization' AND position
-- >= 1000000000) for SQLite to use them, so no other query of the app takes them by chance: the
-- maintenance job's backfill of organizations keeps its own signatures_awaiting_organization_key.
CREATE INDEX signatures_ranked ON signatures (letter_id, kind, position, id) WHERE position < 1000000000;
CREATE INDEX signatures_unranked_organizations ON signatures (letter_id, id)
  WHERE kind = 'organization' AND position >= 1000000000;
