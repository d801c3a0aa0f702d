#pragma once

#include <sqlite3.h>

#include "jd-store.h"
#include "jd-store-batch.h"

G_BEGIN_DECLS

/* The page cache of a store's connection, in PRAGMA cache_size units (negative: KiB). */
#define JD_STORE_CACHE_SIZE -65536

typedef struct _JdStoreCheckpointer JdStoreCheckpointer;

struct _JdStore
{
  GObject     parent_instance;

  char       *path;
  char       *actor;
  sqlite3    *db;
  /* SQL text → prepared statement, reused for the life of the store */
  GHashTable *statements;
  /* static SQL text (by address) → the same statements, skipping the hash of long SQL text */
  GHashTable *static_statements;
  int         version;
  /* The last hash of the audit chain while a write transaction runs; written to meta at commit. */
  char       *audit_head;
  /* Audit entries of the transaction not yet inserted: they go in by rows of several entries a
   * statement (see jd_store_append_audit()). */
  GArray     *audit_pending;
  /* While a pulled page is applied: the cases whose search text waits for the end of the page,
   * so that a case and its records are indexed once. NULL otherwise. */
  GPtrArray  *deferred_search;
  GHashTable *deferred_set;
  /* …and the time its writes are audited at: one page, one transaction, one time. */
  char       *deferred_now;
  /* …and the cases and records the page added, by case id (PulledCase): a case whose records all
   * came with it is indexed from their fields, as a batch's new cases are, not from the view. */
  GHashTable *deferred_texts;
  /* Between jd_store_begin_bulk() and jd_store_end_bulk(), else NULL. */
  JdStoreCheckpointer *checkpointer;
  /* A filtered search narrower than this lists the filter's cases first (jd-store-list.c). */
  guint       filter_first_limit;
};

/* A member of the jiandu/1 object copied into a column of its table (see the migrations), so that
 * lists filter and sort without parsing JSON. @child reads a member of an object member. */
typedef struct
{
  const char *column;
  const char *member;
  const char *child;
} JdStoreColumn;

/* Most columns of a table, with the computed opened_on of a case. */
#define JD_STORE_MAX_VALUES 12

/* A column's value: a string, an integer, or NULL (@text NULL and @is_number FALSE). */
typedef struct
{
  const char *text;
  gint64      number;
  gboolean    is_number;
} JdStoreValue;

/* One object of a JdStoreBatch as the store writes it. The strings belong to the batch. */
typedef struct
{
  JdCollection  collection;
  const char   *id;
  const char   *path;
  const char   *body;
  gsize         body_length;
  /* The object itself when the batch keeps it (always for officers), else NULL. */
  JdEntity     *entity;
  /* jd_store_columns() in order, then a case's opened_on (its earliest stage date). */
  JdStoreValue  values[JD_STORE_MAX_VALUES];
  /* A case's search text as the view case_search_source makes it (migration 0003) when the case
   * is new and its records are the @n_search_records records of the batch that name it, which
   * the store checks; NULL if the batch could not tell. */
  const char   *search_text;
  guint         n_search_records;
} JdStoreRow;

/* The columns of @collection's table filled from members, up to one whose column is NULL. */
const JdStoreColumn *jd_store_columns        (JdCollection   collection);
/* The value of the column filled from @member in @row, or NULL if no column is. */
const JdStoreValue  *jd_store_row_get_member (const JdStoreRow *row,
                                              const char       *member);
/* Fills @row from @entity, borrowing from it, @path and @body. */
void                 jd_store_row_init       (JdStoreRow       *row,
                                              JdEntity         *entity,
                                              const char       *path,
                                              const char       *body);
/* The rows of @collection in @batch, in the order they were added. */
GArray              *jd_store_batch_get_rows (JdStoreBatch  *batch,
                                              JdCollection   collection);

/* Opens @path and applies the migrations up to @version only: tests make databases of every
 * earlier schema with it. */
JdStore      *jd_store_open_at_version (const char   *path,
                                        int           version,
                                        GError      **error);

sqlite3_stmt *jd_store_statement       (JdStore      *self,
                                        const char   *sql,
                                        GError      **error);
/* As jd_store_statement() for SQL that lives as long as the process and never changes, found by
 * its address: for the statements run for every row written. */
sqlite3_stmt *jd_store_static_statement (JdStore    *self,
                                         const char *sql,
                                         GError    **error);
/* Steps @stmt once (a write, or the first row of a read) and resets it. */
gboolean      jd_store_step_done       (JdStore      *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
/* Steps @stmt, bound by the caller, for its one row: its first column as an integer (a count),
 * or -1 and @error. Then clears the bindings and resets the statement. */
gint64        jd_store_step_count      (JdStore      *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
/* The local time as the rows' "modified" and the audit log write it. */
char         *jd_store_now_iso8601     (void);
gboolean      jd_store_exec            (JdStore      *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      jd_store_set_sqlite_error (JdStore     *self,
                                         int          rc,
                                         GError     **error);
gboolean      jd_store_begin           (JdStore      *self,
                                        GError      **error);
gboolean      jd_store_commit          (JdStore      *self,
                                        GError      **error);
void          jd_store_rollback        (JdStore      *self);
/* In bulk mode: hands the WAL to the checkpoint thread after each COMMIT, and waits for it
 * before a BEGIN when the WAL has grown long. */
void          jd_store_committed       (JdStore      *self);
void          jd_store_bulk_wait       (JdStore      *self);

/* Inside a write transaction: hold back the search refresh of the rows written with
 * jd_store_write_synced() until jd_store_flush_search(), or drop it with the rollback. */
void          jd_store_defer_search    (JdStore      *self);
gboolean      jd_store_flush_search    (JdStore      *self,
                                        GError      **error);
void          jd_store_drop_deferred_search (JdStore *self);

/* The text case_search_source (migration 0003) makes of a case's @fields and its @records
 * (JdEntity, in the order they were written), and whether it is sure to: only when every member
 * it reads is a string or absent. */
char         *jd_store_case_search_text (JsonObject *fields,
                                         GPtrArray  *records);
/* That text in two parts: the lines read from the case (number, title, party names, facts),
 * then the line of its records' @matters (strings, NULL for a record without one). */
void          jd_store_case_search_head (GString    *text,
                                         JsonObject *fields);
void          jd_store_case_search_matters (GString   *text,
                                            GPtrArray *matters);
gboolean      jd_store_case_is_plain   (JsonObject   *fields,
                                        GPtrArray    *records);

/* Inserts the audit entries appended and not yet inserted. Commit does; so must a read of the
 * log inside the transaction. */
gboolean      jd_store_flush_audit     (JdStore      *self,
                                        GError      **error);
/* Appends to the audit chain inside the caller's transaction. */
gboolean      jd_store_append_audit    (JdStore      *self,
                                        const char   *time,
                                        const char   *action,
                                        const char   *object,
                                        const char   *changes,
                                        GError      **error);

/* Builds an entity from columns body, rev, modified, deleted starting at @first. */
JdEntity     *jd_store_entity_from_row (JdCollection   collection,
                                        sqlite3_stmt  *stmt,
                                        int            first,
                                        GError       **error);
/* Steps @stmt (body, rev, modified, deleted) to its end and resets it. */
GPtrArray    *jd_store_collect_cases   (JdStore       *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);

/* Turns a search @query into an FTS5 expression over case_fts appended to @match and the words
 * to match with instr() over case_search.text added to @short_words (borrowed from @words_out).
 * @none is TRUE when no case can match. */
gboolean      jd_store_case_match      (JdStore       *self,
                                        const char    *query,
                                        GStrv         *words_out,
                                        GString       *match,
                                        GPtrArray     *short_words,
                                        gboolean      *none,
                                        GError       **error);

const char   *jd_store_table_for       (JdCollection  collection);

/* Writes a row as the server has it (or as a resolved conflict leaves it) inside the caller's
 * transaction: columns, certificates and search text as any write, an audit entry under @action,
 * but no outbox entry. @fields NULL writes a tombstone; @rev < 0 leaves the revision as it is;
 * @modified NULL means now. @text, when not NULL, is @fields as jd_codec_object_to_string()
 * writes them (the server's rows come that way), so that they need not be written again. */
gboolean      jd_store_write_synced    (JdStore       *self,
                                        JdCollection   collection,
                                        const char    *id,
                                        JsonObject    *fields,
                                        const char    *text,
                                        gint64         rev,
                                        const char    *modified,
                                        const char    *action,
                                        GError       **error);

/* A row of a pull page as jd_sync_page_read() reads it from the page's text, on any thread: the
 * store inserts a row new to it from this alone (jd_store_write_pulled()). The strings belong
 * to the page. */
typedef struct
{
  JdCollection  collection;
  const char   *id;
  gint64        rev;
  const char   *modified;      /* NULL when the server gave none */
  gboolean      out_of_scope;
  /* Its fields' text as the server wrote them (NULL for a tombstone) and their columns, as
   * jd_store_row_init() takes them from the parsed fields. */
  JdStoreRow    row;
  /* Whether the members the search text reads are strings or absent; then for a case the lines
   * jd_store_case_search_head() writes, for a record its matter (NULL when it has none). */
  gboolean      plain;
  const char   *search;
} JdSyncPageRow;

struct _JdSyncPage
{
  GBytes       *body;
  GStringChunk *strings;
  GArray       *rows;         /* JdSyncPageRow, in the page's order */
  gint64        cursor;
  gboolean      more;
  gint64        remaining;
};

/* Writes a pulled row as jd_store_write_synced() does, with its "sync" audit entry; a row new to
 * the replica (but an officer, whose certificates are indexed from the parsed object) straight
 * from what was read of its text. */
gboolean      jd_store_write_pulled    (JdStore              *self,
                                        const JdSyncPageRow  *pulled,
                                        GError              **error);

G_END_DECLS
