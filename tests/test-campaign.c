/* test-campaign.c: the campaign description is parsed once per version and shared: two
 * databases with the same description, and eight threads asking at once, get one object; a
 * changed description is a new one; the appraisal's steps and council rules come from it. */
#include "td-campaign.h"
#include "td-test-util.h"

static void
test_campaign_once_per_text (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autoptr(TdDatabase) a = td_test_open_seeded (dir, "a.db");
  g_autoptr(TdDatabase) b = td_test_open_seeded (dir, "b.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCampaign) first = td_campaign_get (a, &error);
  g_autoptr(TdCampaign) again = NULL;
  g_autoptr(TdCampaign) other_db = NULL;
  g_autoptr(TdCampaign) moved = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(TdRound) round = NULL;

  g_assert_no_error (error);
  again = td_campaign_get (a, &error);
  other_db = td_campaign_get (b, &error);
  g_assert_no_error (error);
  g_assert_true (first == again);
  g_assert_true (first == other_db);

  /* Moving a deadline writes a new description: a new object, the old one untouched. */
  rounds = td_catalog_list_rounds (a, &error);
  g_assert_no_error (error);
  round = g_list_model_get_item (rounds, 0);
  g_assert_true (td_deadlines_set_due (a, round, TD_DEADLINE_ASSESSMENT, "2025-09-25", "Lùi hạn", &error));
  g_assert_no_error (error);
  moved = td_campaign_get (a, &error);
  g_assert_no_error (error);
  g_assert_true (moved != first);
  g_assert_false (g_bytes_equal (td_campaign_get_json (moved), td_campaign_get_json (first)));
  g_clear_object (&other_db);
  other_db = td_campaign_get (b, &error);
  g_assert_true (other_db == first);

  td_test_cleanup_dir (dir);
}

static void
test_campaign_appraisal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCampaign) plan = td_campaign_get_bundled (&error);
  GPtrArray *province, *own;

  g_assert_no_error (error);
  g_assert_true (td_campaign_check_appraisal (plan, &error));
  province = td_campaign_get_steps (plan, TD_AWARD_BANG_KHEN);
  own = td_campaign_get_steps (plan, TD_AWARD_GIAY_KHEN);
  /* The province's five bodies, a unit's own three steps. */
  g_assert_nonnull (province);
  g_assert_nonnull (own);
  g_assert_cmpuint (province->len, ==, 5);
  g_assert_cmpuint (own->len, ==, 3);
  g_assert_cmpint (((TdStepSpec *) province->pdata[0])->actor, ==, TD_STEP_BY_PROPOSER);
  g_assert_cmpint (((TdStepSpec *) province->pdata[province->len - 1])->actor, ==, TD_STEP_BY_DECISION);
  /* A body's step names the campaign's code; the register's unit is the caller's to find. */
  for (guint i = 0; i < province->len; i++)
    {
      TdStepSpec *s = province->pdata[i];
      if (s->actor == TD_STEP_BY_BODY)
        {
          g_assert_nonnull (s->campaign_code);
          g_assert_null (s->body_code);
        }
    }
  g_assert_cmpstr (td_campaign_get_council_rule (plan, "sitting"), ==, "standing-committee");
  g_assert_null (td_campaign_get_council_rule (plan, "no-such-rule"));
}

/* A description without an appraisal section says so, and has no steps. */
static void
test_campaign_without_appraisal (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autoptr(TdDatabase) db = td_test_open_seeded (dir, "bare.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCampaign) c = NULL;

  g_assert_true (td_database_set_meta (db, "campaign_json", "{\"id\": \"bare\"}", &error));
  c = td_campaign_get (db, &error);
  g_assert_no_error (error);
  g_assert_false (td_campaign_check_appraisal (c, &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_INVALID);
  g_assert_null (td_campaign_get_steps (c, TD_AWARD_BANG_KHEN));
  /* The appraisal falls back on the bundled plan's five steps. */
  {
    g_autoptr(GPtrArray) steps = td_appraisal_steps_for_level (db, TD_AWARD_BANG_KHEN, NULL);
    g_assert_nonnull (steps);
    g_assert_cmpuint (steps->len, ==, 5);
  }
  td_test_cleanup_dir (dir);
}

typedef struct {
  TdDatabase *db;
  TdCampaign *got;
} Ask;

static gpointer
ask_thread (gpointer data)
{
  Ask *ask = data;

  ask->got = td_campaign_get (ask->db, NULL);
  return NULL;
}

/* Eight threads, each with its own connection, ask at once: one object for all. */
static void
test_campaign_threads (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autoptr(TdDatabase) db = td_test_open_seeded (dir, "t.db");
  Ask asks[8];
  GThread *threads[8];

  for (guint i = 0; i < 8; i++)
    {
      asks[i].db = td_database_open (td_database_get_path (db), NULL);
      asks[i].got = NULL;
      threads[i] = g_thread_new ("ask", ask_thread, &asks[i]);
    }
  for (guint i = 0; i < 8; i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < 8; i++)
    {
      g_assert_nonnull (asks[i].got);
      g_assert_true (asks[i].got == asks[0].got);
      g_object_unref (asks[i].got);
      g_object_unref (asks[i].db);
    }
  td_test_cleanup_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/campaign/once-per-text", test_campaign_once_per_text);
  g_test_add_func ("/campaign/appraisal", test_campaign_appraisal);
  g_test_add_func ("/campaign/without-appraisal", test_campaign_without_appraisal);
  g_test_add_func ("/campaign/threads", test_campaign_threads);
  return g_test_run ();
}
