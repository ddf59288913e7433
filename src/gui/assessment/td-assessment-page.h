/* td-assessment-page.h: the "Tự đánh giá" area: a unit's self-assessment form, its
 * submission, and the exchange of packages with the province. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_ASSESSMENT_PAGE (td_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (TdAssessmentPage, td_assessment_page, TD, ASSESSMENT_PAGE, AdwBin)

void     td_assessment_page_set_database (TdAssessmentPage *self,
                                          TdDatabase       *db);
/* Shows the unit with @code (the same round). */
void     td_assessment_page_show_unit    (TdAssessmentPage *self,
                                          const char       *code);
/* Writes what was typed and not yet saved, now. */
gboolean td_assessment_page_flush        (TdAssessmentPage *self);
/* A unit's installation: only @unit_code is shown and edited, no unit picker, no import of
 * packages (NULL: the board, every unit). */
void     td_assessment_page_bind_to_unit (TdAssessmentPage *self,
                                          const char       *unit_code);
/* Reads the database again (after an import, say). */
void     td_assessment_page_reload       (TdAssessmentPage *self);
/* The form's primary actions (Export, Submit), for the window's header bar. */
GtkWidget *td_assessment_page_get_header_actions (TdAssessmentPage *self);

G_END_DECLS
