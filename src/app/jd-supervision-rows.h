#pragma once

#include <adwaita.h>

#include "jd-case-checker.h"

G_BEGIN_DECLS

/* The rows of the Supervision view: one AdwExpanderRow per complaint, supervision case, letter
 * or evaluation, titled after it, with its most urgent open deadline (or its worst finding) as
 * subtitle; expanding it shows its facts, its deadlines and its findings. */

typedef struct _JdSupervisionView JdSupervisionView;

typedef struct
{
  JdEntity        *entity;
  GPtrArray       *findings;   /* JdFinding, failures first */
  const JdFinding *urgent;     /* the open deadline due soonest, in @findings, or NULL */
  const JdFinding *worst;      /* the first failure, in @findings, or NULL */
  char            *date;       /* the object's own date, for the order of the rest */
} JdSupervisionItem;

/* Checks @entity with the SUP rules; an evaluation with SUP-EVALUATION of its agency's year. */
JdSupervisionItem *jd_supervision_item_new     (JdCaseChecker           *checker,
                                                JdEntity                *entity);
void               jd_supervision_item_free    (JdSupervisionItem       *item);
/* Open deadlines first, soonest first; then the newest first. */
int                jd_supervision_item_compare (gconstpointer            a,
                                                gconstpointer            b);
/* Takes @item. The row has the object's id as data "jd-object-id", style class
 * "deadline-overdue", "deadline-open" or none, and fills its details when first expanded. */
GtkWidget         *jd_supervision_row_new      (JdSupervisionView       *view,
                                                JdSupervisionItem       *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdSupervisionItem, jd_supervision_item_free)

G_END_DECLS
