/* td-evidence-item.c: one attached file in the self-assessment form (see td-evidence-item.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "td-evidence-item.h"

static GtkWidget *
icon_button (const char *icon,
             const char *action,
             gint64      id,
             const char *tooltip,
             const char *accessible)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* The file's name in the name: a list of "Remove" buttons says nothing to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

GtkWidget *
td_evidence_item_new (const TdEvidenceInfo *e,
                      gboolean              editable)
{
  g_autofree char *size = g_format_size (e->size);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d page, %s)", "%s (%d pages, %s)",
                                                        e->page_count),
                                           e->file_name, e->page_count, size);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (text);

  /* Long file names shorten in the middle, where names differ least. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Show the evidence"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "assessment.show-evidence");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (e->id));
  gtk_box_append (GTK_BOX (box), button);
  if (editable)
    {
      g_autofree char *replace = g_strdup_printf (_("Replace “%s”"), e->file_name);
      g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), e->file_name);

      gtk_box_append (GTK_BOX (box), icon_button ("document-open-symbolic", "assessment.replace-evidence", e->id,
                                                  _("Replace with Another File…"), replace));
      gtk_box_append (GTK_BOX (box), icon_button ("user-trash-symbolic", "assessment.remove-evidence", e->id,
                                                  _("Remove"), remove));
    }
  return box;
}
