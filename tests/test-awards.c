/* test-awards.c: the Khen thưởng area as the board uses it: filters, the moves offered for
 * each status, a nomination refused then saved, a decision drawn up and previewed, and a
 * certificate batch written one file per awardee. */
#include <adwaita.h>
#include <math.h>

#include "td-awards-page.h"
#include "td-certificates-dialog.h"
#include "td-appraisal-page.h"
#include "td-appraisal-view.h"
#include "td-council-view.h"
#include "td-evidence-preview.h"
#include "td-decision-actions.h"
#include "td-nomination-pane.h"
#include "td-decision-dialog.h"
#include "td-document-preview.h"
#include "td-nomination-dialog.h"
#include "td-certificate.h"
#include "td-print.h"
#include <poppler.h>
#include "td-test-gtk.h"

typedef struct {
  char         *dir;
  TdDatabase   *db;
  GtkWidget    *window;
  TdAwardsPage *page;
} Fixture;

static GtkWidget *
child (gpointer widget, GType type, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));
}

/* The button under @root that activates @action on the row whose id is @id, or NULL. */
static GtkWidget *
find_id_button (GtkWidget *root, const char *action, gint64 id)
{
  return td_test_find_actionable (root, action, g_variant_new_int64 (id));
}

/* The first button (or check button) under @root that reads @label, or NULL. */
static GtkWidget *
find_labelled (GtkWidget  *root,
               const char *label)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if ((GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0) ||
          (GTK_IS_CHECK_BUTTON (w) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (w)), label) == 0))
        return w;
      if ((found = find_labelled (w, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Waits (5 s at most) for an alert over the window. */
static AdwAlertDialog *
wait_alert (Fixture *f)
{
  AdwDialog *shown = NULL;

  for (int i = 0; i < 250 && !ADW_IS_ALERT_DIALOG (shown); i++)
    {
      td_test_iterate (20);
      shown = adw_window_get_visible_dialog (ADW_WINDOW (f->window));
    }
  g_assert_true (ADW_IS_ALERT_DIALOG (shown));
  return ADW_ALERT_DIALOG (shown);
}

/* Presses @button and waits (5 s at most) for it to open a dialog of @type over the window;
 * closes it again.  Whether it did. */
static gboolean
press_opens_dialog (Fixture *f, GtkWidget *button, GType type)
{
  AdwDialog *shown = NULL;

  g_signal_emit_by_name (button, "clicked");
  for (int i = 0; i < 250 && !G_TYPE_CHECK_INSTANCE_TYPE (shown, type); i++)
    {
      td_test_iterate (20);
      shown = adw_window_get_visible_dialog (ADW_WINDOW (f->window));
    }
  if (!G_TYPE_CHECK_INSTANCE_TYPE (shown, type))
    return FALSE;
  adw_dialog_force_close (shown);
  td_test_iterate (10);
  return TRUE;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{

  f->dir = td_test_make_dir ();
  f->db = td_test_open_demo (f->dir, "awards.db");
  f->window = adw_window_new ();
  f->page = g_object_new (TD_TYPE_AWARDS_PAGE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  td_awards_page_set_database (f->page, f->db);
  td_test_iterate (20);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  td_test_iterate (20);
  g_object_unref (f->db);
  td_test_cleanup_dir (f->dir);
  g_free (f->dir);
}

static gint64
nomination_of (Fixture *f, const char *name)
{
  g_autoptr(GPtrArray) all = td_nomination_list (f->db, 0, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      TdNomination *n = all->pdata[i];
      if (g_strcmp0 (n->individual ? n->person_name : n->unit_name, name) == 0)
        return n->id;
    }
  g_assert_not_reached ();
}

static void
assert_offered (Fixture *f, const char *name, const char * const *expected)
{
  g_auto(GStrv) offered = NULL;

  g_assert_true (td_awards_page_select (f->page, nomination_of (f, name)));
  td_test_iterate (10);
  offered = td_awards_page_get_offered_moves (f->page);
  g_assert_cmpstrv (offered, expected);
}


/* Whether a label under @widget reads @text. */
static gboolean
label_in (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (label_in (c, text))
      return TRUE;
  return FALSE;
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  GtkDropDown *level = GTK_DROP_DOWN (child (f->page, TD_TYPE_AWARDS_PAGE, "level_dropdown"));
  GtkDropDown *subject = GTK_DROP_DOWN (child (f->page, TD_TYPE_AWARDS_PAGE, "subject_dropdown"));
  GtkDropDown *status = GTK_DROP_DOWN (child (f->page, TD_TYPE_AWARDS_PAGE, "status_dropdown"));
  GtkLabel *count = GTK_LABEL (child (f->page, TD_TYPE_AWARDS_PAGE, "count_label"));

  g_assert_cmpuint (td_awards_page_get_n_shown (f->page), ==, 13);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "13 of 13 nominations");
  gtk_drop_down_set_selected (level, 2);                 /* Giấy khen */
  g_assert_cmpuint (td_awards_page_get_n_shown (f->page), ==, 6);
  gtk_drop_down_set_selected (level, 0);
  gtk_drop_down_set_selected (subject, 2);               /* individuals */
  g_assert_cmpuint (td_awards_page_get_n_shown (f->page), ==, 8);
  gtk_drop_down_set_selected (status, 1 + TD_NOMINATION_DECIDED);
  g_assert_cmpuint (td_awards_page_get_n_shown (f->page), ==, 5);
  gtk_drop_down_set_selected (subject, 0);
  g_assert_cmpuint (td_awards_page_get_n_shown (f->page), ==, 8);
  /* Of the sample's four decisions, the ward's is a draft: its one nomination says so. */
  {
    GtkWidget *list = GTK_WIDGET (child (f->page, TD_TYPE_AWARDS_PAGE, "nomination_list"));
    guint in_draft = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
      in_draft += label_in (row, "In a draft decision");
    g_assert_cmpuint (in_draft, ==, 1);
  }
  gtk_drop_down_set_selected (status, 0);
  /* Search ignores case and finds the unit of an individual too. */
  td_awards_page_set_search (f->page, "NGỌC ÁNH");
  g_assert_cmpuint (td_awards_page_get_n_shown (f->page), ==, 1);
  td_awards_page_set_search (f->page, "từ sơn");
  g_assert_cmpuint (td_awards_page_get_n_shown (f->page), ==, 1);
  td_awards_page_set_search (f->page, "không có ai");
  g_assert_cmpuint (td_awards_page_get_n_shown (f->page), ==, 0);
  g_assert_cmpint (td_awards_page_get_current (f->page), ==, 0);
  td_awards_page_set_search (f->page, "");
  g_assert_cmpuint (td_awards_page_get_n_shown (f->page), ==, 13);
}

/* The button under @root whose mnemonic label is @label. */
static GtkWidget *
button_labelled (GtkWidget  *root,
                 const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = button_labelled (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_moves_offered (Fixture *f, gconstpointer data)
{
  GtkWidget *detail = child (f->page, TD_TYPE_AWARDS_PAGE, "pane");
  gint64 duc = nomination_of (f, "Trần Văn Đức");
  g_autoptr(TdNomination) after = NULL;

  assert_offered (f, "Phường Kinh Bắc", (const char *[]) { NULL });
  /* Passed by the council: the decision is the next step, nothing to do here. */
  assert_offered (f, "Xã Tiên Du", (const char *[]) { NULL });
  /* A ward's own Giấy khen follows its issuer's steps: the ward's council approves or returns. */
  assert_offered (f, "Lê Thị Hồng Nhung", (const char *[]) { "approve", "return", NULL });
  assert_offered (f, "Phạm Quốc Hưng", (const char *[]) { "approve", NULL });
  assert_offered (f, "Trần Văn Đức", (const char *[]) { "approve", "return", "undo", NULL });
  td_test_shot (f->window, "awards-appraised");

  /* Sở Nội vụ's step: refused while a check fails, then each failed check accepted with its
   * reason, then approved; the pane offers what follows. */
  {
    TdAppraisalView *view = td_nomination_pane_get_appraisal (TD_NOMINATION_PANE (detail));
    g_autoptr(GPtrArray) checks = td_appraisal_check (f->db, duc, FALSE, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (view);
    /* The button says so before anything is typed: insensitive, with why. */
    {
      GtkWidget *approve = button_labelled (GTK_WIDGET (view), "A_pprove…");

      g_assert_nonnull (approve);
      g_assert_false (gtk_widget_get_sensitive (approve));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (approve), "not met"));
    }
    g_assert_false (td_appraisal_view_act (view, "approve", NULL, "Đủ điều kiện", &error));
    g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_CHECK_FAILED);
    g_clear_error (&error);
    for (guint i = 0; i < checks->len; i++)
      if (!((TdEligibilityCheck *) checks->pdata[i])->passed)
        {
          view = td_nomination_pane_get_appraisal (TD_NOMINATION_PANE (detail));
          g_assert_true (td_appraisal_view_act (view, "override", ((TdEligibilityCheck *) checks->pdata[i])->id,
                                                "Đã đối chiếu hồ sơ giấy", &error));
          g_assert_no_error (error);
          td_test_iterate (10);
        }
    view = td_nomination_pane_get_appraisal (TD_NOMINATION_PANE (detail));
    g_assert_true (gtk_widget_get_sensitive (button_labelled (GTK_WIDGET (view), "A_pprove…")));
    g_assert_true (td_appraisal_view_act (view, "approve", NULL, "Đủ điều kiện", &error));
    g_assert_no_error (error);
    td_test_iterate (10);
  }
  after = td_nomination_get (f->db, duc, NULL);
  g_assert_cmpint (after->status, ==, TD_NOMINATION_APPRAISED);
  g_assert_cmpuint (td_appraisal_steps_done (f->db, duc, NULL), ==, 3);
  g_assert_cmpint (td_awards_page_get_current (f->page), ==, duc);
  {
    g_auto(GStrv) offered = td_awards_page_get_offered_moves (f->page);
    /* The council's vote comes next; Sở Nội vụ may still take its approval back. */
    g_assert_cmpstrv (offered, ((const char *[]) { "undo", NULL }));
  }
  td_test_shot (f->window, "awards-co-appraised");
}

static void
test_nomination_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = td_nomination_list (f->db, 0, &error);
  TdNominationDialog *dialog;
  GtkWidget *error_label;
  GtkTextView *achievement;
  g_autoptr(GPtrArray) after = NULL;

  g_signal_emit_by_name (child (f->page, TD_TYPE_AWARDS_PAGE, "new_nomination_button"), "clicked");
  td_test_iterate (10);
  dialog = TD_NOMINATION_DIALOG (adw_window_get_visible_dialog (ADW_WINDOW (f->window)));
  error_label = child (dialog, TD_TYPE_NOMINATION_DIALOG, "error_label");
  achievement = GTK_TEXT_VIEW (child (dialog, TD_TYPE_NOMINATION_DIALOG, "achievement_view"));
  /* An individual without a name: refused, said in the dialog, nothing stored. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, TD_TYPE_NOMINATION_DIALOG, "subject_row")), 1);
  g_signal_emit_by_name (child (dialog, TD_TYPE_NOMINATION_DIALOG, "save_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "full name"));
  after = td_nomination_list (f->db, 0, &error);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, TD_TYPE_NOMINATION_DIALOG, "person_row")), "Vũ Thị Ặng");
  td_test_shot (f->window, "nomination-dialog-error");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (achievement),
                            "Đã có thành tích xuất sắc trong hướng dẫn người dân dùng dịch vụ công trực tuyến", -1);
  g_signal_emit_by_name (child (dialog, TD_TYPE_NOMINATION_DIALOG, "save_button"), "clicked");
  td_test_iterate (20);
  after = td_nomination_list (f->db, 0, &error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpstr (((TdNomination *) after->pdata[after->len - 1])->person_name, ==, "Vũ Thị Ặng");
  /* The list shows it and selects it. */
  g_assert_cmpuint (td_awards_page_get_n_shown (f->page), ==, 14);
  g_assert_cmpint (td_awards_page_get_current (f->page), ==, ((TdNomination *) after->pdata[after->len - 1])->id);
}

static void
test_decision_and_certificates (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 tien_du = nomination_of (f, "Xã Tiên Du");
  TdDecisionDialog *dialog;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) awardees = NULL;
  g_autoptr(TdNomination) n = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *out = g_build_filename (f->dir, "certs", NULL);
  TdCertificatesDialog *certs;
  AdwDialog *shown;
  int waited = 0;

  g_signal_emit_by_name (child (f->page, TD_TYPE_AWARDS_PAGE, "new_decision_button"), "clicked");
  td_test_iterate (10);
  dialog = TD_DECISION_DIALOG (adw_window_get_visible_dialog (ADW_WINDOW (f->window)));
  td_test_shot (f->window, "decision-dialog");
  decisions = td_decision_list (f->db, 0, &error);
  g_assert_cmpuint (decisions->len, ==, 4);
  g_clear_pointer (&decisions, g_ptr_array_unref);

  /* The province's draft: Xã Tiên Du's approved Bằng khen is offered, not the Giấy khen. */
  g_signal_emit_by_name (child (dialog, TD_TYPE_DECISION_DIALOG, "save_button"), "clicked");
  decisions = td_decision_list (f->db, 0, &error);
  g_assert_cmpuint (decisions->len, ==, 5);
  g_assert_true (td_decision_is_draft (decisions->pdata[0]));
  g_assert_null (((TdDecision *) decisions->pdata[0])->issuer_code);
  n = td_nomination_get (f->db, tien_du, &error);
  g_assert_cmpint (n->status, ==, TD_NOMINATION_DECIDED);
  g_assert_cmpint (n->decision_id, ==, ((TdDecision *) decisions->pdata[0])->id);

  /* Saving opens the preview once the decision is laid out in its thread. */
  do
    {
      td_test_iterate (20);
      shown = adw_window_get_visible_dialog (ADW_WINDOW (f->window));
    }
  while (!TD_IS_DOCUMENT_PREVIEW (shown) && ++waited < 250);
  g_assert_nonnull (shown);
  g_assert_true (TD_IS_DOCUMENT_PREVIEW (shown));
  td_test_shot (f->window, "decision-preview");
  adw_dialog_force_close (shown);

  /* Its row's buttons act on it by its id: Issue opens the alert that gives it a number. */
  {
    GtkWidget *issue_button = find_id_button (child (f->page, TD_TYPE_AWARDS_PAGE, "decision_list"),
                                                    "decision.issue", ((TdDecision *) decisions->pdata[0])->id);

    g_assert_nonnull (issue_button);
    /* Only a draft is issued; every decision is previewed. */
    for (guint i = 0; i < decisions->len; i++)
      {
        TdDecision *d = decisions->pdata[i];
        GtkWidget *list = child (f->page, TD_TYPE_AWARDS_PAGE, "decision_list");

        g_assert_true ((find_id_button (list, "decision.issue", d->id) != NULL) == td_decision_is_draft (d));
        g_assert_nonnull (find_id_button (list, "decision.preview", d->id));
      }
    g_assert_true (press_opens_dialog (f, issue_button, ADW_TYPE_ALERT_DIALOG));
  }

  /* Issued from its row's alert: the province's register goes on from the sample's 003/2026. */
  {
    gint64 id = ((TdDecision *) decisions->pdata[0])->id;
    AdwAlertDialog *issue = td_decision_issue_dialog_new (f->db, id, G_OBJECT (f->page), NULL);
    g_autoptr(GHashTable) numbers = NULL;
    g_autoptr(TdDecision) issued = NULL;

    g_object_ref_sink (issue);
    gtk_editable_set_text (GTK_EDITABLE (td_test_find_row_titled (adw_alert_dialog_get_extra_child (issue), "Number")), "8");
    gtk_editable_set_text (GTK_EDITABLE (td_test_find_row_titled (adw_alert_dialog_get_extra_child (issue),
                                                                    "Date signed (dd/mm/yyyy)")),
                           "09/10/2026");
    g_assert_true (adw_alert_dialog_get_response_enabled (issue, "issue"));
    g_signal_emit_by_name (issue, "response", "issue");
    g_object_unref (issue);
    issued = td_decision_load (f->db, id, &error);
    g_assert_cmpint (issued->status, ==, TD_DECISION_ISSUED);
    g_assert_cmpstr (issued->signed_on, ==, "2026-10-09");
    numbers = td_award_book_numbers_for_decision (f->db, id, &error);
    g_assert_cmpstr (g_hash_table_lookup (numbers, &tien_du), ==, "004/2026");
  }

  /* Certificates of the sample's Bằng khen decision, one file per awardee, named after them. */
  g_clear_pointer (&decisions, g_ptr_array_unref);
  decisions = td_decision_list (f->db, 0, &error);
  g_ptr_array_remove_range (decisions, 1, decisions->len - 2);   /* [0] the newest, [1] the sample's first */
  awardees = td_decision_list_awardees (f->db, ((TdDecision *) decisions->pdata[1])->id, &error);
  certs = td_certificates_dialog_new (f->db, ((TdDecision *) decisions->pdata[1])->id);
  adw_dialog_present (ADW_DIALOG (certs), GTK_WIDGET (f->page));
  folder = g_file_new_for_path (out);
  g_assert_true (g_file_make_directory (folder, NULL, NULL));
  td_test_shot (f->window, "certificates-dialog");
  td_certificates_dialog_split_into (certs, folder);
  g_assert_true (td_certificates_dialog_is_busy (certs));
  g_assert_false (adw_dialog_get_can_close (ADW_DIALOG (certs)));
  for (waited = 0; td_certificates_dialog_is_busy (certs) && waited < 500; waited++)
    td_test_iterate (20);
  g_assert_false (td_certificates_dialog_is_busy (certs));
  for (guint i = 0; i < awardees->len; i++)
    {
      g_autoptr(GPtrArray) list = td_certificates_for_decision (decisions->pdata[1], awardees, NULL);
      g_autofree char *name = td_certificate_file_name (list->pdata[i], i);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autoptr(GBytes) pdf = td_test_read_file (path);

      g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
    }
  {
    g_autofree char *ngoc_anh = g_build_filename (out, "003-Nguyễn-Thị-Ngọc-Ánh.pdf", NULL);
    g_assert_true (g_file_test (ngoc_anh, G_FILE_TEST_EXISTS));
  }
  adw_dialog_force_close (ADW_DIALOG (certs));
  td_test_iterate (20);
  {
    g_autoptr(GDir) d = g_dir_open (out, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (out, name, NULL);
        g_remove (path);
      }
    g_rmdir (out);
  }
}

/* Where @text starts on page 1 of @pdf, in points from the top left. */
static void
text_origin (GBytes *pdf, const char *text, double *x, double *y)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  PopplerPage *page;
  GList *hits;
  double w, h;

  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &w, &h);
  hits = poppler_page_find_text (page, text);
  g_assert_nonnull (hits);
  *x = ((PopplerRectangle *) hits->data)->x1;
  *y = h - ((PopplerRectangle *) hits->data)->y2;
  g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
  g_object_unref (page);
  g_object_unref (doc);
}

/* What goes to the printer: the certificate page 1:1 on its paper, moved by the offset. */
static void
test_print_offset (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCertificateTemplate) t = td_certificate_template_load ("blank-a4", &error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_certificate_free);
  TdCertificate *c = g_new0 (TdCertificate, 1);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *plain = g_build_filename (f->dir, "plain.pdf", NULL);
  g_autofree char *moved = g_build_filename (f->dir, "moved.pdf", NULL);
  g_autoptr(GBytes) plain_pdf = NULL;
  g_autoptr(GBytes) moved_pdf = NULL;
  double x0, y0, x1, y1;

  c->recipient = g_strdup ("Nguyễn Thị Ngọc Ánh");
  c->decision = g_strdup ("Quyết định số 05/QĐ-UBND ngày 08/10/2026");
  g_ptr_array_add (list, c);
  pdf = td_certificates_render_pdf (t, list, 0, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (td_print_pdf_export (pdf, plain, 0, 0, &error));
  g_assert_no_error (error);
  g_assert_true (td_print_pdf_export (pdf, moved, 3, -2, &error));
  plain_pdf = td_test_read_file (plain);
  moved_pdf = td_test_read_file (moved);
  text_origin (pdf, "Nguyễn Thị Ngọc Ánh", &x0, &y0);
  text_origin (plain_pdf, "Nguyễn Thị Ngọc Ánh", &x1, &y1);
  /* Printed 1:1: the field lands where the template put it. */
  g_assert_cmpfloat (fabs (x1 - x0), <, 0.5);
  g_assert_cmpfloat (fabs (y1 - y0), <, 0.5);
  text_origin (moved_pdf, "Nguyễn Thị Ngọc Ánh", &x1, &y1);
  g_assert_cmpfloat (fabs (x1 - x0 - 3 * 72 / 25.4), <, 0.5);
  g_assert_cmpfloat (fabs (y1 - y0 + 2 * 72 / 25.4), <, 0.5);
  g_remove (plain);
  g_remove (moved);
}

static void
test_council (Fixture *f, gconstpointer data)
{
  TdCouncilView *view = TD_COUNCIL_VIEW (child (f->page, TD_TYPE_AWARDS_PAGE, "council_view"));
  GtkWidget *new_meeting = child (view, TD_TYPE_COUNCIL_VIEW, "new_meeting_button");
  gint64 duc = nomination_of (f, "Trần Văn Đức");
  g_autoptr(GArray) waiting = NULL;
  g_autoptr(GPtrArray) checks = td_appraisal_check (f->db, duc, FALSE, NULL);
  g_autoptr(GError) error = NULL;

  td_awards_page_show_view (f->page, "council");
  td_test_iterate (10);
  /* The board writes the Tờ trình; a commune's own installation has no such paper. */
  g_assert_true (gtk_widget_get_visible (child (view, TD_TYPE_COUNCIL_VIEW, "proposal_button")));
  {
    g_autoptr(TdNomination) any = td_nomination_get (f->db, duc, NULL);

    g_assert_true (td_database_set_installation (f->db, TD_INSTALLATION_UNIT, "X-TIENDU", &error));
    td_council_view_set_database (view, f->db, any->round_id);
    g_assert_false (gtk_widget_get_visible (child (view, TD_TYPE_COUNCIL_VIEW, "proposal_button")));
    g_assert_true (td_database_set_installation (f->db, TD_INSTALLATION_BOARD, NULL, &error));
    td_council_view_set_database (view, f->db, any->round_id);
    g_assert_true (gtk_widget_get_visible (child (view, TD_TYPE_COUNCIL_VIEW, "proposal_button")));
  }
  /* The sample's meeting, closed, with its members. */
  g_assert_true (label_in (GTK_WIDGET (view), "Meeting of 01/10/2026"));
  g_assert_true (label_in (GTK_WIDGET (view), "Đặng Thị Lan"));
  /* Its minutes open from its own button, found by the meeting's id. */
  {
    g_autoptr(GArray) meetings = td_meeting_list (f->db, &error);
    GtkWidget *minutes;

    g_assert_no_error (error);
    g_assert_cmpuint (meetings->len, >, 0);
    minutes = find_id_button (GTK_WIDGET (view), "council.minutes", g_array_index (meetings, gint64, 0));
    g_assert_nonnull (minutes);
    g_assert_true (press_opens_dialog (f, minutes, TD_TYPE_DOCUMENT_PREVIEW));
  }
  /* Nothing waits for the council yet: no meeting to create. */
  g_assert_false (gtk_widget_get_sensitive (new_meeting));
  td_test_shot (f->window, "council");

  /* Sở Nội vụ co-appraises Trần Văn Đức: he waits for the council. */
  for (guint i = 0; i < checks->len; i++)
    if (!((TdEligibilityCheck *) checks->pdata[i])->passed)
      g_assert_true (td_appraisal_override (f->db, duc, "SNV", ((TdEligibilityCheck *) checks->pdata[i])->id,
                                            "Đã đối chiếu", &error));
  g_assert_true (td_appraisal_approve (f->db, duc, "SNV", NULL, &error));
  g_assert_no_error (error);
  td_council_view_reload (view);
  waiting = td_council_view_get_waiting (view);
  g_assert_cmpuint (waiting->len, ==, 1);
  g_assert_cmpint (g_array_index (waiting, gint64, 0), ==, duc);
  g_assert_true (gtk_widget_get_sensitive (new_meeting));

  /* A meeting of the standing committee for him: its details, for the minutes, from the window. */
  {
    gint64 present[] = { 2, 3, 7 };   /* the sample's standing committee, its Chairman away */
    g_autoptr(GPtrArray) members = td_council_list_members (f->db, &error);
    g_autoptr(GHashTable) sitting = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GArray) before = td_meeting_list (f->db, &error);
    g_autoptr(GArray) after = NULL;
    g_autoptr(TdMeeting) m = NULL;
    AdwAlertDialog *form;
    GtkWidget *details;
    AdwDialog *dialog;
    gint64 meeting = 0;

    /* Created from the window: the date typed, the Chairman unticked, Đức on the agenda. */
    for (guint i = 0; i < members->len; i++)
      for (guint k = 0; k < G_N_ELEMENTS (present); k++)
        if (((TdCouncilMember *) members->pdata[i])->id == present[k])
          g_hash_table_add (sitting, ((TdCouncilMember *) members->pdata[i])->name);
    g_signal_emit_by_name (new_meeting, "clicked");
    form = wait_alert (f);
    g_assert_true (adw_alert_dialog_get_response_enabled (form, "create"));
    for (GtkWidget *list = gtk_widget_get_first_child (adw_alert_dialog_get_extra_child (form)); list;
         list = gtk_widget_get_next_sibling (list))
      for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
        {
          const char *title = ADW_IS_PREFERENCES_ROW (row) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
          GtkWidget *check = find_labelled (row, NULL);

          if (ADW_IS_ENTRY_ROW (row))
            gtk_editable_set_text (GTK_EDITABLE (row), "20/11/2026");
          else if (check != NULL && GTK_IS_CHECK_BUTTON (check) && title && !g_str_equal (title, "Trần Văn Đức"))
            gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (sitting, title));
        }
    g_signal_emit_by_name (form, "response", "create");
    adw_dialog_force_close (ADW_DIALOG (form));
    td_test_iterate (10);
    after = td_meeting_list (f->db, &error);
    g_assert_cmpuint (after->len, ==, before->len + 1);
    for (guint i = 0; i < after->len; i++)
      {
        gboolean known = FALSE;
        for (guint k = 0; k < before->len; k++)
          known |= g_array_index (after, gint64, i) == g_array_index (before, gint64, k);
        if (!known)
          meeting = g_array_index (after, gint64, i);
      }
    m = td_meeting_load (f->db, meeting, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (m->present->len, ==, G_N_ELEMENTS (present));
    g_assert_cmpuint (m->items->len, ==, 1);
    g_clear_pointer (&m, td_meeting_free);
    td_council_view_reload (view);
    details = find_id_button (GTK_WIDGET (view), "council.details", meeting);
    g_assert_nonnull (details);
    g_signal_emit_by_name (details, "clicked");
    td_test_iterate (20);
    dialog = adw_window_get_visible_dialog (ADW_WINDOW (f->window));
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    td_test_shot (f->window, "council-details");
    for (GtkWidget *w = gtk_widget_get_first_child (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog)));
         w != NULL; w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_ENTRY_ROW (w))
        {
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));
          gtk_editable_set_text (GTK_EDITABLE (w), g_str_has_prefix (title, "Place") ? "Phòng họp số 2"
                                                   : g_str_has_prefix (title, "Starts") ? "14:00" : "16:00");
        }
    g_signal_emit_by_name (dialog, "response", "save");
    adw_dialog_force_close (dialog);
    td_test_iterate (10);
    m = td_meeting_load (f->db, meeting, &error);
    g_assert_cmpstr (m->place, ==, "Phòng họp số 2");
    g_assert_cmpstr (m->starts_at, ==, "14:00");
    g_assert_cmpstr (m->chair, ==, "Mai Sơn");
    g_assert_cmpstr (m->secretary, ==, "Nguyễn Đức Hùng");
  }

  /* The ballot, from the row's Count… button: the three present all agree. */
  {
    GtkWidget *count = find_labelled (GTK_WIDGET (view), "_Count…");
    g_autoptr(GArray) meetings = NULL;
    g_autoptr(TdMeeting) m = NULL;
    AdwAlertDialog *dialog;
    guint k = 0;

    g_assert_nonnull (count);
    g_signal_emit_by_name (count, "clicked");
    dialog = wait_alert (f);
    for (GtkWidget *w = gtk_widget_get_first_child (adw_alert_dialog_get_extra_child (dialog)); w;
         w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_SPIN_ROW (w) && k++ == 0)
        adw_spin_row_set_value (ADW_SPIN_ROW (w), 3);
    g_signal_emit_by_name (dialog, "response", "count");
    adw_dialog_force_close (ADW_DIALOG (dialog));
    td_test_iterate (10);
    meetings = td_meeting_list (f->db, &error);
    for (guint i = 0; i < meetings->len && m == NULL; i++)
      {
        g_autoptr(TdMeeting) each = td_meeting_load (f->db, g_array_index (meetings, gint64, i), &error);
        if (!each->closed)
          m = g_steal_pointer (&each);
      }
    g_assert_nonnull (m);
    g_assert_true (((TdMeetingItem *) m->items->pdata[0])->voted);
    g_assert_cmpuint (((TdMeetingItem *) m->items->pdata[0])->agree, ==, 3);
  }

  /* A member onto the standing committee and off it again, from the check beside the name; a
   * member added from the header's button. */
  {
    GtkWidget *standing = find_labelled (GTK_WIDGET (view), "Standing Committee");
    g_autoptr(GPtrArray) before = td_council_list_members (f->db, &error);
    g_autoptr(GPtrArray) after = NULL;
    guint n_before = 0, n_after = 0;
    AdwAlertDialog *dialog;
    guint k = 0;

    for (guint i = 0; i < before->len; i++)
      n_before += ((TdCouncilMember *) before->pdata[i])->standing;
    g_assert_nonnull (standing);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (standing), !gtk_check_button_get_active (GTK_CHECK_BUTTON (standing)));
    td_test_iterate (10);
    after = td_council_list_members (f->db, &error);
    for (guint i = 0; i < after->len; i++)
      n_after += ((TdCouncilMember *) after->pdata[i])->standing;
    g_assert_cmpuint (n_after, !=, n_before);
    td_council_view_reload (view);
    td_test_iterate (10);

    g_signal_emit_by_name (child (view, TD_TYPE_COUNCIL_VIEW, "add_member_button"), "clicked");
    dialog = wait_alert (f);
    for (GtkWidget *w = gtk_widget_get_first_child (adw_alert_dialog_get_extra_child (dialog)); w;
         w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_ENTRY_ROW (w))
        gtk_editable_set_text (GTK_EDITABLE (w), k++ == 0 ? "Lê Thị Thu" : "Ủy viên");
    g_signal_emit_by_name (dialog, "response", "add");
    adw_dialog_force_close (ADW_DIALOG (dialog));
    td_test_iterate (10);
    g_clear_pointer (&after, g_ptr_array_unref);
    after = td_council_list_members (f->db, &error);
    g_assert_cmpuint (after->len, ==, before->len + 1);
  }

  /* The board gives the co-appraisal to another unit in its preferences: recorded at once. */
  {
    TdAppraisalPage *page = g_object_ref_sink (td_appraisal_page_new (f->db));
    g_autoptr(GPtrArray) units = td_register_list (f->db, NULL);
    g_autoptr(GPtrArray) steps = NULL;
    AdwComboRow *co = NULL;
    guint index = 0, k = 0;

    g_autoptr(GPtrArray) named = td_appraisal_steps (f->db, NULL, NULL);

    /* The row of the co-appraisal, found by the title it shows. */
    g_assert_cmpstr (((TdStepSpec *) named->pdata[2])->id, ==, "co-appraisal");
    co = ADW_COMBO_ROW (td_test_find_row_titled (GTK_WIDGET (page), ((TdStepSpec *) named->pdata[2])->title));
    g_assert_nonnull (co);
    for (guint i = 0; i < units->len; i++)
      {
        TdUnitRecord *u = units->pdata[i];
        /* The combo offers the units that may act at a step: departments, agencies, organisations. */
        if (!td_appraisal_body_may_be (u, NULL))
          continue;
        if (g_str_equal (u->code, "SKHCN"))
          index = k;
        k++;
      }
    adw_combo_row_set_selected (co, index);
    steps = td_appraisal_steps (f->db, NULL, NULL);
    g_assert_cmpstr (((TdStepSpec *) steps->pdata[2])->body_code, ==, "SKHCN");
    g_object_unref (page);
  }

  /* Retiring a member is asked first, by name; Cancel changes nothing. */
  {
    g_autoptr(GPtrArray) members = td_council_list_members (f->db, &error);
    TdCouncilMember *m = members->pdata[members->len - 1];
    gint64 id;
    g_autofree char *name = NULL;
    GtkWidget *retire;
    AdwDialog *dialog;

    for (guint i = 0; i < members->len; i++)
      if (((TdCouncilMember *) members->pdata[i])->active)
        m = members->pdata[i];
    g_assert_true (m->active);
    id = m->id;
    name = g_strdup (m->name);
    td_council_view_reload (view);
    td_test_iterate (10);
    for (int round = 0; round < 2; round++)
      {
        g_autoptr(GPtrArray) now = NULL;

        retire = find_id_button (GTK_WIDGET (view), "council.retire", id);
        g_assert_nonnull (retire);
        g_signal_emit_by_name (retire, "clicked");
        dialog = NULL;
        for (int i = 0; i < 250 && !ADW_IS_ALERT_DIALOG (dialog); i++)
          {
            td_test_iterate (20);
            dialog = adw_window_get_visible_dialog (ADW_WINDOW (f->window));
          }
        g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
        g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), name));
        g_signal_emit_by_name (dialog, "response", round == 0 ? "cancel" : "retire");
        adw_dialog_force_close (dialog);
        td_test_iterate (10);
        now = td_council_list_members (f->db, &error);
        for (guint i = 0; i < now->len; i++)
          if (((TdCouncilMember *) now->pdata[i])->id == id)
            g_assert_true (((TdCouncilMember *) now->pdata[i])->active == (round == 0));
      }
  }
}

/* The dossier's files open from the pane, each by its own id. */
static void
test_pane_opens_evidence (Fixture *f, gconstpointer data)
{
  gint64 duc = nomination_of (f, "Trần Văn Đức");
  g_autoptr(GPtrArray) files = td_evidence_list_for_nomination (f->db, duc, NULL);
  GtkWidget *open;

  g_assert_nonnull (files);
  g_assert_cmpuint (files->len, >, 0);
  g_assert_true (td_awards_page_select (f->page, duc));
  td_test_iterate (10);
  open = find_id_button (child (f->page, TD_TYPE_AWARDS_PAGE, "pane"), "pane.open-evidence",
                               ((TdEvidenceInfo *) files->pdata[0])->id);
  g_assert_nonnull (open);
  g_assert_true (press_opens_dialog (f, open, TD_TYPE_EVIDENCE_PREVIEW));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/awards/filters", test_filters);
  ADD ("/awards/moves-offered", test_moves_offered);
  ADD ("/awards/nomination-dialog", test_nomination_dialog);
  ADD ("/awards/decision-and-certificates", test_decision_and_certificates);
  ADD ("/awards/print-offset", test_print_offset);
  ADD ("/awards/council", test_council);
  ADD ("/awards/pane-opens-evidence", test_pane_opens_evidence);
  return g_test_run ();
}
