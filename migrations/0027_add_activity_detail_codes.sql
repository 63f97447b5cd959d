-- The activity log's details in the reader's language (issue 15). An entry's detail was an English
-- sentence built when it was written ("In bulk.", "Ana <ana@example.org> as editor"), shown as it is
-- to an owner reading the log in Spanish. From now on the detail is also kept as a code and its
-- arguments (src/domain/activity-details.ts), worded when the page or its CSV file is drawn, in the
-- reader's language (the catalogs' activity.details, src/domain/locales/admin/).
--
-- A column of its own rather than JSON in `detail`: `detail` holds text people typed (a reason kept
-- since migrations/0020's moderation log), which may itself look like JSON; a separate column can't
-- be mistaken for it, and its CHECK keeps it JSON. `detail` keeps its English words beside the code:
-- entries written before this change have only those, and they still show as they are; whoever
-- reads the table with SQL (or runs an older version of the code after a rollback, which leaves
-- migrations applied) still reads a sentence.
ALTER TABLE organizer_activity ADD COLUMN
  -- {"code":"inBulk","args":[]}, {"code":"reason","args":["Asked by phone"]}: a key of the catalogs'
  -- activity.details and the arguments its words take (strings, numbers, booleans, null). Text
  -- people typed is an argument, as typed. NULL for entries without a detail, and for those written
  -- before this migration. Never a secret, a token, a link or a hash, as the rest of the entry.
  detail_json TEXT CHECK (detail_json IS NULL OR (json_valid(detail_json) AND length(detail_json) <= 2000));
