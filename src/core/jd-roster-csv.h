#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads the roster of enforcement officers that agencies keep in a spreadsheet and save as CSV:
 * UTF-8 (with or without BOM) or GB18030, the header row
 * 姓名,执法证号,所属单位,有效期起,有效期至,证件状态,人员类别
 * and one person per row. Only the file itself is checked here; agency names and certificate
 * numbers already in the database are the caller's business. */

#define JD_ROSTER_CSV_ERROR (jd_roster_csv_error_quark ())

typedef enum
{
  JD_ROSTER_CSV_ERROR_ENCODING,
  JD_ROSTER_CSV_ERROR_HEADER,
  JD_ROSTER_CSV_ERROR_ROW,
} JdRosterCsvError;

GQuark jd_roster_csv_error_quark (void);

typedef struct
{
  guint  line;               /* physical line where the row starts, 1-based, header = 1 */
  char  *name;
  char  *certificate_number; /* NULL for auxiliaries */
  char  *agency_name;
  char  *valid_from;         /* YYYY-MM-DD or NULL */
  char  *valid_to;
  char  *status;             /* "valid" | "suspended" | "revoked" or NULL */
  char  *role;               /* "officer" | "auxiliary" */
} JdRosterRow;

void jd_roster_row_free (JdRosterRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdRosterRow, jd_roster_row_free)

/* Column numbers (1-based) so callers can name a column in their own messages. */
enum
{
  JD_ROSTER_COL_NAME = 1,
  JD_ROSTER_COL_CERTIFICATE,
  JD_ROSTER_COL_AGENCY,
  JD_ROSTER_COL_VALID_FROM,
  JD_ROSTER_COL_VALID_TO,
  JD_ROSTER_COL_STATUS,
  JD_ROSTER_COL_ROLE,
};

#define JD_ROSTER_N_COLUMNS 7

const char *jd_roster_column_name (guint column); /* "姓名" … */

/* Returns a GPtrArray of JdRosterRow (free func set), or NULL with @error set. */
GPtrArray  *jd_roster_csv_parse   (GBytes  *bytes,
                                   GError **error);

G_END_DECLS
