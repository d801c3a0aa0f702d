-- Schema version 7: the case list sorted by case number.
--
-- As the indexes of version 5, led by the tombstone flag, so that a page at any offset of a
-- million cases is read from the index.

CREATE INDEX cases_live_number ON cases (deleted, number, pk);
