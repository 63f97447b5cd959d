-- The moderation log (issue 15): organizers' actions on one signature that the record does not
-- tell, with the reason they gave. Today: a signature confirmed by the organizers on its signer's
-- request ('confirm', with a reason, required), and a confirmation email sent again ('resend').
-- Written by one function only (src/storage/moderation-log.ts logModeration), so that who did it
-- can be added beside the reason once organizers have accounts.
CREATE TABLE moderation_log (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
  -- The signature acted on; its row (and so its log) goes when the signature is deleted.
  signature_id INTEGER NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
  action TEXT NOT NULL CHECK (action IN ('confirm', 'resend')),
  -- Why, in the organizer's words (required for 'confirm'); private to organizers.
  reason TEXT CHECK (reason IS NULL OR length(reason) <= 500),
  -- The status before and after ('resend' changes none: both the same).
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  -- ISO 8601 UTC.
  created_at TEXT NOT NULL
);

CREATE INDEX moderation_log_by_signature ON moderation_log (signature_id, id);
