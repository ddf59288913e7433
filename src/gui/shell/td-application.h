/* td-application.h: the application: command line, actions, the database it opens. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_APPLICATION (td_application_get_type ())
G_DECLARE_FINAL_TYPE (TdApplication, td_application, TD, APPLICATION, AdwApplication)

TdApplication *td_application_new          (void);
TdDatabase    *td_application_get_database (TdApplication *self);
/* The database made on the first run becomes the session's. */
void           td_application_adopt_database (TdApplication *self,
                                              TdDatabase    *database);

G_END_DECLS
