/* td-form-extras.h: what the self-assessment page shows beside a form's values (the target
 * groups, the evidence attached, what the campaign's rules say of the stored figures), read
 * together as one job of the database's session while the window paints its first frame. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

typedef struct {
  gint64     assessment_id;  /* whose evidence and rules these are (0: not started) */
  GPtrArray *groups;         /* TdTargetGroup, in the campaign's order */
  GPtrArray *evidence;       /* TdEvidenceInfo of the self-assessment (empty when not started) */
  GPtrArray *violations;     /* TdRuleViolation of its stored figures (empty when not started) */
} TdFormExtras;

void          td_form_extras_free         (TdFormExtras         *extras);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFormExtras, td_form_extras_free)

void          td_form_extras_load_async   (TdDatabase           *db,
                                           gint64                assessment_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
TdFormExtras *td_form_extras_load_finish  (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
