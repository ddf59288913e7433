/* td-assessment-private.h: writes that skip the workflow check, for the importer only: a
 * package received at the province overwrites whatever state the copy there was in. */
#pragma once

#include "td-assessment.h"

G_BEGIN_DECLS

gboolean td_assessment_write_values      (TdDatabase     *db,
                                          gint64          assessment_id,
                                          TdTarget      **targets,
                                          const TdValue **values,
                                          guint           n_values,
                                          GError        **error);
gboolean td_assessment_write_attestation (TdDatabase     *db,
                                          gint64          assessment_id,
                                          gint64          standard_id,
                                          gboolean        attested,
                                          const char     *justification,
                                          GError        **error);

G_END_DECLS
