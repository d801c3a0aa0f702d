#pragma once

#include <adwaita.h>

#include "jd-bar-chart.h"

G_BEGIN_DECLS

/* The "Dashboard" view: charts of the cases with errors and overdue deadlines per agency, of the
 * cases opened per month and per action type, and of the certificates running out per agency,
 * counted on a worker thread (jd-store-stats.h). Each bar leads to the case list filtered to its
 * cases, or to the rosters. */

#define JD_TYPE_DASHBOARD_VIEW (jd_dashboard_view_get_type ())

G_DECLARE_FINAL_TYPE (JdDashboardView, jd_dashboard_view, JD, DASHBOARD_VIEW, GtkWidget)

typedef struct _JdWindow JdWindow;

/* The series of the charts' bars. */
enum
{
  JD_DASHBOARD_WITH_ERRORS = 0,   /* of the agencies chart */
  JD_DASHBOARD_OVERDUE = 1,
  JD_DASHBOARD_EXPIRING = 0,      /* of the certificates chart */
  JD_DASHBOARD_EXPIRED = 1,
};

void        jd_dashboard_view_set_window        (JdDashboardView *self,
                                                 JdWindow        *window);
/* Counts again on a worker thread (the window's "reloaded" and the rules' "checks-updated" do
 * it). */
void        jd_dashboard_view_reload            (JdDashboardView *self);
/* Whether counts are being made or wait to be. */
gboolean    jd_dashboard_view_is_busy           (JdDashboardView *self);
/* Whether it says that the rules are checking every case, so that counts will change. */
gboolean    jd_dashboard_view_is_showing_update (JdDashboardView *self);
JdBarChart *jd_dashboard_view_get_agency_chart  (JdDashboardView *self);
JdBarChart *jd_dashboard_view_get_month_chart   (JdDashboardView *self);
JdBarChart *jd_dashboard_view_get_type_chart    (JdDashboardView *self);
JdBarChart *jd_dashboard_view_get_certificate_chart (JdDashboardView *self);
/* Shows every agency in the agencies' and certificates' charts, not only those with most. */
void        jd_dashboard_view_show_all_agencies (JdDashboardView *self,
                                                 gboolean         show_all);

G_END_DECLS
