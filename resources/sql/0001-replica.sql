-- Schema version 1: the local replica.
--
-- Every synced table has the same shape: an integer key (stable, so that indexes and full-text
-- search can point at it), the client-made UUID, the jiandu/1 object as JSON, the server revision
-- (0 until the first sync), the modified time and a tombstone flag. A few members of the JSON are
-- copied into columns so that lists can filter, sort and join without parsing it.

PRAGMA application_id = 1246318926; -- 'JIAN'

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE agencies (
  pk       INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL,
  rev      INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent_id TEXT
);

CREATE TABLE officers (
  pk       INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL,
  rev      INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  name TEXT NOT NULL,
  agency_id TEXT NOT NULL REFERENCES agencies (id) DEFERRABLE INITIALLY DEFERRED,
  role TEXT
);

CREATE TABLE cases (
  pk       INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL,
  rev      INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  number TEXT,
  agency_id TEXT NOT NULL REFERENCES agencies (id) DEFERRABLE INITIALLY DEFERRED,
  title TEXT,
  action_type TEXT,
  procedure TEXT,
  opened_on TEXT,
  decided_on TEXT,
  closed_on TEXT
);

CREATE TABLE records (
  pk       INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL,
  rev      INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  case_id TEXT NOT NULL REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
  corrects TEXT REFERENCES records (id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE complaints (
  pk       INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL,
  rev      INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  received_on TEXT,
  respondent_agency_id TEXT
);

CREATE TABLE supervision_cases (
  pk       INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL,
  rev      INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  agency_id TEXT,
  filed_on TEXT
);

CREATE TABLE letters (
  pk       INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL,
  rev      INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  supervision_case_id TEXT,
  agency_id TEXT,
  issued_on TEXT
);

CREATE TABLE disputes (
  pk       INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL,
  rev      INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  submitted_on TEXT
);

CREATE TABLE social_supervisors (
  pk       INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL,
  rev      INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  name TEXT
);

CREATE TABLE evaluations (
  pk       INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL,
  rev      INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  agency_id TEXT,
  year INTEGER
);

CREATE INDEX agencies_parent ON agencies (parent_id);
CREATE INDEX officers_agency ON officers (agency_id);
CREATE INDEX cases_opened ON cases (opened_on);
CREATE INDEX cases_agency_opened ON cases (agency_id, opened_on);
CREATE INDEX cases_decided ON cases (decided_on);
CREATE INDEX records_case ON records (case_id);
CREATE INDEX complaints_agency ON complaints (respondent_agency_id);
CREATE INDEX supervision_cases_agency ON supervision_cases (agency_id);
CREATE INDEX letters_case ON letters (supervision_case_id);
CREATE INDEX evaluations_agency ON evaluations (agency_id, year);

-- Certificate numbers are unique across the replica; this index of the officers' certificates is
-- kept by the store and lets a roster import find who holds a number.
CREATE TABLE certificates (
  number     TEXT PRIMARY KEY NOT NULL,
  officer_id TEXT NOT NULL REFERENCES officers (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX certificates_officer ON certificates (officer_id);

-- Whole-process records are evidence (004 附件2 第十三条): never edited, never deleted. A
-- correction is a new record whose "corrects" names the old one. Only the server revision may be
-- set, when a sync assigns it.
CREATE TRIGGER records_append_only_update
BEFORE UPDATE ON records
WHEN NEW.id IS NOT OLD.id OR NEW.body IS NOT OLD.body OR NEW.case_id IS NOT OLD.case_id
  OR NEW.corrects IS NOT OLD.corrects OR NEW.deleted IS NOT OLD.deleted
  OR NEW.modified IS NOT OLD.modified OR NEW.pk IS NOT OLD.pk
BEGIN
  SELECT RAISE (ABORT, 'whole-process records are append-only: add a correcting record instead');
END;

CREATE TRIGGER records_append_only_delete
BEFORE DELETE ON records
BEGIN
  SELECT RAISE (ABORT, 'whole-process records are append-only: add a correcting record instead');
END;

-- Local changes waiting to be pushed: one entry per row, however often it was edited. base_rev
-- and base are the row as the server last knew it, for the merge on sync.
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY,
  collection TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  base_rev   INTEGER NOT NULL,
  base       TEXT,
  fields     TEXT NOT NULL CHECK (json_valid (fields)),
  queued     TEXT NOT NULL,
  UNIQUE (collection, row_id)
);

-- The audit log: who changed what and when, chained by SHA-256 so that an edited, deleted or
-- reordered entry shows. Append-only like the records.
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  time      TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore')),
  object    TEXT NOT NULL,
  changes   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object);

CREATE TRIGGER audit_log_append_only_update
BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete
BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
