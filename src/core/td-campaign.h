/* td-campaign.h: the campaign description, parsed once per version.
 *
 * The description lives in the database as JSON (td_catalog_get_campaign_json()); what the
 * appraisal needs of it (the steps of each award level, the council's rules) is read from it
 * once into this immutable object and shared: asking again for the same text, from any thread
 * and any connection, returns the object already made.  A changed description (deadlines
 * moved, a campaign imported) is a new text, so a new object. */
#pragma once

#include <gio/gio.h>

#include "td-appraisal-rules.h"
#include "td-database.h"
#include "td-types.h"

G_BEGIN_DECLS

#define TD_TYPE_CAMPAIGN (td_campaign_get_type ())
G_DECLARE_FINAL_TYPE (TdCampaign, td_campaign, TD, CAMPAIGN, GObject)

/* The database's description, or NULL with the catalog's error when it keeps none. */
TdCampaign   *td_campaign_get               (TdDatabase    *db,
                                             GError       **error);
/* The plan bundled with the application: what a database described before the appraisal was
 * data falls back on. */
TdCampaign   *td_campaign_get_bundled       (GError       **error);

GBytes       *td_campaign_get_json          (TdCampaign    *self);

/* Whether the description has a usable appraisal section; FALSE with why. */
gboolean      td_campaign_check_appraisal   (TdCampaign    *self,
                                             GError       **error);
/* The steps a nomination of @level goes through, as the description names them (a body's
 * step names the campaign's code for it: the register's unit is looked up by the caller), or
 * NULL when the description has no process for @level.  Owned by @self. */
GPtrArray    *td_campaign_get_steps         (TdCampaign    *self,
                                             TdAwardLevel   level);
/* The appraisal section's "council" member, as written (NULL when absent): "threshold",
 * "quorum", "award_attendance", "sitting". */
const char   *td_campaign_get_council_rule  (TdCampaign    *self,
                                             const char    *name);

/* A copy of @spec. */
TdStepSpec   *td_step_spec_copy             (const TdStepSpec *spec);

G_END_DECLS
