/* td-assessment-form.c: one unit's self-assessment for one round, as a clerk edits it.
 *
 * It keeps what the database holds plus the changes not yet written, and writes those in one
 * transaction: either when asked (switching unit, closing the window, before a submission) or
 * by itself after the autosave delay.  A change that fails to save stays pending, so the next
 * save tries it again and nothing typed is dropped. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-assessment-form.h"

typedef struct {
  gboolean  attested;
  char     *justification;
} Attestation;

struct _TdAssessmentForm
{
  GObject             parent_instance;

  TdDatabase         *db;
  TdUnit             *unit;
  TdRound            *round;
  gint64              id;
  TdAssessmentStatus  status;
  char               *status_reason;
  char               *received_signature;
  gboolean            unreadable;      /* what is stored could not be read: read-only */

  GHashTable         *values;          /* target id → TdValue, as shown (saved or not) */
  GHashTable         *attestations;    /* standard id → Attestation, as shown */
  GHashTable         *dirty_targets;   /* target id → TdTarget, changed since the last save */
  GHashTable         *dirty_standards; /* standard id (set), changed since the last save */

  guint               autosave_delay;
  guint               save_source;
  GDateTime          *saved_at;
};

G_DEFINE_FINAL_TYPE (TdAssessmentForm, td_assessment_form, G_TYPE_OBJECT)

enum {
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
attestation_free (gpointer data)
{
  Attestation *a = data;

  g_free (a->justification);
  g_free (a);
}

static gint64 *
key_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gboolean
autosave_cb (gpointer data)
{
  TdAssessmentForm *self = data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!td_assessment_form_save (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
  return G_SOURCE_REMOVE;
}

static void
changed (TdAssessmentForm *self)
{
  /* Not restarted on each keystroke: a long burst of typing is still saved within the delay. */
  if (self->autosave_delay > 0 && self->save_source == 0)
    self->save_source = g_timeout_add (self->autosave_delay, autosave_cb, self);
}

static gboolean
load (TdAssessmentForm  *self,
      GError           **error)
{
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) attested = NULL;
  g_autoptr(GHashTable) justifications = NULL;
  g_autoptr(GError) local = NULL;
  GHashTableIter iter;
  gpointer key, value;

  info = td_assessment_lookup (self->db, td_unit_get_id (self->unit), td_round_get_id (self->round), &local);
  if (info == NULL)
    {
      /* Not started yet is no error. */
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* Where it stands is known even when its figures cannot be read. */
  self->id = info->id;
  self->status = info->status;
  self->status_reason = g_strdup (info->status_reason);
  self->received_signature = g_strdup (info->received_signature);
  values = td_assessment_load_values (self->db, info->id, error);
  if (values == NULL)
    return FALSE;
  attested = td_assessment_load_attestations_full (self->db, info->id, &justifications, error);
  if (attested == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->values, key, value);
    }
  g_hash_table_iter_init (&iter, attested);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Attestation *a = g_new0 (Attestation, 1);

      a->attested = GPOINTER_TO_INT (value);
      a->justification = g_strdup (g_hash_table_lookup (justifications, key));
      g_hash_table_insert (self->attestations, key_new (*(gint64 *) key), a);
    }
  return TRUE;
}

/* GObject */

static void
td_assessment_form_dispose (GObject *object)
{
  TdAssessmentForm *self = TD_ASSESSMENT_FORM (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  G_OBJECT_CLASS (td_assessment_form_parent_class)->dispose (object);
}

static void
td_assessment_form_finalize (GObject *object)
{
  TdAssessmentForm *self = TD_ASSESSMENT_FORM (object);

  g_clear_object (&self->db);
  g_clear_object (&self->unit);
  g_clear_object (&self->round);
  g_clear_pointer (&self->status_reason, g_free);
  g_clear_pointer (&self->received_signature, g_free);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->attestations, g_hash_table_unref);
  g_clear_pointer (&self->dirty_targets, g_hash_table_unref);
  g_clear_pointer (&self->dirty_standards, g_hash_table_unref);
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  G_OBJECT_CLASS (td_assessment_form_parent_class)->finalize (object);
}

static void
td_assessment_form_class_init (TdAssessmentFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = td_assessment_form_dispose;
  object_class->finalize = td_assessment_form_finalize;

  /**
   * TdAssessmentForm::saved:
   *
   * Every pending change was written (by td_assessment_form_save() or the autosave).
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TdAssessmentForm::save-failed:
   * @error: (type GLib.Error): why
   *
   * The autosave could not write the pending changes; they stay pending.
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
td_assessment_form_init (TdAssessmentForm *self)
{
  self->status = TD_ASSESSMENT_DRAFT;
  self->values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) td_value_free);
  self->attestations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, attestation_free);
  self->dirty_targets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->dirty_standards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* Public API */

TdAssessmentForm *
td_assessment_form_new (TdDatabase  *db,
                        TdUnit      *unit,
                        TdRound     *round,
                        GError     **error)
{
  TdAssessmentForm *self;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (TD_IS_UNIT (unit), NULL);
  g_return_val_if_fail (TD_IS_ROUND (round), NULL);

  self = g_object_new (TD_TYPE_ASSESSMENT_FORM, NULL);
  self->db = g_object_ref (db);
  self->unit = g_object_ref (unit);
  self->round = g_object_ref (round);
  if (!load (self, error))
    {
      self->unreadable = TRUE;
      g_hash_table_remove_all (self->values);
      g_hash_table_remove_all (self->attestations);
    }
  return self;
}

TdUnit *
td_assessment_form_get_unit (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), NULL);
  return self->unit;
}

TdRound *
td_assessment_form_get_round (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), NULL);
  return self->round;
}

gint64
td_assessment_form_get_id (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), 0);
  return self->id;
}

gboolean
td_assessment_form_is_started (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), FALSE);
  return self->id != 0;
}

TdAssessmentStatus
td_assessment_form_get_status (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), TD_ASSESSMENT_DRAFT);
  return self->status;
}

const char *
td_assessment_form_get_status_reason (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), NULL);
  return self->status_reason;
}

const char *
td_assessment_form_get_received_signature (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), NULL);
  return self->received_signature;
}

gboolean
td_assessment_form_is_editable (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), FALSE);
  return !self->unreadable && td_assessment_status_is_editable (self->status);
}

gboolean
td_assessment_form_is_readable (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), FALSE);
  return !self->unreadable;
}

gboolean
td_assessment_form_ensure (TdAssessmentForm  *self,
                           GError           **error)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), FALSE);

  if (self->id != 0)
    return TRUE;
  self->id = td_assessment_ensure (self->db, td_unit_get_id (self->unit), td_round_get_id (self->round), error);
  self->status = TD_ASSESSMENT_DRAFT;
  return self->id != 0;
}

const TdValue *
td_assessment_form_get_value (TdAssessmentForm *self,
                              gint64            target_id)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), NULL);
  return g_hash_table_lookup (self->values, &target_id);
}

gboolean
td_assessment_form_set_value (TdAssessmentForm *self,
                              TdTarget         *target,
                              const TdValue    *value)
{
  gint64 id;

  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), FALSE);
  g_return_val_if_fail (TD_IS_TARGET (target), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!td_assessment_form_is_editable (self))
    return FALSE;
  id = td_target_get_id (target);
  g_hash_table_insert (self->values, key_new (id), td_value_copy (value));
  g_hash_table_insert (self->dirty_targets, key_new (id), g_object_ref (target));
  changed (self);
  return TRUE;
}

gboolean
td_assessment_form_get_attestation (TdAssessmentForm  *self,
                                    gint64             standard_id,
                                    const char       **justification)
{
  Attestation *a;

  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), FALSE);

  a = g_hash_table_lookup (self->attestations, &standard_id);
  if (justification != NULL)
    *justification = a ? a->justification : NULL;
  return a != NULL && a->attested;
}

gboolean
td_assessment_form_set_attestation (TdAssessmentForm *self,
                                    gint64            standard_id,
                                    gboolean          attested,
                                    const char       *justification)
{
  Attestation *a;

  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), FALSE);

  if (!td_assessment_form_is_editable (self))
    return FALSE;
  a = g_new0 (Attestation, 1);
  a->attested = attested;
  a->justification = g_strdup (justification ? justification : "");
  g_hash_table_insert (self->attestations, key_new (standard_id), a);
  g_hash_table_add (self->dirty_standards, key_new (standard_id));
  changed (self);
  return TRUE;
}

gboolean
td_assessment_form_has_changes (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), FALSE);
  return g_hash_table_size (self->dirty_targets) + g_hash_table_size (self->dirty_standards) > 0;
}

gboolean
td_assessment_form_save (TdAssessmentForm  *self,
                         GError           **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(TdTransaction) tx = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!td_assessment_form_has_changes (self))
    return TRUE;
  if (!td_assessment_form_ensure (self, error))
    return FALSE;

  tx = td_transaction_begin (self->db, error);
  if (tx == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, self->dirty_standards);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Attestation *a = g_hash_table_lookup (self->attestations, key);

      if (!td_assessment_set_attestation (self->db, self->id, *(gint64 *) key, a->attested, a->justification, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, self->dirty_targets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_ptr_array_add (targets, value);
      g_ptr_array_add (values, g_hash_table_lookup (self->values, key));
    }
  if (!td_assessment_set_values (self->db, self->id, (TdTarget **) targets->pdata,
                                 (const TdValue **) values->pdata, targets->len, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;

  g_hash_table_remove_all (self->dirty_targets);
  g_hash_table_remove_all (self->dirty_standards);
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  self->saved_at = g_date_time_new_now_local ();
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

void
td_assessment_form_set_autosave (TdAssessmentForm *self,
                                 guint             delay_ms)
{
  g_return_if_fail (TD_IS_ASSESSMENT_FORM (self));

  self->autosave_delay = delay_ms;
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (delay_ms > 0 && td_assessment_form_has_changes (self))
    changed (self);
}

GDateTime *
td_assessment_form_get_saved_at (TdAssessmentForm *self)
{
  g_return_val_if_fail (TD_IS_ASSESSMENT_FORM (self), NULL);
  return self->saved_at;
}
