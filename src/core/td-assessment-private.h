/* td-assessment-private.h: the self-assessment's moves as the core makes them. */
#pragma once

#include "td-assessment.h"
#include "td-stmt.h"

G_BEGIN_DECLS

/* Any move td_assessment_can_move() allows, "appraised" included: only the appraisal
 * (td_assessment_appraise()) reaches that one, through here. */
gboolean td_assessment_move (TdDatabase          *db,
                             gint64               assessment_id,
                             TdAssessmentStatus   status,
                             const char          *reason,
                             GListModel          *targets,
                             GError             **error);

/* The figures of a value (numerator, denominator, index, not applicable) from four columns
 * from @col on; the texts are the caller's, copied or borrowed. */
void     td_assessment_read_figures (TdStmt  *stmt,
                                     int      col,
                                     TdValue *v);

G_END_DECLS
