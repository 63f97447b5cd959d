-- The maintenance job (src/storage/maintenance.ts expireUnconfirmed, every five minutes) gives up on
-- unconfirmed signatures a day after their link expired. signatures_by_status (letter_id, status, id)
-- found each letter's unconfirmed signatures, but every one of them was then read to compare its
-- confirm_expires_at: a letter's whole backlog of unconfirmed signatures read 288 times a day, rows D1
-- bills (issue 17). This index holds only the unconfirmed signatures, by letter and expiry, so the job
-- seeks each letter's expired ones and reads none of the others. It costs one row written more when an
-- unconfirmed signature is stored, and one when it leaves that status (test/storage/signature-write-cost.test.ts).
CREATE INDEX signatures_unconfirmed_by_expiry ON signatures (letter_id, confirm_expires_at) WHERE status = 'unconfirmed';

-- The burst check (flagBursts) counted each recent signature's neighbours from its client and its email
-- domain with a subquery per signature, through these two indexes: n² rows read for a burst of n. It now
-- reads the last minutes' signatures once (signatures_by_time) and counts neighbours with window functions
-- over that read; no other query seeks by client or email domain, so each signature of the form no longer
-- writes these two index entries (two rows written fewer a signature).
DROP INDEX signatures_by_client;
DROP INDEX signatures_by_email_domain;

-- Where a job that goes over new rows got to, by name. 'bursts': the id of the newest signature the burst
-- check (flagBursts) has looked at. A run reads only the signatures after it, and the last minutes' around
-- them; with none after it, nothing: it read every signature of the last 40 minutes, every five minutes,
-- new or not (73,000 rows a run on the bench's database, after its signing runs).
CREATE TABLE job_cursors (
  name TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) WITHOUT ROWID;
