/* td-appraisal-checks.c: the eligibility checks of a nomination's next step, each explained,
 * and where a nomination stands (td-appraisal-private.h). The moves that use them are in
 * td-appraisal-moves.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal.h"
#include "td-appraisal-private.h"
#include "td-audit.h"
#include "td-catalog.h"
#include "td-completeness.h"
#include "td-database-private.h"
#include "td-decision.h"
#include "td-format.h"
#include "td-register.h"
#include "td-rollup.h"
#include "td-unit.h"

/* The checks are shown in the interface's language and printed in the dossier, which is
 * Vietnamese whatever that language: each is written twice from the same values. */
static const struct { const char *id; const char *title; } document_titles[] = {
  { "assessment-appraised", "Bản tự đánh giá đã được thẩm định" },
  { "targets-met", "Các chỉ tiêu đạt trong đợt" },
  { "standards-justified", "Cam kết và thuyết minh các tiêu chuẩn mục V.1" },
  { "evidence-reviewed", "Minh chứng đã được xem xét, không có minh chứng bị bác" },
  { "not-twice", "Không đề nghị trùng trong đợt" },
  { "no-hold", "Không thuộc trường hợp chưa xét khen (Điều 4 Nghị định 152/2025)" },
};

G_GNUC_PRINTF (4, 6) G_GNUC_PRINTF (5, 6)
static TdEligibilityCheck *
check_new (const char *id,
           const char *title,
           gboolean    passed,
           const char *format,
           const char *document_format,
           ...)
{
  TdEligibilityCheck *c = g_new0 (TdEligibilityCheck, 1);
  va_list ap, copy;

  c->id = g_strdup (id);
  c->title = g_strdup (title);
  c->passed = passed;
  va_start (ap, document_format);
  va_copy (copy, ap);
  c->explanation = g_strdup_vprintf (format, ap);
  c->document_text = g_strdup_vprintf (document_format, copy);
  va_end (copy);
  va_end (ap);
  for (guint i = 0; i < G_N_ELEMENTS (document_titles); i++)
    if (g_str_equal (document_titles[i].id, id))
      c->document_title = g_strdup (document_titles[i].title);
  return c;
}

/* A self-assessment's status as the dossier says it. */
static const char *
status_vi (TdAssessmentStatus status)
{
  static const char * const labels[] = { "Nháp", "Đã gửi", "Đã nhận", "Bị trả lại", "Đã thẩm định" };
  return status < G_N_ELEMENTS (labels) ? labels[status] : "";
}

/* The unit's self-assessment of the round: its id and status, FALSE when there is none. */
static gboolean
assessment_of (TdDatabase         *db,
               const TdNomination *n,
               gint64             *id,
               TdAssessmentStatus *status)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT id, status FROM assessment WHERE unit_id = ? AND round_id = ?",
                                            NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, n->unit_id);
  td_stmt_bind_int64 (stmt, 2, n->round_id);
  if (td_stmt_step (stmt) == TD_ROW)
    {
      *id = td_stmt_column_int64 (stmt, 0);
      found = td_assessment_status_from_string ((const char *) td_stmt_column_text (stmt, 1), status);
    }
  td_stmt_reset (stmt);
  return found;
}

static TdEligibilityCheck *
check_assessment (TdDatabase         *db,
                  const TdNomination *n)
{
  const char *title = _("Self-assessment appraised");
  g_autofree char *sent_on = NULL, *closes_on = NULL;
  TdAssessmentStatus status;
  gint64 id;

  if (!assessment_of (db, n, &id, &status))
    return check_new ("assessment-appraised", title, FALSE, _("%s has no self-assessment for this round."),
                      "%s chưa có bản tự đánh giá đợt này.", n->unit_name);
  if (status != TD_ASSESSMENT_APPRAISED)
    {
      TdEligibilityCheck *c = check_new ("assessment-appraised", title, FALSE,
                                         _("The self-assessment of %s is not appraised yet (it is %s)."),
                                         "Bản tự đánh giá của %s chưa được thẩm định (trạng thái: %s).", n->unit_name,
                                         td_assessment_status_get_label (status));
      /* The status, too, in the dossier's language. */
      g_free (c->document_text);
      c->document_text = g_strdup_printf ("Bản tự đánh giá của %s chưa được thẩm định (trạng thái: %s).", n->unit_name,
                                          status_vi (status));
      return c;
    }
  if (td_completeness_blocks_awards (db, n->unit_id, n->round_id, &sent_on, &closes_on))
    {
      g_autofree char *sent = td_format_date (sent_on);
      g_autofree char *closes = td_format_date (closes_on);
      return check_new ("assessment-appraised", title, FALSE,
                        _("%s sent its self-assessment on %s, after the deadline (%s), and this round keeps late units "
                          "out of the awards. The board can let it send late: Progress → Submissions, or "
                          "thidua-cli deadlines except."),
                        "%s gửi bản tự đánh giá ngày %s, sau thời hạn (%s).", n->unit_name, sent, closes);
    }
  return check_new ("assessment-appraised", title, TRUE, _("The self-assessment of %s for this round is appraised."),
                    "Bản tự đánh giá đợt này của %s đã được thẩm định.", n->unit_name);
}

static TdEligibilityCheck *
check_targets (TdDatabase         *db,
               const TdNomination *n)
{
  const char *title = _("Targets met in the round");
  g_autoptr(GListModel) targets = td_catalog_list_targets (db, NULL);
  g_autoptr(GArray) rollups = NULL;
  g_autoptr(GString) failing = g_string_new (NULL);
  g_autoptr(GString) failing_vi = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  TdRollupScope scope;
  guint reported = 0, failed = 0, measured = 0;

  td_rollup_scope_init (&scope, n->round_id);
  scope.unit_id = n->unit_id;
  rollups = targets ? td_rollup_compute (db, targets, &scope, NULL) : NULL;
  if (rollups == NULL)
    return check_new ("targets-met", title, FALSE, "%s", "%.0sKhông đọc được các chỉ tiêu.",
                      _("The targets could not be read."));
  for (guint i = 0; i < rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (rollups, TdTargetRollup, i);
      g_autofree char *value = NULL;
      g_autofree char *threshold = NULL;

      if (r->not_reported)
        continue;
      reported++;
      measured += r->has_measure;
      if (r->has_measure && r->met)
        continue;
      failed++;
      if (!r->has_measure)
        {
          g_string_append_printf (missing, "%s%u", missing->len ? ", " : "", td_target_get_number (r->target));
          continue;
        }
      threshold = td_target_format_threshold (r->target);
      value = td_target_rollup_format (r);
      g_string_append_printf (failing, "%s", failing->len ? "; " : "");
      g_string_append_printf (failing, _("target %u: %s against %s"), td_target_get_number (r->target), value, threshold);
      g_string_append_printf (failing_vi, "%schỉ tiêu %u: %s so với %s", failing_vi->len ? "; " : "",
                              td_target_get_number (r->target), value, threshold);
    }
  for (guint i = 0; i < rollups->len; i++)
    td_target_rollup_clear (&g_array_index (rollups, TdTargetRollup, i));
  if (measured == 0)
    return check_new ("targets-met", title, FALSE, _("%s has no submitted figures for this round."),
                      "%s chưa gửi số liệu đợt này.", n->unit_name);
  if (missing->len > 0)
    {
      g_autofree char *part = g_strdup_printf (_("no figure for targets %s"), missing->str);
      g_string_append_printf (failing, "%s%s", failing->len ? "; " : "", part);
      g_string_append_printf (failing_vi, "%schưa có số liệu các chỉ tiêu %s", failing_vi->len ? "; " : "", missing->str);
    }
  if (failed > 0)
    {
      TdEligibilityCheck *c = check_new ("targets-met", title, FALSE,
                                         g_dngettext (GETTEXT_PACKAGE, "%u of %u targets is not met: %s.",
                                                      "%u of %u targets are not met: %s.", failed),
                                         "%u/%u chỉ tiêu chưa đạt: %s.", failed, reported, failing->str);
      g_free (c->document_text);
      c->document_text = g_strdup_printf ("%u/%u chỉ tiêu chưa đạt: %s.", failed, reported, failing_vi->str);
      return c;
    }
  return check_new ("targets-met", title, TRUE,
                    g_dngettext (GETTEXT_PACKAGE, "The %u target its kind reports is met.",
                                 "All %u targets its kind reports are met.", reported),
                    "Đạt cả %u chỉ tiêu mà loại đơn vị này báo cáo.", reported);
}

static TdEligibilityCheck *
check_standards (TdDatabase         *db,
                 const TdNomination *n)
{
  const char *title = _("Standards of section V.1 attested and justified");
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(GPtrArray) standards = NULL;
  TdAssessmentStatus status;
  gint64 assessment = 0;
  guint n_missing = 0;

  if (n->individual)
    return n->standards_attested
           ? check_new ("standards-justified", title, TRUE, _("%s's proposer attests the individual standards."),
                        "Đơn vị đề nghị cam kết các tiêu chuẩn cá nhân của %s.", n->person_name)
           : check_new ("standards-justified", title, FALSE, "%s", "%.0sCác tiêu chuẩn mục V.1 chưa được cam kết.",
                        _("The standards of section V.1 are not attested."));
  unit = td_catalog_find_unit_by_id (db, n->unit_id, NULL);
  standards = td_catalog_list_standards (db, FALSE, unit && td_unit_is_team (unit), NULL);
  if (!assessment_of (db, n, &assessment, &status) || standards == NULL)
    return check_new ("standards-justified", title, FALSE, _("%s has no self-assessment for this round."),
                      "%s chưa có bản tự đánh giá đợt này.", n->unit_name);
  for (guint i = 0; i < standards->len; i++)
    {
      TdStandard *s = standards->pdata[i];
      TdStmt *stmt = td_database_prepare (db, "SELECT attested, trim(justification) <> '' FROM attestation"
                                              " WHERE assessment_id = ? AND standard_id = ?", NULL);
      gboolean ok = FALSE;

      if (stmt == NULL)
        break;
      td_stmt_bind_int64 (stmt, 1, assessment);
      td_stmt_bind_int64 (stmt, 2, s->id);
      if (td_stmt_step (stmt) == TD_ROW)
        ok = td_stmt_column_int (stmt, 0) && td_stmt_column_int (stmt, 1);
      td_stmt_reset (stmt);
      if (!ok)
        {
          g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", s->code);
          n_missing++;
        }
    }
  if (n_missing > 0)
    return check_new ("standards-justified", title, FALSE, _("Not attested with a justification: %s."),
                      "Chưa cam kết kèm thuyết minh: %s.", missing->str);
  return check_new ("standards-justified", title, TRUE,
                    _("Every one of the %u standards is attested with a justification."),
                    "Cả %u tiêu chuẩn đều đã cam kết kèm thuyết minh.", standards->len);
}

static TdEligibilityCheck *
check_evidence (TdDatabase         *db,
                const TdNomination *n)
{
  const char *title = _("Evidence reviewed, none rejected");
  TdStmt *stmt = td_database_prepare (db,
      "SELECT count(*), sum(e.verdict = 'rejected'), sum(e.verdict IN ('unreviewed', 'needs-more'))"
      " FROM evidence e LEFT JOIN assessment a ON a.id = e.assessment_id"
      " WHERE e.nomination_id = ?1 OR (a.unit_id = ?2 AND a.round_id = ?3)", NULL);
  guint total = 0, rejected = 0, open = 0;

  if (stmt != NULL)
    {
      td_stmt_bind_int64 (stmt, 1, n->id);
      td_stmt_bind_int64 (stmt, 2, n->unit_id);
      td_stmt_bind_int64 (stmt, 3, n->round_id);
      if (td_stmt_step (stmt) == TD_ROW)
        {
          total = (guint) td_stmt_column_int (stmt, 0);
          rejected = (guint) td_stmt_column_int (stmt, 1);
          open = (guint) td_stmt_column_int (stmt, 2);
        }
      td_stmt_reset (stmt);
    }
  if (total == 0)
    return check_new ("evidence-reviewed", title, FALSE, "%s", "%.0sHồ sơ chưa kèm minh chứng nào.",
                      _("No evidence is attached to this nomination."));
  if (rejected > 0)
    return check_new ("evidence-reviewed", title, FALSE,
                      g_dngettext (GETTEXT_PACKAGE, "%u evidence file is rejected.",
                                   "%u evidence files are rejected.", rejected),
                      "%u tệp minh chứng không được chấp nhận.", rejected);
  if (open > 0)
    return check_new ("evidence-reviewed", title, FALSE,
                      g_dngettext (GETTEXT_PACKAGE, "%u of %u evidence files is not accepted yet.",
                                   "%u of %u evidence files are not accepted yet.", open),
                      "%u/%u tệp minh chứng chưa được chấp nhận.", open, total);
  return check_new ("evidence-reviewed", title, TRUE,
                    g_dngettext (GETTEXT_PACKAGE, "The %u evidence file is accepted.",
                                 "All %u evidence files are accepted.", total),
                    "Cả %u tệp minh chứng đã được chấp nhận.", total);
}

static TdEligibilityCheck *
check_twice (TdDatabase         *db,
             const TdNomination *n)
{
  const char *title = _("Not proposed twice in the round");
  g_autoptr(GPtrArray) round = td_nomination_list (db, n->round_id, NULL);
  /* Names compared without case or diacritics: "Pham Quoc Hung" typed again is the same
   * person as "Phạm Quốc Hưng" until someone says otherwise. */
  g_autofree char *key = n->individual ? td_register_fold (n->person_name) : NULL;
  g_autofree char *exact = n->individual ? g_utf8_casefold (n->person_name, -1) : NULL;

  for (guint i = 0; round && i < round->len; i++)
    {
      TdNomination *o = round->pdata[i];
      g_autofree char *other = NULL;
      g_autofree char *other_exact = NULL;

      if (o->id == n->id || o->status == TD_NOMINATION_RETURNED || o->individual != n->individual)
        continue;
      other = o->individual ? td_register_fold (o->person_name) : NULL;
      if (n->individual ? g_strcmp0 (key, other) != 0 : o->unit_id != n->unit_id)
        continue;
      other_exact = o->individual ? g_utf8_casefold (o->person_name, -1) : NULL;
      if (n->individual && g_strcmp0 (exact, other_exact) != 0)
        return check_new ("not-twice", title, FALSE,
                          _("“%s” may be “%s”, also proposed by %s: the names differ only in diacritics."),
                          "“%s” có thể là “%s” do %s đề nghị: hai tên chỉ khác dấu.", n->person_name,
                          o->person_name, o->proposer_name);
      return check_new ("not-twice", title, FALSE, _("%s is nominated more than once in this round (also by %s)."),
                        "%s được đề nghị hơn một lần trong đợt (cả %s đề nghị).", td_nomination_get_name (n),
                        o->proposer_name);
    }
  return check_new ("not-twice", title, TRUE, _("%s is proposed once in this round."),
                    "%s chỉ được đề nghị một lần trong đợt.", td_nomination_get_name (n));
}

static const char *
hold_label (const char *kind)
{
  if (g_strcmp0 (kind, "discipline") == 0)
    return _("under disciplinary review");
  if (g_strcmp0 (kind, "inspection") == 0)
    return _("under inspection");
  return _("under investigation");
}

static const char *
hold_label_vi (const char *kind)
{
  if (g_strcmp0 (kind, "discipline") == 0)
    return "đang bị xem xét kỷ luật";
  if (g_strcmp0 (kind, "inspection") == 0)
    return "đang bị thanh tra, kiểm tra";
  return "đang bị điều tra";
}

static TdEligibilityCheck *
check_holds (TdDatabase         *db,
             const TdNomination *n)
{
  const char *title = _("No hold under Decree 152/2025 Art. 4");
  TdStmt *stmt = td_database_prepare (db, "SELECT kind, note FROM nomination_hold WHERE round_id = ? AND unit_id = ?"
                                          " AND lifted_at IS NULL AND (person_name IS NULL AND ?3 IS NULL"
                                          "   OR lower(person_name) = lower(?3)) ORDER BY id", NULL);
  g_autofree char *kind = NULL;
  g_autofree char *note = NULL;

  if (stmt != NULL)
    {
      td_stmt_bind_int64 (stmt, 1, n->round_id);
      td_stmt_bind_int64 (stmt, 2, n->unit_id);
      td_stmt_bind_text (stmt, 3, n->individual ? n->person_name : NULL);
      if (td_stmt_step (stmt) == TD_ROW)
        {
          kind = td_stmt_dup_text (stmt, 0);
          note = td_stmt_dup_text (stmt, 1);
        }
      td_stmt_reset (stmt);
    }
  if (kind != NULL)
    {
      TdEligibilityCheck *c = check_new ("no-hold", title, FALSE, _("%s is %s (%s): not eligible while this stands."),
                                         "%s %s (%s): chưa xét khen khi việc này chưa kết thúc.",
                                         td_nomination_get_name (n), hold_label (kind),
                                         note && *note ? note : _("recorded by the board"));
      g_free (c->document_text);
      c->document_text = g_strdup_printf ("%s %s (%s): chưa xét khen khi việc này chưa kết thúc.",
                                          td_nomination_get_name (n), hold_label_vi (kind),
                                          note && *note ? note : "do Ban ghi nhận");
      return c;
    }
  return check_new ("no-hold", title, TRUE, _("The board records no discipline, inspection or investigation of %s."),
                    "Ban không ghi nhận việc kỷ luật, thanh tra hay điều tra nào đối với %s.",
                    td_nomination_get_name (n));
}

static TdEligibilityCheck *
run_check (TdDatabase         *db,
           const TdNomination *n,
           const char         *id)
{
  if (g_str_equal (id, "assessment-appraised"))
    return check_assessment (db, n);
  if (g_str_equal (id, "targets-met"))
    return check_targets (db, n);
  if (g_str_equal (id, "standards-justified"))
    return check_standards (db, n);
  if (g_str_equal (id, "evidence-reviewed"))
    return check_evidence (db, n);
  if (g_str_equal (id, "not-twice"))
    return check_twice (db, n);
  return check_holds (db, n);
}

/* The overrides recorded for @step since the nomination last went back (a return or an undo
 * starts the step afresh). */
static GHashTable *
overrides_of (TdDatabase *db,
              gint64      nomination_id,
              const char *step)
{
  g_autoptr(GPtrArray) history = td_appraisal_history (db, nomination_id, NULL);
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; history && i < history->len; i++)
    {
      TdStepRecord *r = history->pdata[i];

      if (r->action == TD_STEP_RETURN || r->action == TD_STEP_UNDO)
        g_hash_table_remove_all (out);
      else if (r->action == TD_STEP_OVERRIDE && g_strcmp0 (r->step, step) == 0 && r->check_id)
        g_hash_table_insert (out, g_strdup (r->check_id), g_strdup (r->reason));
    }
  return out;
}

/* TdAppraisalPlace: see td-appraisal-private.h. */
void
td_appraisal_place_clear (TdAppraisalPlace *s)
{
  g_clear_pointer (&s->n, td_nomination_free);
  g_clear_pointer (&s->steps, g_ptr_array_unref);
}

gboolean
td_appraisal_place_load (TdDatabase        *db,
                         gint64             nomination_id,
                         TdAppraisalPlace  *s,
                         GError           **error)
{
  s->n = td_nomination_get (db, nomination_id, error);
  if (s->n == NULL || (s->steps = td_appraisal_steps_for_level (db, s->n->level, error)) == NULL)
    return FALSE;
  s->done = MIN (td_appraisal_steps_done (db, nomination_id, NULL), s->steps->len);
  s->next = s->done < s->steps->len ? s->steps->pdata[s->done] : NULL;
  return TRUE;
}

GPtrArray *
td_appraisal_check (TdDatabase  *db,
                    gint64       nomination_id,
                    gboolean     all,
                    GError     **error)
{
  g_auto(TdAppraisalPlace) s = { 0 };
  GPtrArray *out;
  g_autoptr(GHashTable) overrides = NULL;

  if (!td_appraisal_place_load (db, nomination_id, &s, error))
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_eligibility_check_free);
  overrides = overrides_of (db, nomination_id, s.next ? s.next->id : "");
  if (all)
    {
      static const char * const every[] = {
        "assessment-appraised", "targets-met", "standards-justified", "evidence-reviewed", "not-twice", "no-hold",
      };
      for (guint i = 0; i < G_N_ELEMENTS (every); i++)
        g_ptr_array_add (out, run_check (db, s.n, every[i]));
    }
  else
    for (guint i = 0; s.next && s.next->checks[i]; i++)
      g_ptr_array_add (out, run_check (db, s.n, s.next->checks[i]));
  for (guint i = 0; i < out->len; i++)
    {
      TdEligibilityCheck *c = out->pdata[i];
      c->overridden = !c->passed && g_hash_table_contains (overrides, c->id);
    }
  return out;
}
