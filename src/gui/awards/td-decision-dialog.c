/* td-decision-dialog.c: every part of a decision's text, editable, with the template's
 * defaults filled in; and, for a new one, the approved nominations it grants. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-decision-dialog.h"
#include "td-pickers.h"

struct _TdDecisionDialog
{
  AdwDialog             parent_instance;

  TdDatabase           *db;
  gint64                round_id;
  TdDecision           *decision;     /* being edited; id 0 for a new one */
  GPtrArray            *candidates;   /* TdNomination approved in the round */
  GPtrArray            *checks;       /* GtkCheckButton per candidate of the shown level */
  GArray               *check_ids;    /* gint64: the nomination of each of @checks */
  GPtrArray            *candidate_rows;
  GPtrArray            *issuers;      /* unit code per row of issuer_row, NULL: the province */

  GtkButton            *save_button;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *awardees_group;
  AdwComboRow          *issuer_row;
  AdwEntryRow          *suffix_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *governing_row;
  AdwEntryRow          *issuing_row;
  AdwEntryRow          *authority_row;
  AdwEntryRow          *summary_row;
  GtkTextView          *bases_view;
  AdwEntryRow          *proposer_row;
  GtkTextView          *articles_view;
  AdwEntryRow          *signer_title_row;
  AdwEntryRow          *signer_name_row;
  GtkTextView          *recipients_view;
  AdwEntryRow          *list_title_row;
  AdwEntryRow          *issuer_short_row;
};

G_DEFINE_FINAL_TYPE (TdDecisionDialog, td_decision_dialog, ADW_TYPE_DIALOG)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Multi-line fields (issuing body, signer's title, list title) are typed on one line with
 * " / " between lines, as they are usually written in running text. */
static char *
lines_to_entry (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  return g_strjoinv (" / ", lines);
}

static char *
entry_to_lines (AdwEntryRow *row)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), "/", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  lines = g_strv_builder_end (builder);
  return g_strjoinv ("\n", lines);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
get_entry (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_view (GtkTextView  *view,
          char * const *items,
          const char   *separator)
{
  g_autofree char *text = items ? g_strjoinv (separator, (char **) items) : g_strdup ("");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* Non-empty items of the view, split at @separator ("\n" or "\n\n"). */
static char **
get_view (GtkTextView *view,
          const char  *separator)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  parts = g_strsplit (text, separator, -1);
  for (guint i = 0; parts[i]; i++)
    {
      /* Inside an article, line breaks typed by hand are spaces: pango wraps the text. */
      if (g_str_equal (separator, "\n\n"))
        g_strdelimit (parts[i], "\n", ' ');
      if (*g_strstrip (parts[i]) != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
show_decision (TdDecisionDialog *self)
{
  TdDecision *d = self->decision;
  g_autofree char *issuing = lines_to_entry (d->issuing_body);
  g_autofree char *signer = lines_to_entry (d->signer_title);
  g_autofree char *list_title = lines_to_entry (d->list_title);

  set_entry (self->suffix_row, d->number_suffix);
  set_entry (self->place_row, d->place);
  set_entry (self->governing_row, d->governing_body);
  set_entry (self->issuing_row, issuing);
  set_entry (self->authority_row, d->authority);
  set_entry (self->summary_row, d->summary);
  set_view (self->bases_view, d->bases, "\n");
  set_entry (self->proposer_row, d->proposer);
  set_view (self->articles_view, d->articles, "\n\n");
  set_entry (self->signer_title_row, signer);
  set_entry (self->signer_name_row, d->signer_name);
  set_view (self->recipients_view, d->recipients, "\n");
  set_entry (self->list_title_row, list_title);
  set_entry (self->issuer_short_row, d->issuer_short);
}

static void
show_candidates (TdDecisionDialog *self)
{
  const char *issuer = self->decision->issuer_code;

  for (guint i = 0; i < self->candidate_rows->len; i++)
    adw_preferences_group_remove (self->awardees_group, self->candidate_rows->pdata[i]);
  g_ptr_array_set_size (self->candidate_rows, 0);
  g_ptr_array_set_size (self->checks, 0);
  g_array_set_size (self->check_ids, 0);

  for (guint i = 0; self->candidates && i < self->candidates->len; i++)
    {
      TdNomination *n = self->candidates->pdata[i];
      GtkWidget *row, *check;
      g_autofree char *title = NULL;

      /* Only what the chosen issuer may give: its own staff and the units under it. */
      if (!td_decision_check_authority (self->db, issuer, n, NULL))
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      title = g_markup_escape_text (td_nomination_get_name (n), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), n->individual ? n->unit_name : _("Collective"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->awardees_group, row);
      g_ptr_array_add (self->candidate_rows, row);
      g_ptr_array_add (self->checks, check);
      g_array_append_val (self->check_ids, n->id);
    }
  if (self->checks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No approved nomination within this issuer's authority waits for a decision in this round."));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->awardees_group, row);
      g_ptr_array_add (self->candidate_rows, row);
    }
}

static void
issuer_changed_cb (TdDecisionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->issuer_row);
  const char *code = selected < self->issuers->len ? self->issuers->pdata[selected] : NULL;
  g_autoptr(GError) error = NULL;
  TdDecision *fresh;

  if (self->decision == NULL || self->decision->id != 0 || selected >= self->issuers->len ||
      g_strcmp0 (self->decision->issuer_code, code) == 0)
    return;
  /* Another issuer is another text: its template, filled in with its name, replaces it. */
  fresh = td_decision_new_for_issuer (self->db, code, &error);
  if (fresh == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  fresh->round_id = self->round_id;
  td_decision_free (self->decision);
  self->decision = fresh;
  show_decision (self);
  show_candidates (self);
}

/* The province, then every unit of the register that gives its own Giấy khen; a unit's own
 * installation offers only itself. */
static void
fill_issuers (TdDecisionDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *own = NULL;
  g_autoptr(GPtrArray) units = td_register_list (self->db, NULL);
  gboolean unit_installation = td_database_get_installation (self->db, &own) == TD_INSTALLATION_UNIT;
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  if (!unit_installation)
    {
      gtk_string_list_append (names, _("Province Chairman — Bằng khen"));
      g_ptr_array_add (self->issuers, NULL);
    }
  for (guint i = 0; units && i < units->len; i++)
    {
      TdUnitRecord *u = units->pdata[i];
      g_autofree char *label = NULL;

      if (!u->active || !td_unit_kind_issues_giay_khen (u->kind) ||
          (unit_installation && g_strcmp0 (u->code, own) != 0))
        continue;
      label = g_strdup_printf (_("%s — Giấy khen"), u->name);
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->issuers, g_strdup (u->code));
    }
  adw_combo_row_set_expression (self->issuer_row, expression);
  adw_combo_row_set_model (self->issuer_row, G_LIST_MODEL (names));
}

static gboolean
read_form (TdDecisionDialog  *self,
           GError           **error)
{
  TdDecision *d = self->decision;

#define TAKE(field, value) G_STMT_START { g_free (d->field); d->field = (value); } G_STMT_END
  TAKE (number_suffix, get_entry (self->suffix_row));
  TAKE (place, get_entry (self->place_row));
  TAKE (governing_body, get_entry (self->governing_row));
  TAKE (issuing_body, entry_to_lines (self->issuing_row));
  TAKE (authority, get_entry (self->authority_row));
  TAKE (summary, get_entry (self->summary_row));
  TAKE (proposer, get_entry (self->proposer_row));
  TAKE (signer_title, entry_to_lines (self->signer_title_row));
  TAKE (signer_name, get_entry (self->signer_name_row));
  TAKE (list_title, entry_to_lines (self->list_title_row));
  TAKE (issuer_short, get_entry (self->issuer_short_row));
#undef TAKE
  g_strfreev (d->bases);
  d->bases = get_view (self->bases_view, "\n");
  g_strfreev (d->articles);
  d->articles = get_view (self->articles_view, "\n\n");
  g_strfreev (d->recipients);
  d->recipients = get_view (self->recipients_view, "\n");
  return TRUE;
}

static void
save_cb (TdDecisionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = self->decision->id;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      g_array_append_val (ids, g_array_index (self->check_ids, gint64, i));

  if (!read_form (self, &error))
    ;
  else if (id == 0)
    id = td_decision_create (self->db, self->decision, (gint64 *) ids->data, ids->len, &error);
  else if (!td_decision_save (self->db, self->decision, &error))
    id = 0;
  if (error != NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
cancel_cb (TdDecisionDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
td_decision_dialog_dispose (GObject *object)
{
  TdDecisionDialog *self = TD_DECISION_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->decision, td_decision_free);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->check_ids, g_array_unref);
  g_clear_pointer (&self->candidate_rows, g_ptr_array_unref);
  g_clear_pointer (&self->issuers, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_DECISION_DIALOG);
  G_OBJECT_CLASS (td_decision_dialog_parent_class)->dispose (object);
}

static void
td_decision_dialog_class_init (TdDecisionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_decision_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-decision-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, name)
  BIND (save_button);
  BIND (error_label);
  BIND (awardees_group);
  BIND (issuer_row);
  BIND (suffix_row);
  BIND (place_row);
  BIND (governing_row);
  BIND (issuing_row);
  BIND (authority_row);
  BIND (summary_row);
  BIND (bases_view);
  BIND (proposer_row);
  BIND (articles_view);
  BIND (signer_title_row);
  BIND (signer_name_row);
  BIND (recipients_view);
  BIND (list_title_row);
  BIND (issuer_short_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, issuer_changed_cb);
}

static void
td_decision_dialog_init (TdDecisionDialog *self)
{
  self->checks = g_ptr_array_new ();
  self->check_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->candidate_rows = g_ptr_array_new ();
  self->issuers = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

TdDecisionDialog *
td_decision_dialog_new (TdDatabase *db,
                        gint64      round_id,
                        gint64      decision_id)
{
  TdDecisionDialog *self = g_object_new (TD_TYPE_DECISION_DIALOG, NULL);
  g_autoptr(GError) error = NULL;

  self->db = g_object_ref (db);
  self->round_id = round_id;
  fill_issuers (self);
  if (decision_id != 0)
    {
      g_autoptr(GPtrArray) awardees = NULL;
      g_autofree char *count = NULL;
      GtkWidget *row;
      guint individuals = 0;

      self->decision = td_decision_load (db, decision_id, &error);
      awardees = self->decision ? td_decision_list_awardees (db, decision_id, &error) : NULL;
      adw_dialog_set_title (ADW_DIALOG (self), _("Edit Decision"));
      for (guint i = 0; awardees && i < awardees->len; i++)
        individuals += ((TdNomination *) awardees->pdata[i])->individual;
      count = awardees ? td_decision_format_awardees (awardees->len - individuals, individuals) : NULL;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), count ? count : "");
      adw_preferences_group_add (self->awardees_group, row);
      gtk_widget_set_sensitive (GTK_WIDGET (self->issuer_row), FALSE);
      if (self->decision != NULL && !td_decision_is_draft (self->decision))
        {
          /* Issued or withdrawn: shown as it stands, nothing to save. */
          gtk_label_set_text (self->error_label, _("This decision is issued: its text no longer changes. "
                                                   "Withdraw it and draft a new one to correct it."));
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
        }
    }
  else
    {
      adw_dialog_set_title (ADW_DIALOG (self), _("Draw Up Decision"));
      self->decision = td_decision_new_for_issuer (db, self->issuers->len ? self->issuers->pdata[0] : NULL, &error);
      if (self->decision != NULL)
        self->decision->round_id = round_id;
      self->candidates = td_nomination_list (db, round_id, &error);
      for (guint i = self->candidates ? self->candidates->len : 0; i > 0; i--)
        if (((TdNomination *) self->candidates->pdata[i - 1])->status != TD_NOMINATION_APPROVED)
          g_ptr_array_remove_index (self->candidates, i - 1);
    }
  if (self->decision == NULL)
    {
      /* Nothing to edit: say why, and offer nothing to save. */
      gtk_label_set_text (self->error_label, error ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      self->decision = g_new0 (TdDecision, 1);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return self;
    }
  for (guint i = 0; i < self->issuers->len; i++)
    if (g_strcmp0 (self->issuers->pdata[i], self->decision->issuer_code) == 0)
      adw_combo_row_set_selected (self->issuer_row, i);
  show_decision (self);
  if (decision_id == 0)
    show_candidates (self);
  return self;
}
