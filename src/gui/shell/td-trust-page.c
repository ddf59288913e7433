/* td-trust-page.c: signatures, as the board configures them.
 *
 * Everything here lives in the database, not in GSettings: it is the province's policy for the
 * data in that file, recorded in its audit log, and must travel with the file. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-pickers.h"
#include "td-signature.h"
#include "td-trust-page.h"

struct _TdTrustPage
{
  AdwPreferencesPage   parent_instance;

  TdDatabase          *db;
  GListModel          *units;
  GtkWidget           *unsigned_row;
  AdwPreferencesGroup *ca_group;
  AdwPreferencesGroup *unit_group;
  AdwComboRow         *unit_row;
  GPtrArray           *rows;         /* certificate rows shown, to clear on refresh */
};

G_DEFINE_FINAL_TYPE (TdTrustPage, td_trust_page, ADW_TYPE_PREFERENCES_PAGE)

static void refresh (TdTrustPage *self);

/* A refusal says what is wrong and what to do: longer than a toast can show whole. */
static void
show_refusal (TdTrustPage *self,
              const char  *message)
{
  AdwDialog *alert = adw_alert_dialog_new (_("The Certificates Were Not Changed"), message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static const char *
unit_code (TdTrustPage *self)
{
  g_autoptr(TdUnit) unit = NULL;
  guint pos = adw_combo_row_get_selected (self->unit_row);

  if (self->units == NULL || pos >= g_list_model_get_n_items (self->units))
    return NULL;
  unit = g_list_model_get_item (self->units, pos);
  /* The unit model holds the units, so the code outlives this reference. */
  return td_unit_get_code (unit);
}

/* What a certificate's Remove button removes: an authority, or a unit's own certificate. */
typedef struct {
  TdTrustPage *page;
  char        *fingerprint;
  gboolean     is_ca;
} CertRow;

static void
cert_row_free (gpointer  data,
               GClosure *closure)
{
  CertRow *c = data;

  g_free (c->fingerprint);
  g_free (c);
}

static void
remove_clicked_cb (GtkButton *button,
                   CertRow   *cert)
{
  TdTrustPage *self = cert->page;
  g_autoptr(GError) error = NULL;

  if (!(cert->is_ca ? td_trust_remove_ca (self->db, cert->fingerprint, &error)
                    : td_trust_unbind (self->db, unit_code (self), cert->fingerprint, &error)))
    show_refusal (self, error->message);
  refresh (self);
}

static void
add_cert_row (TdTrustPage         *self,
              AdwPreferencesGroup *group,
              const TdCertInfo    *info,
              gboolean             is_ca)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  CertRow *cert = g_new0 (CertRow, 1);
  g_autofree char *date = td_format_unix_time (info->not_after, FALSE);
  g_autofree char *subtitle = g_strdup_printf (_("Issued by %s · valid until %s · SHA-256 %.16s…"), info->issuer, date,
                                               info->fingerprint);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->subject);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  cert->page = self;
  cert->fingerprint = g_strdup (info->fingerprint);
  cert->is_ca = is_ca;
  g_signal_connect_data (remove, "clicked", G_CALLBACK (remove_clicked_cb), cert, cert_row_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_empty_row (TdTrustPage         *self,
               AdwPreferencesGroup *group,
               const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
refresh (TdTrustPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cas = NULL;
  g_autoptr(GPtrArray) bound = NULL;
  const char *code = unit_code (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);

  cas = td_trust_list_cas (self->db, &error);
  for (guint i = 0; cas && i < cas->len; i++)
    add_cert_row (self, self->ca_group, cas->pdata[i], TRUE);
  if (cas && cas->len == 0)
    add_empty_row (self, self->ca_group, _("No authority is trusted yet: every signed package is refused as untrusted."));
  if (code != NULL)
    bound = td_trust_list_bound (self->db, code, &error);
  for (guint i = 0; bound && i < bound->len; i++)
    add_cert_row (self, self->unit_group, bound->pdata[i], FALSE);
  if (bound && bound->len == 0)
    add_empty_row (self, self->unit_group, _("No certificate recorded: this unit's signed packages are refused."));
  if (error != NULL)
    show_refusal (self, error->message);
}

gboolean
td_trust_page_add (TdTrustPage *self,
                   const char  *code,
                   GBytes      *certificate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCertInfo) info = code ? td_trust_bind (self->db, code, certificate, &error)
                                    : td_trust_add_ca (self->db, certificate, &error);

  if (info == NULL)
    show_refusal (self, error->message);
  refresh (self);
  return info != NULL;
}

/* A certificate being chosen: an authority's, or the unit's shown. */
typedef struct {
  TdTrustPage *page;
  gboolean     for_unit;
} Choice;

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree Choice *choice = user_data;
  g_autoptr(TdTrustPage) self = choice->page;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  gboolean for_unit = choice->for_unit;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (file == NULL)
    return;
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_autofree char *message = td_format_file_error (file, error);
      show_refusal (self, message);
    }
  else
    td_trust_page_add (self, for_unit ? unit_code (self) : NULL, bytes);
}

static void
choose (TdTrustPage *self,
        gboolean     for_unit)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  Choice *choice = g_new0 (Choice, 1);

  gtk_file_filter_set_name (filter, _("Certificates (PEM or DER)"));
  for (const char * const *s = (const char *[]) { "pem", "crt", "cer", "der", NULL }; *s; s++)
    gtk_file_filter_add_suffix (filter, *s);
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  choice->page = g_object_ref (self);
  choice->for_unit = for_unit;
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, file_chosen_cb, choice);
  g_object_unref (dialog);
}

static void
add_ca_cb (TdTrustPage *self)
{
  choose (self, FALSE);
}

static void
add_unit_cb (TdTrustPage *self)
{
  choose (self, TRUE);
}

static void
unsigned_changed_cb (TdTrustPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!td_trust_set_allow_unsigned (self->db, adw_switch_row_get_active (ADW_SWITCH_ROW (self->unsigned_row)), &error))
    show_refusal (self, error->message);
}

static GtkWidget *
add_button (const char *tooltip,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}

static void
td_trust_page_dispose (GObject *object)
{
  TdTrustPage *self = TD_TRUST_PAGE (object);

  g_clear_object (&self->db);
  g_clear_object (&self->units);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (td_trust_page_parent_class)->dispose (object);
}

static void
td_trust_page_class_init (TdTrustPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = td_trust_page_dispose;
}

static void
td_trust_page_init (TdTrustPage *self)
{
  GtkWidget *policy = adw_preferences_group_new ();

  self->rows = g_ptr_array_new ();
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "signatures");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Signatures"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "channel-secure-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (policy), _("Packages from Units"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (policy),
                                         _("A signed package is accepted when its signature matches, its certificate "
                                           "comes from a trusted authority, was valid when it signed, and is "
                                           "recorded for the unit. These settings are kept in the database."));
  self->unsigned_row = adw_switch_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unsigned_row), _("Accept Unsigned Packages"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->unsigned_row),
                               _("They are marked as unsigned wherever they show"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (policy), self->unsigned_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (policy));

  self->ca_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->ca_group, _("Trusted Certification Authorities"));
  adw_preferences_group_set_header_suffix (self->ca_group,
                                           add_button (_("Add an authority's certificate"), G_CALLBACK (add_ca_cb), self));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->ca_group);

  self->unit_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->unit_group, _("Units' Certificates"));
  adw_preferences_group_set_description (self->unit_group, _("The certificates each unit signs with."));
  adw_preferences_group_set_header_suffix (self->unit_group,
                                           add_button (_("Record a certificate for the unit"), G_CALLBACK (add_unit_cb),
                                                       self));
  self->unit_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unit_row), _("Unit"));
  adw_combo_row_set_enable_search (self->unit_row, TRUE);
  adw_preferences_group_add (self->unit_group, GTK_WIDGET (self->unit_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->unit_group);
}

TdTrustPage *
td_trust_page_new (TdDatabase *db)
{
  TdTrustPage *self = g_object_new (TD_TYPE_TRUST_PAGE, NULL);

  self->db = g_object_ref (db);
  self->units = td_catalog_list_units (db, NULL);
  td_pickers_fill_unit_row (self->unit_row, self->units, TRUE);
  adw_switch_row_set_active (ADW_SWITCH_ROW (self->unsigned_row), td_trust_get_allow_unsigned (db));
  g_signal_connect_swapped (self->unsigned_row, "notify::active", G_CALLBACK (unsigned_changed_cb), self);
  g_signal_connect_swapped (self->unit_row, "notify::selected", G_CALLBACK (refresh), self);
  refresh (self);
  return self;
}
