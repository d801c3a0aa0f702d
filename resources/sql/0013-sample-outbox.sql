-- Schema version 13: a database of sample data queues nothing to push.
--
-- Sample data must never reach a server: a database marked as holding it (meta 'sample_data')
-- cannot be signed in (jd_store_sync_check_attachable()). Its outbox entries could never be
-- pushed, yet the sample's million cases queued three million of them: a third of the file, and
-- a count of them read 180 MB at every start of the app. An entry for such a database is now
-- dropped as it is written, whichever connection writes it, and the ones it holds go.

CREATE TRIGGER outbox_sample_data BEFORE INSERT ON outbox
WHEN EXISTS (SELECT 1 FROM meta WHERE key = 'sample_data')
BEGIN
  SELECT RAISE (IGNORE);
END;

DELETE FROM outbox WHERE EXISTS (SELECT 1 FROM meta WHERE key = 'sample_data');
