-- Schema version 12: the case indexes of version 1 go.
--
-- Every query of the cases asks for live cases only, and the indexes of version 5, led by the
-- tombstone flag, serve each of them (cases_live_opened, cases_live_agency_opened); nothing asks
-- by decision date. Each of these three cost every written case a place in a tree of its own
-- and every commit a rewrite of its pages.

DROP INDEX IF EXISTS cases_opened;
DROP INDEX IF EXISTS cases_agency_opened;
DROP INDEX IF EXISTS cases_decided;
