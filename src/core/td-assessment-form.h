/* td-assessment-form.h: one unit's self-assessment for one round, as a clerk edits it.
 *
 * The form's model: read once from the database, changed one field at a time by whatever shows
 * it (the GUI's rows, a script), and written back by itself, all pending changes in one
 * transaction, within the autosave delay of the first unsaved change.  The view never has to
 * read its widgets back to save. */
#pragma once

#include "td-assessment.h"
#include "td-round.h"
#include "td-unit.h"

G_BEGIN_DECLS

#define TD_TYPE_ASSESSMENT_FORM (td_assessment_form_get_type ())
G_DECLARE_FINAL_TYPE (TdAssessmentForm, td_assessment_form, TD, ASSESSMENT_FORM, GObject)

/* What @unit has for @round, or an empty form when it has not started one (the assessment is
 * created by the first save).  When what is stored cannot be read, @error says why and the
 * form is read-only: nothing typed into it may overwrite what could not be read. */
TdAssessmentForm   *td_assessment_form_new            (TdDatabase        *db,
                                                       TdUnit            *unit,
                                                       TdRound           *round,
                                                       GError           **error);

TdUnit             *td_assessment_form_get_unit       (TdAssessmentForm  *self);
TdRound            *td_assessment_form_get_round      (TdAssessmentForm  *self);
/* 0 until the unit starts (td_assessment_form_ensure or the first save). */
gint64              td_assessment_form_get_id         (TdAssessmentForm  *self);
gboolean            td_assessment_form_is_started     (TdAssessmentForm  *self);
TdAssessmentStatus  td_assessment_form_get_status     (TdAssessmentForm  *self);
const char         *td_assessment_form_get_status_reason (TdAssessmentForm *self);
/* At the province: "" for a package received unsigned, the signer's name, or NULL. */
const char         *td_assessment_form_get_received_signature (TdAssessmentForm *self);
gboolean            td_assessment_form_is_editable    (TdAssessmentForm  *self);
/* FALSE when what is stored could not be read: the form is then read-only whatever its status. */
gboolean            td_assessment_form_is_readable    (TdAssessmentForm  *self);
/* Creates the unit's assessment for the round if it has none yet. */
gboolean            td_assessment_form_ensure         (TdAssessmentForm  *self,
                                                       GError           **error);

/* NULL: nothing entered for the target. */
const TdValue      *td_assessment_form_get_value      (TdAssessmentForm  *self,
                                                       gint64             target_id);
/* FALSE when the form is read-only (nothing changes). */
gboolean            td_assessment_form_set_value      (TdAssessmentForm  *self,
                                                       TdTarget          *target,
                                                       const TdValue     *value);
gboolean            td_assessment_form_get_attestation (TdAssessmentForm *self,
                                                       gint64             standard_id,
                                                       const char       **justification);
gboolean            td_assessment_form_set_attestation (TdAssessmentForm *self,
                                                       gint64             standard_id,
                                                       gboolean           attested,
                                                       const char        *justification);

gboolean            td_assessment_form_has_changes    (TdAssessmentForm  *self);
/* Writes every pending change in one transaction; on failure they stay pending. */
gboolean            td_assessment_form_save           (TdAssessmentForm  *self,
                                                       GError           **error);
/* Saves by itself @delay_ms after the first unsaved change (0: only when asked); a failure is
 * reported by the "save-failed" signal. */
void                td_assessment_form_set_autosave   (TdAssessmentForm  *self,
                                                       guint              delay_ms);
/* When the last save was written, or NULL. */
GDateTime          *td_assessment_form_get_saved_at   (TdAssessmentForm  *self);

G_END_DECLS
