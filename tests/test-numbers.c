/* test-numbers.c: the figures the board signs under.
 *
 * Every target × every round at its threshold, just above and just below it (64-bit counts and
 * indexes at the campaign's precision included): the verdict, and the displayed figure read
 * back against the same threshold, never disagree.  Then the province roll-up of a hand-made
 * province against numbers written here, the campaign's validation rules, and the per-round
 * thresholds in the report. */
#include "td-test-util.h"
#include "td-progress-data.h"
#include "td-report.h"

typedef struct {
  char       *dir;
  TdDatabase *db;
  GListModel *targets;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = td_test_make_dir ();
  f->db = td_test_open_seeded (f->dir, "numbers.db");
  f->targets = td_catalog_list_targets (f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->targets);
  g_assert_finalize_object (f->db);
  td_test_cleanup_dir (f->dir);
  g_free (f->dir);
}

/* What a reader sees: "99,96 %" read back as 9996 with 2 decimals. */
static void
read_shown (const char *shown,
            gint64     *scaled,
            guint      *decimals)
{
  gboolean after_comma = FALSE;

  *scaled = 0;
  *decimals = 0;
  for (const char *p = shown; *p; p++)
    {
      if (*p == ',')
        after_comma = TRUE;
      else if (g_ascii_isdigit (*p))
        {
          *scaled = *scaled * 10 + (*p - '0');
          *decimals += after_comma;
        }
      else if (*p == '.' || *p == ' ')
        continue;
      else
        break;   /* the no-break space before "%" */
    }
}

/* The shown figure judged against the threshold the way a reader would. */
static gboolean
shown_reads_met (TdTarget   *t,
                 const char *shown)
{
  gint64 scaled, thr = td_target_get_threshold_scaled (t);
  guint decimals;
  __int128 lhs, rhs;

  read_shown (shown, &scaled, &decimals);
  lhs = (__int128) scaled * TD_THRESHOLD_SCALE;
  rhs = (__int128) thr;
  for (guint i = 0; i < decimals; i++)
    rhs *= 10;
  switch (td_target_get_comparator (t))
    {
    case TD_COMPARATOR_EQ: return lhs == rhs;
    case TD_COMPARATOR_GT: return lhs > rhs;
    case TD_COMPARATOR_GE: return lhs >= rhs;
    }
  g_assert_not_reached ();
}

/* Expected verdicts come from where the value was put, not from the code under test. */
static gboolean
expected_met (TdComparator cmp,
              int          side)    /* -1 below, 0 on, +1 above */
{
  switch (cmp)
    {
    case TD_COMPARATOR_EQ: return side == 0;
    case TD_COMPARATOR_GT: return side > 0;
    case TD_COMPARATOR_GE: return side >= 0;
    }
  g_assert_not_reached ();
}

static void
check_ratio (TdTarget *t, gint64 num, gint64 den, int side)
{
  gboolean met = td_target_ratio_meets (t, num, den);
  g_autofree char *shown = td_target_format_ratio (t, num, den);

  if (met != expected_met (td_target_get_comparator (t), side))
    g_error ("target %u round %u: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " judged %s",
             td_target_get_number (t), td_target_get_round (t), num, den, met ? "met" : "not met");
  if (shown_reads_met (t, shown) != met)
    g_error ("target %u round %u: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " shown as “%s”, which reads %s",
             td_target_get_number (t), td_target_get_round (t), num, den, shown, met ? "not met" : "met");
}

static void
check_index (TdTarget *t, gint64 scaled, int side)
{
  guint decimals = td_target_get_decimals (t);
  double index = (double) scaled;
  TdValue v = { .has_index = TRUE };
  g_autofree char *shown = NULL;
  gboolean met;

  for (guint i = 0; i < decimals; i++)
    index /= 10;
  v.index_value = index;
  g_assert_cmpint (td_target_evaluate (t, &v, NULL, NULL), ==,
                   expected_met (td_target_get_comparator (t), side) ? TD_OUTCOME_MET : TD_OUTCOME_NOT_MET);
  met = td_target_index_meets (t, index);
  shown = td_target_format_index (t, index);
  g_assert_true (shown_reads_met (t, shown) == met);
}

static void
test_every_threshold (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rounds = td_catalog_list_rounds (f->db, &error);

  g_assert_no_error (error);
  for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
    for (guint i = 0; i < g_list_model_get_n_items (f->targets); i++)
      {
        g_autoptr(TdRound) round = g_list_model_get_item (rounds, r);
        g_autoptr(TdTarget) all = g_list_model_get_item (f->targets, i);
        g_autoptr(TdTarget) t = td_target_at_round (all, td_round_get_number (round));
        gint64 thr = td_target_get_threshold_scaled (t);

        if (td_target_get_kind (t) == TD_TARGET_KIND_INDEX)
          {
            /* thr is in ten-thousandths, the campaign's precision for the DTI. */
            g_assert_cmpuint (td_target_get_decimals (t), ==, 4);
            check_index (t, thr, 0);
            check_index (t, thr + 1, +1);
            check_index (t, thr - 1, -1);
            continue;
          }
        /* On, above and below with small counts (a million), then with 64-bit-sized ones. */
        {
          gint64 den = 1000000, on = thr;   /* thr / 10^4 % of 10^6 */
          check_ratio (t, on, den, 0);
          if (on < den)
            check_ratio (t, on + 1, den, +1);
          check_ratio (t, on - 1, den, -1);
        }
        {
          gint64 den = G_GINT64_CONSTANT (999999999999000000);   /* 64-bit sized, a multiple of 10^6 */
          gint64 on = den / 1000000 * thr;
          check_ratio (t, on, den, 0);
          if (on < den)
            check_ratio (t, on + 1, den, +1);
          check_ratio (t, on - 1, den, -1);
          check_ratio (t, 0, den, thr == 0 ? 0 : -1);
        }
      }
}

static TdTarget *
nth (Fixture *f, guint number, guint round)
{
  g_autoptr(TdTarget) t = g_list_model_get_item (f->targets, number - 1);
  return td_target_at_round (t, round);
}

/* The issue's own examples, shown as a reader must see them. */
static void
test_issue_examples (Fixture *f, gconstpointer data)
{
  g_autoptr(TdTarget) t1 = nth (f, 1, 2), t4 = nth (f, 4, 2), t9 = nth (f, 9, 2);
  g_autoptr(TdTarget) dti1 = nth (f, 19, 1), dti2 = nth (f, 19, 2);
  struct { TdTarget *t; gint64 num, den; const char *shown; gboolean met; } cases[] = {
    { t1, 2499, 2500, "99,96\xc2\xa0%", FALSE },
    { t4, 9001, 10000, "90,01\xc2\xa0%", TRUE },
    { t9, 8999, 10000, "89,99\xc2\xa0%", FALSE },
    { t9, 925, 1000, "92,5\xc2\xa0%", TRUE },
    { t1, 37, 37, "100\xc2\xa0%", TRUE },
    { t4, 90, 100, "90\xc2\xa0%", FALSE },
    { t9, G_GINT64_CONSTANT (899999999999999), G_GINT64_CONSTANT (999999999999999), NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = td_target_format_ratio (cases[i].t, cases[i].num, cases[i].den);

      g_assert_cmpint (td_target_ratio_meets (cases[i].t, cases[i].num, cases[i].den), ==, cases[i].met);
      if (cases[i].shown)
        g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_true (shown_reads_met (cases[i].t, shown) == cases[i].met);
    }

  /* The DTI: above 0,7 in 2025 (round 1), at least 0,75 in 2026. */
  {
    g_autofree char *thr1 = td_target_format_threshold (dti1);
    g_autofree char *thr2 = td_target_format_threshold (dti2);
    g_autofree char *shown = td_target_format_index (dti2, 0.749);
    TdValue v = { .has_index = TRUE, .index_value = 0.7499999995 };
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (thr1, ==, "> 0,7");
    g_assert_cmpstr (thr2, ==, "≥ 0,75");
    g_assert_true (td_target_index_meets (dti1, 0.72));
    g_assert_false (td_target_index_meets (dti2, 0.72));
    g_assert_false (td_target_index_meets (dti1, 0.7));
    g_assert_cmpstr (shown, ==, "0,749");
    g_assert_false (td_target_index_meets (dti2, 0.749));
    /* More decimals than the index is published with is a typing error, not 0,75. */
    g_assert_cmpint (td_target_evaluate (dti2, &v, NULL, &error), ==, TD_OUTCOME_INVALID);
    g_assert_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_PRECISION);
  }

  /* Counts no unit could have are refused with a message, not judged. */
  {
    TdValue huge = { .has_numerator = TRUE, .numerator = G_GINT64_CONSTANT (899999999999999),
                     .has_denominator = TRUE, .denominator = G_GINT64_CONSTANT (999999999999999) };
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (td_target_evaluate (t9, &huge, NULL, &error), ==, TD_OUTCOME_INVALID);
    g_assert_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, "9"));
  }
}

/* A unit of @kind with the given values for @round (drafts count in the scope below). */
static void
put (Fixture *f, const char *code, TdUnitKind kind, const char *parent, guint round_number,
     const guint *numbers, const gint64 (*counts)[2], guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_find_unit (f->db, code, NULL);
  g_autoptr(TdRound) round = td_catalog_find_round (f->db, round_number, &error);
  gint64 assessment;

  if (unit == NULL)
    unit = td_catalog_add_unit (f->db, code, code, kind, parent, &error);
  g_assert_no_error (error);
  assessment = td_assessment_ensure (f->db, td_unit_get_id (unit), td_round_get_id (round), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdTarget) t = td_catalog_find_target (f->db, numbers[i], &error);
      TdValue v = { 0 };

      if (td_target_get_kind (t) == TD_TARGET_KIND_INDEX)
        {
          v.has_index = TRUE;
          v.index_value = (double) counts[i][0] / 10000.0;
        }
      else
        {
          v.has_numerator = v.has_denominator = TRUE;
          v.numerator = counts[i][0];
          v.denominator = counts[i][1];
        }
      g_assert_true (td_assessment_set_value (f->db, assessment, t, &v, &error));
      g_assert_no_error (error);
    }
}

static TdTargetRollup *
rollup_of (GArray *rollups, guint number)
{
  return &g_array_index (rollups, TdTargetRollup, number - 1);
}

static void
test_rollup_counts_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRound) round = td_catalog_find_round (f->db, 2, &error);
  g_autoptr(GArray) province = NULL, teams = NULL;
  TdRollupScope scope;

  /* A commune, two of its teams, an enterprise, a department and the province itself. */
  put (f, "BN", TD_UNIT_KIND_PROVINCE, NULL, 2, (guint[]) { 19 }, (const gint64[][2]) { { 7512 } }, 1);
  put (f, "X-A", TD_UNIT_KIND_COMMUNE, "BN", 2, (guint[]) { 3, 4, 16, 17 },
       (const gint64[][2]) { { 40, 50 }, { 9000, 10000 }, { 700, 1000 }, { 4100, 10000 } }, 4);
  put (f, "T-A", TD_UNIT_KIND_TEAM_COMMUNE, "X-A", 2, (guint[]) { 4, 17 },
       (const gint64[][2]) { { 3000, 10000 }, { 900, 10000 } }, 2);
  put (f, "T-A1", TD_UNIT_KIND_TEAM_VILLAGE, "X-A", 2, (guint[]) { 4, 17 },
       (const gint64[][2]) { { 500, 800 }, { 100, 800 } }, 2);
  /* The enterprise's staff and documents are not those of a state agency (targets 3 and 14). */
  put (f, "DN-B", TD_UNIT_KIND_ENTERPRISE, NULL, 2, (guint[]) { 3, 14, 16 },
       (const gint64[][2]) { { 900, 1000 }, { 7884, 8000 }, { 800, 1000 } }, 3);
  put (f, "S-C", TD_UNIT_KIND_DEPARTMENT, "BN", 2, (guint[]) { 3, 14 },
       (const gint64[][2]) { { 180, 200 }, { 1000, 1000 } }, 2);

  td_rollup_scope_init (&scope, td_round_get_id (round));
  scope.include_drafts = TRUE;
  province = td_rollup_compute (f->db, f->targets, &scope, &error);
  g_assert_no_error (error);

  /* 3: commune 40/50 + department 180/200; the enterprise's 900/1000 is not a state agency's. */
  g_assert_cmpint (rollup_of (province, 3)->numerator_sum, ==, 220);
  g_assert_cmpint (rollup_of (province, 3)->denominator_sum, ==, 250);
  /* 4: the commune's own 9000/10000 only; its teams' people are already among them. */
  g_assert_cmpint (rollup_of (province, 4)->numerator_sum, ==, 9000);
  g_assert_cmpint (rollup_of (province, 4)->denominator_sum, ==, 10000);
  g_assert_cmpuint (rollup_of (province, 4)->n_not_counted, ==, 2);
  g_assert_false (rollup_of (province, 4)->met);   /* exactly 90 % is not above 90 % */
  /* 14: the department's 1000/1000; 7 884 enterprise documents are not counted. */
  g_assert_cmpint (rollup_of (province, 14)->numerator_sum, ==, 1000);
  g_assert_true (rollup_of (province, 14)->met);
  /* 16: cashless transactions of the commune and of the enterprise: 1500/2000. */
  g_assert_cmpint (rollup_of (province, 16)->numerator_sum, ==, 1500);
  g_assert_cmpint (rollup_of (province, 16)->denominator_sum, ==, 2000);
  /* 17: 4100/10000 = 41 % ≥ 40 %. */
  g_assert_cmpint (rollup_of (province, 17)->numerator_sum, ==, 4100);
  g_assert_true (rollup_of (province, 17)->met);
  /* 19: the province's published index. */
  g_assert_true (rollup_of (province, 19)->has_measure);
  g_assert_true (rollup_of (province, 19)->met);
  {
    g_autofree char *shown = td_target_rollup_format (rollup_of (province, 19));
    g_assert_cmpstr (shown, ==, "0,7512");
  }

  /* The teams as their own breakdown. */
  scope.unit_kind = TD_UNIT_KIND_TEAM_COMMUNE;
  teams = td_rollup_compute (f->db, f->targets, &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rollup_of (teams, 4)->numerator_sum, ==, 3000);
  g_assert_true (rollup_of (teams, 3)->not_reported);
  {
    TdSummary summary;
    td_rollup_summarize (teams, &summary);
    /* Teams report targets 4 and 17 and nothing else. */
    g_assert_cmpuint (summary.n_applicable, ==, 2);
  }

  /* The ranking under the province's figure lists the units it adds up, and only them. */
  {
    g_autoptr(TdTarget) t4 = td_catalog_find_target (f->db, 4, &error);
    g_autoptr(GArray) measures = NULL;

    scope.unit_kind = -1;
    measures = td_rollup_unit_measures (f->db, t4, &scope, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (measures->len, ==, 1);
    g_assert_cmpstr (g_array_index (measures, TdUnitMeasure, 0).code, ==, "X-A");
  }
}

static gint64
submit (Fixture *f, const char *code, guint round_number, GError **error)
{
  g_autoptr(TdUnit) unit = td_catalog_find_unit (f->db, code, NULL);
  g_autoptr(TdRound) round = td_catalog_find_round (f->db, round_number, NULL);
  g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (f->db, td_unit_get_id (unit), td_round_get_id (round), NULL);

  return td_assessment_set_status (f->db, info->id, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, error) ? info->id : 0;
}

/* Every target a ward reports, filled in and consistent; @adults_17 and @commune_staff vary. */
static void
fill_ward (Fixture *f, const char *code, guint round, gint64 adults_4, gint64 adults_17, gint64 commune_staff)
{
  for (guint n = 1; n <= 18; n++)
    {
      g_autoptr(TdTarget) t = td_catalog_find_target (f->db, n, NULL);
      gint64 den = n == 4 ? adults_4 : n == 17 ? adults_17 : n == 1 ? commune_staff : n == 3 ? 50 : 100;

      if (!td_target_is_reported_by (t, TD_UNIT_KIND_WARD))
        continue;
      put (f, code, TD_UNIT_KIND_WARD, NULL, round, (guint[]) { n }, (const gint64[][2]) { { den / 2, den } }, 1);
    }
}

static void
set_note (Fixture *f, const char *code, guint round_number, guint target, const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_find_unit (f->db, code, NULL);
  g_autoptr(TdRound) round = td_catalog_find_round (f->db, round_number, NULL);
  g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (f->db, td_unit_get_id (unit), td_round_get_id (round), NULL);
  g_autoptr(TdTarget) t = td_catalog_find_target (f->db, target, NULL);
  g_autoptr(GHashTable) values = td_assessment_load_values (f->db, info->id, &error);
  gint64 id = td_target_get_id (t);
  g_autoptr(TdValue) v = td_value_copy (g_hash_table_lookup (values, &id));

  g_free (v->note);
  v->note = g_strdup (note);
  g_assert_true (td_assessment_set_value (f->db, info->id, t, v, &error));
  g_assert_no_error (error);
}

static void
test_rules (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdProgressData) progress = NULL;

  /* An error: two different adult populations in one round blocks submission, naming 17. */
  fill_ward (f, "P-A", 2, 37097, 9404, 30);
  g_assert_cmpint (submit (f, "P-A", 2, &error), ==, 0);
  g_assert_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "17"));
  g_assert_nonnull (strstr (error->message, "9.404"));
  g_assert_nonnull (strstr (error->message, "37.097"));
  g_clear_error (&error);
  fill_ward (f, "P-A", 2, 37097, 37097, 30);
  g_assert_cmpint (submit (f, "P-A", 2, &error), !=, 0);
  g_assert_no_error (error);

  /* A warning: more commune staff (target 1) than all staff (target 3) needs a note. */
  fill_ward (f, "P-B", 2, 20000, 20000, 60);
  g_assert_cmpint (submit (f, "P-B", 2, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "note"));
  g_clear_error (&error);
  set_note (f, "P-B", 2, 1, "Tính cả cán bộ không chuyên trách");
  g_assert_cmpint (submit (f, "P-B", 2, &error), !=, 0);
  g_assert_no_error (error);

  /* Against the previous round: 10 000 adults, then 13 000 (more than 15 % more). */
  fill_ward (f, "P-C", 1, 10000, 10000, 30);
  fill_ward (f, "P-C", 2, 13000, 13000, 30);
  g_assert_cmpint (submit (f, "P-C", 2, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "13.000"));
  g_clear_error (&error);
  set_note (f, "P-C", 2, 4, "Sáp nhập thêm hai thôn");
  g_assert_cmpint (submit (f, "P-C", 2, &error), !=, 0);
  g_assert_no_error (error);

  /* The board sees the explained warnings of what was submitted, unit by unit. */
  progress = td_progress_data_load (f->db, 2, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->violations->len, ==, 2);
  {
    TdRuleViolation *b = g_ptr_array_index (progress->violations, 0);
    TdRuleViolation *c = g_ptr_array_index (progress->violations, 1);

    g_assert_cmpstr (b->unit_code, ==, "P-B");
    g_assert_false (b->is_error);
    g_assert_true (b->explained);
    g_assert_cmpstr (b->note, ==, "Tính cả cán bộ không chuyên trách");
    g_assert_cmpstr (c->unit_code, ==, "P-C");
    g_assert_true (c->right_previous);
    g_assert_cmpint (c->left, ==, 13000);
    g_assert_cmpint (c->right, ==, 10000);
  }
}

/* The report states the per-round thresholds and the counting rule, and judges round 1 by the
 * 2025 aim. */
static void
test_report_rounds (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdProgressData) round1 = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "r1.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *joined = NULL;

  put (f, "BN", TD_UNIT_KIND_PROVINCE, NULL, 1, (guint[]) { 19 }, (const gint64[][2]) { { 7200 } }, 1);
  g_assert_cmpint (submit (f, "BN", 1, &error), !=, 0);
  g_assert_no_error (error);
  round1 = td_progress_data_load (f->db, 1, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rollup_of (round1->rollups, 19)->met);
  g_assert_cmpuint (round1->summary.n_met, ==, 1);

  notes = td_report_method_notes (round1);
  g_ptr_array_add (notes, NULL);
  joined = g_strjoinv ("\n", (char **) notes->pdata);
  g_assert_nonnull (strstr (joined, "năm 2025: > 0,7"));
  g_assert_nonnull (strstr (joined, "năm 2026: ≥ 0,75"));
  g_assert_nonnull (strstr (joined, "Chỉ tiêu 4 do"));
  g_assert_nonnull (strstr (joined, "không cộng thêm vào số liệu toàn tỉnh"));

  g_assert_true (td_report_write_csv (round1, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "\"0,72\";\"> 0,7\";\"Đạt\""));
  /* A target no unit reported yet is "no data", one only marked not applicable says so. */
  g_assert_nonnull (strstr (csv, "\"Chưa có số liệu\""));
}

/* A database made before the campaign said who reports what (format 1, empty target specs)
 * gets the bundled description in place on the next start, nothing typed lost. */
static void
test_upgrade_campaign (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = td_database_get_meta (f->db, "campaign_json");
  g_autoptr(GString) old = g_string_new (json);
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(TdTarget) t19 = NULL;

  g_assert_nonnull (strstr (json, "\"format\": 3"));
  g_string_replace (old, "\"format\": 3", "\"format\": 1", 1);
  g_assert_true (td_database_set_meta (f->db, "campaign_json", old->str, &error));
  g_assert_true (td_database_exec (f->db, "UPDATE target SET spec = '{}'", &error));
  targets = td_catalog_list_targets (f->db, &error);
  t19 = g_list_model_get_item (targets, 18);
  g_assert_true (td_target_is_reported_by (t19, TD_UNIT_KIND_COMMUNE));   /* no spec: everybody */
  g_clear_object (&t19);
  g_clear_object (&targets);

  g_assert_true (td_catalog_ensure_seed (f->db, &error));
  g_assert_no_error (error);
  targets = td_catalog_list_targets (f->db, &error);
  t19 = g_list_model_get_item (targets, 18);
  g_assert_false (td_target_is_reported_by (t19, TD_UNIT_KIND_COMMUNE));
  g_assert_true (td_target_is_reported_by (t19, TD_UNIT_KIND_PROVINCE));
  {
    g_autoptr(TdTarget) round1 = td_target_at_round (t19, 1);
    g_autofree char *thr = td_target_format_threshold (round1);
    g_assert_cmpstr (thr, ==, "> 0,7");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/numbers/every-threshold", Fixture, NULL, fixture_setup, test_every_threshold, fixture_teardown);
  g_test_add ("/numbers/issue-examples", Fixture, NULL, fixture_setup, test_issue_examples, fixture_teardown);
  g_test_add ("/numbers/rollup-counts-once", Fixture, NULL, fixture_setup, test_rollup_counts_once, fixture_teardown);
  g_test_add ("/numbers/rules", Fixture, NULL, fixture_setup, test_rules, fixture_teardown);
  g_test_add ("/numbers/report-rounds", Fixture, NULL, fixture_setup, test_report_rounds, fixture_teardown);
  g_test_add ("/numbers/upgrade-campaign", Fixture, NULL, fixture_setup, test_upgrade_campaign, fixture_teardown);
  return g_test_run ();
}
