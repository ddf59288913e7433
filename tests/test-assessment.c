/* test-assessment.c: values and their audit, the status workflow, the roll-up and summaries. */
#include "td-test-award.h"

typedef struct {
  char       *dir;
  TdDatabase *db;
  GListModel *targets;
  TdRound    *round;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = td_test_make_dir ();
  f->db = td_test_open_seeded (f->dir, "assessment.db");
  f->targets = td_catalog_list_targets (f->db, &error);
  f->round = td_catalog_find_round (f->db, 2, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->targets);
  g_clear_object (&f->round);
  g_assert_finalize_object (f->db);
  td_test_cleanup_dir (f->dir);
  g_free (f->dir);
}

static TdTarget *
target (Fixture *f, guint number)
{
  g_autoptr(TdTarget) t = g_list_model_get_item (f->targets, number - 1);
  return t;
}

static gint64
new_assessment (Fixture *f, const char *code, TdUnitKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (f->db, code, code, kind, NULL, &error);
  gint64 id;

  g_assert_no_error (error);
  id = td_assessment_ensure (f->db, td_unit_get_id (unit), td_round_get_id (f->round), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_ratio (Fixture *f, gint64 assessment, guint number, gint64 num, gint64 den)
{
  g_autoptr(GError) error = NULL;
  TdValue v = { .has_numerator = TRUE, .numerator = num, .has_denominator = TRUE, .denominator = den };

  g_assert_true (td_assessment_set_value (f->db, assessment, target (f, number), &v, &error));
  g_assert_no_error (error);
}

/* Fills every target with a valid value: the ratios met, the index as given. */
static void
fill_all (Fixture *f, gint64 assessment, double index)
{
  g_autoptr(GError) error = NULL;

  for (guint n = 1; n <= 18; n++)
    set_ratio (f, assessment, n, 50, 50);
  {
    TdValue v = { .has_index = TRUE, .index_value = index };
    g_assert_true (td_assessment_set_value (f->db, assessment, target (f, 19), &v, &error));
  }
}

static void
test_values_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = new_assessment (f, "X-A", TD_UNIT_KIND_COMMUNE);
  g_autoptr(GHashTable) values = NULL;
  TdValue na = { .not_applicable = TRUE, .na_reason = (char *) "Đơn vị cấp xã", .note = (char *) "ghi chú" };
  gint64 id2 = td_target_get_id (target (f, 2));
  gint64 id7 = td_target_get_id (target (f, 7));
  TdValue *v;

  set_ratio (f, a, 7, 120, 130);
  g_assert_true (td_assessment_set_value (f->db, a, target (f, 2), &na, &error));
  /* A draft keeps what was typed, even when it fails validation. */
  set_ratio (f, a, 7, 140, 130);

  values = td_assessment_load_values (f->db, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (values), ==, 2);
  v = g_hash_table_lookup (values, &id7);
  g_assert_cmpint (v->numerator, ==, 140);
  g_assert_cmpint (v->denominator, ==, 130);
  v = g_hash_table_lookup (values, &id2);
  g_assert_true (v->not_applicable);
  g_assert_cmpstr (v->na_reason, ==, "Đơn vị cấp xã");
  g_assert_cmpstr (v->note, ==, "ghi chú");
  g_assert_false (v->has_numerator);
}

static void
test_audit_log (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = new_assessment (f, "P-B", TD_UNIT_KIND_WARD);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) other = NULL;
  TdAuditEntry *e;

  set_ratio (f, a, 9, 80, 100);
  set_ratio (f, a, 9, 80, 100);   /* unchanged: no entry */
  set_ratio (f, a, 9, 91, 100);
  td_database_set_actor (f->db, "Trần Thị Bình");
  set_ratio (f, a, 9, 92, 100);

  log = td_audit_list (f->db, "P-B", 0, &error);
  g_assert_no_error (error);
  /* unit created, assessment created, three value changes; newest first */
  g_assert_cmpuint (log->len, ==, 5);
  e = g_ptr_array_index (log, 0);
  g_assert_cmpstr (e->entity, ==, "value");
  g_assert_cmpstr (e->field, ==, "target 9");
  g_assert_cmpstr (e->old_value, ==, "91/100");
  g_assert_cmpstr (e->new_value, ==, "92/100");
  g_assert_cmpstr (e->actor, ==, "Trần Thị Bình");
  {
    g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (e->at, NULL);
    g_assert_nonnull (at);
  }
  e = g_ptr_array_index (log, 2);
  g_assert_null (e->old_value);
  g_assert_cmpstr (e->new_value, ==, "80/100");
  g_assert_cmpstr (e->actor, ==, "Người kiểm thử");

  other = td_audit_list (f->db, "NOBODY", 0, &error);
  g_assert_cmpuint (other->len, ==, 0);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = td_audit_list (f->db, NULL, 2, &error);
  g_assert_cmpuint (log->len, ==, 2);
}

static void
test_status_workflow (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = new_assessment (f, "X-C", TD_UNIT_KIND_COMMUNE);
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(GPtrArray) log = NULL;

  /* Submitting with missing rows is refused and names them: the 17 targets a commune reports
   * (not target 2, of provincial staff, nor the province's index). */
  set_ratio (f, a, 1, 10, 0);
  g_assert_false (td_assessment_set_status (f->db, a, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, &error));
  g_assert_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "17 targets or standards"));
  g_assert_nonnull (strstr (error->message, "Target 1:"));
  g_clear_error (&error);

  fill_all (f, a, 0.8);
  /* A standard switched on without its justification is not ready either, and is named. */
  {
    g_autoptr(GPtrArray) standards = td_catalog_list_standards (f->db, FALSE, FALSE, &error);
    TdStandard *first = standards->pdata[0];

    g_assert_true (td_assessment_set_attestation (f->db, a, first->id, TRUE, "  ", &error));
    g_assert_false (td_assessment_set_status (f->db, a, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, &error));
    g_assert_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_NOT_READY);
    /* By its text, as the form shows it. */
    g_assert_nonnull (strstr (error->message, first->text));
    g_clear_error (&error);
    g_assert_true (td_assessment_set_attestation (f->db, a, first->id, TRUE, "Nghị quyết của Đảng ủy xã", &error));
  }
  g_assert_true (td_assessment_set_status (f->db, a, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, &error));
  g_assert_no_error (error);

  /* Read-only once submitted. */
  {
    TdValue v = { .has_numerator = TRUE, .numerator = 1, .has_denominator = TRUE, .denominator = 2 };
    g_assert_false (td_assessment_set_value (f->db, a, target (f, 3), &v, &error));
    g_assert_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* Wrong moves are refused. */
  g_assert_false (td_assessment_set_status (f->db, a, TD_ASSESSMENT_APPRAISED, NULL, NULL, &error));
  g_assert_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_BAD_TRANSITION);
  g_clear_error (&error);
  g_assert_true (td_assessment_set_status (f->db, a, TD_ASSESSMENT_RECEIVED, NULL, NULL, &error));
  g_assert_false (td_assessment_set_status (f->db, a, TD_ASSESSMENT_RETURNED, "  ", NULL, &error));
  g_assert_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_true (td_assessment_set_status (f->db, a, TD_ASSESSMENT_RETURNED, "Thiếu minh chứng chỉ tiêu 7", NULL, &error));

  /* Returned: editable again, and resubmitting raises the revision. */
  set_ratio (f, a, 7, 49, 50);
  g_assert_true (td_assessment_set_status (f->db, a, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, &error));
  g_assert_no_error (error);
  info = td_assessment_get_info (f->db, a, &error);
  g_assert_cmpint (info->status, ==, TD_ASSESSMENT_SUBMITTED);
  g_assert_cmpint (info->revision, ==, 2);

  log = td_audit_list (f->db, "X-C", 0, &error);
  {
    gboolean found_reason = FALSE;
    for (guint i = 0; i < log->len; i++)
      {
        TdAuditEntry *e = g_ptr_array_index (log, i);
        if (g_strcmp0 (e->new_value, "returned") == 0)
          found_reason = g_strcmp0 (e->reason, "Thiếu minh chứng chỉ tiêu 7") == 0;
      }
    g_assert_true (found_reason);
  }
}

static void
test_transition_table (void)
{
  /* Every allowed move, and nothing else. */
  static const TdAssessmentStatus allowed[][2] = {
    { TD_ASSESSMENT_DRAFT, TD_ASSESSMENT_SUBMITTED },
    { TD_ASSESSMENT_SUBMITTED, TD_ASSESSMENT_DRAFT },
    { TD_ASSESSMENT_SUBMITTED, TD_ASSESSMENT_RECEIVED },
    { TD_ASSESSMENT_SUBMITTED, TD_ASSESSMENT_RETURNED },
    { TD_ASSESSMENT_RECEIVED, TD_ASSESSMENT_APPRAISED },
    { TD_ASSESSMENT_RECEIVED, TD_ASSESSMENT_RETURNED },
    { TD_ASSESSMENT_RETURNED, TD_ASSESSMENT_SUBMITTED },
    { TD_ASSESSMENT_APPRAISED, TD_ASSESSMENT_RETURNED },
  };
  guint n_allowed = 0;

  for (int from = 0; from < TD_N_ASSESSMENT_STATUSES; from++)
    for (int to = 0; to < TD_N_ASSESSMENT_STATUSES; to++)
      {
        gboolean expected = FALSE;
        for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
          expected |= allowed[i][0] == (TdAssessmentStatus) from && allowed[i][1] == (TdAssessmentStatus) to;
        g_assert_cmpint (td_assessment_can_move (from, to), ==, expected);
        n_allowed += expected;
      }
  g_assert_cmpuint (n_allowed, ==, G_N_ELEMENTS (allowed));
}

/* The province figure is the sum of numerators over the sum of denominators, counting only what
 * was submitted; the count of units meeting a target is per unit. */
static void
test_rollup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = new_assessment (f, "X-1", TD_UNIT_KIND_COMMUNE);
  gint64 b = new_assessment (f, "X-2", TD_UNIT_KIND_COMMUNE);
  gint64 c = new_assessment (f, "SO-3", TD_UNIT_KIND_DEPARTMENT);
  gint64 draft = new_assessment (f, "X-4", TD_UNIT_KIND_COMMUNE);
  g_autoptr(GArray) rollups = NULL;
  g_autoptr(TdUnit) x1 = NULL;
  TdRollupScope scope;
  TdSummary summary;
  TdTargetRollup *r;

  fill_all (f, a, 0.80);
  fill_all (f, b, 0.70);
  fill_all (f, c, 0.76);
  /* target 4 (> 90 %): 95/100 + 86/100 = 181/200 = 90.5 % → met, 1 unit meets on its own; the
   * department's 270/300 counts nowhere, a department does not report the population's targets */
  set_ratio (f, a, 4, 95, 100);
  set_ratio (f, b, 4, 86, 100);
  set_ratio (f, c, 4, 270, 300);
  /* the same adults under target 17, as the campaign's rule asks */
  set_ratio (f, a, 17, 50, 100);
  set_ratio (f, b, 17, 50, 100);
  /* target 9 (≥ 90 %): 45/50 + 44/50 + 91/100 = 180/200 = exactly 90 % → met */
  set_ratio (f, a, 9, 45, 50);
  set_ratio (f, b, 9, 44, 50);
  set_ratio (f, c, 9, 91, 100);
  /* target 1 (= 100 %): one unit short → the province is not at 100 % */
  set_ratio (f, b, 1, 49, 50);
  {
    TdValue na = { .not_applicable = TRUE, .na_reason = (char *) "Đơn vị cấp tỉnh" };
    g_assert_true (td_assessment_set_value (f->db, c, target (f, 1), &na, &error));
  }
  /* A draft with far-off numbers must not count in the province's view. */
  fill_all (f, draft, 0.1);
  set_ratio (f, draft, 4, 0, 1000);

  for (gint64 id = a; id <= c; id++)
    g_assert_true (td_assessment_set_status (f->db, id, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, &error));
  g_assert_no_error (error);

  td_rollup_scope_init (&scope, td_round_get_id (f->round));
  rollups = td_rollup_compute (f->db, f->targets, &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rollups->len, ==, 19);

  r = &g_array_index (rollups, TdTargetRollup, 3);
  g_assert_cmpuint (td_target_get_number (r->target), ==, 4);
  g_assert_cmpint (r->numerator_sum, ==, 181);
  g_assert_cmpint (r->denominator_sum, ==, 200);
  g_assert_cmpfloat_with_epsilon (r->measure, 90.5, 1e-9);
  g_assert_true (r->met);
  g_assert_cmpuint (r->n_reporting, ==, 2);
  g_assert_cmpuint (r->n_met, ==, 1);

  r = &g_array_index (rollups, TdTargetRollup, 8);
  g_assert_cmpint (r->numerator_sum, ==, 180);
  g_assert_cmpint (r->denominator_sum, ==, 200);
  g_assert_true (r->met);
  g_assert_cmpuint (r->n_met, ==, 2);

  /* The department's "not applicable" for target 1 counts nowhere: it does not report it. */
  r = &g_array_index (rollups, TdTargetRollup, 0);
  g_assert_false (r->met);
  g_assert_cmpuint (r->n_reporting, ==, 2);
  g_assert_cmpuint (r->n_not_applicable, ==, 0);

  /* The index is the province's own: the units' 0,80, 0,70 and 0,76 are not averaged into it. */
  r = &g_array_index (rollups, TdTargetRollup, 18);
  g_assert_false (r->has_measure);

  td_rollup_summarize (rollups, &summary);
  g_assert_cmpuint (summary.n_targets, ==, 19);
  g_assert_cmpuint (summary.n_met, ==, 17);
  g_assert_cmpuint (summary.n_not_met, ==, 1);
  g_assert_cmpuint (summary.n_missing, ==, 1);

  /* Only communes: the department drops out of target 9, leaving 89/100 = 89 %, below its
   * 90 %; target 4 is the same as the province's. */
  g_clear_pointer (&rollups, g_array_unref);
  scope.unit_kind = TD_UNIT_KIND_COMMUNE;
  rollups = td_rollup_compute (f->db, f->targets, &scope, &error);
  r = &g_array_index (rollups, TdTargetRollup, 3);
  g_assert_cmpint (r->numerator_sum, ==, 181);
  g_assert_cmpint (r->denominator_sum, ==, 200);
  g_assert_true (r->met);
  r = &g_array_index (rollups, TdTargetRollup, 8);
  g_assert_cmpint (r->numerator_sum, ==, 89);
  g_assert_false (r->met);

  /* One unit's own summary includes its draft. */
  x1 = td_catalog_find_unit (f->db, "X-4", &error);
  g_assert_true (td_summary_for_unit (f->db, f->targets, td_unit_get_id (x1), td_round_get_id (f->round), &summary, &error));
  /* The 17 targets a commune reports, 50/50 everywhere but target 4 (0/1000). */
  g_assert_cmpuint (summary.n_applicable, ==, 17);
  g_assert_cmpuint (summary.n_met, ==, 16);
  g_assert_cmpuint (summary.n_not_met, ==, 1);
}

static void
test_province_index_wins (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 province = new_assessment (f, "TINH", TD_UNIT_KIND_PROVINCE);
  gint64 commune = new_assessment (f, "X-9", TD_UNIT_KIND_COMMUNE);
  g_autoptr(GArray) rollups = NULL;
  TdRollupScope scope;

  fill_all (f, province, 0.74);
  fill_all (f, commune, 0.95);
  g_assert_true (td_assessment_set_status (f->db, province, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, &error));
  g_assert_true (td_assessment_set_status (f->db, commune, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, &error));
  td_rollup_scope_init (&scope, td_round_get_id (f->round));
  rollups = td_rollup_compute (f->db, f->targets, &scope, &error);
  g_assert_cmpfloat (g_array_index (rollups, TdTargetRollup, 18).measure, ==, 0.74);
  g_assert_false (g_array_index (rollups, TdTargetRollup, 18).met);
}

static void
test_attestations (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = new_assessment (f, "CNSCD-1", TD_UNIT_KIND_TEAM_VILLAGE);
  g_autoptr(GPtrArray) general = td_catalog_list_standards (f->db, FALSE, FALSE, &error);
  g_autoptr(GPtrArray) team = td_catalog_list_standards (f->db, FALSE, TRUE, &error);
  g_autoptr(GPtrArray) individual = td_catalog_list_standards (f->db, TRUE, FALSE, &error);
  g_autoptr(GHashTable) stored = NULL;
  TdStandard *s;

  g_assert_cmpuint (general->len, ==, 2);
  g_assert_cmpuint (team->len, ==, 3);
  g_assert_cmpuint (individual->len, ==, 2);
  s = g_ptr_array_index (team, 2);
  g_assert_true (s->for_teams);
  g_assert_true (g_str_has_prefix (s->text, "Đối với các Tổ Công nghệ số cộng đồng"));

  g_assert_true (td_assessment_set_attestation (f->db, a, s->id, TRUE, "Hỗ trợ 1.200 người dân cài VNeID", &error));
  g_assert_no_error (error);
  stored = td_assessment_load_attestations (f->db, a, &error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (stored, &s->id)), ==, 1);
}

static void
test_nomination_workflow (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (f->db, "P-N", "Phường N", TD_UNIT_KIND_WARD, NULL, &error);
  TdNominationSpec spec = {
    .round_id = td_round_get_id (f->round), .individual = TRUE, .unit_id = td_unit_get_id (unit),
    .proposer_id = td_unit_get_id (unit), .person_name = "Nguyễn Thị Ngọc Ánh", .person_position = "Công chức",
    .level = TD_AWARD_BANG_KHEN, .achievement = "Đã có thành tích xuất sắc",
  };
  g_autoptr(TdDecision) decision = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);
  gint64 id = td_nomination_create (f->db, &spec, &error);
  gint64 giay_khen;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  decision->round_id = td_round_get_id (f->round);
  /* A decision before the steps is refused: the nomination is only proposed. */
  g_assert_cmpint (td_decision_create (f->db, decision, &id, 1, &error), ==, 0);
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_BAD_TRANSITION);
  g_clear_error (&error);
  td_test_nomination_to (f->db, id, TD_NOMINATION_APPROVED);
  /* A decision refuses a nomination of another level (a Giấy khen is not the province's to
   * give), and changes nothing then. */
  spec.level = TD_AWARD_GIAY_KHEN;
  giay_khen = td_nomination_create (f->db, &spec, &error);
  g_assert_cmpint (td_decision_create (f->db, decision, (gint64[]) { id, giay_khen }, 2, &error), ==, 0);
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY);
  g_clear_error (&error);
  g_assert_cmpint (td_decision_create (f->db, decision, &id, 1, &error), >, 0);
  g_assert_no_error (error);

  list = td_nomination_list (f->db, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((TdNomination *) list->pdata[0])->status, ==, TD_NOMINATION_DECIDED);
  g_assert_cmpint (((TdNomination *) list->pdata[0])->decision_id, >, 0);
  g_assert_cmpint (((TdNomination *) list->pdata[1])->status, ==, TD_NOMINATION_PROPOSED);
  /* Nothing leaves a decision by a step. */
  g_assert_false (td_appraisal_return (f->db, id, "SKHCN", NULL, "late", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
}

static void
saved_cb (TdAssessmentForm *form,
          guint            *n_saved)
{
  (*n_saved)++;
}

/* The form's model: loads once, takes changes field by field, writes them in one go, and a
 * new form over the same unit and round shows what was written. */
static void
test_form_model (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (f->db, "FORM", "Xã Mẫu", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdAssessmentForm) form = NULL;
  g_autoptr(TdAssessmentForm) again = NULL;
  g_autoptr(GPtrArray) standards = td_catalog_list_standards (f->db, FALSE, FALSE, &error);
  gint64 standard = ((TdStandard *) standards->pdata[0])->id;
  TdValue v = { .has_numerator = TRUE, .numerator = 45, .has_denominator = TRUE, .denominator = 50 };
  const char *justification = NULL;
  guint n_saved = 0;

  g_assert_no_error (error);
  form = td_assessment_form_new (f->db, unit, f->round, &error);
  g_assert_no_error (error);
  g_signal_connect (form, "saved", G_CALLBACK (saved_cb), &n_saved);
  /* Nothing is stored until something is typed. */
  g_assert_cmpint (td_assessment_form_get_id (form), ==, 0);
  g_assert_false (td_assessment_form_is_started (form));
  g_assert_true (td_assessment_form_is_editable (form));
  g_assert_null (td_assessment_form_get_value (form, td_target_get_id (target (f, 3))));
  g_assert_true (td_assessment_form_save (form, &error));
  g_assert_cmpint (td_assessment_form_get_id (form), ==, 0);
  g_assert_cmpuint (n_saved, ==, 0);

  g_assert_true (td_assessment_form_set_value (form, target (f, 3), &v));
  g_assert_true (td_assessment_form_set_attestation (form, standard, TRUE, "Có nghị quyết của Đảng ủy"));
  g_assert_true (td_assessment_form_has_changes (form));
  /* What is shown is what was typed, saved or not. */
  g_assert_cmpint (td_assessment_form_get_value (form, td_target_get_id (target (f, 3)))->numerator, ==, 45);
  g_assert_true (td_assessment_form_save (form, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_saved, ==, 1);
  g_assert_false (td_assessment_form_has_changes (form));
  g_assert_cmpint (td_assessment_form_get_id (form), >, 0);
  g_assert_nonnull (td_assessment_form_get_saved_at (form));

  again = td_assessment_form_new (f->db, unit, f->round, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_assessment_form_get_id (again), ==, td_assessment_form_get_id (form));
  g_assert_true (td_value_equal (td_assessment_form_get_value (again, td_target_get_id (target (f, 3))), &v));
  g_assert_true (td_assessment_form_get_attestation (again, standard, &justification));
  g_assert_cmpstr (justification, ==, "Có nghị quyết của Đảng ủy");
  g_assert_null (td_assessment_form_get_saved_at (again));
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* It saves by itself after the delay; a change it cannot write stays pending and is reported,
 * and a submitted assessment takes no change at all. */
static void
test_form_autosave (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (f->db, "AUTO", "Phường Tự Lưu", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdAssessmentForm) form = td_assessment_form_new (f->db, unit, f->round, &error);
  g_autoptr(TdAssessmentForm) submitted = NULL;
  g_autoptr(GHashTable) stored = NULL;
  TdValue v = { .has_numerator = TRUE, .numerator = 9, .has_denominator = TRUE, .denominator = 10 };
  guint n_saved = 0;
  gboolean timed_out = FALSE;
  guint timeout;

  g_assert_no_error (error);
  g_signal_connect (form, "saved", G_CALLBACK (saved_cb), &n_saved);
  td_assessment_form_set_autosave (form, 20);
  g_assert_true (td_assessment_form_set_value (form, target (f, 1), &v));
  timeout = g_timeout_add_seconds (10, quit_cb, &timed_out);
  while (n_saved == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  stored = td_assessment_load_values (f->db, td_assessment_form_get_id (form), &error);
  g_assert_cmpuint (g_hash_table_size (stored), ==, 1);

  /* Submitted behind the form's back (another window, a script): the save is refused, the
   * change waits, and nothing is written. */
  td_assessment_form_set_autosave (form, 0);
  v.numerator = 7;
  g_assert_true (td_assessment_form_set_value (form, target (f, 1), &v));
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE assessment SET status = 'submitted' WHERE id = %" G_GINT64_FORMAT,
                                            td_assessment_form_get_id (form));
    g_assert_true (td_database_exec (f->db, sql, &error));
  }
  g_assert_false (td_assessment_form_save (form, &error));
  g_assert_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (td_assessment_form_has_changes (form));
  g_clear_pointer (&stored, g_hash_table_unref);
  stored = td_assessment_load_values (f->db, td_assessment_form_get_id (form), &error);
  g_assert_cmpint (((TdValue *) g_hash_table_lookup (stored, &(gint64) { td_target_get_id (target (f, 1)) }))->numerator, ==, 9);

  submitted = td_assessment_form_new (f->db, unit, f->round, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_assessment_form_get_status (submitted), ==, TD_ASSESSMENT_SUBMITTED);
  g_assert_false (td_assessment_form_is_editable (submitted));
  g_assert_false (td_assessment_form_set_value (submitted, target (f, 1), &v));
  g_assert_false (td_assessment_form_has_changes (submitted));
}

/* A note the unit could store but the board would refuse is refused where it is typed or
 * imported, naming the target: a control character, a carriage return, more than 4000
 * characters.  Nothing is stored then. */
static void
test_note_checked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = new_assessment (f, "X-GHI", TD_UNIT_KIND_COMMUNE);
  g_autoptr(TdTarget) t = td_catalog_find_target (f->db, 7, &error);
  g_autofree char *long_note = g_strnfill (4001, 'a');
  const char *bad[] = { "dòng một\rdòng hai", "chuông\x07", long_note, "đảo\xe2\x80\xaechiều" };
  g_autoptr(GHashTable) values = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      TdValue v = { .has_numerator = TRUE, .numerator = 1, .has_denominator = TRUE, .denominator = 2,
                    .note = (char *) bad[i] };

      g_assert_false (td_assessment_set_value (f->db, a, t, &v, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "Target 7: "));
      g_clear_error (&error);
    }
  values = td_assessment_load_values (f->db, a, &error);
  g_assert_cmpuint (g_hash_table_size (values), ==, 0);
  {
    TdValue v = { .has_numerator = TRUE, .numerator = 1, .has_denominator = TRUE, .denominator = 2,
                  .note = (char *) "dòng một\ndòng hai\tcột" };
    g_assert_true (td_assessment_set_value (f->db, a, t, &v, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *normal = td_text_normalize_lines ("một\r\nhai\rba");
    g_assert_cmpstr (normal, ==, "một\nhai\nba");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/assessment/values-round-trip", test_values_round_trip);
  ADD ("/assessment/audit-log", test_audit_log);
  ADD ("/assessment/status-workflow", test_status_workflow);
  g_test_add_func ("/assessment/transition-table", test_transition_table);
  ADD ("/assessment/rollup", test_rollup);
  ADD ("/assessment/province-index-wins", test_province_index_wins);
  ADD ("/assessment/attestations", test_attestations);
  ADD ("/assessment/note-checked", test_note_checked);
  ADD ("/assessment/nomination-workflow", test_nomination_workflow);
  ADD ("/assessment/form-model", test_form_model);
  ADD ("/assessment/form-autosave", test_form_autosave);
  return g_test_run ();
}
