-- Schema version 7: an index for the dashboard's counts of what the rules found, per agency.
--
-- Those counts take the case checks with an error or a passed deadline and need each one's
-- agency and tombstone flag. Looked up in the table, that is a read of the case's 2 KiB row; in
-- this index, keyed like the table, it is a few bytes, in the same order as the checks.

CREATE INDEX cases_pk_live_agency ON cases (pk, deleted, agency_id);
