/* test-format.c: Vietnamese number and date formats. */
#include "td-test-util.h"

static void
test_format_numbers (void)
{
  static const struct { gint64 v; const char *s; } counts[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1.000" }, { 1234567, "1.234.567" }, { -4200, "-4.200" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *s = td_format_count (counts[i].v);
      g_assert_cmpstr (s, ==, counts[i].s);
    }

  {
    g_autofree char *a = td_format_decimal (0.78, 2);
    g_autofree char *b = td_format_decimal (12345.5, 1);
    g_autofree char *c = td_format_decimal (0.005, 2);
    g_autofree char *d = td_format_percent (92.5);
    g_autofree char *e = td_format_percent (100.0);
    g_autofree char *f = td_format_percent (89.96);
    g_assert_cmpstr (a, ==, "0,78");
    g_assert_cmpstr (b, ==, "12.345,5");
    g_assert_cmpstr (c, ==, "0,01");
    g_assert_cmpstr (d, ==, "92,5\xc2\xa0%");
    g_assert_cmpstr (e, ==, "100\xc2\xa0%");
    /* Rounded for display only; the comparison uses the counts. */
    g_assert_cmpstr (f, ==, "90\xc2\xa0%");
  }
}

static void
test_format_dates (void)
{
  g_autofree char *a = td_format_date ("2026-01-05");
  g_autofree char *b = td_format_date ("2026-10-10T08:00:00Z");
  g_autofree char *c = td_format_date ("not a date");
  g_autofree char *d = td_format_date_long ("2026-01-05");
  g_autofree char *e = td_format_date_long ("2025-10-10");
  g_autofree char *f = td_format_date ("2026-02-30");

  g_assert_cmpstr (a, ==, "05/01/2026");
  g_assert_cmpstr (b, ==, "10/10/2026");
  g_assert_null (c);
  g_assert_null (f);
  /* Decree 30/2020: a leading zero for days below 10 and for January and February. */
  g_assert_cmpstr (d, ==, "ngày 05 tháng 01 năm 2026");
  g_assert_cmpstr (e, ==, "ngày 10 tháng 10 năm 2025");
}

static void
test_parse_count (void)
{
  static const struct { const char *text; gint64 value; } good[] = {
    { "0", 0 }, { "1250", 1250 }, { "1.250", 1250 }, { " 12 345 ", 12345 }, { "1.234.567", 1234567 },
    { "12\xc2\xa0" "345", 12345 },
  };
  static const char *bad[] = { "", "abc", "-5", "12,5", "1.25", "12.3456", "1..000", "1e3", "12 34" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 v = -1;
      g_assert_true (td_parse_count (good[i].text, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpint (v, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 v = -1;
      g_assert_false (td_parse_count (bad[i], &v, &error));
      g_assert_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID);
      g_assert_cmpint (v, ==, -1);
    }
}

static void
test_parse_decimal_and_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  double v = 0;

  g_assert_true (td_parse_decimal ("0,75", &v, &error));
  g_assert_cmpfloat (v, ==, 0.75);
  g_assert_true (td_parse_decimal (" 0.78 ", &v, &error));
  g_assert_cmpfloat (v, ==, 0.78);
  g_assert_false (td_parse_decimal ("0,7,5", &v, &error));
  g_assert_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_parse_decimal ("nan", &v, &error));
  g_clear_error (&error);

  date = td_parse_date ("10/10/2026", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (date, ==, "2026-10-10");
  g_assert_null (td_parse_date ("31/02/2026", &error));
  g_assert_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID);
}

/* A file that cannot be read is named and said why, in the app's words (GLib's own message is
 * English where its translations are missing); a folder is not a file. */
static void
test_file_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("thidua-format-XXXXXX", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "bien-ban.pdf", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_null (g_file_load_bytes (missing, NULL, NULL, &error));
  text = td_format_file_error (missing, error);
  g_assert_nonnull (strstr (text, "“bien-ban.pdf” is no longer there"));
  g_assert_null (strstr (text, "Error opening"));
  g_clear_error (&error);
  g_clear_pointer (&text, g_free);
  g_assert_null (g_file_load_bytes (folder, NULL, NULL, &error));
  text = td_format_file_error (folder, error);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "is a folder, not a file"));
  g_rmdir (dir);
}

/* A figure as the app shows it: grouped, decimal comma, the note kept; the audit log's plain
 * form stays as it was. */
static void
test_value_format (void)
{
  TdValue ratio = { .has_numerator = TRUE, .numerator = 1250, .has_denominator = TRUE, .denominator = 1300 };
  TdValue index = { .has_index = TRUE, .index_value = 0.772, .note = (char *) "theo Bộ TT&TT" };
  TdValue none = { .not_applicable = TRUE, .na_reason = (char *) "Không có" };
  g_autofree char *r = td_value_format (&ratio);
  g_autofree char *i = td_value_format (&index);
  g_autofree char *n = td_value_format (&none);
  g_autofree char *plain = td_value_describe (&ratio);

  g_assert_cmpstr (r, ==, "1.250/1.300");
  g_assert_cmpstr (i, ==, "0,772 (theo Bộ TT&TT)");
  g_assert_cmpstr (n, ==, "not applicable");
  g_assert_cmpstr (plain, ==, "1250/1300");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/numbers", test_format_numbers);
  g_test_add_func ("/format/dates", test_format_dates);
  g_test_add_func ("/format/parse-count", test_parse_count);
  g_test_add_func ("/format/parse-decimal-and-date", test_parse_decimal_and_date);
  g_test_add_func ("/format/file-errors", test_file_errors);
  g_test_add_func ("/format/values", test_value_format);
  return g_test_run ();
}
