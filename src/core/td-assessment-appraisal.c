/* td-assessment-appraisal.c: the board's appraisal of a unit's self-assessment (seed VI.1:
 * Sở Khoa học và Công nghệ "thẩm định kết quả"), by the body the campaign names, recorded. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal.h"
#include "td-assessment-private.h"
#include "td-audit.h"
#include "td-catalog.h"
#include "td-database-private.h"
#include "td-register.h"
#include "td-unit.h"

G_STATIC_ASSERT (TD_ASSESSMENT_APPRAISED < TD_N_ASSESSMENT_STATUSES);

char *
td_assessment_appraiser (TdDatabase  *db,
                         GError     **error)
{
  g_autoptr(GPtrArray) steps = td_appraisal_steps (db, NULL, error);

  for (guint i = 0; steps && i < steps->len; i++)
    {
      TdStepSpec *s = steps->pdata[i];

      if (s->actor != TD_STEP_BY_BODY)
        continue;
      if (!s->body_active)
        {
          g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP,
                       _("The appraisal is to be done by “%s”, which is not an active unit of the register. Name the "
                         "unit that does it: Preferences → Appraisal, or thidua-cli appraisal bodies --set %s CODE."),
                       s->body_code, s->id);
          return NULL;
        }
      return g_strdup (s->body_code);
    }
  if (steps != NULL)
    g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_INVALID,
                 _("The campaign's appraisal has no step done by a body of the register."));
  return NULL;
}

/* How many of the self-assessment's evidence files have no verdict yet. */
static int
unreviewed (TdDatabase  *db,
            gint64       assessment_id,
            GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT count(*) FROM evidence WHERE assessment_id = ?"
                                          " AND verdict = 'unreviewed'", error);
  int n = -1;

  if (stmt == NULL)
    return -1;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  if (td_stmt_step (stmt) == TD_ROW)
    n = td_stmt_column_int (stmt, 0);
  td_stmt_reset (stmt);
  return n;
}

gboolean
td_assessment_appraise (TdDatabase  *db,
                        gint64       assessment_id,
                        const char  *body_code,
                        gboolean     approve,
                        const char  *text,
                        GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdUnit) body = NULL;
  g_autofree char *appraiser = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  int open;

  if ((info = td_assessment_get_info (db, assessment_id, error)) == NULL ||
      (appraiser = td_assessment_appraiser (db, error)) == NULL)
    return FALSE;
  unit = td_catalog_find_unit_by_id (db, info->unit_id, error);
  if (unit == NULL)
    return FALSE;
  if (g_strcmp0 (body_code, appraiser) != 0)
    {
      g_autoptr(TdUnitRecord) named = td_register_get (db, appraiser, NULL);

      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP,
                   _("Self-assessments are appraised by %s (%s); %s does not appraise them."),
                   named ? named->name : appraiser, appraiser, body_code ? body_code : "");
      return FALSE;
    }
  body = td_catalog_find_unit (db, appraiser, error);
  if (body == NULL)
    return FALSE;
  if (td_appraisal_unit_is_under (db, info->unit_id, td_unit_get_id (body)))
    {
      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP,
                   _("%s cannot appraise the self-assessment of %s: it is its own or of a unit under it. Name "
                     "another unit for the appraisal (thidua-cli appraisal bodies --set appraisal CODE)."),
                   td_unit_get_name (body), td_unit_get_name (unit));
      return FALSE;
    }
  if (info->status != TD_ASSESSMENT_RECEIVED)
    {
      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE,
                   _("The self-assessment of %s is %s: the board appraises one it has received, and a new revision "
                     "from the unit opens it again."), td_unit_get_name (unit),
                   td_assessment_status_get_label (info->status));
      return FALSE;
    }
  if (!approve && *clean == '\0')
    {
      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_REASON_NEEDED,
                   _("Write why the self-assessment is returned, so that the unit knows what to correct."));
      return FALSE;
    }
  if ((open = unreviewed (db, assessment_id, error)) < 0)
    return FALSE;
  if (open > 0)
    {
      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_CHECK_FAILED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%d evidence file of %s has no verdict yet: review it in the Evidence area first.",
                                "%d evidence files of %s have no verdict yet: review them in the Evidence area first.",
                                open),
                   open, td_unit_get_name (unit));
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  return tx != NULL &&
         td_assessment_move (db, assessment_id, approve ? TD_ASSESSMENT_APPRAISED : TD_ASSESSMENT_RETURNED,
                             approve ? NULL : clean, NULL, error) &&
         td_audit_record (db, "assessment", assessment_id, td_unit_get_code (unit), "appraisal",
                          NULL, approve ? "approved" : "returned", *clean ? clean : NULL, error) &&
         td_audit_record (db, "assessment", assessment_id, td_unit_get_code (unit), "appraised_by", NULL, appraiser,
                          NULL, error) &&
         td_transaction_commit (tx, error);
}

GPtrArray *
td_assessment_history (TdDatabase  *db,
                       gint64       assessment_id,
                       GError     **error)
{
  return td_audit_list_entity (db, "assessment", assessment_id, error);
}
