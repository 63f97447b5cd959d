-- Two colleagues by one name (issue 15, second attack). The rule "nobody goes by a name an active
-- colleague goes by" was checked by reading the names, then writing: two invitations under one
-- name sent at once, or two colleagues renaming themselves to one name at once, both passed. The key
-- two names are compared by is now stored beside each name, and unique among active accounts, so
-- that the database keeps the rule: the writes check it in the same statement
-- (src/storage/organizers.ts), and the index refuses whatever would slip past.
ALTER TABLE organizers ADD COLUMN
  -- The name as names are compared (src/domain/organizer-accounts.ts nameKey): compatibility forms
  -- folded, letters of other scripts that look like Latin ones read as those (Unicode's
  -- confusables), lower case, no spaces: 'anaowner' for 'Ana Owner' and for 'Аna Owner' with a
  -- Cyrillic А. Disabled accounts keep theirs (enabling one again checks it). NULL until keyed: a
  -- name with a character outside printable ASCII stored before this migration (the app keys those
  -- when it next compares names: src/app/organizer-accounts.ts), and a later namesake of an active
  -- colleague among the accounts stored before it.
  name_key TEXT CHECK (name_key IS NULL OR length(name_key) BETWEEN 1 AND 400);

-- A name of printable ASCII only: its key is its lower case without spaces (nameKey leaves ASCII as
-- it is but for case and spaces; SQLite's lower() folds ASCII only, which is all there is here).
UPDATE organizers SET name_key = lower(replace(name, ' ', ''))
  WHERE name NOT GLOB '*[^ -~]*' AND replace(name, ' ', '') != '';

-- Two active accounts by one name (made at once, before this migration): the earlier keeps its key.
UPDATE organizers SET name_key = NULL
  WHERE disabled_at IS NULL AND name_key IS NOT NULL AND EXISTS (
    SELECT 1 FROM organizers AS earlier
    WHERE earlier.disabled_at IS NULL AND earlier.name_key = organizers.name_key AND earlier.id < organizers.id
  );

CREATE UNIQUE INDEX organizers_active_name_key ON organizers (name_key) WHERE disabled_at IS NULL;
-- The accounts still to key (src/app/organizer-accounts.ts keyNames).
CREATE INDEX organizers_awaiting_name_key ON organizers (id) WHERE name_key IS NULL;
