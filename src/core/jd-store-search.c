#include "jd-store-private.h"

#include <string.h>

/* The trigram tokenizer indexes every run of three characters, so a word of three or more
 * characters is a phrase query on the index. A word of two (罚款, 执法) is any of the trigrams that
 * start with it, found in the index's vocabulary (see 0003-short-words.sql). A single character
 * is matched with instr() over the indexed text, as is a two-character word so common that it
 * starts too many trigrams to list: both find their first page of hits quickly.
 *
 * A two-character word in most cases (京通 starts every case number of a district, 当事 nearly
 * every text) is matched with instr() too. Its trigrams are few, but the vocabulary counts each
 * one's documents before giving it, through a million of them: 17–23 ms a lookup, where instr()
 * finds the first 10,000 hits in 1–2 ms. The newest texts, which the list scans first, tell. */
#define MIN_INDEXED_CHARS 3
#define MAX_WORDS 8
#define MAX_TERMS_PER_WORD 200
/* How many of the newest texts a two-character word is looked for in, and in how many of them
 * it must be to be matched by scanning. At 40%, scanning to the list's 10,000 hits reads 25,000
 * texts (8 ms); the vocabulary of a word that common reads about 400,000 documents per million
 * cases (9 ms), and a rarer word's fewer. */
#define COMMON_SAMPLE 1000
#define COMMON_PERCENT 40

/* U+10FFFF in UTF-8: no character sorts after it, so [word, word + this) holds every term that
 * starts with word. */
#define LAST_CHARACTER "\xf4\x8f\xbf\xbf"

static char *
fts_phrase (const char *word)
{
  GString *phrase = g_string_new ("\"");

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');

  return g_string_free (phrase, FALSE);
}

typedef enum
{
  TERMS_FOUND,
  TERMS_NONE,
  TERMS_TOO_MANY,
} TermsResult;

/* Whether @word is in at least COMMON_PERCENT of the newest texts. Only for words that case
 * folding leaves alone (CJK, digits): instr() tells case apart, the index does not. */
static gboolean
is_common_word (JdStore     *self,
                const char  *word,
                gboolean    *common,
                GError     **error)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_autofree char *upper = g_utf8_strup (word, -1);
  sqlite3_stmt *stmt;
  int rc;

  *common = FALSE;
  if (strcmp (lower, word) != 0 || strcmp (upper, word) != 0)
    return TRUE;

  stmt = jd_store_static_statement (self, "SELECT count(*), ifnull (sum (instr (text, ?1) > 0), 0) "
                                          "FROM (SELECT text FROM case_search "
                                          "ORDER BY pk DESC LIMIT ?2)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, COMMON_SAMPLE);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 0);

      *common = n > 0 && sqlite3_column_int64 (stmt, 1) * 100 >= n * COMMON_PERCENT;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return jd_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Appends to @match an expression for a two-character word: the trigrams that start with it. */
static gboolean
append_two_char_word (JdStore      *self,
                      const char   *word,
                      GString      *match,
                      TermsResult  *result,
                      GError      **error)
{
  g_autofree char *folded = g_utf8_strdown (word, -1);
  g_autofree char *upper = g_strconcat (folded, LAST_CHARACTER, NULL);
  g_autoptr(GString) expression = g_string_new ("(");
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = jd_store_static_statement (self, "SELECT term FROM case_fts_terms "
                                          "WHERE term >= ?1 AND term < ?2",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && n <= MAX_TERMS_PER_WORD)
    {
      g_autofree char *phrase = fts_phrase ((const char *) sqlite3_column_text (stmt, 0));

      if (n++ > 0)
        g_string_append (expression, " OR ");
      g_string_append (expression, phrase);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);

  if (n == 0)
    *result = TERMS_NONE;
  else if (n > MAX_TERMS_PER_WORD)
    *result = TERMS_TOO_MANY;
  else
    {
      *result = TERMS_FOUND;
      g_string_append_c (expression, ')');
      if (match->len > 0)
        g_string_append (match, " AND ");
      g_string_append (match, expression->str);
    }

  return TRUE;
}

gboolean
jd_store_case_match (JdStore     *self,
                     const char  *query,
                     GStrv       *words_out,
                     GString     *match,
                     GPtrArray   *short_words,
                     gboolean    *none,
                     GError     **error)
{
  g_auto(GStrv) words = NULL;

  *none = FALSE;
  words = g_regex_split_simple ("[\\s\u3000]+", query, 0, 0);
  for (guint i = 0; words[i] != NULL && i < MAX_WORDS; i++)
    {
      g_autofree char *phrase = NULL;

      if (*words[i] == '\0')
        continue;

      if (g_utf8_strlen (words[i], -1) == MIN_INDEXED_CHARS - 1)
        {
          TermsResult result = TERMS_NONE;
          gboolean common;

          if (!is_common_word (self, words[i], &common, error))
            return FALSE;
          if (common)
            {
              g_ptr_array_add (short_words, words[i]);
              continue;
            }
          if (!append_two_char_word (self, words[i], match, &result, error))
            return FALSE;
          if (result == TERMS_NONE)
            *none = TRUE;
          if (result == TERMS_TOO_MANY)
            g_ptr_array_add (short_words, words[i]);
          continue;
        }

      if (g_utf8_strlen (words[i], -1) < MIN_INDEXED_CHARS)
        {
          g_ptr_array_add (short_words, words[i]);
          continue;
        }

      phrase = fts_phrase (words[i]);
      if (match->len > 0)
        g_string_append (match, " AND ");
      g_string_append (match, phrase);
    }

  if (match->len == 0 && short_words->len == 0)
    *none = TRUE;
  *words_out = g_steal_pointer (&words);
  return TRUE;
}

GPtrArray *
jd_store_search_cases (JdStore     *self,
                       const char  *query,
                       guint        limit,
                       GError     **error)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) short_words = g_ptr_array_new ();
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean none;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  if (!jd_store_case_match (self, query, &words, match, short_words, &none, error))
    return NULL;
  if (none)
    return g_ptr_array_new_with_free_func (g_object_unref);

  if (match->len > 0)
    g_string_append (sql, "SELECT c.body, c.rev, c.modified, c.deleted FROM case_fts AS f "
                          "JOIN case_search AS s ON s.pk = f.rowid "
                          "JOIN cases AS c ON c.pk = f.rowid "
                          "WHERE case_fts MATCH ?1");
  else
    g_string_append (sql, "SELECT c.body, c.rev, c.modified, c.deleted FROM case_search AS s "
                          "JOIN cases AS c ON c.pk = s.pk WHERE 1");

  for (guint i = 0; i < short_words->len; i++)
    g_string_append_printf (sql, " AND instr (s.text, ?%u) > 0", i + 2);

  g_string_append (sql, match->len > 0 ? " ORDER BY f.rowid DESC" : " ORDER BY s.pk DESC");
  g_string_append_printf (sql, " LIMIT ?%u", short_words->len + 2);

  stmt = jd_store_statement (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (match->len > 0)
    sqlite3_bind_text (stmt, 1, match->str, -1, SQLITE_STATIC);
  for (guint i = 0; i < short_words->len; i++)
    sqlite3_bind_text (stmt, i + 2, short_words->pdata[i], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, short_words->len + 2, limit);

  return jd_store_collect_cases (self, stmt, error);
}
