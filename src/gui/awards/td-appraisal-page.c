/* td-appraisal-page.c: one combo row per step done by a body; choosing a unit records it at
 * once (td_appraisal_set_body()), as preferences do. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-appraisal-page.h"
#include "td-notify.h"

struct _TdAppraisalPage
{
  AdwPreferencesPage  parent_instance;

  TdDatabase         *db;
  GPtrArray          *codes;      /* unit code per row of every combo */
  GPtrArray          *steps;      /* StepRow, one per combo */
  gboolean            filling;
};

/* A step's combo row: which step, and the unit its "Use" button offers. */
typedef struct {
  TdAppraisalPage *page;
  AdwComboRow     *row;
  char            *step;
  char            *suggested;
} StepRow;

static void
step_row_free (StepRow *r)
{
  g_free (r->step);
  g_free (r->suggested);
  g_free (r);
}

G_DEFINE_FINAL_TYPE (TdAppraisalPage, td_appraisal_page, ADW_TYPE_PREFERENCES_PAGE)

static void
body_chosen_cb (AdwComboRow *row,
                GParamSpec  *pspec,
                StepRow     *step)
{
  TdAppraisalPage *self = step->page;
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected >= self->codes->len)
    return;
  if (!td_appraisal_set_body (self->db, step->step, self->codes->pdata[selected], &error))
    td_notify_toast (GTK_WIDGET (self), error->message);
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
}

/* "Use" beside a step whose body the register lacks: the unit its name matches, confirmed. */
static void
use_clicked_cb (GtkButton *button,
                StepRow   *step)
{
  TdAppraisalPage *self = step->page;

  for (guint k = 0; k < self->codes->len; k++)
    if (g_strcmp0 (self->codes->pdata[k], step->suggested) == 0)
      adw_combo_row_set_selected (step->row, k);
  gtk_widget_set_visible (GTK_WIDGET (button), FALSE);
}

TdAppraisalPage *
td_appraisal_page_new (TdDatabase *db)
{
  TdAppraisalPage *self = g_object_new (TD_TYPE_APPRAISAL_PAGE, "name", "appraisal", "title", _("Appraisal"),
                                        "icon-name", "td-awards-symbolic", NULL);
  g_autofree char *threshold = NULL;
  g_autoptr(GPtrArray) steps = td_appraisal_steps (db, &threshold, NULL);
  g_autoptr(GPtrArray) units = td_register_list (db, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *group = adw_preferences_group_new ();

  self->db = g_object_ref (db);
  self->filling = TRUE;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Who Acts at Each Step"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The campaign names the bodies of section VI; the board may give a step "
                                           "to another unit of its register. The council's vote and the decision "
                                           "are not a unit's."));
  for (guint i = 0; units && i < units->len; i++)
    {
      TdUnitRecord *u = units->pdata[i];
      /* Only the units that may act at a step: active departments, agencies, organisations. */
      if (!td_appraisal_body_may_be (u, NULL))
        continue;
      gtk_string_list_append (names, u->name);
      g_ptr_array_add (self->codes, g_strdup (u->code));
    }
  for (guint i = 0; steps && i < steps->len; i++)
    {
      TdStepSpec *s = steps->pdata[i];
      g_autoptr(GtkExpression) expression = NULL;
      AdwComboRow *row;
      StepRow *step;

      if (s->actor != TD_STEP_BY_BODY)
        continue;
      row = ADW_COMBO_ROW (adw_combo_row_new ());
      step = g_new0 (StepRow, 1);
      step->page = self;
      step->row = row;
      step->step = g_strdup (s->id);
      g_ptr_array_add (self->steps, step);
      expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
      adw_combo_row_set_expression (row, expression);
      adw_combo_row_set_enable_search (row, TRUE);
      adw_combo_row_set_model (row, G_LIST_MODEL (names));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->title);
      adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
      for (guint k = 0; k < self->codes->len; k++)
        if (g_strcmp0 (self->codes->pdata[k], s->body_code) == 0)
          adw_combo_row_set_selected (row, k);
      if (!s->body_active)
        {
          g_autofree char *suggested = td_appraisal_suggest_body (db, s);
          g_autoptr(TdUnitRecord) match = suggested ? td_register_get (db, suggested, NULL) : NULL;
          g_autofree char *subtitle = NULL;

          /* Said, not guessed: the step is blocked until the board names its unit. */
          if (match != NULL)
            {
              GtkWidget *use = gtk_button_new_with_mnemonic (_("_Use"));

              subtitle = g_strdup_printf (_("“%s” is not in the register; %s (%s) has the campaign's name for it."),
                                          s->body_code, match->name, match->code);
              gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
              gtk_widget_set_tooltip_text (use, match->name);
              step->suggested = g_strdup (match->code);
              g_signal_connect (use, "clicked", G_CALLBACK (use_clicked_cb), step);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), use);
            }
          else
            subtitle = g_strdup_printf (_("“%s” is not an active unit of the register: choose the unit that does "
                                          "this step."), s->body_code);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      g_signal_connect (row, "notify::selected", G_CALLBACK (body_chosen_cb), step);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  self->filling = FALSE;
  return self;
}

static void
td_appraisal_page_dispose (GObject *object)
{
  TdAppraisalPage *self = TD_APPRAISAL_PAGE (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  G_OBJECT_CLASS (td_appraisal_page_parent_class)->dispose (object);
  /* After the rows are gone: their handlers point into these. */
  g_clear_pointer (&self->steps, g_ptr_array_unref);
}

static void
td_appraisal_page_class_init (TdAppraisalPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = td_appraisal_page_dispose;
}

static void
td_appraisal_page_init (TdAppraisalPage *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_row_free);
}
