/* td-decision-actions.h: issuing and withdrawing a decision, each asked in an alert with what
 * it needs (the number and date; the reason). */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

/* @done runs with @owner after the decision changed.  The dialog keeps the number and date
 * entries as data "td-number" and "td-date", the reason as "td-reason" (for tests). */
AdwAlertDialog *td_decision_issue_dialog_new    (TdDatabase *db,
                                                 gint64      decision_id,
                                                 GObject    *owner,
                                                 GCallback   done);
AdwAlertDialog *td_decision_withdraw_dialog_new (TdDatabase *db,
                                                 gint64      decision_id,
                                                 GObject    *owner,
                                                 GCallback   done);

G_END_DECLS
