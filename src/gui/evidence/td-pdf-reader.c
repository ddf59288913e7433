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
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PDF_READER);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-pdf-reader.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdPdfReader, name)
  BIND (view);
  BIND (page_entry);
  BIND (n_pages_label);
  BIND (search_bar);
  BIND (search_entry);
  BIND (stack);
  BIND (password_row);
  BIND (password_error);
  BIND (thumbnails_button);
  BIND (continuous_button);
  BIND (thumbnails_revealer);
  BIND (thumbnails);
  BIND (signature_banner);
#undef BIND
#define CALLBACK(name) gtk_widget_class_bind_template_callback (widget_class, name)
  CALLBACK (page_changed_cb);
  CALLBACK (page_entry_activate_cb);
  CALLBACK (thumbnails_toggled_cb);
  CALLBACK (continuous_toggled_cb);
  CALLBACK (search_changed_cb);
  CALLBACK (next_match_cb);
  CALLBACK (previous_match_cb);
  CALLBACK (search_mode_cb);
  CALLBACK (signature_details_cb);
  CALLBACK (password_apply_cb);
#undef CALLBACK
}

static void
td_pdf_reader_init (TdPdfReader *self)
{
  g_type_ensure (TD_TYPE_PDF_VIEW);
  g_type_ensure (TD_TYPE_PDF_THUMBNAILS);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Reviewers who like the sidebar find it again in the next file and the next session. */
  self->settings = g_settings_new ("io.github.thidua.ThiDua");
  g_settings_bind (self->settings, "show-thumbnails", self->thumbnails_button, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "continuous-pages", self->continuous_button, "active", G_SETTINGS_BIND_DEFAULT);
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
