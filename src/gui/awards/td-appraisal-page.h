/* td-appraisal-page.h: the board's setting of which body acts at each appraisal step done by a
 * body of the register (a page of the preferences). */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_APPRAISAL_PAGE (td_appraisal_page_get_type ())
G_DECLARE_FINAL_TYPE (TdAppraisalPage, td_appraisal_page, TD, APPRAISAL_PAGE, AdwPreferencesPage)

TdAppraisalPage *td_appraisal_page_new (TdDatabase *db);

G_END_DECLS
