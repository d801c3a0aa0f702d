-- Schema version 2: full-text search over cases.
--
-- The searchable text of a case is its number, title, party names, facts and the matters of its
-- whole-process records. It is defined once, by the view below, which the store uses after every
-- write to a case or a record and which fills the index of an existing replica here.
-- The trigram tokenizer matches Chinese substrings of three characters or more; shorter queries
-- are answered from case_search itself.

CREATE TABLE case_search (
  pk   INTEGER PRIMARY KEY REFERENCES cases (pk),
  text TEXT NOT NULL
);

CREATE VIRTUAL TABLE case_fts USING fts5 (
  text,
  content = 'case_search',
  content_rowid = 'pk',
  tokenize = 'trigram'
);

CREATE TRIGGER case_search_insert AFTER INSERT ON case_search
BEGIN
  INSERT INTO case_fts (rowid, text) VALUES (NEW.pk, NEW.text);
END;

CREATE TRIGGER case_search_delete AFTER DELETE ON case_search
BEGIN
  INSERT INTO case_fts (case_fts, rowid, text) VALUES ('delete', OLD.pk, OLD.text);
END;

CREATE TRIGGER case_search_update AFTER UPDATE ON case_search
BEGIN
  INSERT INTO case_fts (case_fts, rowid, text) VALUES ('delete', OLD.pk, OLD.text);
  INSERT INTO case_fts (rowid, text) VALUES (NEW.pk, NEW.text);
END;

CREATE VIEW case_search_source (pk, id, text) AS
SELECT c.pk, c.id,
       ifnull (c.number, '') || char (10) || ifnull (c.title, '') || char (10) ||
       ifnull ((SELECT group_concat (json_extract (p.value, '$.name'), ' ')
                FROM json_each (c.body, '$.parties') AS p), '') || char (10) ||
       ifnull (json_extract (c.body, '$.facts'), '') || char (10) ||
       ifnull ((SELECT group_concat (json_extract (r.body, '$.matter'), ' ')
                FROM records AS r WHERE r.case_id = c.id), '')
FROM cases AS c
WHERE c.deleted = 0;

INSERT INTO case_search (pk, text) SELECT pk, text FROM case_search_source;
