/* bench-rollup.c: filling a province's database and rolling it up.
 *
 * 1,000 units × 19 targets × 2 rounds go in through the core's own API (values checked against
 * the workflow, each change audited), beside a bare sqlite loop inserting the same value rows
 * into a table of the same shape in one transaction: the limit.  Then the province roll-up is
 * timed beside a bare GROUP BY over the same rows.  Times are medians of several runs; the
 * ratio is what to read, as the machines are noisy.
 *
 *   bench-rollup [--units N] [--runs R] */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "td-core.h"
#include "bench-util.h"

static int n_units = 1000;
static int n_runs = 5;

static gint64
value_for (int unit, int target, int round)
{
  /* Cheap, deterministic, and different per row. */
  return 40 + (unit * 7 + target * 13 + round * 3) % 60;
}

/* @with_audit: also one audit row per value, as the application writes; the floor for a design
 * that audits every change. */
static double
bare_fill (const char *path,
           gboolean    with_audit)
{
  sqlite3 *db;
  sqlite3_stmt *stmt, *audit;
  gint64 start;

  g_remove (path);
  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                    "CREATE TABLE assessment_value (assessment_id INTEGER, target_id INTEGER, numerator INTEGER,"
                    " denominator INTEGER, index_value REAL, not_applicable INTEGER, na_reason TEXT, note TEXT,"
                    " updated_at TEXT, PRIMARY KEY (assessment_id, target_id)) WITHOUT ROWID;"
                    "CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT, actor TEXT, entity TEXT, entity_id INTEGER,"
                    " unit_code TEXT, field TEXT, old_value TEXT, new_value TEXT, reason TEXT);"
                    "CREATE INDEX audit_unit ON audit (unit_code, id)", NULL, NULL, NULL);
  start = g_get_monotonic_time ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO assessment_value VALUES (?, ?, ?, ?, NULL, 0, NULL, NULL, ?)", -1, &stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO audit (at, actor, entity, entity_id, unit_code, field, old_value, new_value)"
                          " VALUES ('2026-11-26T00:00:00Z', 'Người kiểm thử', 'value', ?, ?, ?, NULL, ?)", -1, &audit, NULL);
  for (int round = 0; round < 2; round++)
    for (int u = 0; u < n_units; u++)
      for (int t = 1; t <= 19; t++)
        {
          sqlite3_bind_int64 (stmt, 1, round * n_units + u + 1);
          sqlite3_bind_int64 (stmt, 2, t);
          sqlite3_bind_int64 (stmt, 3, value_for (u, t, round));
          sqlite3_bind_int64 (stmt, 4, 100);
          sqlite3_bind_text (stmt, 5, "2026-11-26T00:00:00Z", -1, SQLITE_STATIC);
          sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (with_audit)
            {
              char code[16], field[16], text[32];

              g_snprintf (code, sizeof code, "U%04d", u);
              g_snprintf (field, sizeof field, "target %d", t);
              g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT "/100", value_for (u, t, round));
              sqlite3_bind_int64 (audit, 1, round * n_units + u + 1);
              sqlite3_bind_text (audit, 2, code, -1, SQLITE_STATIC);
              sqlite3_bind_text (audit, 3, field, -1, SQLITE_STATIC);
              sqlite3_bind_text (audit, 4, text, -1, SQLITE_STATIC);
              sqlite3_step (audit);
              sqlite3_reset (audit);
            }
        }
  sqlite3_finalize (stmt);
  sqlite3_finalize (audit);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
bare_rollup (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 start, sum = 0;

  sqlite3_open (path, &db);
  start = g_get_monotonic_time ();
  sqlite3_prepare_v2 (db, "SELECT target_id, sum(numerator), sum(denominator), count(*) FROM assessment_value"
                          " WHERE assessment_id > ? GROUP BY target_id", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, n_units);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    sum += sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (sum, >, 0);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Units and their empty assessments are set up outside the timing: the comparison is about the
 * values. */
static TdDatabase *
prepare_app_db (const char *path, GListModel **targets, TdRound **rounds, GArray **assessments)
{
  g_autoptr(GError) error = NULL;
  TdDatabase *db;

  g_remove (path);
  db = td_database_open (path, &error);
  g_assert_no_error (error);
  td_catalog_ensure_seed (db, &error);
  *targets = td_catalog_list_targets (db, &error);
  rounds[0] = td_catalog_find_round (db, 1, &error);
  rounds[1] = td_catalog_find_round (db, 2, &error);
  *assessments = g_array_new (FALSE, FALSE, sizeof (gint64));
  td_database_begin (db, &error);
  for (int u = 0; u < n_units; u++)
    {
      g_autofree char *code = g_strdup_printf ("U%04d", u);
      g_autoptr(TdUnit) unit = td_catalog_add_unit (db, code, code, TD_UNIT_KIND_COMMUNE, NULL, &error);
      for (int r = 0; r < 2; r++)
        {
          gint64 id = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (rounds[r]), &error);
          g_array_append_val (*assessments, id);
        }
    }
  td_database_commit (db, &error);
  g_assert_no_error (error);
  return db;
}

static double
app_fill (TdDatabase *db, GListModel *targets, GArray *assessments)
{
  g_autoptr(GError) error = NULL;
  TdTarget *t[19];
  TdValue values[19] = { 0 };
  const TdValue *pv[19];
  gint64 start;

  for (int i = 0; i < 19; i++)
    {
      t[i] = g_list_model_get_item (targets, i);
      pv[i] = &values[i];
    }

  start = g_get_monotonic_time ();
  td_database_begin (db, &error);
  for (guint a = 0; a < assessments->len; a++)
    {
      int unit = (int) a / 2, round = (int) a % 2;
      for (int i = 0; i < 19; i++)
        {
          if (td_target_get_kind (t[i]) == TD_TARGET_KIND_INDEX)
            {
              values[i].has_index = TRUE;
              values[i].index_value = value_for (unit, i + 1, round) / 100.0;
            }
          else
            {
              values[i].has_numerator = values[i].has_denominator = TRUE;
              values[i].numerator = value_for (unit, i + 1, round);
              values[i].denominator = 100;
            }
        }
      td_assessment_set_values (db, g_array_index (assessments, gint64, a), t, pv, 19, &error);
      g_assert_no_error (error);
    }
  td_database_commit (db, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 19; i++)
    g_object_unref (t[i]);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
app_rollup (TdDatabase *db, GListModel *targets, TdRound *round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rollups = NULL;
  TdRollupScope scope;
  gint64 start = g_get_monotonic_time ();

  td_rollup_scope_init (&scope, td_round_get_id (round));
  scope.include_drafts = TRUE;
  rollups = td_rollup_compute (db, targets, &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (rollups, TdTargetRollup, 0).n_reporting, ==, (guint) n_units);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char *argv[])
{
  GOptionEntry entries[] = {
    { "units", 0, 0, G_OPTION_ARG_INT, &n_units, "Units in the province", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Repetitions (median is reported)", "R" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("thidua-bench-XXXXXX", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.db", NULL);
  g_autofree char *app_path = g_build_filename (dir, "app.db", NULL);
  g_autoptr(GArray) bare_fills = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) audit_fills = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_fills = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_rollups = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_rollups = g_array_new (FALSE, FALSE, sizeof (double));
  double bf, auf, af, br, ar;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  for (int run = 0; run < n_runs; run++)
    {
      g_autoptr(GListModel) targets = NULL;
      g_autoptr(GArray) assessments = NULL;
      TdRound *rounds[2];
      TdDatabase *db;
      double t;

      t = bare_fill (bare_path, TRUE);
      g_array_append_val (audit_fills, t);
      t = bare_fill (bare_path, FALSE);
      g_array_append_val (bare_fills, t);

      db = prepare_app_db (app_path, &targets, rounds, &assessments);
      t = app_fill (db, targets, assessments);
      g_array_append_val (app_fills, t);

      for (int i = 0; i < 5; i++)
        {
          t = bare_rollup (bare_path);
          g_array_append_val (bare_rollups, t);
          t = app_rollup (db, targets, rounds[1]);
          g_array_append_val (app_rollups, t);
        }
      g_object_unref (rounds[0]);
      g_object_unref (rounds[1]);
      g_object_unref (db);
    }

  bf = bench_median (bare_fills);
  auf = bench_median (audit_fills);
  af = bench_median (app_fills);
  br = bench_median (bare_rollups);
  ar = bench_median (app_rollups);
  printf ("bench-rollup: %d units × 19 targets × 2 rounds = %d values, median of %d runs\n",
          n_units, n_units * 19 * 2, n_runs);
  printf ("  fill     thidua %8.1f ms   bare sqlite loop %8.1f ms   ratio %.2f×   (%.1f µs per value)\n",
          af, bf, af / bf, af * 1000.0 / (n_units * 38));
  printf ("           bare loop writing an audit row per value too %8.1f ms   ratio to it %.2f×\n",
          auf, af / auf);
  printf ("  roll-up  thidua %8.2f ms   bare GROUP BY    %8.2f ms   ratio %.2f×   (one round, %d units)\n",
          ar, br, ar / br, n_units);

  g_remove (bare_path);
  g_remove (app_path);
  g_rmdir (dir);
  return 0;
}
