/* td-pdf-reader.c: the page view with what a reader reaches for around it.
 *
 * The page view does the work; this adds a bar with previous / next, the page number to type,
 * fit width / fit page, Ctrl+F with next and previous, and a password prompt for protected
 * files that says when the password is wrong.  The evidence dialog and the review area both
 * show one. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "td-pdf-reader.h"
#include "td-pdf-signature.h"
#include "td-pdf-thumbnails.h"

struct _TdPdfReader
{
  AdwBin          parent_instance;

  GBytes         *pdf;
  TdPdfView      *view;
  GtkEntry       *page_entry;
  GtkLabel       *n_pages_label;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  AdwPasswordEntryRow *password_row;
  GtkLabel       *password_error;
  GtkToggleButton *thumbnails_button;
  GtkToggleButton *continuous_button;
  GtkRevealer    *thumbnails_revealer;
  TdPdfThumbnails *thumbnails;
  GSettings      *settings;
  AdwBanner      *signature_banner;
  GPtrArray      *signatures;      /* TdPdfSignature of the file shown, for the details */
  GCancellable   *signature_cancel;
  GCancellable   *open_cancel;     /* the document being opened */
};

G_DEFINE_FINAL_TYPE (TdPdfReader, td_pdf_reader, ADW_TYPE_BIN)

static void
page_changed_cb (TdPdfReader *self)
{
  int n = td_pdf_view_get_n_pages (self->view);
  g_autofree char *page = n > 0 ? g_strdup_printf ("%d", td_pdf_view_get_page (self->view) + 1) : g_strdup ("");
  g_autofree char *total = n > 0 ? g_strdup_printf (_("of %d"), n) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), page);
  gtk_label_set_label (self->n_pages_label, total);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_entry), n > 0);
}

static void
page_entry_activate_cb (TdPdfReader *self)
{
  int page = atoi (gtk_editable_get_text (GTK_EDITABLE (self->page_entry)));

  td_pdf_view_set_page (self->view, page - 1);
  page_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
search_changed_cb (TdPdfReader *self)
{
  td_pdf_view_set_search (self->view, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (td_pdf_view_get_n_hits (self->view) == 0)
    td_pdf_view_find_next (self->view, FALSE);
}

static void
next_match_cb (TdPdfReader *self)
{
  td_pdf_view_find_next (self->view, FALSE);
}

static void
previous_match_cb (TdPdfReader *self)
{
  td_pdf_view_find_next (self->view, TRUE);
}

static void
search_mode_cb (TdPdfReader *self)
{
  /* Escape closes the bar and the highlights go with it. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      td_pdf_view_set_search (self->view, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
}

/* Signatures */

static void
signatures_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TdPdfReader) self = user_data;
  g_autoptr(GPtrArray) signatures = td_pdf_document_get_signatures_finish (result, NULL);
  g_autofree char *line = NULL;

  /* Cancelled: another file is in the reader by now. */
  if (signatures == NULL || signatures->len == 0)
    return;
  g_clear_pointer (&self->signatures, g_ptr_array_unref);
  self->signatures = g_ptr_array_ref (signatures);
  line = td_pdf_signature_describe (signatures->pdata[0]);
  if (signatures->len > 1)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "%s (and %u more signature)", "%s (and %u more signatures)",
                                                            signatures->len - 1), line, signatures->len - 1);
      g_set_str (&line, more);
    }
  adw_banner_set_title (self->signature_banner, line);
  adw_banner_set_revealed (self->signature_banner, TRUE);
}

char **
td_pdf_reader_get_signature_details (TdPdfReader *self)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  for (guint i = 0; self->signatures && i < self->signatures->len; i++)
    g_strv_builder_take (lines, td_pdf_signature_describe (self->signatures->pdata[i]));
  return g_strv_builder_end (lines);
}

/* Every signature of the file, one paragraph each: the banner has room for the first. */
static void
signature_details_cb (TdPdfReader *self)
{
  g_auto(GStrv) lines = td_pdf_reader_get_signature_details (self);
  g_autofree char *body = g_strjoinv ("\n\n", lines);
  AdwDialog *dialog = adw_alert_dialog_new (_("Digital Signatures"), body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_alert_dialog_set_body_use_markup (ADW_ALERT_DIALOG (dialog), FALSE);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* Validating may read the whole file and ask NSS: in a helper process, never waited for. */
static void
check_signatures (TdPdfReader   *self,
                  TdPdfDocument *doc)
{
  g_cancellable_cancel (self->signature_cancel);
  g_clear_object (&self->signature_cancel);
  adw_banner_set_revealed (self->signature_banner, FALSE);
  g_clear_pointer (&self->signatures, g_ptr_array_unref);
  if (doc == NULL)
    return;
  self->signature_cancel = g_cancellable_new ();
  td_pdf_document_get_signatures_async (doc, self->signature_cancel, signatures_done_cb, g_object_ref (self));
}

/* A document loaded while the reader is hidden (the evidence area behind another, a file just
 * attached in the form) must not pull the keyboard away from what the user sees. */
static void
take_focus (TdPdfReader *self,
            GtkWidget   *widget)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_widget_get_mapped (widget))
    gtk_widget_grab_focus (widget);
}

typedef struct {
  TdPdfReader *self;
  gboolean     with_password;
} Opening;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opening *opening = user_data;
  TdPdfReader *self = opening->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPdfDocument) doc = td_pdf_document_new_finish (result, &error);
  gboolean with_password = opening->with_password;

  g_free (opening);
  /* Another document was asked for meanwhile (or the reader went): this one is not shown
   * (GTask reports a cancelled task as cancelled, whatever the worker returned). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }
  g_clear_object (&self->open_cancel);
  if (doc == NULL && (g_error_matches (error, TD_PDF_ERROR, TD_PDF_ERROR_ENCRYPTED) ||
                      g_error_matches (error, TD_PDF_ERROR, TD_PDF_ERROR_BAD_PASSWORD)))
    {
      td_pdf_view_set_document (self->view, NULL, NULL);
      gtk_label_set_label (self->password_error, with_password ? error->message : "");
      gtk_stack_set_visible_child_name (self->stack, "password");
      take_focus (self, GTK_WIDGET (self->password_row));
      g_object_unref (self);
      return;
    }
  td_pdf_view_set_document (self->view, doc, error ? error->message : NULL);
  check_signatures (self, doc);
  gtk_stack_set_visible_child_name (self->stack, "view");
  page_changed_cb (self);
  take_focus (self, GTK_WIDGET (self->view));
  g_object_unref (self);
}

/* The helper opens the file on a worker; meanwhile the view says so, and nothing of the
 * previous document stays on screen to be judged by mistake. */
static void
open_document (TdPdfReader *self,
               const char  *password)
{
  Opening *opening;

  if (self->open_cancel)
    g_cancellable_cancel (self->open_cancel);
  g_clear_object (&self->open_cancel);
  if (self->pdf == NULL)
    return;
  self->open_cancel = g_cancellable_new ();
  td_pdf_view_set_document (self->view, NULL, _("Opening the document…"));
  check_signatures (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "view");
  page_changed_cb (self);
  opening = g_new0 (Opening, 1);
  opening->self = g_object_ref (self);
  opening->with_password = password != NULL;
  td_pdf_document_new_async (self->pdf, password, self->open_cancel, opened_cb, opening);
}

static void
password_apply_cb (TdPdfReader *self)
{
  open_document (self, gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
}

static void
find_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  TdPdfReader *self = TD_PDF_READER (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The bar is not inside the view, so its buttons use the reader's actions, passed on. */
static void
forward_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TdPdfReader *self = TD_PDF_READER (widget);

  if (g_str_equal (action_name, "reader.next"))
    gtk_widget_activate_action (GTK_WIDGET (self->view), "view.next", NULL);
  else if (g_str_equal (action_name, "reader.previous"))
    gtk_widget_activate_action (GTK_WIDGET (self->view), "view.previous", NULL);
  else
    gtk_widget_activate_action_variant (GTK_WIDGET (self->view), "view.zoom", parameter);
}

static void
thumbnails_toggled_cb (TdPdfReader *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->thumbnails_button);

  gtk_revealer_set_reveal_child (self->thumbnails_revealer, shown);
  /* Hidden, the sidebar follows nothing and keeps no drawn page. */
  td_pdf_thumbnails_set_view (self->thumbnails, shown ? self->view : NULL);
}

static void
continuous_toggled_cb (TdPdfReader *self)
{
  td_pdf_view_set_continuous (self->view, gtk_toggle_button_get_active (self->continuous_button));
}

static void
thumbnails_toggle_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdPdfReader *self = TD_PDF_READER (widget);

  gtk_toggle_button_set_active (self->thumbnails_button, !gtk_toggle_button_get_active (self->thumbnails_button));
}

static void
td_pdf_reader_dispose (GObject *object)
{
  TdPdfReader *self = TD_PDF_READER (object);

  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_object (&self->settings);
  if (self->signature_cancel)
    g_cancellable_cancel (self->signature_cancel);
  g_clear_object (&self->signature_cancel);
  if (self->open_cancel)
    g_cancellable_cancel (self->open_cancel);
  g_clear_object (&self->open_cancel);
  g_clear_pointer (&self->signatures, g_ptr_array_unref);
  G_OBJECT_CLASS (td_pdf_reader_parent_class)->dispose (object);
}

static void
td_pdf_reader_class_init (TdPdfReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_pdf_reader_dispose;
  gtk_widget_class_install_action (widget_class, "reader.find", NULL, find_cb);
  gtk_widget_class_install_action (widget_class, "reader.next", NULL, forward_cb);
  gtk_widget_class_install_action (widget_class, "reader.previous", NULL, forward_cb);
  gtk_widget_class_install_action (widget_class, "reader.zoom", "s", forward_cb);
  gtk_widget_class_install_action (widget_class, "reader.thumbnails", NULL, thumbnails_toggle_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "reader.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "reader.thumbnails", NULL);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

static void
td_pdf_reader_init (TdPdfReader *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *bar = gtk_center_box_new ();
  GtkWidget *start = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *end = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *search_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *password_page = adw_status_page_new ();
  GtkWidget *password_list = gtk_list_box_new ();
  GtkWidget *password_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  /* A handful of widgets wired to each other; Blueprint would say no more than this. */

  self->view = TD_PDF_VIEW (td_pdf_view_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence page"), -1);
  g_signal_connect_swapped (self->view, "notify::page", G_CALLBACK (page_changed_cb), self);

  self->page_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->page_entry), 3);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->page_entry), 4);
  gtk_entry_set_input_purpose (self->page_entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_alignment (GTK_EDITABLE (self->page_entry), 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page number"), -1);
  g_signal_connect_swapped (self->page_entry, "activate", G_CALLBACK (page_entry_activate_cb), self);
  self->n_pages_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (pages), GTK_WIDGET (self->page_entry));
  gtk_box_append (GTK_BOX (pages), GTK_WIDGET (self->n_pages_label));
  gtk_widget_set_valign (pages, GTK_ALIGN_CENTER);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), pages);
  gtk_box_append (GTK_BOX (start), icon_button ("go-previous-symbolic", _("Previous Page"), "reader.previous", NULL));
  gtk_box_append (GTK_BOX (start), icon_button ("go-next-symbolic", _("Next Page"), "reader.next", NULL));
  self->thumbnails_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->thumbnails_button), "sidebar-show-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->thumbnails_button), _("Page Thumbnails (F9)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->thumbnails_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page Thumbnails"), -1);
  g_signal_connect_swapped (self->thumbnails_button, "toggled", G_CALLBACK (thumbnails_toggled_cb), self);
  gtk_box_prepend (GTK_BOX (start), GTK_WIDGET (self->thumbnails_button));
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (bar), start);
  self->continuous_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->continuous_button), "view-continuous-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->continuous_button), _("Continuous Scrolling"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->continuous_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Continuous Scrolling"), -1);
  g_signal_connect_swapped (self->continuous_button, "toggled", G_CALLBACK (continuous_toggled_cb), self);
  gtk_box_append (GTK_BOX (end), GTK_WIDGET (self->continuous_button));
  gtk_box_append (GTK_BOX (end), icon_button ("view-fullscreen-symbolic", _("Fit Width"), "reader.zoom", "width"));
  gtk_box_append (GTK_BOX (end), icon_button ("zoom-fit-best-symbolic", _("Fit Page"), "reader.zoom", "page"));
  gtk_box_append (GTK_BOX (end), icon_button ("edit-find-symbolic", _("Search (Ctrl+F)"), "reader.find", NULL));
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (bar), end);
  gtk_widget_add_css_class (bar, "toolbar");
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), bar);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "next-match", G_CALLBACK (next_match_cb), self);
  g_signal_connect_swapped (self->search_entry, "previous-match", G_CALLBACK (previous_match_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (next_match_cb), self);
  gtk_box_append (GTK_BOX (search_box), GTK_WIDGET (self->search_entry));
  self->search_bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  gtk_search_bar_set_child (self->search_bar, search_box);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_show_close_button (self->search_bar, TRUE);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->search_bar));
  self->signature_banner = ADW_BANNER (adw_banner_new (""));
  adw_banner_set_button_label (self->signature_banner, _("_Details"));
  g_signal_connect_swapped (self->signature_banner, "button-clicked", G_CALLBACK (signature_details_cb), self);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->signature_banner));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (password_page), "dialog-password-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (password_page), _("Password Needed"));
  adw_status_page_set_description (ADW_STATUS_PAGE (password_page), _("The document is protected by a password."));
  self->password_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("Password"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->password_row), TRUE);
  g_signal_connect_swapped (self->password_row, "apply", G_CALLBACK (password_apply_cb), self);
  g_signal_connect_swapped (self->password_row, "entry-activated", G_CALLBACK (password_apply_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (password_list), GTK_WIDGET (self->password_row));
  gtk_widget_add_css_class (password_list, "boxed-list");
  self->password_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->password_error), "error");
  gtk_box_append (GTK_BOX (password_box), password_list);
  gtk_box_append (GTK_BOX (password_box), GTK_WIDGET (self->password_error));
  adw_status_page_set_child (ADW_STATUS_PAGE (password_page), password_box);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->view), "view");
  gtk_stack_add_named (self->stack, password_page, "password");
  gtk_widget_set_hexpand (GTK_WIDGET (self->stack), TRUE);
  self->thumbnails = TD_PDF_THUMBNAILS (td_pdf_thumbnails_new ());
  self->thumbnails_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->thumbnails_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_RIGHT);
  gtk_revealer_set_child (self->thumbnails_revealer, GTK_WIDGET (self->thumbnails));
  {
    GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->thumbnails_revealer));
    gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
    adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), content);
  }
  /* Reviewers who like the sidebar find it again in the next file and the next session. */
  self->settings = g_settings_new ("io.github.thidua.ThiDua");
  g_settings_bind (self->settings, "show-thumbnails", self->thumbnails_button, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "continuous-pages", self->continuous_button, "active", G_SETTINGS_BIND_DEFAULT);

  adw_bin_set_child (ADW_BIN (self), toolbar);
}

GtkWidget *
td_pdf_reader_new (void)
{
  return g_object_new (TD_TYPE_PDF_READER, NULL);
}

void
td_pdf_reader_set_pdf (TdPdfReader *self,
                       GBytes      *pdf,
                       const char  *error_message)
{
  g_return_if_fail (TD_IS_PDF_READER (self));

  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = pdf ? g_bytes_ref (pdf) : NULL;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  if (pdf == NULL)
    {
      if (self->open_cancel)
        g_cancellable_cancel (self->open_cancel);
      g_clear_object (&self->open_cancel);
      td_pdf_view_set_document (self->view, NULL, error_message);
      check_signatures (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "view");
      page_changed_cb (self);
      return;
    }
  open_document (self, NULL);
}

gboolean
td_pdf_reader_is_opening (TdPdfReader *self)
{
  return self->open_cancel != NULL;
}

TdPdfView *
td_pdf_reader_get_view (TdPdfReader *self)
{
  return self->view;
}

TdPdfThumbnails *
td_pdf_reader_get_thumbnails (TdPdfReader *self)
{
  return self->thumbnails;
}

void
td_pdf_reader_show_thumbnails (TdPdfReader *self,
                               gboolean     show)
{
  gtk_toggle_button_set_active (self->thumbnails_button, show);
}

AdwBanner *
td_pdf_reader_get_signature_banner (TdPdfReader *self)
{
  return self->signature_banner;
}

AdwPasswordEntryRow *
td_pdf_reader_get_password_row (TdPdfReader *self)
{
  return self->password_row;
}
