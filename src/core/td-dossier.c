/* td-dossier.c: gathering what the dossier documents print, in a few queries, so that the
 * documents themselves never read the database. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-assessment.h"
#include "td-catalog.h"
#include "td-database-private.h"
#include "td-decision.h"
#include "td-dossier.h"
#include "td-format.h"
#include "td-rollup.h"
#include "td-round.h"
#include "td-unit.h"

static void
target_result_free (TdTargetResult *r)
{
  g_free (r->text);
  g_free (r->value);
  g_free (r->threshold);
  g_free (r->result);
  g_free (r);
}

static void
standard_result_free (TdStandardResult *r)
{
  g_free (r->code);
  g_free (r->text);
  g_free (r->justification);
  g_free (r);
}

static void
evidence_item_free (TdEvidenceItem *e)
{
  g_free (e->file_name);
  g_free (e->verdict);
  g_free (e->owner);
  g_free (e);
}

void
td_dossier_free (TdDossier *d)
{
  if (d == NULL)
    return;
  g_clear_pointer (&d->nomination, td_nomination_free);
  g_free (d->unit_kind);
  g_free (d->place);
  g_free (d->round_title);
  g_free (d->campaign);
  g_free (d->province);
  g_clear_pointer (&d->targets, g_ptr_array_unref);
  g_clear_pointer (&d->standards, g_ptr_array_unref);
  g_clear_pointer (&d->steps, g_ptr_array_unref);
  g_clear_pointer (&d->history, g_ptr_array_unref);
  g_clear_pointer (&d->checks, g_ptr_array_unref);
  g_clear_pointer (&d->evidence, g_ptr_array_unref);
  g_free (d);
}

/* The campaign's title and province. */
static void
campaign_of (TdDatabase  *db,
             char       **title,
             char       **province)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT title, province FROM campaign"
                                          " WHERE id = (SELECT value FROM meta WHERE key = 'campaign')", NULL);

  *title = NULL;
  *province = NULL;
  if (stmt != NULL && td_stmt_step (stmt) == TD_ROW)
    {
      *title = td_stmt_dup_text (stmt, 0);
      *province = td_stmt_dup_text (stmt, 1);
    }
  if (stmt != NULL)
    td_stmt_reset (stmt);
  if (*title == NULL)
    *title = g_strdup ("");
  if (*province == NULL)
    *province = g_strdup ("");
}

/* How a sentence names the kind of a unit: "… thuộc khối xã, phường". */
static const char *
kind_phrase (TdUnitKind kind)
{
  switch (kind)
    {
    case TD_UNIT_KIND_PROVINCE: return "cấp tỉnh";
    case TD_UNIT_KIND_DEPARTMENT: return "khối sở, ban, ngành";
    case TD_UNIT_KIND_COMMUNE:
    case TD_UNIT_KIND_WARD: return "khối xã, phường";
    case TD_UNIT_KIND_ENTERPRISE: return "khối doanh nghiệp";
    case TD_UNIT_KIND_ORGANISATION: return "khối cơ quan, tổ chức";
    default: return "các Tổ công nghệ số cộng đồng";
    }
}

static gboolean
load_targets (TdDatabase *db,
              TdDossier  *d,
              GError    **error)
{
  g_autoptr(GListModel) targets = td_catalog_list_targets (db, error);
  g_autoptr(GArray) rollups = NULL;
  TdRollupScope scope;

  if (targets == NULL)
    return FALSE;
  td_rollup_scope_init (&scope, d->nomination->round_id);
  scope.unit_id = d->nomination->unit_id;
  /* The unit's own figures, as it reports them. */
  scope.include_drafts = TRUE;
  rollups = td_rollup_compute (db, targets, &scope, error);
  if (rollups == NULL)
    return FALSE;
  d->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_result_free);
  for (guint i = 0; i < rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (rollups, TdTargetRollup, i);
      TdTargetResult *t;

      if (r->not_reported)
        {
          td_target_rollup_clear (r);
          continue;
        }
      t = g_new0 (TdTargetResult, 1);
      t->number = td_target_get_number (r->target);
      t->text = g_strdup (td_target_get_text (r->target));
      t->threshold = td_target_format_threshold (r->target);
      t->value = r->has_measure ? td_target_rollup_format (r) : g_strdup ("");
      /* The documents are Vietnamese whatever the interface language. */
      t->result = g_strdup (r->has_measure ? (r->met ? "Đạt" : "Chưa đạt")
                            : r->n_not_applicable > 0 ? "Không áp dụng" : "Chưa có số liệu");
      g_ptr_array_add (d->targets, t);
      td_target_rollup_clear (r);
    }
  return TRUE;
}

static gboolean
load_standards (TdDatabase *db,
                TdDossier  *d,
                GError    **error)
{
  g_autoptr(TdUnit) unit = td_catalog_find_unit_by_id (db, d->nomination->unit_id, error);
  g_autoptr(GPtrArray) standards = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(GHashTable) attested = NULL;
  g_autoptr(GHashTable) justifications = NULL;

  if (unit == NULL)
    return FALSE;
  d->unit_kind = g_strdup (kind_phrase (td_unit_get_kind (unit)));
  /* A commune's or ward's report is dated at its own place, not at the province's. */
  d->place = td_unit_get_kind (unit) == TD_UNIT_KIND_COMMUNE || td_unit_get_kind (unit) == TD_UNIT_KIND_WARD
             ? td_format_place_of (td_unit_get_name (unit)) : g_strdup (d->province);
  standards = td_catalog_list_standards (db, d->nomination->individual, td_unit_is_team (unit), error);
  if (standards == NULL)
    return FALSE;
  info = td_assessment_lookup (db, d->nomination->unit_id, d->nomination->round_id, NULL);
  if (info != NULL && !d->nomination->individual)
    attested = td_assessment_load_attestations_full (db, info->id, &justifications, NULL);
  d->standards = g_ptr_array_new_with_free_func ((GDestroyNotify) standard_result_free);
  for (guint i = 0; i < standards->len; i++)
    {
      TdStandard *s = standards->pdata[i];
      TdStandardResult *r = g_new0 (TdStandardResult, 1);
      const char *why = justifications ? g_hash_table_lookup (justifications, &s->id) : NULL;

      r->code = g_strdup (s->code);
      r->text = g_strdup (s->text);
      /* An individual's standards are attested by the proposer as a whole. */
      r->attested = d->nomination->individual ? d->nomination->standards_attested
                                              : attested && GPOINTER_TO_INT (g_hash_table_lookup (attested, &s->id));
      r->justification = g_strdup (why ? why : "");
      g_ptr_array_add (d->standards, r);
    }
  return TRUE;
}

static gboolean
load_evidence (TdDatabase *db,
               TdDossier  *d,
               GError    **error)
{
  TdStmt *stmt = td_database_prepare (db,
      "SELECT e.id, e.file_name, b.page_count, e.verdict, t.number, s.code FROM evidence e"
      " JOIN evidence_blob b ON b.sha256 = e.sha256 LEFT JOIN assessment a ON a.id = e.assessment_id"
      " LEFT JOIN target t ON t.id = e.target_id LEFT JOIN standard s ON s.id = e.standard_id"
      " WHERE e.nomination_id = ?1 OR (a.unit_id = ?2 AND a.round_id = ?3)"
      " ORDER BY e.nomination_id IS NULL, t.number, s.code, e.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, d->nomination->id);
  td_stmt_bind_int64 (stmt, 2, d->nomination->unit_id);
  td_stmt_bind_int64 (stmt, 3, d->nomination->round_id);
  d->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) evidence_item_free);
  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      TdEvidenceItem *e = g_new0 (TdEvidenceItem, 1);

      e->id = td_stmt_column_int64 (stmt, 0);
      e->file_name = td_stmt_dup_text (stmt, 1);
      e->pages = (guint) td_stmt_column_int (stmt, 2);
      e->verdict = td_stmt_dup_text (stmt, 3);
      if (td_stmt_column_type (stmt, 4) != TD_VALUE_NULL)
        e->owner = g_strdup_printf ("Chỉ tiêu %d", td_stmt_column_int (stmt, 4));
      else if (td_stmt_column_type (stmt, 5) != TD_VALUE_NULL)
        e->owner = g_strdup_printf ("Tiêu chuẩn %s", (const char *) td_stmt_column_text (stmt, 5));
      else
        e->owner = g_strdup ("Hồ sơ đề nghị");
      g_ptr_array_add (d->evidence, e);
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

TdDossier *
td_dossier_load (TdDatabase  *db,
                 gint64       nomination_id,
                 GError     **error)
{
  g_autoptr(TdDossier) d = g_new0 (TdDossier, 1);
  g_autoptr(GListModel) rounds = NULL;

  d->nomination = td_nomination_get (db, nomination_id, error);
  if (d->nomination == NULL)
    return NULL;
  campaign_of (db, &d->campaign, &d->province);
  rounds = td_catalog_list_rounds (db, NULL);
  for (guint i = 0; rounds && i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(TdRound) r = g_list_model_get_item (rounds, i);
      if (td_round_get_id (r) == d->nomination->round_id)
        d->round_title = g_strdup (td_round_get_title (r));
    }
  if (d->round_title == NULL)
    d->round_title = g_strdup ("");
  if (!load_targets (db, d, error) || !load_standards (db, d, error) || !load_evidence (db, d, error) ||
      (d->steps = td_appraisal_steps_for_level (db, d->nomination->level, error)) == NULL ||
      (d->history = td_appraisal_history (db, nomination_id, error)) == NULL ||
      (d->checks = td_appraisal_check (db, nomination_id, TRUE, error)) == NULL)
    return NULL;
  return g_steal_pointer (&d);
}

void
td_proposal_free (TdProposal *p)
{
  if (p == NULL)
    return;
  g_free (p->campaign);
  g_free (p->province);
  g_free (p->plan);
  g_free (p->appraiser);
  g_free (p->co_appraiser);
  g_clear_pointer (&p->meeting, td_meeting_free);
  g_clear_pointer (&p->nominations, g_ptr_array_unref);
  g_free (p);
}

TdProposal *
td_proposal_load (TdDatabase  *db,
                  gint64       round_id,
                  gint64       meeting_id,
                  GError     **error)
{
  g_autoptr(TdProposal) p = g_new0 (TdProposal, 1);
  g_autoptr(GPtrArray) steps = td_appraisal_steps (db, NULL, error);
  g_autoptr(GArray) meetings = NULL;
  guint body = 0;

  if (steps == NULL)
    return NULL;
  campaign_of (db, &p->campaign, &p->province);
  p->plan = td_decision_plan_reference (db, p->province);
  /* The first two steps done by bodies: the appraisal and the co-appraisal. */
  for (guint i = 0; i < steps->len; i++)
    {
      TdStepSpec *s = steps->pdata[i];
      char *name;

      if (s->actor != TD_STEP_BY_BODY)
        continue;
      name = g_strdup (s->body_name ? s->body_name : s->body_code);
      if (body++ == 0)
        p->appraiser = name;
      else if (p->co_appraiser == NULL)
        p->co_appraiser = name;
      else
        g_free (name);
    }
  if (p->appraiser == NULL)
    p->appraiser = g_strdup ("");
  if (p->co_appraiser == NULL)
    p->co_appraiser = g_strdup (p->appraiser);

  meetings = td_meeting_list (db, error);
  if (meetings == NULL)
    return NULL;
  for (guint i = 0; i < meetings->len && p->meeting == NULL; i++)
    {
      gint64 id = g_array_index (meetings, gint64, i);
      g_autoptr(TdMeeting) m = NULL;

      if (meeting_id != 0 && id != meeting_id)
        continue;
      m = td_meeting_load (db, id, error);
      if (m == NULL)
        return NULL;
      if (m->closed && (round_id == 0 || m->round_id == round_id))
        p->meeting = g_steal_pointer (&m);
    }
  if (meeting_id != 0 && p->meeting == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE,
                   _("Meeting %s is not closed yet: its minutes are written once the votes are counted."),
                   id_text);
      return NULL;
    }
  p->nominations = td_nomination_list (db, round_id, error);
  if (p->nominations == NULL)
    return NULL;
  for (guint i = p->nominations->len; i > 0; i--)
    {
      TdNomination *n = p->nominations->pdata[i - 1];
      if (n->status != TD_NOMINATION_APPROVED || n->level != TD_AWARD_BANG_KHEN)
        g_ptr_array_remove_index (p->nominations, i - 1);
    }
  return g_steal_pointer (&p);
}
