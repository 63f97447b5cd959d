-- The activity log (issue 15): who did what in the organizer area, and when. Written by one
-- function only (src/app/activity.ts recordActivity, through src/storage/activity.ts), read by
-- the owners' page /admin/activity and by the signatures list ("Hidden by Ana, 14:02").
-- Never holds a secret, a token, a link or a signer's email: entries name signatures by id.
CREATE TABLE organizer_activity (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- ISO 8601 UTC.
  at TEXT NOT NULL,
  -- Who acted; NULL (with organizer_name NULL) for the system: jobs, the queue, the clock.
  -- Organizers are disabled, not deleted; should one be deleted, the name below still says who.
  organizer_id INTEGER REFERENCES organizers (id) ON DELETE SET NULL,
  -- The name they had when they acted (a later rename does not rewrite the past).
  organizer_name TEXT CHECK (organizer_name IS NULL OR length(organizer_name) BETWEEN 1 AND 100),
  -- One of src/domain/activity.ts ActivityAction ("signature-hidden", "letter-published", ...).
  action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
  -- The letter acted on. A deleted letter's entries keep its title (below) and lose the link, so
  -- that a later letter that reuses the id is not taken for it.
  letter_id INTEGER REFERENCES letters (id) ON DELETE SET NULL,
  letter_title TEXT CHECK (letter_title IS NULL OR length(letter_title) <= 200),
  -- The signature acted on. When a signature is erased, its entries stay and say "a deleted signature".
  signature_id INTEGER REFERENCES signatures (id) ON DELETE SET NULL,
  -- What changed, as two JSON objects of the changed fields only ({"status":"pending"} ->
  -- {"status":"hidden"}); NULL when nothing was before (created) or after (deleted).
  before_json TEXT CHECK (before_json IS NULL OR (json_valid(before_json) AND length(before_json) <= 4000)),
  after_json TEXT CHECK (after_json IS NULL OR (json_valid(after_json) AND length(after_json) <= 4000)),
  -- Words the organizer gave (a reason) or the system adds (which export, how many rows).
  detail TEXT CHECK (detail IS NULL OR length(detail) <= 1000)
);

-- The owners' page: newest first (the primary key), narrowed by person, action, letter or dates.
CREATE INDEX organizer_activity_by_organizer ON organizer_activity (organizer_id, id);
CREATE INDEX organizer_activity_by_action ON organizer_activity (action, id);
CREATE INDEX organizer_activity_by_letter ON organizer_activity (letter_id, id);
-- Date ranges, and the retention job's delete of entries older than ACTIVITY_RETENTION_DAYS.
CREATE INDEX organizer_activity_by_time ON organizer_activity (at);
-- The signatures list's "last changed by" (the newest entry of each signature on a page), and
-- the SET NULL when a signature is erased.
CREATE INDEX organizer_activity_by_signature ON organizer_activity (signature_id, id);
