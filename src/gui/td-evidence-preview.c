/* td-evidence-preview.c: the evidence viewer in a dialog.
 *
 * The page view does the work; this adds what a reader reaches for: the page number to type,
 * fit width / fit page, Ctrl+F with next and previous, and a password prompt for protected
 * files that says when the password is wrong. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "td-evidence-preview.h"

struct _TdEvidencePreview
{
  AdwDialog       parent_instance;

  GBytes         *pdf;
  TdPdfView      *view;
  GtkEntry       *page_entry;
  GtkLabel       *n_pages_label;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  AdwPasswordEntryRow *password_row;
  GtkLabel       *password_error;
};

G_DEFINE_FINAL_TYPE (TdEvidencePreview, td_evidence_preview, ADW_TYPE_DIALOG)

static void
page_changed_cb (TdEvidencePreview *self)
{
  g_autofree char *page = g_strdup_printf ("%d", td_pdf_view_get_page (self->view) + 1);
  g_autofree char *total = g_strdup_printf (_("of %d"), td_pdf_view_get_n_pages (self->view));

  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), page);
  gtk_label_set_label (self->n_pages_label, total);
}

static void
page_entry_activate_cb (TdEvidencePreview *self)
{
  int page = atoi (gtk_editable_get_text (GTK_EDITABLE (self->page_entry)));

  td_pdf_view_set_page (self->view, page - 1);
  page_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
search_changed_cb (TdEvidencePreview *self)
{
  td_pdf_view_set_search (self->view, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (td_pdf_view_get_n_hits (self->view) == 0)
    td_pdf_view_find_next (self->view, FALSE);
}

static void
next_match_cb (TdEvidencePreview *self)
{
  td_pdf_view_find_next (self->view, FALSE);
}

static void
previous_match_cb (TdEvidencePreview *self)
{
  td_pdf_view_find_next (self->view, TRUE);
}

static void
search_mode_cb (TdEvidencePreview *self)
{
  /* Escape closes the bar and the highlights go with it. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      td_pdf_view_set_search (self->view, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
}

static void
open_document (TdEvidencePreview *self,
               const char        *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPdfDocument) doc = td_pdf_document_new (self->pdf, password, &error);

  if (doc == NULL && (g_error_matches (error, TD_PDF_ERROR, TD_PDF_ERROR_ENCRYPTED) ||
                      g_error_matches (error, TD_PDF_ERROR, TD_PDF_ERROR_BAD_PASSWORD)))
    {
      gtk_label_set_label (self->password_error, password ? error->message : "");
      gtk_stack_set_visible_child_name (self->stack, "password");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  td_pdf_view_set_document (self->view, doc, error ? error->message : NULL);
  gtk_stack_set_visible_child_name (self->stack, "view");
  page_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
password_apply_cb (TdEvidencePreview *self)
{
  open_document (self, gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
}

static void
find_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  TdEvidencePreview *self = TD_EVIDENCE_PREVIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The header is not inside the view, so its buttons use the dialog's actions, passed on. */
static void
forward_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TdEvidencePreview *self = TD_EVIDENCE_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.next"))
    gtk_widget_activate_action (GTK_WIDGET (self->view), "view.next", NULL);
  else if (g_str_equal (action_name, "preview.previous"))
    gtk_widget_activate_action (GTK_WIDGET (self->view), "view.previous", NULL);
  else
    gtk_widget_activate_action_variant (GTK_WIDGET (self->view), "view.zoom", parameter);
}

static void
td_evidence_preview_dispose (GObject *object)
{
  TdEvidencePreview *self = TD_EVIDENCE_PREVIEW (object);

  g_clear_pointer (&self->pdf, g_bytes_unref);
  G_OBJECT_CLASS (td_evidence_preview_parent_class)->dispose (object);
}

static void
td_evidence_preview_class_init (TdEvidencePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_evidence_preview_dispose;
  gtk_widget_class_install_action (widget_class, "preview.find", NULL, find_cb);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, forward_cb);
  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, forward_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom", "s", forward_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "preview.find", NULL);
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
td_evidence_preview_init (TdEvidencePreview *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *search_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *password_page = adw_status_page_new ();
  GtkWidget *password_list = gtk_list_box_new ();
  GtkWidget *password_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  /* A handful of widgets wired to each other; Blueprint would say no more than this. */
  adw_dialog_set_title (ADW_DIALOG (self), _("Evidence"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 780);
  adw_dialog_set_content_height (ADW_DIALOG (self), 900);

  self->view = TD_PDF_VIEW (td_pdf_view_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence page"), -1);
  g_signal_connect_swapped (self->view, "notify::page", G_CALLBACK (page_changed_cb), self);

  self->page_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->page_entry), 4);
  gtk_entry_set_input_purpose (self->page_entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_alignment (GTK_EDITABLE (self->page_entry), 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page number"), -1);
  g_signal_connect_swapped (self->page_entry, "activate", G_CALLBACK (page_entry_activate_cb), self);
  self->n_pages_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (pages), GTK_WIDGET (self->page_entry));
  gtk_box_append (GTK_BOX (pages), GTK_WIDGET (self->n_pages_label));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), pages);

  adw_header_bar_pack_start (ADW_HEADER_BAR (header), icon_button ("go-previous-symbolic", _("Previous Page"), "preview.previous", NULL));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), icon_button ("go-next-symbolic", _("Next Page"), "preview.next", NULL));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), icon_button ("edit-find-symbolic", _("Search"), "preview.find", NULL));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), icon_button ("zoom-fit-best-symbolic", _("Fit Page"), "preview.zoom", "page"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), icon_button ("view-fullscreen-symbolic", _("Fit Width"), "preview.zoom", "width"));
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);

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

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (password_page), "dialog-password-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (password_page), _("Password Needed"));
  adw_status_page_set_description (ADW_STATUS_PAGE (password_page), _("The document is protected by a password."));
  self->password_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  g_object_set_data (G_OBJECT (self), "password-row", self->password_row);
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
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->stack));
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);
}

TdEvidencePreview *
td_evidence_preview_new (GBytes *pdf)
{
  TdEvidencePreview *self = g_object_new (TD_TYPE_EVIDENCE_PREVIEW, NULL);

  self->pdf = g_bytes_ref (pdf);
  open_document (self, NULL);
  return self;
}

TdPdfView *
td_evidence_preview_get_view (TdEvidencePreview *self)
{
  return self->view;
}
