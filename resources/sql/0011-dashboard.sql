-- Schema version 11: what the rules found in each case, counted per agency for the dashboard.
--
-- The checks carry their case's agency, so that the counts per agency read this index alone
-- rather than look up a million cases. Triggers keep it the case's: a case moved to another
-- agency moves its check, and a deleted case loses its check (restored, it is checked again).

ALTER TABLE case_checks ADD COLUMN agency_id TEXT;
UPDATE case_checks SET agency_id = (SELECT agency_id FROM cases WHERE pk = case_pk);
DELETE FROM case_checks WHERE case_pk IN (SELECT pk FROM cases WHERE deleted = 1);

CREATE INDEX case_checks_agency ON case_checks (agency_id, n_errors, next_due);

CREATE TRIGGER case_checks_follow_agency
AFTER UPDATE OF agency_id ON cases
WHEN NEW.agency_id IS NOT OLD.agency_id
BEGIN
  UPDATE case_checks SET agency_id = NEW.agency_id WHERE case_pk = NEW.pk;
END;

CREATE TRIGGER case_checks_drop_deleted
AFTER UPDATE OF deleted ON cases
WHEN NEW.deleted = 1
BEGIN
  DELETE FROM case_checks WHERE case_pk = NEW.pk;
END;
