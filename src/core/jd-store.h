#pragma once

#include <gio/gio.h>

#include "jd-audit-entry.h"
#include "jd-case.h"
#include "jd-document.h"

G_BEGIN_DECLS

#define JD_STORE_ERROR (jd_store_error_quark ())

typedef enum
{
  JD_STORE_ERROR_OPEN,         /* cannot open or create the file */
  JD_STORE_ERROR_NOT_FOUND,    /* no database there (and not asked to create one) */
  JD_STORE_ERROR_CORRUPT,      /* damaged, or not a database at all */
  JD_STORE_ERROR_NOT_JIANDU,   /* an SQLite database of some other program */
  JD_STORE_ERROR_TOO_NEW,      /* made by a newer Jiandu */
  JD_STORE_ERROR_LOCKED,       /* another program holds it */
  JD_STORE_ERROR_READ_ONLY,
  JD_STORE_ERROR_REFERENCE,    /* names an object that does not exist */
  JD_STORE_ERROR_APPEND_ONLY,  /* tried to change a whole-process record */
  JD_STORE_ERROR_DUPLICATE,    /* a certificate number held by another officer */
  JD_STORE_ERROR_FAILED,
  JD_STORE_ERROR_SAMPLE_DATA,  /* sample data and a sync server must never meet */
  JD_STORE_ERROR_INTERRUPTED,  /* jd_store_interrupt() stopped it */
} JdStoreError;

typedef enum
{
  JD_STORE_OPEN_NONE   = 0,
  JD_STORE_OPEN_CREATE = 1 << 0,
} JdStoreOpenFlags;

#define JD_TYPE_STORE (jd_store_get_type ())

/* A store is used by one thread at a time; a thread that works on the database beside another
 * opens a store of its own on the same file. */

G_DECLARE_FINAL_TYPE (JdStore, jd_store, JD, STORE, GObject)

typedef struct
{
  guint inserted;
  guint updated;
  guint unchanged;
} JdImportStats;

typedef enum
{
  JD_AUDIT_PROBLEM_EDITED,
  JD_AUDIT_PROBLEM_DELETED,
  JD_AUDIT_PROBLEM_REORDERED,
} JdAuditProblemKind;

typedef struct
{
  JdAuditProblemKind kind;
  gint64             seq;      /* the entry where the chain breaks */
  char              *message;
} JdAuditProblem;

void jd_audit_problem_free (JdAuditProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdAuditProblem, jd_audit_problem_free)

GQuark      jd_store_error_quark          (void);
char       *jd_store_default_path         (void);
/* Sets SQLite up for the process, once, before its first database opens: what the store does
 * itself, and what a program opening SQLite otherwise (the server) must call first. */
void        jd_store_configure_sqlite     (void);
int         jd_store_latest_version       (void);

JdStore    *jd_store_open                 (const char        *path,
                                           JdStoreOpenFlags   flags,
                                           GError           **error);
const char *jd_store_get_path             (JdStore           *self);
/* Stops the statement the store runs now, if any, from any thread: it fails with
 * JD_STORE_ERROR_INTERRUPTED. For reads that a newer request has made useless. */
void        jd_store_interrupt            (JdStore           *self);
int         jd_store_get_version          (JdStore           *self);
/* The page cache of this connection, in KiB (64 MiB unless set): a connection that only
 * streams rows, on a worker thread beside the window, needs little. */
void        jd_store_set_cache_size       (JdStore           *self,
                                           int                kib);
void        jd_store_set_actor            (JdStore           *self,
                                           const char        *actor);
const char *jd_store_get_actor            (JdStore           *self);

/* Writes. Each call is one transaction: all of it lands, or none of it. */
gboolean    jd_store_import               (JdStore           *self,
                                           JdDocument        *document,
                                           JdImportStats     *stats,
                                           GError           **error);
gboolean    jd_store_save                 (JdStore           *self,
                                           JdEntity          *entity,
                                           GError           **error);
gboolean    jd_store_delete               (JdStore           *self,
                                           JdCollection       collection,
                                           const char        *id,
                                           GError           **error);

/* For a long run of big write transactions (the sample generator): until jd_store_end_bulk(),
 * the connection keeps a bigger page cache and a thread of the store copies the WAL into the
 * database after each commit, while the next transaction is made. Transactions, durability and
 * what is written are as always. Falls back to the usual way if the thread cannot start. */
void        jd_store_begin_bulk           (JdStore           *self);
void        jd_store_end_bulk             (JdStore           *self);

/* Reads. */
JdEntity   *jd_store_get                  (JdStore           *self,
                                           JdCollection       collection,
                                           const char        *id,
                                           GError           **error);
char       *jd_store_find_agency_by_name  (JdStore           *self,
                                           const char        *name,
                                           GError           **error);
/* Returns the id of the officer holding certificate @number (and their name), or NULL. */
char       *jd_store_find_certificate_holder (JdStore        *self,
                                              const char     *number,
                                              char          **name,
                                              GError        **error);
char       *jd_store_find_officer_by_name (JdStore           *self,
                                           const char        *agency_id,
                                           const char        *name,
                                           GError           **error);
GStrv       jd_store_list_officer_ids     (JdStore           *self,
                                           const char        *agency_id,
                                           GError           **error);
gint64      jd_store_count                (JdStore           *self,
                                           JdCollection       collection,
                                           GError           **error);
/* Whether @collection holds a live row (1) or none (0), -1 on error: what jd_store_count()
 * tells, without reading a whole index. */
int         jd_store_has_rows             (JdStore           *self,
                                           JdCollection       collection,
                                           GError           **error);
gint64      jd_store_count_outbox         (JdStore           *self,
                                           GError           **error);
gboolean    jd_store_export               (JdStore           *self,
                                           GOutputStream     *stream,
                                           GError           **error);

/* Cases newest first by the date they were opened; @offset and @limit page through them. */
GPtrArray  *jd_store_list_cases           (JdStore           *self,
                                           guint              offset,
                                           guint              limit,
                                           GError           **error);

/* Cases whose number, title, parties, facts or record matters contain every word of @query,
 * the most recently added first. */
GPtrArray  *jd_store_search_cases         (JdStore           *self,
                                           const char        *query,
                                           guint              limit,
                                           GError           **error);

/* Every live object of @collection, in id order: for the small collections (agencies, officers,
 * supervision …), not for cases. */
GPtrArray  *jd_store_list_all             (JdStore           *self,
                                           JdCollection       collection,
                                           GError           **error);

/* Calls @func for every live case (or only case @case_id) with its whole-process records
 * (JdRecord), streaming rather than loading: a district's cases do not fit in memory. @func
 * returns FALSE, with @error set, to stop. */
typedef gboolean (*JdStoreCaseFunc) (JdCase     *kase,
                                     GPtrArray  *records,
                                     gpointer    user_data,
                                     GError    **error);

gboolean    jd_store_foreach_case         (JdStore           *self,
                                           const char        *case_id,
                                           JdStoreCaseFunc    func,
                                           gpointer           user_data,
                                           GError           **error);

/* Facts about the replica itself, kept beside the data and never synced. JD_STORE_META_SAMPLE
 * is set on a database that holds generated sample data: it must never be connected to a server,
 * where fake cases would mix with a district's real ones. */
#define JD_STORE_META_SAMPLE "sample_data"

char       *jd_store_dup_meta             (JdStore           *self,
                                           const char        *key,
                                           GError           **error);
gboolean    jd_store_set_meta             (JdStore           *self,
                                           const char        *key,
                                           const char        *value,
                                           GError           **error);

/* Backups. A backup is a consistent copy of the live database, taken with SQLite's online
 * backup API while others may write; it never overwrites a file. */
gboolean    jd_store_backup               (JdStore           *self,
                                           const char        *path,
                                           GError           **error);
/* Whether @path is a whole Jiandu database this version can open; its schema version. */
gboolean    jd_store_check_file           (const char        *path,
                                           int               *version,
                                           GError           **error);
/* Replaces the database at @db_path with the backup @backup_path, after checking it. The
 * database replaced is kept beside it; its path is returned in @kept_path (NULL when there was
 * none). Fails, changing nothing, when another program has the database open. */
gboolean    jd_store_restore              (const char        *db_path,
                                           const char        *backup_path,
                                           char             **kept_path,
                                           GError           **error);

/* Audit log. */
GPtrArray  *jd_store_list_audit           (JdStore           *self,
                                           const char        *object,
                                           GError           **error);
/* Returns the problems found, empty when the chain is whole; NULL on error. */
GPtrArray  *jd_store_verify_audit         (JdStore           *self,
                                           gint64            *n_entries,
                                           GError           **error);

G_END_DECLS
