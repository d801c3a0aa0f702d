-- Schema version 3: two-character words from the index.
--
-- A word of two characters has no trigram of its own, but each place it occurs is followed by
-- some character, so the index holds a trigram that starts with it. The vocabulary table lists
-- the index's trigrams in order: the ones starting with a word are one range of it. For that to
-- hold at the very end of a case's text too, every text now ends with a newline.

CREATE VIRTUAL TABLE case_fts_terms USING fts5vocab (case_fts, 'row');

DROP VIEW case_search_source;
CREATE VIEW case_search_source (pk, id, text) AS
SELECT c.pk, c.id,
       ifnull (c.number, '') || char (10) || ifnull (c.title, '') || char (10) ||
       ifnull ((SELECT group_concat (json_extract (p.value, '$.name'), ' ')
                FROM json_each (c.body, '$.parties') AS p), '') || char (10) ||
       ifnull (json_extract (c.body, '$.facts'), '') || char (10) ||
       ifnull ((SELECT group_concat (json_extract (r.body, '$.matter'), ' ')
                FROM records AS r WHERE r.case_id = c.id), '') || char (10)
FROM cases AS c
WHERE c.deleted = 0;

-- Re-index once rather than row by row through the update trigger.
DROP TRIGGER case_search_update;
UPDATE case_search SET text = text || char (10);
INSERT INTO case_fts (case_fts) VALUES ('rebuild');
CREATE TRIGGER case_search_update AFTER UPDATE ON case_search
BEGIN
  INSERT INTO case_fts (case_fts, rowid, text) VALUES ('delete', OLD.pk, OLD.text);
  INSERT INTO case_fts (rowid, text) VALUES (NEW.pk, NEW.text);
END;
