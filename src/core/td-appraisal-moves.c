/* td-appraisal-moves.c: the eligibility checks, explained, and the moves of a nomination from
 * step to step, each by the body the step names. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal.h"
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
  sqlite3_stmt *stmt = td_database_prepare (db, "SELECT id, status FROM assessment WHERE unit_id = ? AND round_id = ?",
                                            NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n->unit_id);
  sqlite3_bind_int64 (stmt, 2, n->round_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      found = td_assessment_status_from_string ((const char *) sqlite3_column_text (stmt, 1), status);
    }
  sqlite3_reset (stmt);
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
      sqlite3_stmt *stmt = td_database_prepare (db, "SELECT attested, trim(justification) <> '' FROM attestation"
                                                    " WHERE assessment_id = ? AND standard_id = ?", NULL);
      gboolean ok = FALSE;

      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, assessment);
      sqlite3_bind_int64 (stmt, 2, s->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        ok = sqlite3_column_int (stmt, 0) && sqlite3_column_int (stmt, 1);
      sqlite3_reset (stmt);
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
  sqlite3_stmt *stmt = td_database_prepare (db,
      "SELECT count(*), sum(e.verdict = 'rejected'), sum(e.verdict IN ('unreviewed', 'needs-more'))"
      " FROM evidence e LEFT JOIN assessment a ON a.id = e.assessment_id"
      " WHERE e.nomination_id = ?1 OR (a.unit_id = ?2 AND a.round_id = ?3)", NULL);
  guint total = 0, rejected = 0, open = 0;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, n->id);
      sqlite3_bind_int64 (stmt, 2, n->unit_id);
      sqlite3_bind_int64 (stmt, 3, n->round_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          total = (guint) sqlite3_column_int (stmt, 0);
          rejected = (guint) sqlite3_column_int (stmt, 1);
          open = (guint) sqlite3_column_int (stmt, 2);
        }
      sqlite3_reset (stmt);
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
  sqlite3_stmt *stmt = td_database_prepare (db, "SELECT kind, note FROM nomination_hold WHERE round_id = ? AND unit_id = ?"
                                                " AND lifted_at IS NULL AND (person_name IS NULL AND ?3 IS NULL"
                                                "   OR lower(person_name) = lower(?3)) ORDER BY id", NULL);
  g_autofree char *kind = NULL;
  g_autofree char *note = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, n->round_id);
      sqlite3_bind_int64 (stmt, 2, n->unit_id);
      td_stmt_bind_text (stmt, 3, n->individual ? n->person_name : NULL);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          kind = td_stmt_dup_text (stmt, 0);
          note = td_stmt_dup_text (stmt, 1);
        }
      sqlite3_reset (stmt);
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

/* The nomination, the steps of its level, and how many are done; FALSE on error. */
typedef struct {
  TdNomination *n;
  GPtrArray    *steps;
  guint         done;
  TdStepSpec   *next;    /* NULL once every step is done */
} State;

static void
state_clear (State *s)
{
  g_clear_pointer (&s->n, td_nomination_free);
  g_clear_pointer (&s->steps, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (State, state_clear)

static gboolean
state_load (TdDatabase  *db,
            gint64       nomination_id,
            State       *s,
            GError     **error)
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
  g_auto(State) s = { 0 };
  GPtrArray *out;
  g_autoptr(GHashTable) overrides = NULL;

  if (!state_load (db, nomination_id, &s, error))
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

static gboolean
refuse (GError          **error,
        TdAppraisalError  code,
        const char       *message)
{
  g_set_error_literal (error, TD_APPRAISAL_ERROR, code, message);
  return FALSE;
}

gboolean
td_appraisal_unit_is_under (TdDatabase *db,
               gint64      unit_id,
               gint64      body_id)
{
  /* Bounded: a register's depth is a handful of levels, and a loop in a hostile one ends. */
  sqlite3_stmt *stmt = td_database_prepare (db, "WITH RECURSIVE up (id, depth) AS ("
                                                "  SELECT ?1, 0"
                                                "  UNION SELECT u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.id"
                                                "    WHERE u.parent_id IS NOT NULL AND up.depth < 64)"
                                                " SELECT 1 FROM up WHERE id = ?2 LIMIT 1", NULL);
  gboolean under;

  if (stmt == NULL)
    return TRUE;   /* cannot tell: refuse rather than let a body judge its own */
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, body_id);
  under = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return under;
}

char *
td_appraisal_default_issuer (TdDatabase         *db,
                             const TdNomination *n)
{
  g_autoptr(TdUnitRecord) unit = td_register_get (db, n->unit_code, NULL);
  g_autoptr(TdUnit) proposer = td_catalog_find_unit_by_id (db, n->proposer_id, NULL);
  const char *candidates[3] = { NULL, NULL, NULL };

  if (unit == NULL)
    return NULL;
  /* A person's own unit; else the unit above the nominee; else its proposer. */
  if (n->individual)
    candidates[0] = unit->code;
  candidates[1] = unit->parent_code;
  candidates[2] = proposer ? td_unit_get_code (proposer) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(TdUnitRecord) c = candidates[i] ? td_register_get (db, candidates[i], NULL) : NULL;

      if (c != NULL && c->active && td_unit_kind_issues_giay_khen (c->kind) &&
          td_decision_check_authority (db, c->code, n, NULL))
        return g_strdup (c->code);
    }
  return NULL;
}

/* The body acting at @step is @body_code: an active unit of the register, and the one the
 * step names: its own body, the nomination's proposing unit, or for a unit's own award the
 * unit that issues it.  A body never judges a nomination of itself, of a unit under it, or
 * one it proposed. */
static gboolean
check_body (TdDatabase         *db,
            const TdNomination *n,
            const TdStepSpec   *step,
            const char         *body_code,
            GError            **error)
{
  g_autofree char *message = NULL;
  g_autoptr(TdUnit) proposer = NULL;
  g_autoptr(TdUnitRecord) body = NULL;

  switch (step->actor)
    {
    case TD_STEP_BY_COUNCIL:
      return refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE,
                     _("This step is the council's: it is done by the vote of a meeting (thidua-cli meeting)."));
    case TD_STEP_BY_DECISION:
      return refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE,
                     _("This step is the award decision's: draw up a decision with the nomination."));
    default:
      break;
    }
  body = body_code && *body_code ? td_register_get (db, body_code, NULL) : NULL;
  if (body == NULL || !body->active)
    {
      message = body ? g_strdup_printf (_("%s (%s) is retired from the register: it no longer acts at a step."),
                                        body->name, body->code)
                     : g_strdup_printf (_("“%s” is not a unit of the register: a step is done by a unit of the "
                                          "register, named by its code (thidua-cli units list)."),
                                        body_code ? body_code : "");
      return refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
    }
  switch (step->actor)
    {
    case TD_STEP_BY_PROPOSER:
      proposer = td_catalog_find_unit_by_id (db, n->proposer_id, NULL);
      if (proposer && g_strcmp0 (td_unit_get_code (proposer), body_code) == 0)
        return TRUE;
      message = g_strdup_printf (_("The step “%s” is the proposing unit's (%s); %s (%s) does not act at it."),
                                 step->title, n->proposer_name, body->name, body->code);
      return refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
    case TD_STEP_BY_ISSUER:
      {
        g_autoptr(GError) local = NULL;

        if (td_unit_kind_issues_giay_khen (body->kind) && td_decision_check_authority (db, body->code, n, &local))
          return TRUE;
        message = g_strdup_printf (_("The step “%s” is the issuing unit's: %s does not give “%s” its %s (%s)."),
                                   step->title, body->name, td_nomination_get_name (n),
                                   td_award_level_get_label (n->level),
                                   local ? local->message : td_unit_kind_get_label (body->kind));
        return refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
      }
    case TD_STEP_BY_BODY:
    default:
      if (!step->body_active)
        {
          message = g_strdup_printf (_("The step “%s” is to be done by “%s”, which is not an active unit of the "
                                       "register. Name the unit that does it: Preferences → Appraisal, or thidua-cli "
                                       "appraisal bodies --set %s CODE."), step->title, step->body_code, step->id);
          return refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
        }
      if (g_strcmp0 (step->body_code, body_code) != 0)
        {
          message = g_strdup_printf (_("The step “%s” is done by %s (%s); %s (%s) does not act at it."), step->title,
                                     step->body_name ? step->body_name : step->body_code, step->body_code, body->name,
                                     body->code);
          return refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
        }
      {
        g_autoptr(TdUnit) unit = td_catalog_find_unit (db, body_code, NULL);
        gint64 body_id = unit ? td_unit_get_id (unit) : 0;

        if (body_id == 0 || td_appraisal_unit_is_under (db, n->unit_id, body_id) || n->proposer_id == body_id)
          {
            message = g_strdup_printf (_("%s cannot judge the nomination of “%s”: it is its own, of a unit under it, "
                                         "or proposed by it. Name another unit for the step “%s” (thidua-cli "
                                         "appraisal bodies --set %s CODE)."), body->name, td_nomination_get_name (n),
                                       step->title, step->id);
            return refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
          }
      }
      return TRUE;
    }
}

/* Moves the nomination to @done steps (and their status) within the caller's transaction. */
static gboolean
set_done (TdDatabase  *db,
          State       *s,
          guint        done,
          const char  *reason,
          GError     **error)
{
  TdNominationStatus status = done == 0 ? TD_NOMINATION_RETURNED
                                        : ((TdStepSpec *) s->steps->pdata[done - 1])->status;
  sqlite3_stmt *stmt = td_database_prepare (db, "UPDATE nomination SET steps_done = ?, status = ?, status_reason = ?"
                                                " WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) done);
  td_stmt_bind_text (stmt, 2, td_nomination_status_to_string (status));
  td_stmt_bind_text (stmt, 3, status == TD_NOMINATION_RETURNED ? reason : NULL);
  sqlite3_bind_int64 (stmt, 4, s->n->id);
  return td_database_step_done (db, stmt, error) &&
         td_audit_record (db, "nomination", s->n->id, s->n->unit_code, "status",
                          td_nomination_status_to_string (s->n->status), td_nomination_status_to_string (status),
                          reason, error);
}

static char *
clean (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

gboolean
td_appraisal_approve (TdDatabase  *db,
                      gint64       nomination_id,
                      const char  *body_code,
                      const char  *opinion,
                      GError     **error)
{
  g_auto(State) s = { 0 };
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GString) failing = g_string_new (NULL);
  g_autofree char *text = clean (opinion);
  gboolean ok = FALSE;

  if (!state_load (db, nomination_id, &s, error))
    return FALSE;
  if (s.next == NULL || s.n->status == TD_NOMINATION_DECIDED)
    {
      refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, _("The nomination has been through every step."));
      return FALSE;
    }
  if (!check_body (db, s.n, s.next, body_code, error))
    return FALSE;
  checks = td_appraisal_check (db, nomination_id, FALSE, error);
  if (checks == NULL)
    return FALSE;
  for (guint i = 0; i < checks->len; i++)
    {
      TdEligibilityCheck *c = checks->pdata[i];
      if (!c->passed && !c->overridden)
        g_string_append_printf (failing, "%s%s: %s", failing->len ? " " : "", c->title, c->explanation);
    }
  if (failing->len > 0)
    {
      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_CHECK_FAILED,
                   _("Not eligible for the step “%s”. %s Record an override with its reason to go on all the same."),
                   s.next->title, failing->str);
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  ok = tx != NULL &&
       td_appraisal_record (db, nomination_id, s.next->id, s.done == 0 ? TD_STEP_PROPOSE : TD_STEP_APPROVE, body_code,
                            "eligible", text, NULL, NULL, error) &&
       set_done (db, &s, s.done + 1, NULL, error) &&
       td_transaction_commit (tx, error);
  return ok;
}

gboolean
td_appraisal_override (TdDatabase  *db,
                       gint64       nomination_id,
                       const char  *body_code,
                       const char  *check_id,
                       const char  *reason,
                       GError     **error)
{
  g_auto(State) s = { 0 };
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *why = clean (reason);
  TdEligibilityCheck *found = NULL;
  gboolean ok = FALSE;

  if (!state_load (db, nomination_id, &s, error))
    return FALSE;
  if (s.next == NULL || !check_body (db, s.n, s.next, body_code, error))
    {
      if (s.next == NULL)
        refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, _("The nomination has been through every step."));
      return FALSE;
    }
  if (*why == '\0')
    {
      refuse (error, TD_APPRAISAL_ERROR_REASON_NEEDED, _("An override needs its reason, for the record."));
      return FALSE;
    }
  checks = td_appraisal_check (db, nomination_id, FALSE, error);
  for (guint i = 0; checks && i < checks->len; i++)
    if (g_strcmp0 (((TdEligibilityCheck *) checks->pdata[i])->id, check_id) == 0)
      found = checks->pdata[i];
  if (found == NULL || found->passed)
    {
      g_autofree char *message = found
        ? g_strdup_printf (_("The check “%s” passes: there is nothing to override."), found->title)
        : g_strdup_printf (_("The step “%s” has no check “%s”."), s.next->title, check_id ? check_id : "");
      refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, message);
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  /* The record keeps what the check found in the dossier's language: it is printed there. */
  ok = tx != NULL &&
       td_appraisal_record (db, nomination_id, s.next->id, TD_STEP_OVERRIDE, body_code, NULL, found->document_text,
                            why, check_id, error) &&
       td_audit_record (db, "nomination", nomination_id, s.n->unit_code, "override", NULL, check_id, why, error) &&
       td_transaction_commit (tx, error);
  return ok;
}

gboolean
td_appraisal_return (TdDatabase  *db,
                     gint64       nomination_id,
                     const char  *body_code,
                     const char  *to_step,
                     const char  *reason,
                     GError     **error)
{
  g_auto(State) s = { 0 };
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *why = clean (reason);
  guint to = 0;
  gboolean ok = FALSE;

  if (!state_load (db, nomination_id, &s, error))
    return FALSE;
  if (s.next == NULL || s.n->status == TD_NOMINATION_DECIDED || s.done == 0)
    {
      refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, s.done == 0 ? _("The nomination is already back with its proposer.")
                                                             : _("The nomination is in a decision: withdraw the decision first."));
      return FALSE;
    }
  if (!check_body (db, s.n, s.next, body_code, error))
    return FALSE;
  if (*why == '\0')
    {
      refuse (error, TD_APPRAISAL_ERROR_REASON_NEEDED, _("Write why the nomination is returned."));
      return FALSE;
    }
  if (to_step != NULL)
    {
      for (to = 0; to < s.done && !g_str_equal (((TdStepSpec *) s.steps->pdata[to])->id, to_step); to++)
        ;
      if (to >= s.done)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a step the nomination has been through."), to_step);
          refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, message);
          return FALSE;
        }
    }
  tx = td_transaction_begin (db, error);
  ok = tx != NULL &&
       td_appraisal_record (db, nomination_id, s.next->id, TD_STEP_RETURN, body_code, "not-eligible", NULL, why,
                            to_step, error) &&
       set_done (db, &s, to, why, error) &&
       td_transaction_commit (tx, error);
  return ok;
}

gboolean
td_appraisal_undo (TdDatabase  *db,
                   gint64       nomination_id,
                   const char  *body_code,
                   const char  *reason,
                   GError     **error)
{
  g_auto(State) s = { 0 };
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *why = clean (reason);
  TdStepSpec *last;
  const char *by = NULL;
  gboolean ok = FALSE;

  if (!state_load (db, nomination_id, &s, error))
    return FALSE;
  if (s.done <= 1)
    {
      refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, _("No approval to take back: the nomination is at its first step."));
      return FALSE;
    }
  last = s.steps->pdata[s.done - 1];
  if (last->actor != TD_STEP_BY_BODY && last->actor != TD_STEP_BY_ISSUER)
    {
      refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE,
              last->actor == TD_STEP_BY_DECISION ? _("The nomination is in a decision: withdraw the decision first.")
                                                 : _("The council's vote stands; return the nomination instead."));
      return FALSE;
    }
  /* Only the latest approval, by the body that gave it. */
  history = td_appraisal_history (db, nomination_id, error);
  for (guint i = history ? history->len : 0; i > 0 && by == NULL; i--)
    {
      TdStepRecord *r = history->pdata[i - 1];
      if (r->action == TD_STEP_APPROVE && g_strcmp0 (r->step, last->id) == 0)
        by = r->body_code;
    }
  if (g_strcmp0 (by ? by : last->body_code, body_code) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("The latest approval (“%s”) is %s's to take back."), last->title,
                                                  by ? by : last->body_code);
      refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
      return FALSE;
    }
  if (*why == '\0')
    {
      refuse (error, TD_APPRAISAL_ERROR_REASON_NEEDED, _("Write why the approval is taken back."));
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  ok = tx != NULL &&
       td_appraisal_record (db, nomination_id, last->id, TD_STEP_UNDO, body_code, NULL, NULL, why, NULL, error) &&
       set_done (db, &s, s.done - 1, why, error) &&
       td_transaction_commit (tx, error);
  return ok;
}

void
td_appraisal_state_free (TdAppraisalState *state)
{
  if (state == NULL)
    return;
  g_clear_pointer (&state->steps, g_ptr_array_unref);
  g_free (state->acting_body);
  g_free (state->undo_body);
  g_free (state);
}

/* The body that gave the latest approval of @step, from the history. */
static char *
approver_of (TdDatabase *db,
             gint64      nomination_id,
             const char *step)
{
  g_autoptr(GPtrArray) history = td_appraisal_history (db, nomination_id, NULL);

  for (guint i = history ? history->len : 0; i > 0; i--)
    {
      TdStepRecord *r = history->pdata[i - 1];
      if ((r->action == TD_STEP_APPROVE || r->action == TD_STEP_PROPOSE) && g_strcmp0 (r->step, step) == 0)
        return g_strdup (r->body_code);
    }
  return NULL;
}

TdAppraisalState *
td_appraisal_state (TdDatabase  *db,
                    gint64       nomination_id,
                    GError     **error)
{
  g_auto(State) s = { 0 };
  TdAppraisalState *out;
  TdStepSpec *last;

  if (!state_load (db, nomination_id, &s, error))
    return NULL;
  out = g_new0 (TdAppraisalState, 1);
  out->done = s.done;
  out->next = s.next;
  out->status = s.n->status;
  if (s.next != NULL && s.n->status != TD_NOMINATION_DECIDED)
    {
      g_autoptr(TdUnit) proposer = NULL;

      switch (s.next->actor)
        {
        case TD_STEP_BY_BODY:
          out->acting_body = g_strdup (s.next->body_code);
          break;
        case TD_STEP_BY_PROPOSER:
          proposer = td_catalog_find_unit_by_id (db, s.n->proposer_id, NULL);
          out->acting_body = proposer ? g_strdup (td_unit_get_code (proposer)) : NULL;
          break;
        case TD_STEP_BY_ISSUER:
          out->acting_body = td_appraisal_default_issuer (db, s.n);
          break;
        default:
          break;
        }
      out->can_approve = out->acting_body != NULL;
      out->can_return = out->can_approve && s.done > 0;
    }
  last = s.done > 1 ? s.steps->pdata[s.done - 1] : NULL;
  if (last != NULL && s.n->status != TD_NOMINATION_DECIDED &&
      (last->actor == TD_STEP_BY_BODY || last->actor == TD_STEP_BY_ISSUER))
    {
      out->undo_body = approver_of (db, nomination_id, last->id);
      if (out->undo_body == NULL && last->actor == TD_STEP_BY_BODY)
        out->undo_body = g_strdup (last->body_code);
      out->can_undo = out->undo_body != NULL;
    }
  out->steps = g_steal_pointer (&s.steps);
  return out;
}

gint64
td_appraisal_add_hold (TdDatabase  *db,
                       gint64       round_id,
                       const char  *unit_code,
                       const char  *person,
                       const char  *kind,
                       const char  *note,
                       GError     **error)
{
  g_autoptr(TdUnit) unit = td_catalog_find_unit (db, unit_code, error);
  g_autofree char *now = td_database_now ();
  sqlite3_stmt *stmt;

  if (unit == NULL)
    return 0;
  if (g_strcmp0 (kind, "discipline") != 0 && g_strcmp0 (kind, "inspection") != 0 &&
      g_strcmp0 (kind, "investigation") != 0)
    {
      refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, _("A hold is “discipline”, “inspection” or “investigation”."));
      return 0;
    }
  stmt = td_database_prepare (db, "INSERT INTO nomination_hold (round_id, unit_id, person_name, kind, note, at)"
                                  " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, td_unit_get_id (unit));
  td_stmt_bind_text (stmt, 3, person && *person ? person : NULL);
  td_stmt_bind_text (stmt, 4, kind);
  td_stmt_bind_text (stmt, 5, note ? note : "");
  td_stmt_bind_text (stmt, 6, now);
  if (!td_database_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (td_database_get_handle (db));
}

gboolean
td_appraisal_lift_hold (TdDatabase  *db,
                        gint64       hold_id,
                        GError     **error)
{
  g_autofree char *now = td_database_now ();
  sqlite3_stmt *stmt = td_database_prepare (db, "UPDATE nomination_hold SET lifted_at = ? WHERE id = ? AND lifted_at IS NULL",
                                            error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, hold_id);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    return refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, _("There is no such hold standing."));
  return TRUE;
}
