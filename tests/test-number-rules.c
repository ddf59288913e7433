/* test-number-rules.c: the campaign's figure rules (td-rules.c) on made-up targets and values,
 * with no database: equal, at most, within a share of the previous round, warnings explained
 * by a note, and the figures that are not compared (not entered, not applicable). */
#include <string.h>

#include "td-rules.h"
#include "td-target.h"

#define RULES \
  "{\"rules\": [" \
  " {\"id\": \"adults-same\", \"severity\": \"error\", \"operator\": \"eq\"," \
  "  \"left\": {\"target\": 17, \"part\": \"denominator\"}, \"right\": {\"target\": 4, \"part\": \"denominator\"}," \
  "  \"message\": \"Dân số trưởng thành ở chỉ tiêu 17 phải bằng ở chỉ tiêu 4\"}," \
  " {\"id\": \"staff-within\", \"severity\": \"warning\", \"operator\": \"le\"," \
  "  \"left\": {\"target\": 1, \"part\": \"denominator\"}, \"right\": {\"target\": 3, \"part\": \"denominator\"}," \
  "  \"message\": \"Chỉ tiêu 1 không nhiều hơn chỉ tiêu 3\"}," \
  " {\"id\": \"adults-steady\", \"severity\": \"warning\", \"operator\": \"within\", \"tolerance\": 15," \
  "  \"left\": {\"target\": 4, \"part\": \"denominator\"}," \
  "  \"right\": {\"target\": 4, \"part\": \"denominator\", \"round\": \"previous\"}," \
  "  \"message\": \"Dân số trưởng thành thay đổi quá 15%\"}]}"

static GListModel *
targets (void)
{
  GListStore *store = g_list_store_new (TD_TYPE_TARGET);
  const guint numbers[] = { 1, 3, 4, 17 };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(TdTarget) t = td_target_new (100 + numbers[i], numbers[i], "Chỉ tiêu", "g", TD_TARGET_KIND_RATIO,
                                             TD_COMPARATOR_GE, 50, "Số đạt", "Tổng số");
      g_list_store_append (store, t);
    }
  return G_LIST_MODEL (store);
}

/* target number → TdValue (numerator, denominator), keyed by the target's id as the store does. */
static GHashTable *
values (const gint64 (*figures)[3],
        guint         n)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) td_value_free);

  for (guint i = 0; i < n; i++)
    {
      TdValue *v = g_new0 (TdValue, 1);
      gint64 id = 100 + figures[i][0];

      v->has_numerator = v->has_denominator = TRUE;
      v->numerator = figures[i][1];
      v->denominator = figures[i][2];
      g_hash_table_insert (table, g_memdup2 (&id, sizeof id), v);
    }
  return table;
}

static TdRuleViolation *
find (GPtrArray  *violations,
      const char *id)
{
  for (guint i = 0; i < violations->len; i++)
    if (g_str_equal (((TdRuleViolation *) violations->pdata[i])->rule_id, id))
      return violations->pdata[i];
  return NULL;
}

static TdRulesChecker *
checker (void)
{
  g_autoptr(GListModel) list = targets ();
  g_autoptr(GBytes) campaign = g_bytes_new_static (RULES, strlen (RULES));

  return td_rules_checker_new (list, campaign);
}

static void
test_rules_hold (void)
{
  g_autoptr(TdRulesChecker) c = checker ();
  const gint64 now[][3] = { { 1, 5, 40 }, { 3, 50, 60 }, { 4, 900, 1000 }, { 17, 500, 1000 } };
  const gint64 before[][3] = { { 4, 880, 1100 } };   /* 1000 against 1100: within 15 % */
  g_autoptr(GHashTable) v = values (now, G_N_ELEMENTS (now));
  g_autoptr(GHashTable) p = values (before, G_N_ELEMENTS (before));
  g_autoptr(GPtrArray) found = td_rules_checker_check (c, TD_UNIT_KIND_COMMUNE, v, p);

  g_assert_true (td_rules_checker_has_rules (c));
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_rules_broken (void)
{
  g_autoptr(TdRulesChecker) c = checker ();
  const gint64 now[][3] = { { 1, 5, 70 }, { 3, 50, 60 }, { 4, 900, 1000 }, { 17, 500, 999 } };
  const gint64 before[][3] = { { 4, 700, 800 } };   /* 1000 against 800: 25 % more */
  g_autoptr(GHashTable) v = values (now, G_N_ELEMENTS (now));
  g_autoptr(GHashTable) p = values (before, G_N_ELEMENTS (before));
  g_autoptr(GPtrArray) found = td_rules_checker_check (c, TD_UNIT_KIND_COMMUNE, v, p);
  TdRuleViolation *same = find (found, "adults-same");
  TdRuleViolation *within = find (found, "staff-within");
  TdRuleViolation *steady = find (found, "adults-steady");

  g_assert_cmpuint (found->len, ==, 3);
  g_assert_true (same->is_error);
  g_assert_cmpint (same->left, ==, 999);
  g_assert_cmpint (same->right, ==, 1000);
  g_assert_cmpuint (same->target, ==, 17);
  g_assert_false (within->is_error);
  g_assert_false (within->explained);
  g_assert_true (steady->right_previous);
  g_assert_cmpint (steady->right, ==, 800);
}

/* A warning whose target carries a note is explained; an error never is. */
static void
test_note_explains_warning (void)
{
  g_autoptr(TdRulesChecker) c = checker ();
  const gint64 now[][3] = { { 1, 5, 70 }, { 3, 50, 60 }, { 4, 900, 1000 }, { 17, 500, 1000 } };
  g_autoptr(GHashTable) v = values (now, G_N_ELEMENTS (now));
  g_autoptr(GHashTable) p = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) found = NULL;
  gint64 id = 101;
  TdValue *staff = g_hash_table_lookup (v, &id);

  staff->note = g_strdup ("  Tính cả cán bộ biệt phái  ");
  found = td_rules_checker_check (c, TD_UNIT_KIND_COMMUNE, v, p);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (((TdRuleViolation *) found->pdata[0])->explained);
  g_assert_cmpstr (((TdRuleViolation *) found->pdata[0])->note, ==, "Tính cả cán bộ biệt phái");
}

/* Nothing is compared with a figure that is missing or not applicable, nor with no previous round. */
static void
test_missing_not_compared (void)
{
  g_autoptr(TdRulesChecker) c = checker ();
  const gint64 now[][3] = { { 1, 5, 70 }, { 4, 900, 1000 }, { 17, 500, 999 } };
  g_autoptr(GHashTable) v = values (now, G_N_ELEMENTS (now));
  g_autoptr(GHashTable) p = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) found = NULL;
  gint64 id = 117;

  ((TdValue *) g_hash_table_lookup (v, &id))->not_applicable = TRUE;
  found = td_rules_checker_check (c, TD_UNIT_KIND_COMMUNE, v, p);
  g_assert_cmpuint (found->len, ==, 0);   /* 3 not entered, 17 not applicable, no previous round */
}

/* A campaign without rules checks nothing. */
static void
test_no_rules (void)
{
  g_autoptr(GListModel) list = targets ();
  g_autoptr(TdRulesChecker) c = td_rules_checker_new (list, NULL);
  g_autoptr(GHashTable) v = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) found = td_rules_checker_check (c, TD_UNIT_KIND_COMMUNE, v, v);

  g_assert_false (td_rules_checker_has_rules (c));
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/number-rules/hold", test_rules_hold);
  g_test_add_func ("/number-rules/broken", test_rules_broken);
  g_test_add_func ("/number-rules/note-explains-warning", test_note_explains_warning);
  g_test_add_func ("/number-rules/missing-not-compared", test_missing_not_compared);
  g_test_add_func ("/number-rules/no-rules", test_no_rules);
  return g_test_run ();
}
