-- The public API's signatories filtered by country (?country=HN), as an index
-- seek like the unfiltered list: see storage/signatures.ts (listPublicSignatories).
CREATE INDEX signatures_public_by_country ON signatures (letter_id, country, kind, position, id)
  WHERE status = 'confirmed' AND is_public = 1;
