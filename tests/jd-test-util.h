#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jd-core.h"
#include "jd-sample-store.h"

/* A fresh temporary folder per test, removed with its files at the end. */
static inline char *
jd_test_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("jiandu-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A database in @dir with a sample district of @n_cases cases from @seed; its path. */
static inline char *
jd_test_sample_db (const char *dir,
                   guint       n_cases,
                   guint32     seed)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  jd_sample_store (store, n_cases, seed, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static inline void
jd_test_rm_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static inline char *
jd_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static inline JdDocument *
jd_test_read_data (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = jd_test_data_path (name);
  JdDocument *document = jd_codec_read_file (path, &error);

  g_assert_no_error (error);
  return document;
}

static inline JdDocument *
jd_test_read_string (const char *json,
                     GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return jd_codec_read (bytes, error);
}

/* A raw connection, as an attacker or another program would have. */
static inline sqlite3 *
jd_test_raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* The app's worker threads (the checks of every case) may hold the database a moment. */
  sqlite3_busy_timeout (db, 10000);
  return db;
}

static inline void
jd_test_raw_exec (sqlite3    *db,
                  const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Makes the sample database at @path pass for a district's real replica: without the sample
 * mark its writes queue outbox entries, which the tests of what a write queues look for. */
static inline void
jd_test_unmark_sample (const char *path)
{
  sqlite3 *db = jd_test_raw_open (path);

  jd_test_raw_exec (db, "DELETE FROM meta WHERE key = 'sample_data'");
  sqlite3_close (db);
}

/* Asserts that the search text of every case in the database at @path is what the view
 * case_search_source makes of it, however the store wrote it. */
static inline void
jd_test_assert_search_texts (const char *path)
{
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT (SELECT count(*) FROM case_search_source), "
                                       "(SELECT count(*) FROM case_search), "
                                       "(SELECT count(*) FROM case_search_source AS v "
                                       " JOIN case_search AS s USING (pk) "
                                       " WHERE s.text IS v.text)",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, sqlite3_column_int64 (stmt, 0));
  g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static inline char *
jd_test_export (JdStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  jd_store_export (store, out, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* A fresh store in a temporary folder, for g_test_add (). */
typedef struct
{
  char    *dir;
  char    *path;
  JdStore *store;
} JdTestStore;

static inline void
jd_test_store_set_up (JdTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = jd_test_tmp_dir ();
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = jd_store_open (f->path, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  jd_store_set_actor (f->store, "tester");
}

static inline void
jd_test_store_tear_down (JdTestStore   *f,
                         gconstpointer  data)
{
  g_clear_object (&f->store);
  jd_test_rm_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}
