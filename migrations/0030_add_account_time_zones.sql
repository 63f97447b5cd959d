-- Time zones and remembered choices (issue 15): an account's own time zone, and what a person's
-- next new letter starts with.
--
-- organizers.time_zone (migrations/0022) was the zone last chosen for a letter's closing time.
-- From here on it is the account's time zone, chosen on the account page (src/routes/admin-account.tsx):
-- the pages about no letter (the activity log, people, sessions, API tokens, passkeys) show their
-- times in it and read the days of their filters in it; NULL: none chosen, those pages are in UTC
-- and say so. Values stored before are kept: the zone someone closed their letters in is a fair
-- first guess at theirs. Saving a closing time still sets it while it is NULL.
--
-- The zone a new letter's closing time starts in: the one the person last saved a closing time in
-- (an IANA name, src/domain/time-zones.ts isTimeZone). NULL: none yet (their account's zone, else UTC).
ALTER TABLE organizers ADD COLUMN letter_time_zone TEXT
  CHECK (letter_time_zone IS NULL OR length(letter_time_zone) BETWEEN 3 AND 64);
UPDATE organizers SET letter_time_zone = time_zone WHERE length(time_zone) BETWEEN 3 AND 64;

-- The language (BCP 47 tag, as letters.language) of the letter the person last created, or last
-- changed the language of: their next new letter starts in it. NULL: none yet (a new letter starts
-- in the organizer area's language).
ALTER TABLE organizers ADD COLUMN letter_language TEXT
  CHECK (letter_language IS NULL OR length(letter_language) BETWEEN 2 AND 35);
