-- Letter settings in words: the time zone a letter's closing time is chosen
-- and shown in, when signing was actually closed, and a delivery note per
-- language.
--
-- The IANA zone name the closing time was chosen in (src/domain/time-zones.ts
-- isTimeZone); closes_at stays the UTC instant, which is what signing is
-- checked against. NULL: chosen before zones existed, or from a content/ file: UTC.
ALTER TABLE letters ADD COLUMN closes_time_zone TEXT CHECK (closes_time_zone IS NULL OR length(closes_time_zone) BETWEEN 3 AND 64);
-- When signing was closed (ISO 8601 UTC): by hand, by delivering an open
-- letter, or by the closing job (then the closing time itself). NULL while
-- open, after reopening, and for letters closed before this column existed.
-- The public page says "Signing closed on {that day}" rather than naming a
-- deadline that had not come (src/domain/letter.ts signingEndedAt).
ALTER TABLE letters ADD COLUMN closed_at TEXT;
-- Each translation's own delivery note, in its language (the original
-- language's stays in letters.delivery_note). NULL: none, and the page shows
-- the original's, marked with its language.
ALTER TABLE letter_translations ADD COLUMN delivery_note TEXT CHECK (delivery_note IS NULL OR length(delivery_note) BETWEEN 1 AND 300);
