/* test-sign.c: the export dialog's signature choice with a SoftHSM2 token: the unit's keys
 * listed, a wrong PIN said in the dialog with nothing written, the right PIN a signed file,
 * and the PIN entry emptied either way. */
#include <adwaita.h>

#include "td-package.h"
#include "td-preferences-dialog.h"
#include "td-sign-dialog.h"
#include "td-trust-page.h"
#include "td-test-gtk.h"
#include "td-test-pki.h"

static GtkWidget *
child (gpointer widget, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), TD_TYPE_SIGN_DIALOG, name));
}

static void
test_sign_dialog (void)
{
  g_autoptr(GError) error = NULL;
  TdDatabase *db;
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autofree char *path = NULL;
  g_autofree char *signer = NULL;
  GtkWidget *window;
  TdSignDialog *dialog;
  GListModel *choices;
  guint unit_key = 0;
  gint64 a;

  if (!td_test_pki_setup ())
    {
      g_test_skip ("certtool, p11tool, softhsm2-util or the SoftHSM2 module is missing");
      return;
    }
  g_setenv ("THIDUA_PKCS11_MODULE", module, TRUE);
  db = td_test_open_seeded (dir, "unit.db");
  targets = td_catalog_list_targets (db, &error);
  round = td_catalog_find_round (db, 2, &error);
  unit = td_catalog_add_unit (db, "X-A", "Xã Á", TD_UNIT_KIND_COMMUNE, NULL, &error);
  /* The commune's own installation, as its setup file makes it. */
  g_assert_true (td_database_set_installation (db, TD_INSTALLATION_UNIT, "X-A", &error));
  a = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  for (guint n = 1; n <= 19; n++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (targets, n - 1);
      TdValue v = { .not_applicable = TRUE, .na_reason = (char *) "Không áp dụng" };
      g_assert_true (td_assessment_set_value (db, a, t, &v, &error));
    }
  g_assert_true (td_assessment_set_status (db, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error));
  g_assert_no_error (error);
  path = g_build_filename (dir, "xa-a.thidua", NULL);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  dialog = td_sign_dialog_new (db, "X-A", 2, path);
  g_signal_connect_swapped (dialog, "exported", G_CALLBACK (g_set_str), &signer);
  adw_dialog_present (ADW_DIALOG (dialog), window);
  td_test_iterate (20);

  /* A unit's words: the package goes to the province. */
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (dialog, "intro_group"))),
                            "province"));
  /* "Do not sign", the seven keys on the token (four units', three of the board's), "Certificate file…". */
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (child (dialog, "key_row")));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (choices, i);
      if (g_str_has_prefix (gtk_string_object_get_string (s), "UBND xã Á (token thidua)"))
        unit_key = i;
    }
  g_assert_cmpuint (unit_key, >, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "key_row")), unit_key);
  g_assert_true (gtk_widget_get_visible (child (dialog, "secret_row")));

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "secret_row")), "0000");
  g_signal_emit_by_name (child (dialog, "export_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (child (dialog, "error_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "error_label"))), "PIN"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "secret_row"))), ==, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  td_test_shot (window, "sign-dialog-wrong-pin");
  g_assert_null (signer);

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "secret_row")), PIN);
  g_signal_emit_by_name (child (dialog, "export_button"), "clicked");
  td_test_iterate (20);
  g_assert_cmpstr (signer, ==, "UBND xã Á");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    /* The file is signed: a province that trusts nothing refuses it as untrusted. */
    TdDatabase *province = td_test_open_seeded (dir, "province.db");
    g_autoptr(TdUnit) copy = td_catalog_add_unit (province, "X-A", "Xã Á", TD_UNIT_KIND_COMMUNE, NULL, NULL);
    g_autoptr(TdPackagePreview) preview = td_package_inspect (province, path, 0, &error);
    g_assert_null (preview);
    g_assert_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNTRUSTED);
    g_object_unref (province);
  }
  /* The board signs setup files in its own words. */
  {
    TdSignDialog *setup = td_sign_dialog_new_for_setup (db, dir);
    const char *said;

    adw_dialog_present (ADW_DIALOG (setup), window);
    td_test_iterate (20);
    said = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (
      GTK_WIDGET (setup), TD_TYPE_SIGN_DIALOG, "intro_group")));
    g_assert_nonnull (strstr (said, "setup files"));
    g_assert_null (strstr (said, "province"));
    adw_dialog_force_close (ADW_DIALOG (setup));
    td_test_iterate (10);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_object_unref (db);
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

static GBytes *
pem (const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.pem", dir, name);
  return td_test_read_file (path);
}

static void
test_trust_page (void)
{
  g_autoptr(GError) error = NULL;
  TdDatabase *db;
  GtkWidget *window;
  TdPreferencesDialog *prefs;
  TdTrustPage *page;
  g_autoptr(GBytes) ca = NULL;
  g_autoptr(GBytes) leaf = NULL;
  g_autoptr(GPtrArray) cas = NULL;
  g_autoptr(GPtrArray) bound = NULL;
  g_autoptr(TdUnit) unit = NULL;
  AdwSwitchRow *unsigned_row = NULL;

  if (!td_test_pki_setup ())
    {
      g_test_skip ("certtool, p11tool, softhsm2-util or the SoftHSM2 module is missing");
      return;
    }
  db = td_test_open_seeded (dir, "board.db");
  unit = td_catalog_add_unit (db, "X-A", "Xã Á", TD_UNIT_KIND_COMMUNE, NULL, &error);
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  prefs = td_preferences_dialog_new (db);
  adw_dialog_present (ADW_DIALOG (prefs), window);
  td_test_iterate (20);
  page = TD_TRUST_PAGE (find_type (GTK_WIDGET (prefs), TD_TYPE_TRUST_PAGE));
  g_assert_true (TD_IS_TRUST_PAGE (page));

  ca = pem ("ca");
  leaf = pem ("unit");
  /* A unit's certificate is not an authority: refused, nothing stored. */
  g_assert_false (td_trust_page_add (page, NULL, leaf));
  g_assert_true (td_trust_page_add (page, NULL, ca));
  g_assert_true (td_trust_page_add (page, "X-A", leaf));
  cas = td_trust_list_cas (db, &error);
  g_assert_cmpuint (cas->len, ==, 1);
  g_assert_cmpstr (((TdCertInfo *) cas->pdata[0])->subject, ==, "CA thử nghiệm Bắc Ninh");
  bound = td_trust_list_bound (db, "X-A", &error);
  g_assert_cmpuint (bound->len, ==, 1);

  /* The switch is the database's setting. */
  g_assert_true (td_trust_get_allow_unsigned (db));
  unsigned_row = ADW_SWITCH_ROW (find_type (GTK_WIDGET (page), ADW_TYPE_SWITCH_ROW));
  g_assert_nonnull (unsigned_row);
  adw_switch_row_set_active (unsigned_row, FALSE);
  g_assert_false (td_trust_get_allow_unsigned (db));
  adw_preferences_dialog_set_visible_page (ADW_PREFERENCES_DIALOG (prefs), ADW_PREFERENCES_PAGE (page));
  td_test_shot (window, "trust-page");

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_object_unref (db);
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dir = td_test_make_dir ();
  g_test_add_func ("/sign/dialog", test_sign_dialog);
  g_test_add_func ("/sign/trust-page", test_trust_page);
  status = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    (void) system (cmd);
  }
  return status;
}
