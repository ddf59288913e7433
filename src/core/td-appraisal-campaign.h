/* td-appraisal-campaign.h: the campaign description's "appraisal" section as JSON: checked
 * whole when a campaign is stored (td-catalog.c), read piece by piece by td-appraisal.c. */
#pragma once

#include <json-glib/json-glib.h>

#include "td-appraisal-rules.h"
#include "td-types.h"

G_BEGIN_DECLS

/* Checks a campaign's "appraisal" member (NULL: absent, which is allowed). */
gboolean    td_appraisal_validate_json (JsonNode   *appraisal,
                                        GError    **error);

/* A member or an element that is a string, else NULL: the description may come from a setup
 * file, and json-glib's own getters complain about any other type. */
const char *td_appraisal_json_string    (JsonObject   *o,
                                         const char   *name);
const char *td_appraisal_json_element   (JsonArray    *a,
                                         guint         index);
/* "2/3" → 2, 3; FALSE unless 0 < numerator ≤ denominator ≤ 100. */
gboolean    td_appraisal_parse_share    (const char   *text,
                                         guint         share[2]);
/* Whether @process names @level in its "levels" (every level without one). */
gboolean    td_appraisal_process_covers (JsonObject   *process,
                                         TdAwardLevel  level);
/* FALSE, with "The campaign's appraisal section is not usable: @what." */
gboolean    td_appraisal_invalid        (GError      **error,
                                         const char   *what);

G_END_DECLS
