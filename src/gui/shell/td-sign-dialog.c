/* td-sign-dialog.c: the signature of a package on export.
 *
 * The keys on the tokens are listed without logging in; the PIN (or the file's password) is
 * typed here, used for this one signature and cleared from the entry at once.  A wrong PIN is
 * said in the dialog and never retried on its own, so the token is not locked by the app. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-package.h"
#include "td-setup.h"
#include "td-sign-dialog.h"

struct _TdSignDialog
{
  AdwDialog            parent_instance;

  TdDatabase          *db;
  char                *unit_code;
  guint                round_number;
  char                *path;
  char                *setup_folder;  /* setup files for every unit instead of a package */
  guint                n_written;
  GPtrArray           *keys;       /* TdTokenKey */
  GFile               *p12;

  GtkButton           *export_button;
  GtkLabel            *error_label;
  AdwPreferencesGroup *intro_group;
  AdwComboRow         *key_row;
  AdwActionRow        *file_row;
  AdwPasswordEntryRow *secret_row;
};

G_DEFINE_FINAL_TYPE (TdSignDialog, td_sign_dialog, ADW_TYPE_DIALOG)

enum { EXPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Positions in the combo: 0 unsigned, then the token keys, then "a certificate file". */
static gboolean
is_file_choice (TdSignDialog *self)
{
  return adw_combo_row_get_selected (self->key_row) == self->keys->len + 1;
}

static TdTokenKey *
chosen_key (TdSignDialog *self)
{
  guint pos = adw_combo_row_get_selected (self->key_row);

  return pos >= 1 && pos <= self->keys->len ? self->keys->pdata[pos - 1] : NULL;
}

static void
show_error (TdSignDialog *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
key_changed_cb (TdSignDialog *self)
{
  gboolean file = is_file_choice (self);
  gboolean token = chosen_key (self) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->file_row), file);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_row), file || token);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row),
                                 file ? _("Password of the file") : _("PIN of the token"));
  show_error (self, NULL);
}

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TdSignDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autofree char *name = NULL;

  if (file == NULL)
    return;
  g_set_object (&self->p12, file);
  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->file_row, name);
}

static void
choose_file_cb (TdSignDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Certificate files (PKCS#12)"));
  gtk_file_filter_add_suffix (filter, "p12");
  gtk_file_filter_add_suffix (filter, "pfx");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, file_chosen_cb,
                        g_object_ref (self));
}

static void
export_cb (TdSignDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdSigner) signer = NULL;
  g_autofree char *secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));
  TdTokenKey *key = chosen_key (self);

  /* The entry forgets the PIN whatever happens next. */
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  if (key != NULL)
    signer = td_signer_new_pkcs11 (key->uri, secret, g_getenv ("THIDUA_PKCS11_MODULE"), &error);
  else if (is_file_choice (self))
    {
      g_autofree char *path = self->p12 ? g_file_get_path (self->p12) : NULL;
      if (path == NULL)
        {
          memset (secret, 0, strlen (secret));
          show_error (self, _("Choose the certificate file first."));
          return;
        }
      signer = td_signer_new_pkcs12 (path, secret, &error);
    }
  memset (secret, 0, strlen (secret));
  if ((key != NULL || is_file_choice (self)) && signer == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
      return;
    }
  if (self->setup_folder != NULL)
    {
      g_autoptr(GPtrArray) paths = td_setup_export_folder (self->db, self->setup_folder, signer, NULL, &error);
      if (paths == NULL)
        {
          show_error (self, error->message);
          return;
        }
      self->n_written = paths->len;
    }
  else if (!td_package_export_signed (self->db, self->unit_code, self->round_number, self->path, signer, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[EXPORTED], 0, signer ? td_signer_get_certificate (signer)->subject : NULL);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
cancel_cb (TdSignDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
td_sign_dialog_dispose (GObject *object)
{
  TdSignDialog *self = TD_SIGN_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->p12);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->unit_code, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->setup_folder, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_SIGN_DIALOG);
  G_OBJECT_CLASS (td_sign_dialog_parent_class)->dispose (object);
}

static void
td_sign_dialog_class_init (TdSignDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_sign_dialog_dispose;
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-sign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdSignDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, TdSignDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TdSignDialog, intro_group);
  gtk_widget_class_bind_template_child (widget_class, TdSignDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, TdSignDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, TdSignDialog, secret_row);
  gtk_widget_class_bind_template_callback (widget_class, key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
}

static void
td_sign_dialog_init (TdSignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_dialog_set_default_widget (ADW_DIALOG (self), GTK_WIDGET (self->export_button));
}

TdSignDialog *
td_sign_dialog_new (TdDatabase *db,
                    const char *unit_code,
                    guint       round_number,
                    const char *path)
{
  TdSignDialog *self = g_object_new (TD_TYPE_SIGN_DIALOG, NULL);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  self->db = g_object_ref (db);
  self->unit_code = g_strdup (unit_code);
  self->round_number = round_number;
  self->path = g_strdup (path);
  /* The board exports to a unit (a returned submission): its words, not the unit's. */
  if (td_database_get_installation (db, NULL) == TD_INSTALLATION_BOARD)
    adw_preferences_group_set_description (self->intro_group,
                                           _("A signed package shows the unit that it comes from the board and was "
                                             "not changed on the way. Sign with the board's digital signature "
                                             "certificate: a USB token or a certificate file."));
  self->keys = td_signer_list_token_keys (g_getenv ("THIDUA_PKCS11_MODULE"), &error);
  if (self->keys == NULL)
    self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) td_token_key_free);
  gtk_string_list_append (choices, _("Do not sign"));
  for (guint i = 0; i < self->keys->len; i++)
    {
      TdTokenKey *key = self->keys->pdata[i];
      g_autofree char *label = g_strdup_printf (_("%s (token %s)"), key->certificate->subject,
                                                key->token ? key->token : "?");
      gtk_string_list_append (choices, label);
    }
  gtk_string_list_append (choices, _("Certificate file…"));
  adw_combo_row_set_model (self->key_row, G_LIST_MODEL (choices));
  /* A key on a token is what the unit most likely signs with. */
  adw_combo_row_set_selected (self->key_row, self->keys->len > 0 ? 1 : 0);
  key_changed_cb (self);
  if (error != NULL)
    show_error (self, error->message);
  return self;
}

TdSignDialog *
td_sign_dialog_new_for_setup (TdDatabase *db,
                              const char *folder)
{
  TdSignDialog *self = td_sign_dialog_new (db, NULL, 0, NULL);

  /* The board signs the setup files it sends; the units then trust only what it signed. */
  self->setup_folder = g_strdup (folder);
  adw_dialog_set_title (ADW_DIALOG (self), _("Sign the Setup Files"));
  adw_preferences_group_set_description (self->intro_group,
                                         _("Signed setup files show each unit that they come from the board and "
                                           "were not changed on the way; a unit then takes the board's later files "
                                           "only with the same key. Sign with the board's digital signature "
                                           "certificate: a USB token or a certificate file."));
  return self;
}

guint
td_sign_dialog_get_n_written (TdSignDialog *self)
{
  return self->n_written;
}
