/* td-types.c: string forms of the core's enumerations.
 *
 * The identifiers are the nicks of td-types.h (what the database and exchange files store, so
 * they never change); the labels are what people read and go through gettext. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-enum-types.h"
#include "td-types.h"

/* The nicks glib-mkenums registered from td-types.h: the one table of identifiers. */
static GEnumClass *
enum_class (GType type)
{
  /* Classes of static types live as long as the program: a reference kept is not a leak. */
  GEnumClass *klass = g_type_class_peek (type);

  return klass ? klass : g_type_class_ref (type);
}

#define DEFINE_STRINGS(prefix, Type, get_type)                                   \
  const char *                                                                    \
  prefix##_to_string (Type value)                                                 \
  {                                                                               \
    GEnumValue *v = g_enum_get_value (enum_class (get_type ()), (int) value);     \
    g_return_val_if_fail (v != NULL, NULL);                                       \
    return v->value_nick;                                                         \
  }                                                                               \
  gboolean                                                                        \
  prefix##_from_string (const char *str, Type *value)                             \
  {                                                                               \
    GEnumValue *v = str ? g_enum_get_value_by_nick (enum_class (get_type ()), str) : NULL; \
    if (v == NULL)                                                                \
      return FALSE;                                                               \
    *value = (Type) v->value;                                                     \
    return TRUE;                                                                  \
  }

DEFINE_STRINGS (td_target_kind, TdTargetKind, td_target_kind_get_type)
DEFINE_STRINGS (td_comparator, TdComparator, td_comparator_get_type)
DEFINE_STRINGS (td_unit_kind, TdUnitKind, td_unit_kind_get_type)
DEFINE_STRINGS (td_assessment_status, TdAssessmentStatus, td_assessment_status_get_type)
DEFINE_STRINGS (td_nomination_status, TdNominationStatus, td_nomination_status_get_type)
DEFINE_STRINGS (td_verdict, TdVerdict, td_verdict_get_type)
DEFINE_STRINGS (td_award_level, TdAwardLevel, td_award_level_get_type)

const char *
td_unit_kind_get_label (TdUnitKind kind)
{
  switch (kind)
    {
    case TD_UNIT_KIND_PROVINCE: return _("Province");
    case TD_UNIT_KIND_DEPARTMENT: return _("Department or agency");
    case TD_UNIT_KIND_COMMUNE: return _("Commune");
    case TD_UNIT_KIND_WARD: return _("Ward");
    case TD_UNIT_KIND_ENTERPRISE: return _("Enterprise");
    case TD_UNIT_KIND_ORGANISATION: return _("Organisation");
    case TD_UNIT_KIND_TEAM_COMMUNE: return _("Community digital technology team (commune)");
    case TD_UNIT_KIND_TEAM_VILLAGE: return _("Community digital technology team (village)");
    case TD_N_UNIT_KINDS: break;
    }
  g_return_val_if_reached (NULL);
}

const char *
td_assessment_status_get_label (TdAssessmentStatus status)
{
  switch (status)
    {
    case TD_ASSESSMENT_DRAFT: return _("Draft");
    case TD_ASSESSMENT_SUBMITTED: return _("Submitted");
    case TD_ASSESSMENT_RECEIVED: return _("Received");
    case TD_ASSESSMENT_RETURNED: return _("Returned");
    case TD_ASSESSMENT_APPRAISED: return _("Appraised");
    case TD_N_ASSESSMENT_STATUSES: break;
    }
  g_return_val_if_reached (NULL);
}

const char *
td_nomination_status_get_label (TdNominationStatus status)
{
  switch (status)
    {
    case TD_NOMINATION_PROPOSED: return _("Proposed");
    case TD_NOMINATION_APPRAISED: return _("Appraised");
    case TD_NOMINATION_APPROVED: return _("Approved");
    case TD_NOMINATION_DECIDED: return _("In a decision");
    case TD_NOMINATION_RETURNED: return _("Returned");
    case TD_N_NOMINATION_STATUSES: break;
    }
  g_return_val_if_reached (NULL);
}

const char *
td_verdict_get_label (TdVerdict verdict)
{
  switch (verdict)
    {
    case TD_VERDICT_UNREVIEWED: return _("Not yet reviewed");
    case TD_VERDICT_ACCEPTED: return _("Accepted");
    case TD_VERDICT_NEEDS_MORE: return _("Needs more");
    case TD_VERDICT_REJECTED: return _("Rejected");
    case TD_N_VERDICTS: break;
    }
  g_return_val_if_reached (NULL);
}

const char *
td_award_level_get_label (TdAwardLevel level)
{
  switch (level)
    {
    case TD_AWARD_BANG_KHEN: return _("Certificate of Merit (Bằng khen)");
    case TD_AWARD_GIAY_KHEN: return _("Certificate of Commendation (Giấy khen)");
    }
  g_return_val_if_reached (NULL);
}

const char *
td_outcome_get_label (TdOutcome outcome)
{
  switch (outcome)
    {
    case TD_OUTCOME_MISSING: return _("Not entered");
    case TD_OUTCOME_NOT_APPLICABLE: return _("Not applicable");
    case TD_OUTCOME_INVALID: return _("Needs correction");
    case TD_OUTCOME_NOT_MET: return _("Not met");
    case TD_OUTCOME_MET: return _("Met");
    }
  g_return_val_if_reached (NULL);
}
