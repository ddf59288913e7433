/* td-target-row.h: one target of the self-assessment form: its entries, its result as you type,
 * and its evidence. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_TARGET_ROW (td_target_row_get_type ())
G_DECLARE_FINAL_TYPE (TdTargetRow, td_target_row, TD, TARGET_ROW, AdwPreferencesRow)

TdTargetRow *td_target_row_new            (TdTarget      *target);
TdTarget    *td_target_row_get_target     (TdTargetRow   *self);
/* Shows @value (NULL: empty) without emitting "changed". */
void         td_target_row_set_value      (TdTargetRow   *self,
                                           const TdValue *value);
/* What the entries say now; text that is not a number counts as not entered. */
TdValue     *td_target_row_get_value      (TdTargetRow   *self);
/* The result as shown; @message (may be NULL) gets what needs correcting. */
TdOutcome    td_target_row_get_outcome    (TdTargetRow   *self,
                                           char         **message);
void         td_target_row_set_editable   (TdTargetRow   *self,
                                           gboolean       editable);
/* TdEvidenceInfo attached to this target (borrowed, copied as needed). */
void         td_target_row_set_evidence   (TdTargetRow   *self,
                                           GPtrArray     *evidence);
/* The lowest message shown under the row's fields (what is wrong, or what a rule says), or NULL. */
GtkWidget   *td_target_row_get_message    (TdTargetRow   *self);
guint        td_target_row_get_n_evidence (TdTargetRow   *self);
/* Puts the keyboard in the first entry that needs attention. */
void         td_target_row_focus_problem  (TdTargetRow   *self);
/* A campaign rule the unit's figures break, shown under the row (NULL: none). */
void         td_target_row_set_rule_message (TdTargetRow *self,
                                             const char  *message,
                                             gboolean     is_error);

G_END_DECLS
