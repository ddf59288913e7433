/* td-pickers.c: unit and round dropdowns. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-pickers.h"
#include "td-register.h"

static GtkStringList *
unit_labels (GListModel *units,
             gboolean    with_code)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; units && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(TdUnit) unit = g_list_model_get_item (units, i);
      g_autofree char *label = with_code ? g_strdup_printf ("%s (%s)", td_unit_get_name (unit), td_unit_get_code (unit))
                                         : g_strdup (td_unit_get_name (unit));
      gtk_string_list_append (names, label);
    }
  return names;
}

/* A combo row shows what its expression gives, and tells it to a screen reader as the row's
 * value: the label itself, and type-to-search finds any part of it, the code included. */
static GtkExpression *
label_expression (void)
{
  return gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
}

/* The text a drop-down's search is matched against: the label, then the same without case or
 * diacritics, so that "kinh bac" finds "Phường Kinh Bắc (P-KINHBAC)" as "kinh bắc" does. */
static char *
searchable (GtkStringObject *item)
{
  const char *label = gtk_string_object_get_string (item);
  g_autofree char *folded = td_register_fold (label);

  return g_strdup_printf ("%s\n%s", label, folded);
}

static GtkExpression *
search_expression (void)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (searchable), NULL, NULL);
}

void
td_pickers_fill_unit_row (AdwComboRow *row,
                          GListModel  *units,
                          gboolean     with_code)
{
  g_autoptr(GtkStringList) names = unit_labels (units, with_code);
  g_autoptr(GtkExpression) search = label_expression ();

  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_expression (row, search);
  adw_combo_row_set_search_match_mode (row, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
}

void
td_pickers_fill_level_row (AdwComboRow *row)
{
  const char *levels[] = { td_award_level_get_label (TD_AWARD_BANG_KHEN),
                           td_award_level_get_label (TD_AWARD_GIAY_KHEN), NULL };
  g_autoptr(GtkStringList) list = gtk_string_list_new (levels);

  G_STATIC_ASSERT (TD_AWARD_BANG_KHEN == 0 && TD_AWARD_GIAY_KHEN == 1);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

guint
td_pickers_fill_units (GtkDropDown *dropdown,
                       GListModel  *units,
                       const char  *select_code)
{
  g_autoptr(GtkStringList) names = unit_labels (units, TRUE);
  /* The drop-downs that list units have a factory of their own that shows the label: the
   * expression is the search's only (without a factory it would be the button's text too). */
  g_autoptr(GtkExpression) search = search_expression ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  guint found = G_MAXUINT, first_unit = 0;
  gboolean have_first = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(TdUnit) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (td_unit_get_code (unit), select_code) == 0)
        found = i;
      /* The province's own row holds only the index; a unit is the better first choice. */
      if (!have_first && td_unit_get_kind (unit) != TD_UNIT_KIND_PROVINCE)
        {
          first_unit = i;
          have_first = TRUE;
        }
    }
  /* The expression first: set after the model, it has the drop-down build its list twice.
   * GTK 4.18 puts its default factory back when an expression is set, one that shows the
   * expression's text; the page's own factories, which show the label, are set again. */
  g_set_object (&factory, gtk_drop_down_get_factory (dropdown));
  g_set_object (&list_factory, gtk_drop_down_get_list_factory (dropdown));
  gtk_drop_down_set_expression (dropdown, search);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_drop_down_set_search_match_mode (dropdown, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  return found != G_MAXUINT ? found : first_unit;
}

guint
td_pickers_fill_rounds (GtkDropDown *dropdown,
                        GListModel  *rounds,
                        int          select_number)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (rounds), selected = n > 0 ? n - 1 : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdRound) round = g_list_model_get_item (rounds, i);

      gtk_string_list_append (titles, td_round_get_title (round));
      if ((int) td_round_get_number (round) == select_number)
        selected = i;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (titles));
  return selected;
}

void
td_pickers_setup (GtkDropDown *unit_dropdown,
                  GtkDropDown *round_dropdown,
                  GListModel  *units,
                  GListModel  *rounds,
                  GSettings   *settings,
                  const char  *unit,
                  GCallback    changed,
                  gpointer     data)
{
  g_autofree char *last_unit = unit ? g_strdup (unit) : g_settings_get_string (settings, "last-unit");
  guint unit_pos, round_pos;

  g_signal_handlers_disconnect_by_func (unit_dropdown, changed, data);
  g_signal_handlers_disconnect_by_func (round_dropdown, changed, data);
  unit_pos = td_pickers_fill_units (unit_dropdown, units, last_unit);
  round_pos = td_pickers_fill_rounds (round_dropdown, rounds, g_settings_get_int (settings, "last-round"));
  gtk_drop_down_set_selected (unit_dropdown, unit_pos);
  gtk_drop_down_set_selected (round_dropdown, round_pos);
  g_signal_connect_swapped (unit_dropdown, "notify::selected", changed, data);
  g_signal_connect_swapped (round_dropdown, "notify::selected", changed, data);
}

GtkFileDialog *
td_pickers_pdf_dialog (const char *title)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, title);
  return dialog;
}
