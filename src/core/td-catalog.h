/* td-catalog.h: the campaign, its rounds, targets and standards, and the participating units. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"
#include "td-round.h"
#include "td-target.h"
#include "td-unit.h"

G_BEGIN_DECLS

/* The plan bundled with the application, in the core's GResource. */
#define TD_CATALOG_SEED_RESOURCE "/io/github/thidua/ThiDua/core/campaigns/bac-ninh-cds-2026.json"

#define TD_CATALOG_ERROR (td_catalog_error_quark ())

typedef enum {
  TD_CATALOG_ERROR_INVALID_CAMPAIGN,  /* a campaign file that does not describe a campaign */
  TD_CATALOG_ERROR_NO_CAMPAIGN,       /* the database holds no campaign yet */
  TD_CATALOG_ERROR_UNKNOWN_UNIT,
  TD_CATALOG_ERROR_UNKNOWN_ROUND,
  TD_CATALOG_ERROR_INVALID_UNIT,
} TdCatalogError;

GQuark td_catalog_error_quark (void);

typedef struct {
  gint64    id;
  char     *code;
  gboolean  individual;
  gboolean  for_teams;
  char     *text;
} TdStandard;

void td_standard_free (TdStandard *standard);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdStandard, td_standard_free)

typedef struct {
  char *id;
  char *title;
} TdTargetGroup;

void td_target_group_free (TdTargetGroup *group);

/* Loads a campaign description (JSON, see data/campaigns/) in one transaction.  A campaign
 * already present with the same id is left as it is. */
gboolean    td_catalog_import_campaign (TdDatabase  *db,
                                        GBytes      *json,
                                        GError     **error);
/* Creates the built-in campaign (the Bắc Ninh plan) when the database has none. */
gboolean    td_catalog_ensure_seed     (TdDatabase  *db,
                                        GError     **error);

char       *td_catalog_get_campaign_id    (TdDatabase *db);
/* The campaign description (JSON) the database was made from. */
GBytes     *td_catalog_get_campaign_json  (TdDatabase  *db,
                                           GError     **error);
char       *td_catalog_get_campaign_title (TdDatabase *db);

/* GListModels of TdRound, TdTarget (by number) and TdUnit (by kind, then name). */
GListModel *td_catalog_list_rounds    (TdDatabase  *db,
                                       GError     **error);
GListModel *td_catalog_list_targets   (TdDatabase  *db,
                                       GError     **error);
GListModel *td_catalog_list_units     (TdDatabase  *db,
                                       GError     **error);
/* The units that still take part: what is offered for new work (a self-assessment, a
 * nomination).  Retired units keep their history in the other views. */
GListModel *td_catalog_list_active_units (TdDatabase *db,
                                          GError    **error);
/* TdTargetGroup in display order */
GPtrArray  *td_catalog_list_groups    (TdDatabase  *db,
                                       GError     **error);
/* TdStandard for collectives or individuals; team standards only when @team. */
GPtrArray  *td_catalog_list_standards (TdDatabase  *db,
                                       gboolean     individual,
                                       gboolean     team,
                                       GError     **error);

TdUnit     *td_catalog_find_unit      (TdDatabase  *db,
                                       const char  *code,
                                       GError     **error);
TdUnit     *td_catalog_find_unit_by_id (TdDatabase *db,
                                       gint64       id,
                                       GError     **error);
TdRound    *td_catalog_find_round     (TdDatabase  *db,
                                       guint        number,
                                       GError     **error);
TdTarget   *td_catalog_find_target    (TdDatabase  *db,
                                       guint        number,
                                       GError     **error);

/* Adds a unit; @parent_code may be NULL.  Recorded in the audit log. */
TdUnit     *td_catalog_add_unit       (TdDatabase  *db,
                                       const char  *code,
                                       const char  *name,
                                       TdUnitKind   kind,
                                       const char  *parent_code,
                                       GError     **error);

G_END_DECLS
