-- What a rejected signature was before the organizers rejected it (issue 14's follow-up): a signature
-- rejected while it waited for its signer's email confirmation ('unconfirmed') and then restored goes
-- back to waiting, never straight to counted, since nobody but its signer may confirm it. NULL for
-- signatures rejected before this column (then only signatures in review could be rejected: restoring
-- them approves them, as before) and for every other status.
ALTER TABLE signatures ADD COLUMN rejected_from TEXT CHECK (rejected_from IN ('unconfirmed', 'in_review'));
