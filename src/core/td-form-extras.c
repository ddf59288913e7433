/* td-form-extras.c: see td-form-extras.h. */
#include "config.h"

#include "td-assessment.h"
#include "td-catalog.h"
#include "td-evidence.h"
#include "td-form-extras.h"
#include "td-rules.h"
#include "td-session.h"

void
td_form_extras_free (TdFormExtras *extras)
{
  if (extras == NULL)
    return;
  g_clear_pointer (&extras->groups, g_ptr_array_unref);
  g_clear_pointer (&extras->evidence, g_ptr_array_unref);
  g_clear_pointer (&extras->violations, g_ptr_array_unref);
  g_free (extras);
}

static gpointer
load_job (TdDatabase    *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(TdFormExtras) extras = g_new0 (TdFormExtras, 1);

  extras->assessment_id = *(gint64 *) data;
  if ((extras->groups = td_catalog_list_groups (db, error)) == NULL)
    return NULL;
  if (extras->assessment_id == 0)
    {
      extras->evidence = g_ptr_array_new ();
      extras->violations = g_ptr_array_new ();
    }
  else if ((extras->evidence = td_evidence_list_for_assessment (db, extras->assessment_id, error)) == NULL)
    return NULL;
  /* As the page shows them: figures whose rules cannot be checked show no message. */
  else if ((extras->violations = td_assessment_check_rules (db, extras->assessment_id, NULL)) == NULL)
    extras->violations = g_ptr_array_new ();
  return g_steal_pointer (&extras);
}

void
td_form_extras_load_async (TdDatabase          *db,
                           gint64               assessment_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  td_session_run_async (td_session_get (db), load_job, g_memdup2 (&assessment_id, sizeof assessment_id), g_free,
                        (GDestroyNotify) td_form_extras_free, cancellable, callback, user_data);
}

TdFormExtras *
td_form_extras_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  return td_session_propagate (result, error);
}
