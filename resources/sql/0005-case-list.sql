-- Schema version 5: indexes for the paged case list of the desktop app.
--
-- The list counts the live cases and pages through them newest first, optionally of one agency
-- or one action type. With the tombstone flag leading each index, the count and the rows skipped
-- by an OFFSET are read from the index alone, never from the 2 KiB rows of a million cases.

CREATE INDEX cases_live_opened ON cases (deleted, opened_on, pk);
CREATE INDEX cases_live_agency_opened ON cases (deleted, agency_id, opened_on, pk);
CREATE INDEX cases_live_type_opened ON cases (deleted, action_type, opened_on, pk);
