-- Schema version 10: what the rules found in a case is forgotten as soon as it may change.
--
-- Version 6 told a stale check by the case's modified time, which has whole seconds: a case
-- written in the second it was checked kept its old findings. Now every write that can change a
-- case's findings deletes its check in the same transaction, and a missing check is what the
-- next refresh looks for: a case written, a record added to it (records are append-only), or
-- any agency or officer changed (certificates, training and hierarchy weigh on every case of
-- theirs, so every check goes). The WHEN clauses keep a bulk load into an unchecked database
-- free of the work.

CREATE TRIGGER IF NOT EXISTS case_checks_case_written AFTER UPDATE ON cases
WHEN EXISTS (SELECT 1 FROM case_checks WHERE case_pk = NEW.pk)
BEGIN
  DELETE FROM case_checks WHERE case_pk = NEW.pk;
END;

CREATE TRIGGER IF NOT EXISTS case_checks_record_added AFTER INSERT ON records
WHEN EXISTS (SELECT 1 FROM case_checks)
BEGIN
  DELETE FROM case_checks WHERE case_pk = (SELECT pk FROM cases WHERE id = NEW.case_id);
END;

CREATE TRIGGER IF NOT EXISTS case_checks_agency_added AFTER INSERT ON agencies
WHEN EXISTS (SELECT 1 FROM case_checks)
BEGIN
  DELETE FROM case_checks;
END;

CREATE TRIGGER IF NOT EXISTS case_checks_agency_written AFTER UPDATE ON agencies
WHEN EXISTS (SELECT 1 FROM case_checks)
BEGIN
  DELETE FROM case_checks;
END;

CREATE TRIGGER IF NOT EXISTS case_checks_officer_added AFTER INSERT ON officers
WHEN EXISTS (SELECT 1 FROM case_checks)
BEGIN
  DELETE FROM case_checks;
END;

CREATE TRIGGER IF NOT EXISTS case_checks_officer_written AFTER UPDATE ON officers
WHEN EXISTS (SELECT 1 FROM case_checks)
BEGIN
  DELETE FROM case_checks;
END;

-- Checks made under version 6's rule may be stale in the way above: start over.
DELETE FROM case_checks;
