-- Schema version 9: the checks of the audit log and the outbox without IN lists.
--
-- SQLite tests `x IN ('a', 'b', 'c')` (more than two values) against a temporary b-tree that it
-- builds anew each time the statement runs: for a table written one row per statement, as these
-- two are, the check cost as much as the row. The same checks are written with OR. SQLite cannot
-- change a CHECK in place: both tables are copied as they are (as 0004 copied the log), so the
-- chain of hashes stays whole (DROP TABLE fires no triggers).

CREATE TABLE audit_log_new (
  seq       INTEGER PRIMARY KEY,
  time      TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL
            CHECK (action = 'insert' OR action = 'update' OR action = 'delete'
                   OR action = 'restore' OR action = 'sync' OR action = 'resolve'),
  object    TEXT NOT NULL,
  changes   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
INSERT INTO audit_log_new SELECT seq, time, actor, action, object, changes, prev_hash, hash
  FROM audit_log ORDER BY seq;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
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

CREATE TABLE outbox_new (
  seq         INTEGER PRIMARY KEY,
  collection  TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  op          TEXT NOT NULL CHECK (op = 'insert' OR op = 'update' OR op = 'delete'),
  base_rev    INTEGER NOT NULL,
  base        TEXT,
  fields      TEXT NOT NULL CHECK (json_valid (fields)),
  queued      TEXT NOT NULL,
  mutation_id TEXT,
  mutation    TEXT,
  sent_body   TEXT,
  edits       INTEGER NOT NULL DEFAULT 1,
  sent_edits  INTEGER,
  UNIQUE (collection, row_id)
);
INSERT INTO outbox_new SELECT seq, collection, row_id, op, base_rev, base, fields, queued,
                              mutation_id, mutation, sent_body, edits, sent_edits
  FROM outbox ORDER BY seq;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
