-- Schema version 6: what the rules found in each case, for the filters and the dashboard.
--
-- A cache derived from the cases by the rules of one profile as of one date (kept as the meta
-- "case_checks"), refreshed in the background; not a record of anything, so neither audited nor
-- synced, and rebuilt at will. A row is current while case_modified equals the case's modified
-- time; a case written since is checked again.

CREATE TABLE case_checks (
  case_pk        INTEGER PRIMARY KEY REFERENCES cases (pk) ON DELETE CASCADE,
  case_modified  TEXT NOT NULL,
  n_errors       INTEGER NOT NULL,   -- failed rules of severity error
  n_warnings     INTEGER NOT NULL,   -- other failed rules
  next_due       TEXT                -- the soonest open deadline (YYYY-MM-DD), or NULL
) STRICT;

CREATE INDEX case_checks_with_errors ON case_checks (case_pk) WHERE n_errors > 0;
CREATE INDEX case_checks_due ON case_checks (next_due) WHERE next_due IS NOT NULL;
