-- Where a signature came from when it was made through a partner's embed
-- (/letters/{slug}/embed?source=partner-name): organizers see signatures per
-- source. NULL for the letter's own page.
ALTER TABLE signatures ADD COLUMN source TEXT CHECK (source IS NULL OR source GLOB '[a-z0-9]*' AND length(source) <= 64);
