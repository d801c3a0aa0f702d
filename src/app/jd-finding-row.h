#pragma once

#include <adwaita.h>

#include "jd-finding.h"

G_BEGIN_DECLS

/* A row for one finding of the rules: its status icon, message, rule, severity and due date, and
 * a button with its citation that opens the article's text. Style class "finding"; the citation
 * button has "citation". */
GtkWidget *jd_finding_row_new (const JdFinding *finding);

G_END_DECLS
