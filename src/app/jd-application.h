#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JD_TYPE_APPLICATION (jd_application_get_type ())

G_DECLARE_FINAL_TYPE (JdApplication, jd_application, JD, APPLICATION, AdwApplication)

JdApplication *jd_application_new         (void);
/* The database the windows show: --db, or the one jiandu-cli uses by default. */
const char    *jd_application_get_db_path (JdApplication *self);

G_END_DECLS
