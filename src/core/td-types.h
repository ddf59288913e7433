/* td-types.h: forward declarations and the small enumerations shared by the whole core. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TdDatabase TdDatabase;
typedef struct _TdTarget   TdTarget;
typedef struct _TdUnit     TdUnit;
typedef struct _TdRound    TdRound;
typedef struct _TdCampaign TdCampaign;

typedef enum {
  TD_TARGET_KIND_RATIO,   /* numerator / denominator, shown as a percentage */
  TD_TARGET_KIND_INDEX,   /* a value in 0..1 such as the DTI */
} TdTargetKind;

typedef enum {
  TD_COMPARATOR_EQ,       /* "100%": exactly the threshold */
  TD_COMPARATOR_GT,       /* "trên 90%": strictly above */
  TD_COMPARATOR_GE,       /* "80%", "≥ 0.75": at least */
} TdComparator;

typedef enum {
  TD_UNIT_KIND_PROVINCE,
  TD_UNIT_KIND_DEPARTMENT,
  TD_UNIT_KIND_COMMUNE,
  TD_UNIT_KIND_WARD,
  TD_UNIT_KIND_ENTERPRISE,
  TD_UNIT_KIND_ORGANISATION,
  TD_UNIT_KIND_TEAM_COMMUNE,
  TD_UNIT_KIND_TEAM_VILLAGE,
  TD_N_UNIT_KINDS
} TdUnitKind;

typedef enum {
  TD_ASSESSMENT_DRAFT,
  TD_ASSESSMENT_SUBMITTED,
  TD_ASSESSMENT_RECEIVED,
  TD_ASSESSMENT_RETURNED,
  TD_ASSESSMENT_APPRAISED,
  TD_N_ASSESSMENT_STATUSES
} TdAssessmentStatus;

typedef enum {
  TD_NOMINATION_PROPOSED,
  TD_NOMINATION_APPRAISED,
  TD_NOMINATION_APPROVED,
  TD_NOMINATION_DECIDED,
  TD_NOMINATION_RETURNED,
  TD_N_NOMINATION_STATUSES
} TdNominationStatus;

typedef enum {
  TD_VERDICT_UNREVIEWED,
  TD_VERDICT_ACCEPTED,
  TD_VERDICT_NEEDS_MORE,
  TD_VERDICT_REJECTED,
  TD_N_VERDICTS
} TdVerdict;

typedef enum {
  TD_AWARD_BANG_KHEN,
  TD_AWARD_GIAY_KHEN,
} TdAwardLevel;

/* The result of checking one value against its target. */
typedef enum {
  TD_OUTCOME_MISSING,         /* nothing entered yet */
  TD_OUTCOME_NOT_APPLICABLE,
  TD_OUTCOME_INVALID,         /* entered, but fails validation */
  TD_OUTCOME_NOT_MET,
  TD_OUTCOME_MET,
} TdOutcome;

/* Stable identifiers as stored in the database and in exchange files. */
const char *td_target_kind_to_string        (TdTargetKind        kind);
gboolean    td_target_kind_from_string      (const char         *str,
                                             TdTargetKind       *kind);
const char *td_comparator_to_string         (TdComparator        cmp);
gboolean    td_comparator_from_string       (const char         *str,
                                             TdComparator       *cmp);
const char *td_unit_kind_to_string          (TdUnitKind          kind);
gboolean    td_unit_kind_from_string        (const char         *str,
                                             TdUnitKind         *kind);
const char *td_assessment_status_to_string  (TdAssessmentStatus  status);
gboolean    td_assessment_status_from_string (const char        *str,
                                             TdAssessmentStatus *status);
const char *td_nomination_status_to_string  (TdNominationStatus  status);
gboolean    td_nomination_status_from_string (const char        *str,
                                             TdNominationStatus *status);
const char *td_verdict_to_string            (TdVerdict           verdict);
gboolean    td_verdict_from_string          (const char         *str,
                                             TdVerdict          *verdict);
const char *td_award_level_to_string        (TdAwardLevel        level);
gboolean    td_award_level_from_string      (const char         *str,
                                             TdAwardLevel       *level);

/* Human-readable, translated names. */
const char *td_unit_kind_get_label          (TdUnitKind          kind);
const char *td_assessment_status_get_label  (TdAssessmentStatus  status);
const char *td_nomination_status_get_label  (TdNominationStatus  status);
const char *td_verdict_get_label            (TdVerdict           verdict);
const char *td_award_level_get_label        (TdAwardLevel        level);
const char *td_outcome_get_label            (TdOutcome           outcome);

G_END_DECLS
