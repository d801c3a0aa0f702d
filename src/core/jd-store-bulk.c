#include "jd-store-private.h"

/* Bulk writing (see jd_store_begin_bulk()). Copying the WAL into the database at the end of a
 * commit is about a tenth of the CPU time of a batch of sample cases, and most of its waiting
 * for the disk; a thread of its own, on a connection of its own, does it while the writer makes
 * the next batch. */

/* Enough page cache for a whole batch of sample cases with the indexes they touch, so that the
 * writer writes its frames at commit, by when the previous batch has been copied and SQLite
 * starts the WAL over instead of growing it. */
#define BULK_CACHE_KIB 393216

/* SQLite starts the WAL over only in a transaction that begins when all of it has been copied,
 * which the next batch, begun at once, never does. Past this many frames (256 MiB) the writer
 * waits for the copy before it begins, so that the WAL stays a few batches long. */
#define BULK_WAL_FRAMES 16384

/* The search index keeps the words of the cases written in memory up to this size before it
 * writes them out as a segment (1 MiB otherwise, a few hundred cases), and merges segments
 * sixteen at a time instead of four: a million sample cases then cost a tenth less time. The
 * settings live in the index's own table; jd_store_end_bulk() puts the usual ones back. */
#define BULK_FTS_SQL                                                                               \
  "INSERT INTO case_fts (case_fts, rank) VALUES ('hashsize', 67108864);"                           \
  "INSERT INTO case_fts (case_fts, rank) VALUES ('automerge', 16)"
#define USUAL_FTS_SQL                                                                              \
  "INSERT INTO case_fts (case_fts, rank) VALUES ('hashsize', 1048576);"                            \
  "INSERT INTO case_fts (case_fts, rank) VALUES ('automerge', 4)"

struct _JdStoreCheckpointer
{
  GThread *thread;
  sqlite3 *db;
  GMutex   mutex;
  GCond    cond;
  guint    commits;  /* commits signalled, under mutex */
  guint    done;     /* commits copied, under mutex */
  int      frames;   /* in the WAL at the last copy, under mutex */
  gboolean stop;     /* under mutex */
};

static gpointer
checkpoint_thread (gpointer data)
{
  JdStoreCheckpointer *cp = data;

  g_mutex_lock (&cp->mutex);
  for (;;)
    {
      guint commits;
      int frames = 0;

      while (cp->commits == cp->done && !cp->stop)
        g_cond_wait (&cp->cond, &cp->mutex);
      if (cp->commits == cp->done && cp->stop)
        break;
      commits = cp->commits;
      g_mutex_unlock (&cp->mutex);

      /* PASSIVE never blocks the writer: it copies what is committed and not read by an older
       * snapshot. Failures (busy) leave the frames for the next one. */
      sqlite3_wal_checkpoint_v2 (cp->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &frames, NULL);

      g_mutex_lock (&cp->mutex);
      cp->done = commits;
      cp->frames = frames;
      g_cond_broadcast (&cp->cond);
    }
  g_mutex_unlock (&cp->mutex);

  return NULL;
}

static void
checkpointer_free (JdStoreCheckpointer *cp)
{
  if (cp->thread != NULL)
    {
      g_mutex_lock (&cp->mutex);
      cp->stop = TRUE;
      g_cond_signal (&cp->cond);
      g_mutex_unlock (&cp->mutex);
      g_thread_join (cp->thread);
    }
  if (cp->db != NULL)
    sqlite3_close_v2 (cp->db);
  g_mutex_clear (&cp->mutex);
  g_cond_clear (&cp->cond);
  g_free (cp);
}

void
jd_store_begin_bulk (JdStore *self)
{
  JdStoreCheckpointer *cp;
  g_autofree char *cache = NULL;

  g_return_if_fail (JD_IS_STORE (self));
  g_return_if_fail (self->checkpointer == NULL);

  cp = g_new0 (JdStoreCheckpointer, 1);
  g_mutex_init (&cp->mutex);
  g_cond_init (&cp->cond);

  /* The copy must be as durable as the writer's own: FULL syncs the WAL before and the database
   * after it. */
  if (sqlite3_open_v2 (self->path, &cp->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK ||
      sqlite3_exec (cp->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK)
    {
      /* Not worth failing for: the writer checkpoints as usual. */
      g_debug ("jd-store: no checkpoint thread for %s: %s", self->path,
               cp->db != NULL ? sqlite3_errmsg (cp->db) : "out of memory");
      checkpointer_free (cp);
      return;
    }
  sqlite3_busy_timeout (cp->db, 5000);

  cache = g_strdup_printf ("PRAGMA cache_size = -%d", BULK_CACHE_KIB);
  sqlite3_exec (self->db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL);
  sqlite3_exec (self->db, cache, NULL, NULL, NULL);
  sqlite3_exec (self->db, BULK_FTS_SQL, NULL, NULL, NULL);

  cp->thread = g_thread_new ("jd-checkpoint", checkpoint_thread, cp);
  self->checkpointer = cp;
}

void
jd_store_end_bulk (JdStore *self)
{
  g_return_if_fail (JD_IS_STORE (self));

  if (self->checkpointer == NULL)
    return;

  g_clear_pointer (&self->checkpointer, checkpointer_free);
  sqlite3_exec (self->db, USUAL_FTS_SQL, NULL, NULL, NULL);
  sqlite3_exec (self->db, "PRAGMA wal_autocheckpoint = 1000", NULL, NULL, NULL);
  sqlite3_exec (self->db, "PRAGMA cache_size = " G_STRINGIFY (JD_STORE_CACHE_SIZE), NULL, NULL,
                NULL);
  /* Copy what the thread had not, and give back the disk space of the WAL. */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
}

void
jd_store_bulk_wait (JdStore *self)
{
  JdStoreCheckpointer *cp = self->checkpointer;

  if (cp == NULL)
    return;

  g_mutex_lock (&cp->mutex);
  if (cp->frames >= BULK_WAL_FRAMES)
    {
      while (cp->done != cp->commits)
        g_cond_wait (&cp->cond, &cp->mutex);
      cp->frames = 0;
    }
  g_mutex_unlock (&cp->mutex);
}

void
jd_store_committed (JdStore *self)
{
  JdStoreCheckpointer *cp = self->checkpointer;

  if (cp == NULL)
    return;

  g_mutex_lock (&cp->mutex);
  cp->commits++;
  g_cond_signal (&cp->cond);
  g_mutex_unlock (&cp->mutex);
}
