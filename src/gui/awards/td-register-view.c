/* td-register-view.c: the award register, one row per number, filtered as one types. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-award-book-pdf.h"
#include "td-document-preview.h"
#include "td-register-view.h"
#include "td-table-export.h"
#include "td-notify.h"

struct _TdRegisterView
{
  GtkBox        parent_instance;

  TdDatabase   *db;
  GPtrArray    *entries;     /* TdAwardEntry, every one */
  GPtrArray    *shown;       /* the ones the filters keep, borrowed from entries */
  GArray       *years;       /* int per row of year_dropdown after "All years" */

  GtkSearchEntry *search_entry;
  GtkDropDown  *year_dropdown;
  GtkLabel     *count_label;
  GtkStack     *stack;
  GtkListBox   *entry_list;
};

G_DEFINE_FINAL_TYPE (TdRegisterView, td_register_view, GTK_TYPE_BOX)

static int
chosen_year (TdRegisterView *self)
{
  guint i = gtk_drop_down_get_selected (self->year_dropdown);

  return i > 0 && i <= self->years->len ? g_array_index (self->years, int, i - 1) : 0;
}

static GtkWidget *
entry_row (const TdAwardEntry *e)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = td_award_entry_format_number (e);
  g_autofree char *date = td_format_date (e->signed_on);
  g_autofree char *subtitle = NULL;
  GtkWidget *label = gtk_label_new (number);

  subtitle = g_strdup_printf ("%s · %s · %s %s · %s", e->individual ? e->position : e->unit_name,
                              e->level == TD_AWARD_BANG_KHEN ? "Bằng khen" : "Giấy khen", e->decision_number,
                              date ? date : "", e->issuer_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
  if (e->cancelled)
    {
      GtkWidget *mark = gtk_label_new (_("Cancelled"));

      /* The number stays in the book; it was never given to anyone else. */
      gtk_widget_add_css_class (mark, "error");
      gtk_widget_set_tooltip_text (mark, _("Its decision was withdrawn; the number is not given again."));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
      gtk_widget_add_css_class (row, "dim-label");
    }
  return row;
}

static void
refilter (TdRegisterView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  int year = chosen_year (self);
  g_autofree char *count = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entry_list))) != NULL)
    gtk_list_box_remove (self->entry_list, child);
  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; self->entries && i < self->entries->len; i++)
    {
      TdAwardEntry *e = self->entries->pdata[i];

      if ((year != 0 && e->year != year) || (*text != '\0' && !td_award_entry_matches (e, text)))
        continue;
      g_ptr_array_add (self->shown, e);
      gtk_list_box_append (self->entry_list, entry_row (e));
    }
  count = g_strdup_printf (ngettext ("%u of %u entry", "%u of %u entries", self->entries ? self->entries->len : 0),
                           self->shown->len, self->entries ? self->entries->len : 0);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, self->shown->len > 0 ? "list" : "empty");
}

static void
search_changed_cb (TdRegisterView *self)
{
  refilter (self);
}

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

void
td_register_view_reload (TdRegisterView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  int keep = chosen_year (self);
  guint select = 0;

  g_ptr_array_set_size (self->shown, 0);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  if (self->db == NULL)
    return;
  self->entries = td_award_book_list (self->db, NULL, &error);
  if (self->entries == NULL)
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* The years the book holds, newest first. */
  g_array_set_size (self->years, 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      int y = ((TdAwardEntry *) self->entries->pdata[i])->year;
      guint k;

      for (k = 0; k < self->years->len && g_array_index (self->years, int, k) != y; k++)
        ;
      if (k == self->years->len)
        g_array_append_val (self->years, y);
    }
  g_array_sort (self->years, compare_descending);
  gtk_string_list_append (years, _("All years"));
  for (guint k = 0; k < self->years->len; k++)
    {
      g_autofree char *label = g_strdup_printf ("%d", g_array_index (self->years, int, k));
      gtk_string_list_append (years, label);
      if (g_array_index (self->years, int, k) == keep)
        select = k + 1;
    }
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  gtk_drop_down_set_selected (self->year_dropdown, select);
  refilter (self);
}

void
td_register_view_set_database (TdRegisterView *self,
                               TdDatabase     *db)
{
  g_set_object (&self->db, db);
  td_register_view_reload (self);
}

void
td_register_view_set_search (TdRegisterView *self,
                             const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  refilter (self);
}

guint
td_register_view_get_n_shown (TdRegisterView *self)
{
  return self->shown->len;
}

gboolean
td_register_view_export (TdRegisterView  *self,
                         const char      *path,
                         GError         **error)
{
  g_autoptr(GPtrArray) rows = td_award_book_rows (self->shown);

  return td_table_write (path, "Sổ khen thưởng", td_award_book_header (), rows, error);
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TdRegisterView) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autofree char *message = NULL;

  if (path == NULL)
    return;
  if (!td_register_view_export (self, path, &error))
    message = g_strdup_printf (_("The register could not be exported: %s"), error->message);
  else
    message = g_strdup_printf (ngettext ("%u entry exported", "%u entries exported", self->shown->len),
                               self->shown->len);
  td_notify_toast (GTK_WIDGET (self), message);
}

static void
export_cb (TdRegisterView *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  int year = chosen_year (self);
  g_autofree char *name = year ? g_strdup_printf ("so-khen-thuong-%d.xlsx", year) : g_strdup ("so-khen-thuong.xlsx");

  gtk_file_dialog_set_title (dialog, _("Export the Award Register"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, export_chosen_cb,
                        g_object_ref (self));
}

static void
print_cb (TdRegisterView *self)
{
  g_autoptr(GError) error = NULL;
  int year = chosen_year (self);
  g_autofree char *line = year ? g_strdup_printf ("Năm %d", year) : g_strdup ("Tất cả các năm");
  g_autoptr(GBytes) pdf = td_award_book_render_pdf (self->shown, line, &error);
  TdDocumentPreview *preview;

  if (pdf == NULL)
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      return;
    }
  preview = td_document_preview_new (pdf, _("Award Register"), "so-khen-thuong.pdf", "register", FALSE);
  adw_dialog_present (ADW_DIALOG (preview), GTK_WIDGET (self));
}

static void
td_register_view_dispose (GObject *object)
{
  TdRegisterView *self = TD_REGISTER_VIEW (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_REGISTER_VIEW);
  G_OBJECT_CLASS (td_register_view_parent_class)->dispose (object);
}

static void
td_register_view_class_init (TdRegisterViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_register_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-register-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TdRegisterView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdRegisterView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdRegisterView, count_label);
  gtk_widget_class_bind_template_child (widget_class, TdRegisterView, stack);
  gtk_widget_class_bind_template_child (widget_class, TdRegisterView, entry_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_cb);
}

static void
td_register_view_init (TdRegisterView *self)
{
  self->shown = g_ptr_array_new ();
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
}
