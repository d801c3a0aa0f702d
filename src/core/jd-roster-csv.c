#include "jd-roster-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (jd-roster-csv-error-quark, jd_roster_csv_error)

#define EXPECTED_HEADER "姓名,执法证号,所属单位,有效期起,有效期至,证件状态,人员类别"
#define IDEOGRAPHIC_SPACE "\xe3\x80\x80" /* U+3000, what Chinese input methods type as a space */

#define ROLE_OFFICER_LABEL "执法人员"
#define ROLE_AUXILIARY_LABEL "辅助人员"

static const char * const column_names[] = {
  NULL, "姓名", "执法证号", "所属单位", "有效期起", "有效期至", "证件状态", "人员类别",
};

/* The cells an officer must fill in and an auxiliary must leave empty. */
static const guint certificate_columns[] = {
  JD_ROSTER_COL_CERTIFICATE, JD_ROSTER_COL_VALID_FROM, JD_ROSTER_COL_VALID_TO, JD_ROSTER_COL_STATUS,
};

static const struct
{
  const char *label;
  const char *value;
} statuses[] = {
  { "有效", "valid" },
  { "暂扣", "suspended" },
  { "撤销", "revoked" },
};

void
jd_roster_row_free (JdRosterRow *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row->certificate_number);
  g_free (row->agency_name);
  g_free (row->valid_from);
  g_free (row->valid_to);
  g_free (row->status);
  g_free (row->role);
  g_free (row);
}

const char *
jd_roster_column_name (guint column)
{
  g_return_val_if_fail (column >= 1 && column <= JD_ROSTER_N_COLUMNS, NULL);

  return column_names[column];
}

/* Decoding */

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  /* Safe on GB18030 too: its trail bytes never take the values of CR or LF. */
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
      line++;

  return line;
}

static gboolean
is_ascii (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) data[i] >= 0x80)
      return FALSE;

  return TRUE;
}

static char *
decode (GBytes  *bytes,
        GError **error)
{
  const char *data;
  const char *valid_end;
  gsize len;
  gsize bytes_read = 0;
  gboolean has_bom = FALSE;
  const char *nul;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    return g_strdup ("");

  if (len >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_ENCODING,
                   _("The file is UTF-16 text; save it as CSV in UTF-8 or GB18030"));
      return NULL;
    }

  /* People rename .xlsx to .csv; say so instead of complaining about bytes. */
  if (len >= 4 &&
      (memcmp (data, "PK\x03\x04", 4) == 0 || memcmp (data, "\xd0\xcf\x11\xe0", 4) == 0))
    {
      g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_ENCODING,
                   _("The file is a spreadsheet workbook, not CSV; save it as CSV in UTF-8 or "
                     "GB18030"));
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
      has_bom = TRUE;
    }

  nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_ENCODING,
                   _("line %u: the file contains a NUL byte, so it is not CSV text"),
                   line_at (data, nul - data));
      return NULL;
    }

  if (g_utf8_validate_len (data, len, &valid_end))
    return g_strndup (data, len);

  /* GB18030 text is not valid UTF-8 from its first Chinese character on, so UTF-8 Chinese before
   * the bad byte means a damaged UTF-8 file; decoding it as GB18030 would only produce mojibake. */
  if (has_bom || !is_ascii (data, valid_end - data))
    {
      g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_ENCODING,
                   _("line %u: the file is not valid UTF-8 text (byte 0x%02X)"),
                   line_at (data, valid_end - data), (guchar) *valid_end);
      return NULL;
    }

  text = g_convert (data, len, "UTF-8", "GB18030", &bytes_read, NULL, &local_error);
  if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_ENCODING,
                   _("The file is not UTF-8 text and cannot be read as GB18030: %s"),
                   local_error->message);
      return NULL;
    }

  /* With bytes_read given, g_convert() drops a truncated last character instead of failing. */
  if (text == NULL || bytes_read < len)
    {
      gsize offset = MIN (bytes_read, len - 1);

      g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_ENCODING,
                   _("line %u: the file is neither UTF-8 nor GB18030 text (byte 0x%02X)"),
                   line_at (data, offset), (guchar) data[offset]);
      return NULL;
    }

  return g_steal_pointer (&text);
}

/* Splitting into records */

typedef struct
{
  const char       *p;
  guint             line;
  JdRosterCsvError  code;
} Scanner;

static gsize
blank_length (const char *p)
{
  if (*p == ' ' || *p == '\t')
    return 1;
  if (g_str_has_prefix (p, IDEOGRAPHIC_SPACE))
    return strlen (IDEOGRAPHIC_SPACE);
  return 0;
}

static const char *
skip_blanks (const char *p)
{
  gsize n;

  while ((n = blank_length (p)) > 0)
    p += n;

  return p;
}

static const char *
trim_end (const char *start,
          const char *end)
{
  gsize space_len = strlen (IDEOGRAPHIC_SPACE);

  while (end > start)
    {
      if (end[-1] == ' ' || end[-1] == '\t')
        end--;
      else if ((gsize) (end - start) >= space_len &&
               memcmp (end - space_len, IDEOGRAPHIC_SPACE, space_len) == 0)
        end -= space_len;
      else
        break;
    }

  return end;
}

static char *
strip_blanks (const char *text)
{
  const char *start = skip_blanks (text);

  return g_strndup (start, trim_end (start, start + strlen (start)) - start);
}

static char *
describe_cell (guint line,
               guint column)
{
  if (column >= 1 && column <= JD_ROSTER_N_COLUMNS)
    /* Translators: where a problem is in a CSV file, e.g. “line 4, column 4 (有效期起)”; the
     * part in brackets is the column's name from the file's header row */
    return g_strdup_printf (_("line %u, column %u (%s)"), line, column, column_names[column]);

  return g_strdup_printf (_("line %u, column %u"), line, column);
}

G_GNUC_PRINTF (5, 6)
static void
set_cell_error (GError           **error,
                JdRosterCsvError   code,
                guint              line,
                guint              column,
                const char        *format,
                ...)
{
  g_autofree char *where = describe_cell (line, column);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a place in a CSV file, e.g. “line 4, column 4 (有效期起)”, then what is wrong
   * there */
  g_set_error (error, JD_ROSTER_CSV_ERROR, code, _("%s: %s"), where, what);
}

static gboolean
scanner_skip_line_end (Scanner *scanner)
{
  if (*scanner->p == '\r')
    {
      scanner->p++;
      if (*scanner->p == '\n')
        scanner->p++;
    }
  else if (*scanner->p == '\n')
    {
      scanner->p++;
    }
  else
    {
      return FALSE;
    }

  scanner->line++;
  return TRUE;
}

static char *
scanner_read_quoted (Scanner  *scanner,
                     guint     row_line,
                     guint     column,
                     GError  **error)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  scanner->p++;
  for (;;)
    {
      if (*scanner->p == '\0')
        {
          set_cell_error (error, scanner->code, row_line, column,
                          _("the quoted cell is never closed (a \" is missing)"));
          return NULL;
        }

      if (*scanner->p == '"')
        {
          if (scanner->p[1] != '"')
            {
              scanner->p++;
              break;
            }
          g_string_append_c (cell, '"');
          scanner->p += 2;
        }
      else if (scanner_skip_line_end (scanner))
        {
          g_string_append_c (cell, '\n');
        }
      else
        {
          g_string_append_c (cell, *scanner->p++);
        }
    }

  scanner->p = skip_blanks (scanner->p);

  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static char *
scanner_read_unquoted (Scanner *scanner)
{
  const char *start = scanner->p;

  /* A quote inside an unquoted cell is kept as text, as spreadsheets do. */
  while (*scanner->p != '\0' && *scanner->p != ',' && *scanner->p != '\r' && *scanner->p != '\n')
    scanner->p++;

  return g_strndup (start, trim_end (start, scanner->p) - start);
}

/* Reads the next record into @out_cells, or sets it to NULL at the end of the text. */
static gboolean
scanner_next_record (Scanner    *scanner,
                     GPtrArray **out_cells,
                     guint      *out_line,
                     GError    **error)
{
  g_autoptr(GPtrArray) cells = NULL;
  guint line = scanner->line;

  *out_cells = NULL;
  if (*scanner->p == '\0')
    return TRUE;

  cells = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      char *cell;

      scanner->p = skip_blanks (scanner->p);
      if (*scanner->p == '"')
        {
          cell = scanner_read_quoted (scanner, line, cells->len + 1, error);
          if (cell == NULL)
            return FALSE;
        }
      else
        {
          cell = scanner_read_unquoted (scanner);
        }
      g_ptr_array_add (cells, cell);

      if (*scanner->p == ',')
        {
          scanner->p++;
          continue;
        }

      if (*scanner->p == '\0' || scanner_skip_line_end (scanner))
        break;

      set_cell_error (error, scanner->code, line, cells->len,
                      _("unexpected text after the closing quote"));
      return FALSE;
    }

  *out_cells = g_steal_pointer (&cells);
  *out_line = line;
  return TRUE;
}

static gboolean
is_blank_record (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    if (*(const char *) g_ptr_array_index (cells, i) != '\0')
      return FALSE;

  return TRUE;
}

/* Checking */

static gboolean
check_header (GPtrArray  *cells,
              guint       line,
              GError    **error)
{
  for (guint i = 0; i < MIN (cells->len, JD_ROSTER_N_COLUMNS); i++)
    {
      g_autofree char *cell = strip_blanks (g_ptr_array_index (cells, i));

      if (!g_str_equal (cell, column_names[i + 1]))
        {
          g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_HEADER,
                       _("line %u, column %u: expected \"%s\" in the header, found \"%s\""),
                       line, i + 1, column_names[i + 1], cell);
          return FALSE;
        }
    }

  if (cells->len != JD_ROSTER_N_COLUMNS)
    {
      g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_HEADER,
                   _("line %u: the header has %u columns, expected %u: %s"),
                   line, cells->len, JD_ROSTER_N_COLUMNS, EXPECTED_HEADER);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *out)
{
  guint n = 0;
  guint value = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }

  if (n == 0 || g_ascii_isdigit ((*p)[n]))
    return FALSE;

  *p += n;
  *out = value;
  return TRUE;
}

static gboolean
skip_literal (const char **p,
              const char  *literal)
{
  if (!g_str_has_prefix (*p, literal))
    return FALSE;

  *p += strlen (literal);
  return TRUE;
}

/* Accepts the forms spreadsheets write dates in: 2025-03-01, 2025-3-1, 2025/3/1, 2025.3.1 and
 * 2025年3月1日. */
static char *
read_date (const char  *text,
           guint        line,
           guint        column,
           GError     **error)
{
  const char *p = text;
  guint year = 0;
  guint month = 0;
  guint day = 0;
  gboolean well_formed = FALSE;

  if (read_number (&p, 4, &year) && p - text == 4)
    {
      if (skip_literal (&p, "年"))
        {
          well_formed = read_number (&p, 2, &month) && skip_literal (&p, "月") &&
                        read_number (&p, 2, &day) && skip_literal (&p, "日");
        }
      else if (*p == '-' || *p == '/' || *p == '.')
        {
          char separator = *p++;

          well_formed = read_number (&p, 2, &month) && *p++ == separator &&
                        read_number (&p, 2, &day);
        }
    }

  if (!well_formed || *p != '\0' || year < 1 || month < 1 || month > 12 || day < 1)
    {
      set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, column,
                      _("\"%s\" is not a date (use YYYY-MM-DD)"), text);
      return NULL;
    }

  if (!g_date_valid_dmy (day, month, year))
    {
      set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, column,
                      _("\"%s\" is not a date: %04u-%02u has no day %u"), text, year, month, day);
      return NULL;
    }

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Excel shows long digit strings as 1.10101E+17 and saves them that way, losing digits. */
static gboolean
looks_like_scientific_notation (const char *text)
{
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    p++;
  while (g_ascii_isdigit (*p))
    p++;
  if ((*p != 'E' && *p != 'e') || p[1] != '+' || !g_ascii_isdigit (p[2]))
    return FALSE;
  p += 2;
  while (g_ascii_isdigit (*p))
    p++;

  return *p == '\0';
}

static JdRosterRow *
row_from_cells (GPtrArray   *cells,
                guint        line,
                GHashTable  *certificates,
                GError     **error)
{
  const char *name;
  const char *certificate;
  const char *agency;
  const char *valid_from;
  const char *valid_to;
  const char *status;
  const char *role;
  gpointer first_line;
  g_autoptr(JdRosterRow) row = NULL;

  if (cells->len != JD_ROSTER_N_COLUMNS)
    {
      g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_ROW,
                   _("line %u: wrong column count: expected %u, found %u"),
                   line, JD_ROSTER_N_COLUMNS, cells->len);
      return NULL;
    }

  name = g_ptr_array_index (cells, JD_ROSTER_COL_NAME - 1);
  certificate = g_ptr_array_index (cells, JD_ROSTER_COL_CERTIFICATE - 1);
  agency = g_ptr_array_index (cells, JD_ROSTER_COL_AGENCY - 1);
  valid_from = g_ptr_array_index (cells, JD_ROSTER_COL_VALID_FROM - 1);
  valid_to = g_ptr_array_index (cells, JD_ROSTER_COL_VALID_TO - 1);
  status = g_ptr_array_index (cells, JD_ROSTER_COL_STATUS - 1);
  role = g_ptr_array_index (cells, JD_ROSTER_COL_ROLE - 1);

  if (*name == '\0')
    {
      set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, JD_ROSTER_COL_NAME,
                      _("the cell is empty"));
      return NULL;
    }

  if (*agency == '\0')
    {
      set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, JD_ROSTER_COL_AGENCY,
                      _("the cell is empty"));
      return NULL;
    }

  row = g_new0 (JdRosterRow, 1);
  row->line = line;
  row->name = g_strdup (name);
  row->agency_name = g_strdup (agency);

  /* The category decides which of the other cells are required, so it is checked first. */
  if (g_str_equal (role, ROLE_AUXILIARY_LABEL))
    {
      for (guint i = 0; i < G_N_ELEMENTS (certificate_columns); i++)
        {
          const char *cell = g_ptr_array_index (cells, certificate_columns[i] - 1);

          if (*cell != '\0')
            {
              set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, certificate_columns[i],
                              _("auxiliary staff (%s) hold no certificate, so the cell must be "
                                "empty; found \"%s\""),
                              ROLE_AUXILIARY_LABEL, cell);
              return NULL;
            }
        }

      row->role = g_strdup ("auxiliary");
      return g_steal_pointer (&row);
    }

  if (!g_str_equal (role, ROLE_OFFICER_LABEL))
    {
      if (*role == '\0')
        set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, JD_ROSTER_COL_ROLE,
                        _("the cell is empty (use %s or %s)"),
                        ROLE_OFFICER_LABEL, ROLE_AUXILIARY_LABEL);
      else
        set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, JD_ROSTER_COL_ROLE,
                        _("\"%s\" is not a staff category (use %s or %s)"),
                        role, ROLE_OFFICER_LABEL, ROLE_AUXILIARY_LABEL);
      return NULL;
    }

  row->role = g_strdup ("officer");

  for (guint i = 0; i < G_N_ELEMENTS (certificate_columns); i++)
    {
      const char *cell = g_ptr_array_index (cells, certificate_columns[i] - 1);

      if (*cell == '\0')
        {
          set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, certificate_columns[i],
                          _("the cell is empty; only auxiliary staff (%s) may leave it empty"),
                          ROLE_AUXILIARY_LABEL);
          return NULL;
        }
    }

  if (looks_like_scientific_notation (certificate))
    {
      set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, JD_ROSTER_COL_CERTIFICATE,
                      _("\"%s\" is a number the spreadsheet shortened; format the column as text "
                        "and enter the certificate number again"),
                      certificate);
      return NULL;
    }

  if (g_hash_table_lookup_extended (certificates, certificate, NULL, &first_line))
    {
      set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, JD_ROSTER_COL_CERTIFICATE,
                      _("certificate number \"%s\" is already used on line %u"),
                      certificate, GPOINTER_TO_UINT (first_line));
      return NULL;
    }

  row->certificate_number = g_strdup (certificate);

  row->valid_from = read_date (valid_from, line, JD_ROSTER_COL_VALID_FROM, error);
  if (row->valid_from == NULL)
    return NULL;

  row->valid_to = read_date (valid_to, line, JD_ROSTER_COL_VALID_TO, error);
  if (row->valid_to == NULL)
    return NULL;

  /* Normalised dates compare as strings. */
  if (strcmp (row->valid_from, row->valid_to) > 0)
    {
      set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, JD_ROSTER_COL_VALID_TO,
                      _("\"%s\" is before %s \"%s\""),
                      valid_to, column_names[JD_ROSTER_COL_VALID_FROM], valid_from);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (status, statuses[i].label))
      row->status = g_strdup (statuses[i].value);

  if (row->status == NULL)
    {
      set_cell_error (error, JD_ROSTER_CSV_ERROR_ROW, line, JD_ROSTER_COL_STATUS,
                      _("\"%s\" is not a certificate status (use %s, %s or %s)"),
                      status, statuses[0].label, statuses[1].label, statuses[2].label);
      return NULL;
    }

  g_hash_table_insert (certificates, g_strdup (certificate), GUINT_TO_POINTER (line));

  return g_steal_pointer (&row);
}

GPtrArray *
jd_roster_csv_parse (GBytes  *bytes,
                     GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) certificates = NULL;
  gboolean seen_header = FALSE;
  Scanner scanner;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = decode (bytes, error);
  if (text == NULL)
    return NULL;

  scanner = (Scanner) { .p = text, .line = 1, .code = JD_ROSTER_CSV_ERROR_HEADER };
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_roster_row_free);
  certificates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (;;)
    {
      g_autoptr(GPtrArray) cells = NULL;
      guint line = 0;
      JdRosterRow *row;

      if (!scanner_next_record (&scanner, &cells, &line, error))
        return NULL;
      if (cells == NULL)
        break;

      /* Spreadsheets also save rows that merely look empty as ",,,,,,". */
      if (is_blank_record (cells))
        continue;

      if (!seen_header)
        {
          if (!check_header (cells, line, error))
            return NULL;
          seen_header = TRUE;
          scanner.code = JD_ROSTER_CSV_ERROR_ROW;
          continue;
        }

      row = row_from_cells (cells, line, certificates, error);
      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }

  if (!seen_header)
    {
      g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_HEADER,
                   _("The file is empty; its first line must be the header %s"), EXPECTED_HEADER);
      return NULL;
    }

  return g_steal_pointer (&rows);
}
