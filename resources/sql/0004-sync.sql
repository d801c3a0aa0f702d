-- Schema version 4: what the client sync engine keeps (docs/sync-protocol.md).

-- One row: where and as whom this replica syncs, and how far it has pulled. The cursor is stored
-- in the same transaction as the page it ends, so an interrupted pull resumes after it.
CREATE TABLE sync_state (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  server    TEXT,
  user      TEXT,
  cursor    INTEGER NOT NULL DEFAULT 0,
  last_sync TEXT
);
INSERT INTO sync_state (id) VALUES (1);

-- A push sends an outbox entry under a mutation id that is committed before the request goes
-- out, with the exact mutation sent, so that a client killed before it stored the answer sends the
-- same mutation again and the server answers it without applying it twice. edits counts the local
-- edits folded into the entry and sent_edits how many the sent mutation carried: an entry edited
-- after it was sent is not dropped by the answer, it is rebased and sent again under a new id.
ALTER TABLE outbox ADD COLUMN mutation_id TEXT;
ALTER TABLE outbox ADD COLUMN mutation TEXT;
ALTER TABLE outbox ADD COLUMN sent_body TEXT;
ALTER TABLE outbox ADD COLUMN edits INTEGER NOT NULL DEFAULT 1;
ALTER TABLE outbox ADD COLUMN sent_edits INTEGER;

-- Members changed on both sides to different values, with the three values as JSON (NULL: the
-- member is absent). An empty member is the row itself: deleted on one side, edited on the other.
-- The local value stays in the row until the user resolves it; until then the row is not pushed.
CREATE TABLE conflicts (
  id         INTEGER PRIMARY KEY,
  collection TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  member     TEXT NOT NULL,
  base       TEXT,
  mine       TEXT,
  theirs     TEXT,
  server_rev INTEGER NOT NULL,
  found      TEXT NOT NULL,
  UNIQUE (collection, row_id, member)
);

-- Mutations the server refused for good: the row keeps its local content and shows why.
CREATE TABLE rejections (
  collection TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  code       TEXT NOT NULL,
  message    TEXT NOT NULL,
  time       TEXT NOT NULL,
  PRIMARY KEY (collection, row_id)
) WITHOUT ROWID;

-- Rows written by a sync (pulled, or a conflict resolved) are audited like every write, under
-- actions of their own. SQLite cannot change a CHECK in place: the log is copied as it is, so the
-- chain of hashes stays whole (DROP TABLE fires no triggers).
CREATE TABLE audit_log_new (
  seq       INTEGER PRIMARY KEY,
  time      TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL
            CHECK (action IN ('insert', 'update', 'delete', 'restore', 'sync', 'resolve')),
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
