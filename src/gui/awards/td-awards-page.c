/* td-awards-page.c: the board's Khen thưởng area.
 *
 * Nominations of a round are listed with filters; the pane beside the list shows one with its
 * warnings, evidence and the unit's self-assessment, and offers only the moves the workflow
 * allows from its status (the core refuses the others anyway).  The Decisions view lists the
 * decisions with their preview, print, edit and certificate actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-awards-page.h"
#include "td-certificates-dialog.h"
#include "td-council-view.h"
#include "td-decision-actions.h"
#include "td-decision-dialog.h"
#include "td-decision-pdf.h"
#include "td-document-preview.h"
#include "td-nomination-dialog.h"
#include "td-nomination-pane.h"
#include "td-pickers.h"
#include "td-register-view.h"
#include "td-split-view.h"
#include "td-notify.h"

struct _TdAwardsPage
{
  AdwBin          parent_instance;

  TdDatabase     *db;
  GSettings      *settings;
  GListModel     *rounds;
  GListModel     *targets;
  GPtrArray      *nominations;    /* TdNomination of the round */
  GHashTable     *warnings;       /* nomination id → its warnings, made with the list */
  GHashTable     *draft_decisions; /* ids (gint64) of the round's decisions without a number */
  GArray         *proposers;      /* gint64 unit ids behind proposer_dropdown (0: all) */
  gint64          current;
  char           *needle;         /* the search, casefolded */
  gboolean        filling;

  AdwViewStack   *views;
  GtkButton      *new_nomination_button;
  GtkButton      *new_decision_button;
  AdwNavigationSplitView *split_view;
  GtkWidget      *header_actions;  /* New nomination, Draw Up Decision: the window's header bar */
  GtkDropDown    *round_dropdown;
  GtkDropDown    *level_dropdown;
  GtkDropDown    *subject_dropdown;
  GtkDropDown    *proposer_dropdown;
  GtkDropDown    *status_dropdown;
  GtkSearchEntry *search_entry;
  GtkLabel       *count_label;
  GtkStack       *list_stack;
  AdwStatusPage  *empty_page;
  GtkListBox     *nomination_list;
  TdNominationPane *pane;
  GtkStack       *detail_stack;
  GtkStack       *decision_stack;
  TdRegisterView *register_view;
  TdCouncilView  *council_view;
  GtkListBox     *decision_list;
};

G_DEFINE_FINAL_TYPE (TdAwardsPage, td_awards_page, ADW_TYPE_BIN)

static void reload (TdAwardsPage *self);

static gint64
round_id (TdAwardsPage *self)
{
  g_autoptr(TdRound) round = NULL;
  guint pos = gtk_drop_down_get_selected (self->round_dropdown);

  if (self->rounds == NULL || pos >= g_list_model_get_n_items (self->rounds))
    return 0;
  round = g_list_model_get_item (self->rounds, pos);
  return td_round_get_id (round);
}

static TdNomination *
find (TdAwardsPage *self,
      gint64        id)
{
  for (guint i = 0; self->nominations && i < self->nominations->len; i++)
    if (((TdNomination *) self->nominations->pdata[i])->id == id)
      return self->nominations->pdata[i];
  return NULL;
}


static const char *
status_style (TdNominationStatus status)
{
  switch (status)
    {
    case TD_NOMINATION_RETURNED: return "error";
    case TD_NOMINATION_APPRAISED: return "accent";
    case TD_NOMINATION_APPROVED:
    case TD_NOMINATION_DECIDED: return "success";
    default: return "dim-label";
    }
}

/* ---- list and filters ------------------------------------------------------------------ */

static gboolean
matches (TdAwardsPage       *self,
         const TdNomination *n,
         const char         *needle)
{
  guint level = gtk_drop_down_get_selected (self->level_dropdown);
  guint subject = gtk_drop_down_get_selected (self->subject_dropdown);
  guint proposer = gtk_drop_down_get_selected (self->proposer_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (level > 0 && level != GTK_INVALID_LIST_POSITION && n->level != (TdAwardLevel) (level - 1))
    return FALSE;
  if (subject > 0 && subject != GTK_INVALID_LIST_POSITION && n->individual != (subject == 2))
    return FALSE;
  if (proposer > 0 && proposer < self->proposers->len &&
      n->proposer_id != g_array_index (self->proposers, gint64, proposer))
    return FALSE;
  if (status > 0 && status != GTK_INVALID_LIST_POSITION && n->status != (TdNominationStatus) (status - 1))
    return FALSE;
  if (needle != NULL && *needle != '\0')
    {
      g_autofree char *name = g_utf8_casefold (td_nomination_get_name (n), -1);
      g_autofree char *unit = g_utf8_casefold (n->unit_name, -1);
      if (strstr (name, needle) == NULL && strstr (unit, needle) == NULL)
        return FALSE;
    }
  return TRUE;
}

static GtkWidget *
nomination_row (TdAwardsPage       *self,
                const TdNomination *n)
{
  GtkWidget *row = adw_action_row_new ();
  /* "In a decision" only once the decision has its number; until then it is a draft. */
  gboolean in_draft = n->status == TD_NOMINATION_DECIDED && self->draft_decisions &&
                      g_hash_table_contains (self->draft_decisions, &n->decision_id);
  GtkWidget *status = gtk_label_new (in_draft ? _("In a draft decision") : td_nomination_status_get_label (n->status));
  g_autofree char *title = g_markup_escape_text (td_nomination_get_name (n), -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  char **warnings = self->warnings ? g_hash_table_lookup (self->warnings, &n->id) : NULL;

  /* Activatable: a click or Enter opens the nomination, in the narrow layout too. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  subtitle = g_strdup_printf ("%s · %s", td_award_level_get_label (n->level),
                              n->individual ? n->unit_name : _("Collective"));
  escaped = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_add_css_class (status, status_style (n->status));
  gtk_widget_add_css_class (status, "caption");
  if (warnings != NULL && warnings[0] != NULL && n->status != TD_NOMINATION_DECIDED)
    {
      g_autofree char *all = g_strjoinv ("\n", warnings);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, all);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, all, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  /* The nomination itself, alive as long as self->nominations, which the rows never outlive. */
  g_object_set_data (G_OBJECT (row), "td-nomination", (gpointer) n);
  return row;
}

static void show_detail (TdAwardsPage *self);

/* The rows are made once per reload (rebuild); a keystroke in the search or a filter only
 * hides and shows them. */
static gboolean
row_visible_cb (GtkListBoxRow *row,
                gpointer       user_data)
{
  TdAwardsPage *self = user_data;
  const TdNomination *n = g_object_get_data (G_OBJECT (row), "td-nomination");

  return n != NULL && matches (self, n, self->needle);
}

static void
refilter (TdAwardsPage *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_autofree char *count = NULL;
  GtkListBoxRow *select = NULL, *current = NULL;
  guint shown = 0, total = self->nominations ? self->nominations->len : 0;

  g_free (self->needle);
  self->needle = g_strdup (g_strstrip (needle));
  self->filling = TRUE;
  /* The list applies its filter (row_visible_cb) at once: what it shows is counted, not
   * matched a second time. */
  gtk_list_box_invalidate_filter (self->nomination_list);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->nomination_list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      const TdNomination *n = g_object_get_data (G_OBJECT (child), "td-nomination");

      if (n == NULL || !gtk_widget_get_child_visible (child))
        continue;
      shown++;
      if (select == NULL)
        select = GTK_LIST_BOX_ROW (child);
      if (n->id == self->current)
        current = GTK_LIST_BOX_ROW (child);
    }
  if (current != NULL)
    select = current;
  count = g_strdup_printf (ngettext ("%u of %u nomination", "%u of %u nominations", total), shown, total);
  gtk_label_set_text (self->count_label, count);
  adw_status_page_set_description (self->empty_page, total == 0
                                   ? _("Nobody is nominated in this round yet. Add a nomination with the + button.")
                                   : _("No nomination matches the filters."));
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "empty");
  gtk_list_box_select_row (self->nomination_list, select);
  self->filling = FALSE;
  self->current = select ? ((const TdNomination *) g_object_get_data (G_OBJECT (select), "td-nomination"))->id : 0;
  show_detail (self);
}

static void
clear_rows (TdAwardsPage *self)
{
  GtkWidget *child;
  gboolean filling = self->filling;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->nomination_list))) != NULL)
    gtk_list_box_remove (self->nomination_list, child);
  self->filling = filling;
}

/* A row for every nomination of the round, after a reload. */
static void
rebuild (TdAwardsPage *self)
{
  clear_rows (self);
  self->filling = TRUE;
  for (guint i = 0; self->nominations && i < self->nominations->len; i++)
    gtk_list_box_append (self->nomination_list, nomination_row (self, self->nominations->pdata[i]));
  self->filling = FALSE;
  refilter (self);
}

static void
filter_changed_cb (TdAwardsPage *self)
{
  if (!self->filling)
    refilter (self);
}

static void
row_selected_cb (TdAwardsPage  *self,
                 GtkListBoxRow *row)
{
  if (self->filling || row == NULL)
    return;
  self->current = ((const TdNomination *) g_object_get_data (G_OBJECT (row), "td-nomination"))->id;
  show_detail (self);
}

/* Chosen by a click or Enter: in the narrow layout, the nomination's pane comes forward. */
static void
row_activated_cb (TdAwardsPage  *self,
                  GtkListBoxRow *row)
{
  td_split_view_show_content (self->split_view, TRUE);
}

/* Each tab's own actions: a nomination is added from the list of nominations, a decision is
 * drawn up from there or from the decisions; the council and the register have their own. */
static void
tab_changed_cb (TdAwardsPage *self)
{
  const char *tab = adw_view_stack_get_visible_child_name (self->views);

  gtk_widget_set_visible (GTK_WIDGET (self->new_nomination_button), g_strcmp0 (tab, "nominations") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->new_decision_button),
                          g_strcmp0 (tab, "nominations") == 0 || g_strcmp0 (tab, "decisions") == 0);
}

static void
fill_proposers (TdAwardsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 keep = 0, all = 0;
  guint pos = gtk_drop_down_get_selected (self->proposer_dropdown), select = 0;

  if (pos > 0 && pos < self->proposers->len)
    keep = g_array_index (self->proposers, gint64, pos);
  g_array_set_size (self->proposers, 0);
  g_array_append_val (self->proposers, all);
  gtk_string_list_append (names, _("All proposing units"));
  for (guint i = 0; self->nominations && i < self->nominations->len; i++)
    {
      TdNomination *n = self->nominations->pdata[i];
      gboolean seen = FALSE;

      for (guint k = 0; k < self->proposers->len && !seen; k++)
        seen = g_array_index (self->proposers, gint64, k) == n->proposer_id;
      if (seen)
        continue;
      if (n->proposer_id == keep)
        select = self->proposers->len;
      g_array_append_val (self->proposers, n->proposer_id);
      gtk_string_list_append (names, n->proposer_name);
    }
  gtk_drop_down_set_model (self->proposer_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->proposer_dropdown, select);
}

/* ---- decisions ---------------------------------------------------------------------------- */

/* What the preview of a rendered decision is called. */
typedef struct {
  TdAwardsPage *self;
  char         *title;
  char         *file_name;
} Preview;

static void
decision_rendered_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Preview *p = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = td_decision_render_pdf_finish (result, &error);

  if (pdf == NULL)
    td_notify_toast (GTK_WIDGET (p->self), error->message);
  else
    adw_dialog_present (ADW_DIALOG (td_document_preview_new (pdf, p->title, p->file_name, "decision", FALSE)),
                        GTK_WIDGET (p->self));
  g_object_unref (p->self);
  g_free (p->title);
  g_free (p->file_name);
  g_free (p);
}

/* Laid out on a worker: a decision with a thousand awardees takes a moment. */
static void
preview_decision (TdAwardsPage *self,
                  gint64        decision_id)
{
  g_autoptr(GError) error = NULL;
  TdDecision *decision = td_decision_load (self->db, decision_id, &error);
  g_autoptr(GPtrArray) awardees = decision ? td_decision_list_awardees (self->db, decision_id, &error) : NULL;
  g_autofree char *number = NULL;
  Preview *p;

  if (awardees == NULL)
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      g_clear_pointer (&decision, td_decision_free);
      return;
    }
  number = td_decision_format_number (decision);
  p = g_new0 (Preview, 1);
  p->self = g_object_ref (self);
  p->title = g_strdup_printf (_("Decision %s"), number);
  p->file_name = td_decision_is_draft (decision)
                 ? g_strdup_printf ("du-thao-quyet-dinh-%" G_GINT64_FORMAT ".pdf", decision->id)
                 : g_strdup_printf ("quyet-dinh-%s.pdf", decision->number);
  td_decision_render_pdf_async (decision, awardees, NULL, decision_rendered_cb, p);
}

static void
decision_saved_cb (TdAwardsPage *self,
                   gint64        decision_id)
{
  reload (self);
  td_awards_page_show_view (self, "decisions");
  preview_decision (self, decision_id);
}

/* Issued or withdrawn: the nominations, the decisions and the register all changed. */
static void
decision_changed_cb (TdAwardsPage *self)
{
  reload (self);
  td_register_view_reload (self->register_view);
}

/* The decision rows' buttons are actions with the decision's id as their target: no data
 * hangs on the buttons, and each can be activated by name (tests, shortcuts). */
static void
decision_preview_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  preview_decision (TD_AWARDS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
decision_edit_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (widget);
  TdDecisionDialog *dialog = td_decision_dialog_new (self->db, round_id (self), g_variant_get_int64 (parameter));

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (decision_saved_cb), self);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
decision_issue_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (widget);

  adw_dialog_present (ADW_DIALOG (td_decision_issue_dialog_new (self->db, g_variant_get_int64 (parameter), G_OBJECT (self),
                                                                G_CALLBACK (decision_changed_cb))),
                      widget);
}

static void
decision_withdraw_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (widget);

  adw_dialog_present (ADW_DIALOG (td_decision_withdraw_dialog_new (self->db, g_variant_get_int64 (parameter),
                                                                   G_OBJECT (self), G_CALLBACK (decision_changed_cb))),
                      widget);
}

static void
decision_certificates_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (widget);

  adw_dialog_present (ADW_DIALOG (td_certificates_dialog_new (self->db, g_variant_get_int64 (parameter))), widget);
}

/* A decision's action with its word beside its icon (icons alone left the board guessing);
 * a screen reader hears which decision it acts on. */
static GtkWidget *
decision_button (gint64      id,
                 const char *title,
                 const char *action,
                 const char *icon,
                 const char *label,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new (label);
  g_autofree char *name = g_strdup_printf ("%s: %s", tooltip, title);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

/* One decision: its title and what it is, and its actions below, wrapping onto more lines in
 * a narrow window rather than squeezing the title. */
static GtkWidget *
decision_row (const char *title,
              const char *subtitle,
              GtkWidget  *actions)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *what = gtk_label_new (subtitle);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (what), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (what, "dim-label");
  gtk_widget_add_css_class (what, "caption");
  gtk_widget_set_margin_top (actions, 6);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), actions);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static void
fill_decisions (TdAwardsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = td_decision_list (self->db, round_id (self), &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->decision_list))) != NULL)
    gtk_list_box_remove (self->decision_list, child);
  for (guint i = 0; decisions && i < decisions->len; i++)
    {
      TdDecision *d = decisions->pdata[i];
      g_autoptr(GPtrArray) awardees = td_decision_list_awardees (self->db, d->id, NULL);
      g_autofree char *number = td_decision_format_number (d);
      /* Two drafts are both "…/QĐ-UBND": a draft is told by its own number here and, below, by
       * its date, level and first recipients. */
      g_autofree char *title = td_decision_is_draft (d)
                               ? g_strdup_printf (_("Draft Decision %u"), (guint) d->id)
                               : d->status == TD_DECISION_WITHDRAWN
                               ? g_strdup_printf (_("Decision %s (withdrawn)"), number)
                               : g_strdup_printf (_("Decision %s"), number);
      g_autofree char *date = td_format_date (d->signed_on);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *actions;
      guint n = awardees ? awardees->len : 0;

      subtitle = g_strdup_printf (ngettext ("%s · %s · %s · %u awardee", "%s · %s · %s · %u awardees", n),
                                  d->issuer_short, td_award_level_get_label (d->level),
                                  date ? date : _("no date yet"), n);
      if (d->status == TD_DECISION_WITHDRAWN && d->status_reason)
        {
          g_autofree char *why = g_strdup_printf (_("%s · withdrawn: %s"), subtitle, d->status_reason);
          g_set_str (&subtitle, why);
        }
      if (n > 0)
        {
          const char *first = td_nomination_get_name (awardees->pdata[0]);
          g_autofree char *who = n > 1 ? g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", n - 1), first, n - 1)
                                       : g_strdup (first);
          g_autofree char *longer = g_strdup_printf ("%s: %s", subtitle, who);

          g_set_str (&subtitle, longer);
        }
      actions = adw_wrap_box_new ();
      adw_wrap_box_set_child_spacing (ADW_WRAP_BOX (actions), 6);
      adw_wrap_box_set_line_spacing (ADW_WRAP_BOX (actions), 6);
      adw_wrap_box_append (ADW_WRAP_BOX (actions),
                           decision_button (d->id, title, "decision.preview", "document-print-preview-symbolic",
                                            _("Preview…"), _("Preview, print or save as PDF")));
      if (td_decision_is_draft (d))
        {
          adw_wrap_box_append (ADW_WRAP_BOX (actions),
                               decision_button (d->id, title, "decision.edit", "document-edit-symbolic", _("Edit…"),
                                                _("Edit the text")));
          adw_wrap_box_append (ADW_WRAP_BOX (actions),
                               decision_button (d->id, title, "decision.issue", "object-select-symbolic", _("Issue…"),
                                                _("Issue: give its number, date and register numbers")));
        }
      if (d->status != TD_DECISION_WITHDRAWN)
        {
          adw_wrap_box_append (ADW_WRAP_BOX (actions),
                               decision_button (d->id, title, "decision.certificates", "td-awards-symbolic",
                                                _("Certificates…"), _("Certificates")));
          adw_wrap_box_append (ADW_WRAP_BOX (actions),
                               decision_button (d->id, title, "decision.withdraw", "edit-delete-symbolic",
                                                _("Withdraw…"), _("Withdraw the decision")));
        }
      row = decision_row (title, subtitle, actions);
      gtk_list_box_append (self->decision_list, row);
    }
  if (error != NULL)
    td_notify_toast (GTK_WIDGET (self), error->message);
  gtk_stack_set_visible_child_name (self->decision_stack, decisions && decisions->len > 0 ? "list" : "empty");
}

static void
reload (TdAwardsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return;
  clear_rows (self);
  g_clear_pointer (&self->nominations, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_hash_table_unref);
  g_clear_pointer (&self->draft_decisions, g_hash_table_unref);
  self->draft_decisions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  {
    g_autoptr(GPtrArray) decisions = td_decision_list (self->db, round_id (self), NULL);

    for (guint i = 0; decisions && i < decisions->len; i++)
      {
        TdDecision *d = decisions->pdata[i];
        if (td_decision_is_draft (d))
          g_hash_table_add (self->draft_decisions, g_memdup2 (&d->id, sizeof d->id));
      }
  }
  self->nominations = td_nomination_list (self->db, round_id (self), &error);
  /* Once per reload, for every row: the filters and the search only redraw. */
  if (self->nominations != NULL)
    self->warnings = td_nomination_warnings_for_round (self->db, self->nominations, &error);
  if (error != NULL)
    td_notify_toast (GTK_WIDGET (self), error->message);
  self->filling = TRUE;
  fill_proposers (self);
  self->filling = FALSE;
  rebuild (self);
  fill_decisions (self);
  td_council_view_set_database (self->council_view, self->db, round_id (self));
}

static void
round_changed_cb (TdAwardsPage *self)
{
  if (!self->filling)
    reload (self);
}

/* ---- the detail pane ------------------------------------------------------------------- */

static void
show_detail (TdAwardsPage *self)
{
  TdNomination *n = find (self, self->current);

  td_nomination_pane_show (self->pane, self->db, n, n && self->warnings ? g_hash_table_lookup (self->warnings, &n->id)
                                                                        : NULL, self->targets);
  gtk_stack_set_visible_child_name (self->detail_stack, n != NULL ? "nomination" : "none");
}

static void
nomination_saved_cb (TdAwardsPage *self,
                     gint64        id)
{
  self->current = id;
  reload (self);
}

static void
edit_cb (TdAwardsPage *self)
{
  TdNominationDialog *dialog = td_nomination_dialog_new (self->db, round_id (self), self->current);

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (nomination_saved_cb), self);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* ---- the page ----------------------------------------------------------------------------- */

static void
new_nomination_cb (TdAwardsPage *self)
{
  TdNominationDialog *dialog;

  if (self->db == NULL)
    return;
  dialog = td_nomination_dialog_new (self->db, round_id (self), 0);
  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (nomination_saved_cb), self);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
new_decision_cb (TdAwardsPage *self)
{
  TdDecisionDialog *dialog;

  if (self->db == NULL)
    return;
  dialog = td_decision_dialog_new (self->db, round_id (self), 0);
  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (decision_saved_cb), self);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

void
td_awards_page_new_nomination (TdAwardsPage *self)
{
  g_return_if_fail (TD_IS_AWARDS_PAGE (self));

  new_nomination_cb (self);
}

static void
td_awards_page_dispose (GObject *object)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (object);

  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_object (&self->rounds);
  g_clear_object (&self->targets);
  /* The rows point into the nominations: they go first. */
  if (self->nomination_list != NULL)
    clear_rows (self);
  g_clear_pointer (&self->nominations, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->warnings, g_hash_table_unref);
  g_clear_pointer (&self->draft_decisions, g_hash_table_unref);
  g_clear_pointer (&self->proposers, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_AWARDS_PAGE);
  G_OBJECT_CLASS (td_awards_page_parent_class)->dispose (object);
}

static void
td_awards_page_class_init (TdAwardsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_awards_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-awards-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, name)
  BIND (views);
  BIND (new_nomination_button);
  BIND (new_decision_button);
  BIND (split_view);
  BIND (header_actions);
  BIND (round_dropdown);
  BIND (level_dropdown);
  BIND (subject_dropdown);
  BIND (proposer_dropdown);
  BIND (status_dropdown);
  BIND (search_entry);
  BIND (count_label);
  BIND (list_stack);
  BIND (empty_page);
  BIND (nomination_list);
  BIND (pane);
  BIND (detail_stack);
  BIND (decision_stack);
  BIND (decision_list);
  BIND (register_view);
  BIND (council_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, round_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_nomination_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_decision_cb);
  gtk_widget_class_install_action (widget_class, "decision.preview", "x", decision_preview_cb);
  gtk_widget_class_install_action (widget_class, "decision.edit", "x", decision_edit_cb);
  gtk_widget_class_install_action (widget_class, "decision.issue", "x", decision_issue_cb);
  gtk_widget_class_install_action (widget_class, "decision.withdraw", "x", decision_withdraw_cb);
  gtk_widget_class_install_action (widget_class, "decision.certificates", "x", decision_certificates_cb);
}

static void
td_awards_page_init (TdAwardsPage *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) subjects = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->proposers = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->filling = TRUE;
  g_type_ensure (TD_TYPE_NOMINATION_PANE);
  g_type_ensure (TD_TYPE_REGISTER_VIEW);
  g_type_ensure (TD_TYPE_COUNCIL_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  td_split_view_guard (self->split_view);
  gtk_list_box_set_filter_func (self->nomination_list, row_visible_cb, self, NULL);
  self->settings = g_settings_new (APP_ID);
  /* A meeting closed: its nominations moved on. */
  g_signal_connect_swapped (self->council_view, "changed", G_CALLBACK (decision_changed_cb), self);
  g_signal_connect_swapped (self->pane, "changed", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->pane, "edit-requested", G_CALLBACK (edit_cb), self);
  g_signal_connect_swapped (self->views, "notify::visible-child-name", G_CALLBACK (tab_changed_cb), self);
  tab_changed_cb (self);

  gtk_string_list_append (levels, _("All levels"));
  gtk_string_list_append (levels, td_award_level_get_label (TD_AWARD_BANG_KHEN));
  gtk_string_list_append (levels, td_award_level_get_label (TD_AWARD_GIAY_KHEN));
  gtk_drop_down_set_model (self->level_dropdown, G_LIST_MODEL (levels));
  gtk_string_list_append (subjects, _("Collectives and individuals"));
  gtk_string_list_append (subjects, _("Collectives"));
  gtk_string_list_append (subjects, _("Individuals"));
  gtk_drop_down_set_model (self->subject_dropdown, G_LIST_MODEL (subjects));
  gtk_string_list_append (statuses, _("Any status"));
  for (TdNominationStatus s = 0; s < TD_N_NOMINATION_STATUSES; s++)
    gtk_string_list_append (statuses, td_nomination_status_get_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  self->filling = FALSE;
}

void
td_awards_page_set_database (TdAwardsPage *self,
                             TdDatabase   *db)
{
  g_autoptr(GError) error = NULL;
  guint pos;

  g_set_object (&self->db, db);
  td_register_view_set_database (self->register_view, db);
  g_clear_object (&self->rounds);
  g_clear_object (&self->targets);
  if (db == NULL)
    return;
  self->rounds = td_catalog_list_rounds (db, &error);
  self->targets = td_catalog_list_targets (db, NULL);
  if (self->rounds == NULL)
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      self->rounds = G_LIST_MODEL (g_list_store_new (TD_TYPE_ROUND));
    }
  self->filling = TRUE;
  pos = td_pickers_fill_rounds (self->round_dropdown, self->rounds, g_settings_get_int (self->settings, "last-round"));
  gtk_drop_down_set_selected (self->round_dropdown, pos);
  self->filling = FALSE;
  self->current = 0;
  reload (self);
}

guint
td_awards_page_get_n_shown (TdAwardsPage *self)
{
  guint n = 0;

  /* The rows the filters let through (the others are there, hidden). */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->nomination_list)); c;
       c = gtk_widget_get_next_sibling (c))
    n += gtk_widget_get_child_visible (c);
  return n;
}

gint64
td_awards_page_get_current (TdAwardsPage *self)
{
  return self->current;
}

GtkWidget *
td_awards_page_get_header_actions (TdAwardsPage *self)
{
  return self->header_actions;
}

gboolean
td_awards_page_select (TdAwardsPage *self,
                       gint64        nomination_id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->nomination_list)); c;
       c = gtk_widget_get_next_sibling (c))
    if (g_object_get_data (G_OBJECT (c), "td-nomination") != NULL && gtk_widget_get_child_visible (c) &&
        ((const TdNomination *) g_object_get_data (G_OBJECT (c), "td-nomination"))->id == nomination_id)
      {
        gtk_list_box_select_row (self->nomination_list, GTK_LIST_BOX_ROW (c));
        return TRUE;
      }
  return FALSE;
}

char **
td_awards_page_get_offered_moves (TdAwardsPage *self)
{
  return td_nomination_pane_get_offered_moves (self->pane);
}

void
td_awards_page_set_search (TdAwardsPage *self,
                           const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  refilter (self);
}

void
td_awards_page_show_view (TdAwardsPage *self,
                          const char   *name)
{
  adw_view_stack_set_visible_child_name (self->views, name);
}
