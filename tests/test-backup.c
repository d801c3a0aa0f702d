#include <string.h>

#include "jd-test-util.h"
#include "jd-sample-store.h"

/* Backups of a live database, and restores that refuse anything but a whole Jiandu database. */

typedef struct
{
  const char *path;
  gint        stop;
  gint        written;
} Writer;

static JdEntity *
agency (guint i)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"w-%06u\", \"name\": \"测试单位%u\", "
                                           "\"kind\": \"department\"}", i, i);
  g_autoptr(JsonObject) fields = jd_codec_object_from_string (json, NULL);

  return jd_entity_new_for_collection (JD_COLLECTION_AGENCIES, fields);
}

/* Writes one agency after another, each its own transaction, until told to stop. */
static gpointer
write_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (writer->path, JD_STORE_OPEN_NONE, &error);

  g_assert_no_error (error);
  while (!g_atomic_int_get (&writer->stop))
    {
      g_autoptr(JdEntity) entity = agency ((guint) g_atomic_int_get (&writer->written));

      if (!jd_store_save (store, entity, &error))
        {
          /* The backup's read transaction never blocks a WAL writer; a busy moment may. */
          g_assert_true (g_error_matches (error, JD_STORE_ERROR, JD_STORE_ERROR_LOCKED));
          g_clear_error (&error);
          continue;
        }
      g_atomic_int_inc (&writer->written);
    }
  return NULL;
}

static guint
count_written (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_NONE, &error);
  guint n = 0;

  g_assert_no_error (error);
  /* The agencies written are a prefix w-000000 … : a consistent snapshot holds no gap. */
  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("w-%06u", n);
      g_autoptr(JdEntity) entity = jd_store_get (store, JD_COLLECTION_AGENCIES, id, NULL);

      if (entity == NULL)
        break;
    }
  {
    g_autofree char *id = g_strdup_printf ("w-%06u", n + 1);
    g_autoptr(JdEntity) after = jd_store_get (store, JD_COLLECTION_AGENCIES, id, NULL);

    g_assert_null (after);
  }
  return n;
}

static void
assert_audit_whole (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_NONE, &error);
  g_autoptr(GPtrArray) problems = NULL;
  gint64 n_entries = 0;

  g_assert_no_error (error);
  problems = jd_store_verify_audit (store, &n_entries, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (n_entries, >, 0);
}

static void
test_backup_while_writing (JdTestStore   *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *kept = NULL;
  Writer writer = { f->path, 0, 0 };
  GThread *thread;
  guint in_backup, after_restore;

  jd_sample_store (f->store, 200, 7, NULL, NULL, &error);
  g_assert_no_error (error);

  thread = g_thread_new ("writer", write_thread, &writer);
  while (g_atomic_int_get (&writer.written) < 50)
    g_usleep (1000);
  jd_store_backup (f->store, backup, &error);
  g_assert_no_error (error);
  /* Keep writing after the backup, then stop. */
  {
    gint at_backup = g_atomic_int_get (&writer.written);

    while (g_atomic_int_get (&writer.written) < at_backup + 20)
      g_usleep (1000);
  }
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);

  g_assert_true (jd_store_check_file (backup, NULL, &error));
  g_assert_no_error (error);
  in_backup = count_written (backup);
  g_assert_cmpuint (in_backup, >=, 50);
  g_assert_cmpuint (in_backup, <, (guint) writer.written);
  assert_audit_whole (backup);

  /* A backup never overwrites a file. */
  g_assert_false (jd_store_backup (f->store, backup, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Restore: the database is the backup again, and what it replaced is kept. */
  g_clear_object (&f->store);
  g_assert_true (jd_store_restore (f->path, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  after_restore = count_written (f->path);
  g_assert_cmpuint (after_restore, ==, in_backup);
  g_assert_cmpuint (count_written (kept), ==, (guint) writer.written);
  assert_audit_whole (f->path);
}

static char *
digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
assert_unchanged (const char *path,
                  const char *before)
{
  g_autofree char *after = digest (path);

  g_assert_cmpstr (after, ==, before);
}

static void
test_restore_refuses (JdTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db;
  struct { const char *path; int code; } cases[] = {
    { missing, JD_STORE_ERROR_NOT_FOUND },
    { text, JD_STORE_ERROR_CORRUPT },
    { other, JD_STORE_ERROR_NOT_JIANDU },
    { newer, JD_STORE_ERROR_TOO_NEW },
    { cut, JD_STORE_ERROR_CORRUPT },
  };

  jd_sample_store (f->store, 100, 3, NULL, NULL, &error);
  g_assert_no_error (error);
  jd_store_backup (f->store, backup, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);

  g_assert_true (g_file_set_contents (text, "这不是数据库\n", -1, NULL));
  db = jd_test_raw_open (other);
  jd_test_raw_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (newer, contents, length, NULL));
  db = jd_test_raw_open (newer);
  jd_test_raw_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);
  /* Half a file: what a full disk or an interrupted copy leaves. */
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));

  before = digest (f->path);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = NULL;

      g_assert_false (jd_store_restore (f->path, cases[i].path, &kept, &error));
      if (!g_error_matches (error, JD_STORE_ERROR, cases[i].code))
        g_error ("%s: %s", cases[i].path, error->message);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_null (kept);
      assert_unchanged (f->path, before);
    }

  /* Another program writing: nothing is replaced. */
  db = jd_test_raw_open (f->path);
  jd_test_raw_exec (db, "BEGIN IMMEDIATE");
  g_assert_false (jd_store_restore (f->path, backup, NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_LOCKED);
  jd_test_raw_exec (db, "ROLLBACK");
  g_clear_error (&error);

  /* Another program merely holding it open, as the app or a server does between writes: it
   * would go on writing into the file set aside, so nothing is replaced either. */
  jd_test_raw_exec (db, "SELECT count(*) FROM sqlite_schema");
  g_assert_false (jd_store_restore (f->path, backup, NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_LOCKED);
  sqlite3_close (db);
  assert_unchanged (f->path, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/while-writing", JdTestStore, NULL, jd_test_store_set_up,
              test_backup_while_writing, jd_test_store_tear_down);
  g_test_add ("/backup/restore-refuses", JdTestStore, NULL, jd_test_store_set_up,
              test_restore_refuses, jd_test_store_tear_down);

  return g_test_run ();
}
