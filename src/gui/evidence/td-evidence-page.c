/* td-evidence-page.c: reviewing a unit's evidence.
 *
 * The list says what each evidence supports and its verdict; the viewer shows the selected
 * one; a verdict is one click or Ctrl+1/2/3 and goes to the audit log with the reviewer's name,
 * and Ctrl+N moves to the next evidence nobody has looked at yet. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "td-evidence-page.h"
#include "td-evidence-scan.h"
#include "td-pdf-bytes.h"
#include "td-pdf-reader.h"
#include "td-pdf-signature.h"
#include "td-pickers.h"
#include "td-review-item.h"
#include "td-split-view.h"
#include "td-notify.h"

struct _TdEvidencePage
{
  AdwBin          parent_instance;

  TdDatabase     *db;
  GSettings      *settings;
  GListModel     *units;
  GListModel     *rounds;
  GListModel     *targets;
  GPtrArray      *standards;
  GListStore     *items;          /* TdReviewItem of the unit's round: the list's model */
  gint64          current;
  GHashTable     *signatures;     /* sha256 → Signed, for files already checked */
  GCancellable   *scan_cancel;

  GtkDropDown    *unit_dropdown;
  GtkDropDown    *round_dropdown;
  GtkLabel       *count_label;
  GtkListBox     *evidence_list;
  GtkLabel       *title_label;
  AdwNavigationSplitView *split_view;
  GtkEntry       *comment_entry;
  GtkToggleButton *verdict_accepted;
  GtkToggleButton *verdict_needs_more;
  GtkToggleButton *verdict_rejected;
  TdVerdict       pending_verdict;  /* asked for, waiting for its reason in the comment */
  gpointer        last_undo;        /* Undo of the latest verdict, for the toast and Ctrl+Z */
  GtkStack       *viewer_stack;
  TdPdfReader    *reader;
};

G_DEFINE_FINAL_TYPE (TdEvidencePage, td_evidence_page, ADW_TYPE_BIN)

/* Helpers */

static guint
n_items (TdEvidencePage *self)
{
  return self->items ? g_list_model_get_n_items (G_LIST_MODEL (self->items)) : 0;
}

/* The evidence at @position; the store keeps the item alive. */
static const TdEvidenceInfo *
info_at (TdEvidencePage *self,
         guint           position)
{
  g_autoptr(TdReviewItem) item = self->items ? g_list_model_get_item (G_LIST_MODEL (self->items), position) : NULL;

  return item ? td_review_item_get_info (item) : NULL;
}

static const TdEvidenceInfo *
current_info (TdEvidencePage *self)
{
  for (guint i = 0; i < n_items (self); i++)
    {
      const TdEvidenceInfo *e = info_at (self, i);
      if (e->id == self->current)
        return e;
    }
  return NULL;
}

/* "Chỉ tiêu 7" or the standard's code: what the evidence supports. */
static char *
owner_label (TdEvidencePage       *self,
             const TdEvidenceInfo *e)
{
  for (guint i = 0; e->owner.target_id && i < g_list_model_get_n_items (self->targets); i++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (self->targets, i);
      if (td_target_get_id (t) == e->owner.target_id)
        return g_strdup_printf (_("Target %u"), td_target_get_number (t));
    }
  for (guint i = 0; e->owner.standard_id && self->standards && i < self->standards->len; i++)
    {
      TdStandard *s = self->standards->pdata[i];
      if (s->id == e->owner.standard_id)
        return g_strdup_printf (_("Standard %s"), s->code);
    }
  if (e->owner.nomination_id)
    return g_strdup (_("Nomination dossier"));
  return g_strdup ("");
}

static const char *
verdict_icon (TdVerdict verdict)
{
  switch (verdict)
    {
    case TD_VERDICT_ACCEPTED: return "object-select-symbolic";
    case TD_VERDICT_NEEDS_MORE: return "dialog-warning-symbolic";
    case TD_VERDICT_REJECTED: return "action-unavailable-symbolic";
    default: return "radio-symbolic";
    }
}

static void clear_pending_verdict (TdEvidencePage *self);
static void show_verdict_state (TdEvidencePage *self);

/* Signatures in the list.  Each file is checked once per content (the cache is by SHA-256) in a
 * thread with its own database connection, so the list shows at once and the marks follow. */

/* The list box is bound to the store: a row's index is its item's position. */
static const TdEvidenceInfo *
info_for_row (TdEvidencePage *self,
              GtkWidget      *row)
{
  int index = row ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  return index >= 0 ? info_at (self, (guint) index) : NULL;
}

static void
mark_signed_rows (TdEvidencePage *self)
{
  for (guint i = 0; i < n_items (self); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->evidence_list, (int) i);
      TdEvidenceSigned *s = g_hash_table_lookup (self->signatures, info_at (self, i)->sha256);
      GtkWidget *icon;

      if (row == NULL || s == NULL || !s->is_signed || g_object_get_data (G_OBJECT (row), "signature-icon"))
        continue;
      icon = gtk_image_new_from_icon_name (s->state == TD_SIGNATURE_VALID ? "security-high-symbolic" : "security-low-symbolic");
      gtk_widget_add_css_class (icon, s->state == TD_SIGNATURE_VALID ? "success" : "error");
      gtk_widget_set_tooltip_text (icon, s->text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, s->text, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "signature-icon", icon);
    }
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TdEvidencePage) self = g_weak_ref_get (user_data);
  g_autoptr(GPtrArray) results = td_evidence_scan_signatures_finish (result, NULL);

  g_weak_ref_clear (user_data);
  g_free (user_data);

  if (self == NULL || results == NULL || self->signatures == NULL)
    return;
  for (guint i = 0; i < results->len; i++)
    {
      TdEvidenceSigned *s = results->pdata[i];
      g_hash_table_replace (self->signatures, s->sha256, s);
      results->pdata[i] = NULL;
    }
  mark_signed_rows (self);
}

static void
scan_signatures (TdEvidencePage *self)
{
  g_autoptr(GPtrArray) unchecked = g_ptr_array_new ();
  GWeakRef *ref;

  g_cancellable_cancel (self->scan_cancel);
  g_clear_object (&self->scan_cancel);
  mark_signed_rows (self);
  if (self->db == NULL)
    return;
  for (guint i = 0; i < n_items (self); i++)
    {
      const TdEvidenceInfo *e = info_at (self, i);
      if (!g_hash_table_contains (self->signatures, e->sha256))
        g_ptr_array_add (unchecked, (gpointer) e);
    }
  if (unchecked->len == 0)
    return;
  self->scan_cancel = g_cancellable_new ();
  /* The scan opens each file in the PDF helper and may take a while: it holds the page only
   * weakly, so that a closed page lets go of its database at once. */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  td_evidence_scan_signatures_async (self->db, unchecked, self->scan_cancel, scan_done_cb, ref);
}

/* A row of the list, made by the list box for each item of the store. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  TdEvidencePage *self = user_data;
  const TdEvidenceInfo *e = td_review_item_get_info (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (verdict_icon (e->verdict));
  g_autofree char *owner = owner_label (self, e);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s", owner, td_verdict_get_label (e->verdict),
                                               *e->verdict_comment ? " — " : "", e->verdict_comment);

  /* A click, a double-click or Enter opens the file: in the narrow layout, its page comes
   * forward (an action row is not activatable by itself). */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->file_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  td_verdict_get_label (e->verdict), -1);
  /* Colour doubles the icon shape so the list reads at a glance; the
   * shape alone still tells the verdicts apart for colour-blind users. */
  if (e->verdict == TD_VERDICT_ACCEPTED)
    gtk_widget_add_css_class (icon, "success");
  else if (e->verdict == TD_VERDICT_NEEDS_MORE)
    gtk_widget_add_css_class (icon, "warning");
  else if (e->verdict == TD_VERDICT_REJECTED)
    gtk_widget_add_css_class (icon, "error");
  else
    gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (e->display_problem != NULL)
    {
      /* Found at import: the PDF helper crashed or stalled on this file. */
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *tip = g_strdup_printf (_("Cannot be displayed: %s"), e->display_problem);

      gtk_widget_add_css_class (warning, "warning");
      gtk_widget_set_tooltip_text (warning, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
    }
  return row;
}

/* The store takes @infos (NULL: none); the list box makes the rows. */
static void
set_items (TdEvidencePage *self,
           GPtrArray      *infos)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;
  guint unreviewed = 0;

  for (guint i = 0; infos && i < infos->len; i++)
    {
      TdEvidenceInfo *e = g_steal_pointer (&infos->pdata[i]);

      unreviewed += e->verdict == TD_VERDICT_UNREVIEWED;
      g_ptr_array_add (items, td_review_item_new (e));
    }
  g_list_store_splice (self->items, 0, n_items (self), items->pdata, items->len);
  count = g_strdup_printf (_("%u evidence, %u not yet reviewed"), items->len, unreviewed);
  gtk_label_set_label (self->count_label, count);
  scan_signatures (self);
}

static void
select_id (TdEvidencePage *self,
           gint64          id)
{
  for (guint i = 0; i < n_items (self); i++)
    if (info_at (self, i)->id == id)
      {
        gtk_list_box_select_row (self->evidence_list, gtk_list_box_get_row_at_index (self->evidence_list, (int) i));
        return;
      }
}

static void
load (TdEvidencePage *self)
{
  guint unit_pos = gtk_drop_down_get_selected (self->unit_dropdown);
  guint round_pos = gtk_drop_down_get_selected (self->round_dropdown);
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  gint64 keep = self->current;

  self->current = 0;
  if (self->db == NULL || unit_pos == GTK_INVALID_LIST_POSITION || round_pos == GTK_INVALID_LIST_POSITION)
    {
      set_items (self, NULL);
      return;
    }
  unit = g_list_model_get_item (self->units, unit_pos);
  round = g_list_model_get_item (self->rounds, round_pos);
  info = td_assessment_lookup (self->db, td_unit_get_id (unit), td_round_get_id (round), &error);
  if (info != NULL)
    infos = td_evidence_list_for_assessment (self->db, info->id, &error);
  /* The dossiers of the unit's nominations are reviewed here too, after its own evidence. */
  if (error == NULL)
    {
      GPtrArray *dossiers = td_evidence_list_for_nominations_of (self->db, td_unit_get_id (unit),
                                                                 td_round_get_id (round), &error);
      if (infos == NULL)
        infos = g_ptr_array_new_with_free_func ((GDestroyNotify) td_evidence_info_free);
      if (dossiers != NULL)
        g_ptr_array_extend_and_steal (infos, dossiers);
    }
  if (error)
    td_notify_toast (GTK_WIDGET (self), error->message);
  set_items (self, infos);
  if (n_items (self) == 0)
    {
      gtk_stack_set_visible_child_name (self->viewer_stack, "empty");
      gtk_label_set_label (self->title_label, "");
      self->current = 0;
      show_verdict_state (self);
      /* In the narrow layout an empty list says nothing: the page that says why comes forward. */
      td_split_view_show_content (self->split_view, TRUE);
      return;
    }
  /* After a verdict the same evidence stays in view at the same page: marking it as current
   * before selecting its new row keeps row_selected_cb from loading the file again. */
  for (guint i = 0; keep && i < n_items (self); i++)
    if (info_at (self, i)->id == keep)
      self->current = keep;
  select_id (self, self->current ? self->current : info_at (self, 0)->id);
  show_verdict_state (self);
}

/* Callbacks */

static void
row_selected_cb (TdEvidencePage *self,
                 GtkListBoxRow  *row)
{
  const TdEvidenceInfo *e = row ? info_for_row (self, GTK_WIDGET (row)) : NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (e == NULL || e->id == self->current)
    return;
  self->current = e->id;
  gtk_label_set_label (self->title_label, e->file_name);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), e->verdict_comment);
  clear_pending_verdict (self);
  if (e->display_problem != NULL)
    {
      /* The import already found that the PDF helper cannot draw it: say so at once rather than
       * try again for seconds. The verdict can still be recorded. */
      g_autofree char *said = g_strdup_printf (_("This file cannot be displayed: %s. Record a verdict (Needs More "
                                                 "asks the unit for a readable copy), or save it and open it in "
                                                 "another program."), e->display_problem);

      td_pdf_reader_set_pdf (self->reader, NULL, said);
    }
  else
    {
      bytes = td_pdf_bytes_load_evidence (self->db, e->id, &error);
      td_pdf_reader_set_pdf (self->reader, bytes, error ? error->message : NULL);
    }
  gtk_stack_set_visible_child_name (self->viewer_stack, "view");
  show_verdict_state (self);
}

/* Chosen by a click or Enter: in the narrow layout, the file's page comes forward. */
static void
row_activated_cb (TdEvidencePage *self,
                  GtkListBoxRow  *row)
{
  td_split_view_show_content (self->split_view, TRUE);
}

static void
selection_changed_cb (TdEvidencePage *self)
{
  guint unit_pos = gtk_drop_down_get_selected (self->unit_dropdown);

  if (unit_pos != GTK_INVALID_LIST_POSITION && self->units)
    {
      g_autoptr(TdUnit) unit = g_list_model_get_item (self->units, unit_pos);
      g_settings_set_string (self->settings, "last-unit", td_unit_get_code (unit));
    }
  self->current = 0;
  load (self);
}

/* The three verdict buttons show the current evidence's verdict, pressed, and are off when
 * there is no evidence to judge. */
static void
show_verdict_state (TdEvidencePage *self)
{
  const TdEvidenceInfo *e = current_info (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.verdict", e != NULL);
  gtk_toggle_button_set_active (self->verdict_accepted, e && e->verdict == TD_VERDICT_ACCEPTED);
  gtk_toggle_button_set_active (self->verdict_needs_more, e && e->verdict == TD_VERDICT_NEEDS_MORE);
  gtk_toggle_button_set_active (self->verdict_rejected, e && e->verdict == TD_VERDICT_REJECTED);
}

/* What a verdict replaced, to put back. */
typedef struct {
  gint64     evidence_id;
  TdVerdict  verdict;
  char      *comment;
} Undo;

static void
undo_free (Undo *undo)
{
  if (undo == NULL)
    return;
  g_free (undo->comment);
  g_free (undo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Undo, undo_free)

/* Puts back what the latest verdict replaced (the toast's Undo, or Ctrl+Z). */
static void
undo_verdict_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TdEvidencePage *self = TD_EVIDENCE_PAGE (widget);
  g_autoptr(Undo) undo = g_steal_pointer (&self->last_undo);
  g_autoptr(GError) error = NULL;

  if (undo == NULL || self->db == NULL)
    return;
  if (!td_evidence_set_verdict (self->db, undo->evidence_id, undo->verdict, undo->comment, &error))
    td_notify_toast (GTK_WIDGET (self), error->message);
  else
    load (self);
}

static void
toast_undo_cb (TdEvidencePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "evidence.undo-verdict", NULL);
}

static void
clear_pending_verdict (TdEvidencePage *self)
{
  self->pending_verdict = TD_VERDICT_UNREVIEWED;
  gtk_entry_set_placeholder_text (self->comment_entry, _("Comment for the unit"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->comment_entry), "error");
}

static void
verdict_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TdEvidencePage *self = TD_EVIDENCE_PAGE (widget);
  const TdEvidenceInfo *e = current_info (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(Undo) undo = NULL;
  TdVerdict verdict;

  if (e == NULL || !td_verdict_from_string (g_variant_get_string (parameter, NULL), &verdict))
    return;
  undo = g_new0 (Undo, 1);
  undo->evidence_id = e->id;
  undo->verdict = e->verdict;
  undo->comment = g_strdup (e->verdict_comment);
  if (!td_evidence_set_verdict (self->db, e->id, verdict, gtk_editable_get_text (GTK_EDITABLE (self->comment_entry)), &error))
    {
      if (g_error_matches (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_REASON_NEEDED))
        {
          /* Asked in place, not in a dialog: the comment field says what it needs, and Enter
           * there records the verdict that was asked for. */
          self->pending_verdict = verdict;
          gtk_entry_set_placeholder_text (self->comment_entry, error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->comment_entry), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->comment_entry));
          show_verdict_state (self);
          return;
        }
      td_notify_toast (GTK_WIDGET (self), error->message);
      show_verdict_state (self);
      return;
    }
  clear_pending_verdict (self);
  load (self);
  /* The reviewer's keys go back to the file: F9, Ctrl+F, Ctrl+N and the arrows act on it, and
   * nothing more is typed into the comment that was just recorded. */
  gtk_widget_grab_focus (GTK_WIDGET (td_pdf_reader_get_view (self->reader)));
  /* A verdict is one key press: one more takes it back. */
  {
    g_autofree char *message = g_strdup_printf (_("Recorded: %s"), td_verdict_get_label (verdict));
    AdwToast *t = adw_toast_new (message);

    adw_toast_set_button_label (t, _("_Undo"));
    adw_toast_set_use_markup (t, FALSE);
    g_clear_pointer (&self->last_undo, undo_free);
    self->last_undo = g_steal_pointer (&undo);
    g_signal_connect_object (t, "button-clicked", G_CALLBACK (toast_undo_cb), self, G_CONNECT_SWAPPED);
    td_notify_show_toast (GTK_WIDGET (self), t);
  }
}

/* Escape in the comment: back to the file, as after a verdict. */
static gboolean
comment_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TdEvidencePage        *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (td_pdf_reader_get_view (self->reader)));
  return TRUE;
}

/* Enter in the comment: the verdict the reviewer asked for before writing the reason. */
static void
comment_activated_cb (TdEvidencePage *self)
{
  if (self->pending_verdict != TD_VERDICT_UNREVIEWED)
    gtk_widget_activate_action (GTK_WIDGET (self), "evidence.verdict", "s",
                                td_verdict_to_string (self->pending_verdict));
}

static void
next_unreviewed_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TdEvidencePage *self = TD_EVIDENCE_PAGE (widget);
  guint start = 0, n = n_items (self);

  for (guint i = 0; i < n; i++)
    if (info_at (self, i)->id == self->current)
      start = i;
  /* Onwards from the one in view, then from the top. */
  for (guint k = 1; k <= n; k++)
    {
      const TdEvidenceInfo *e = info_at (self, (start + k) % n);
      if (e->verdict == TD_VERDICT_UNREVIEWED)
        {
          select_id (self, e->id);
          td_split_view_show_content (self->split_view, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (td_pdf_reader_get_view (self->reader)));
          return;
        }
    }
  td_notify_toast (GTK_WIDGET (self), _("Every evidence of this unit has a verdict."));
}

static GBytes *
current_bytes (TdEvidencePage *self)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = self->current ? td_pdf_bytes_load_evidence (self->db, self->current, &error) : NULL;

  if (error)
    td_notify_toast (GTK_WIDGET (self), error->message);
  return bytes;
}

static void
copy_text_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TdEvidencePage *self = TD_EVIDENCE_PAGE (widget);
  TdPdfView *view = td_pdf_reader_get_view (self->reader);
  TdPdfDocument *doc = td_pdf_view_get_document (view);
  g_autofree char *text = doc ? td_pdf_document_get_text (doc, td_pdf_view_get_page (view)) : NULL;

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  td_notify_toast (GTK_WIDGET (self), *text ? _("Text of the page copied") : _("The page has no text: it may be a scan."));
}

static void
save_chosen_cb (GtkFileDialog  *dialog,
                GAsyncResult   *result,
                TdEvidencePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (dialog, result, &error);
  g_autoptr(GBytes) bytes = file ? current_bytes (self) : NULL;

  if (bytes != NULL && !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                 NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    td_notify_toast (GTK_WIDGET (self), error->message);
  g_object_unref (self);
}

static void
save_copy_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TdEvidencePage *self = TD_EVIDENCE_PAGE (widget);
  const TdEvidenceInfo *e = current_info (self);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  if (e == NULL)
    return;
  gtk_file_dialog_set_initial_name (dialog, e->file_name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        (GAsyncReadyCallback) save_chosen_cb, g_object_ref (self));
}

static void
open_external_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TdEvidencePage *self = TD_EVIDENCE_PAGE (widget);
  const TdEvidenceInfo *e = current_info (self);
  g_autoptr(GBytes) bytes = current_bytes (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkFileLauncher) launcher = NULL;

  if (e == NULL || bytes == NULL)
    return;
  /* Another program needs a file: a copy in a temporary folder only this user can read, under
   * a name that cannot reach outside it and that ends in .pdf, whatever the unit called it, so
   * the desktop opens it as the PDF it was checked to be. */
  dir = g_dir_make_tmp ("thidua-evidence-XXXXXX", &error);
  if (dir == NULL)
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      return;
    }
  name = td_evidence_safe_file_name (e->file_name);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      return;
    }
  file = g_file_new_for_path (path);
  launcher = gtk_file_launcher_new (file);
  gtk_file_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL, NULL);
}

/* GObject */

static void
td_evidence_page_dispose (GObject *object)
{
  TdEvidencePage *self = TD_EVIDENCE_PAGE (object);

  if (self->scan_cancel)
    g_cancellable_cancel (self->scan_cancel);
  g_clear_object (&self->scan_cancel);
  g_clear_pointer (&self->last_undo, undo_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_EVIDENCE_PAGE);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_object (&self->units);
  g_clear_object (&self->rounds);
  g_clear_object (&self->targets);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->signatures, g_hash_table_unref);
  G_OBJECT_CLASS (td_evidence_page_parent_class)->dispose (object);
}

static void
td_evidence_page_class_init (TdEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_evidence_page_dispose;
  g_type_ensure (TD_TYPE_PDF_READER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, verdict_accepted);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, verdict_needs_more);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, verdict_rejected);
  gtk_widget_class_bind_template_callback (widget_class, comment_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, viewer_stack);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, reader);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, TdEvidencePage, split_view);

  gtk_widget_class_install_action (widget_class, "evidence.verdict", "s", verdict_cb);
  gtk_widget_class_install_action (widget_class, "evidence.undo-verdict", NULL, undo_verdict_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "evidence.undo-verdict", NULL);
  gtk_widget_class_install_action (widget_class, "evidence.next-unreviewed", NULL, next_unreviewed_cb);
  gtk_widget_class_install_action (widget_class, "evidence.copy-text", NULL, copy_text_cb);
  gtk_widget_class_install_action (widget_class, "evidence.save-copy", NULL, save_copy_cb);
  gtk_widget_class_install_action (widget_class, "evidence.open-external", NULL, open_external_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "evidence.verdict", "s", "accepted");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "evidence.verdict", "s", "needs-more");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "evidence.verdict", "s", "rejected");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "evidence.next-unreviewed", NULL);
}

static void
td_evidence_page_init (TdEvidencePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  td_split_view_guard (self->split_view);
  self->items = g_list_store_new (TD_TYPE_REVIEW_ITEM);
  gtk_list_box_bind_model (self->evidence_list, G_LIST_MODEL (self->items), create_row_cb, self, NULL);
  self->settings = g_settings_new (APP_ID);
  self->signatures = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) td_evidence_signed_free);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Escape leaves the comment for the file; Ctrl+Z there takes back the verdict (the page's
     * binding), not a letter of the comment: the field shows what was recorded. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (comment_key_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->comment_entry), keys);
    gtk_editable_set_enable_undo (GTK_EDITABLE (self->comment_entry), FALSE);
  }
}

/* Public API */

void
td_evidence_page_set_database (TdEvidencePage *self,
                               TdDatabase     *db)
{
  g_autoptr(GError) error = NULL;

  g_set_object (&self->db, db);
  if (db == NULL)
    return;
  g_clear_object (&self->units);
  g_clear_object (&self->rounds);
  g_clear_object (&self->targets);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  if ((self->units = td_catalog_list_units (db, &error)) == NULL ||
      (self->rounds = td_catalog_list_rounds (db, &error)) == NULL ||
      (self->targets = td_catalog_list_targets (db, &error)) == NULL ||
      (self->standards = td_catalog_list_standards (db, FALSE, TRUE, &error)) == NULL)
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      return;
    }
  td_pickers_setup (self->unit_dropdown, self->round_dropdown, self->units, self->rounds, self->settings, NULL,
                    G_CALLBACK (selection_changed_cb), self);
  load (self);
}

gint64
td_evidence_page_get_current (TdEvidencePage *self)
{
  return self->current;
}

guint
td_evidence_page_get_n_items (TdEvidencePage *self)
{
  return n_items (self);
}
