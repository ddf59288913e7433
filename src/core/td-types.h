/* td-types.h: forward declarations and the small enumerations shared by the whole core.
 *
 * Each enumeration is registered as a GType by glib-mkenums (td-enum-types.h); its nicks are
 * the identifiers the database and the exchange files store, written out here because they
 * never change. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TdDatabase TdDatabase;
typedef struct _TdTarget   TdTarget;
typedef struct _TdUnit     TdUnit;
typedef struct _TdRound    TdRound;
typedef struct _TdCampaign TdCampaign;

typedef enum {
  TD_TARGET_KIND_RATIO, /*< nick=ratio >*/   /* numerator / denominator, shown as a percentage */
  TD_TARGET_KIND_INDEX, /*< nick=index >*/   /* a value in 0..1 such as the DTI */
} TdTargetKind;

typedef enum {
  TD_COMPARATOR_EQ, /*< nick=eq >*/       /* "100%": exactly the threshold */
  TD_COMPARATOR_GT, /*< nick=gt >*/       /* "trên 90%": strictly above */
  TD_COMPARATOR_GE, /*< nick=ge >*/       /* "80%", "≥ 0.75": at least */
} TdComparator;

typedef enum {
  TD_UNIT_KIND_PROVINCE, /*< nick=province >*/
  TD_UNIT_KIND_DEPARTMENT, /*< nick=department >*/
  TD_UNIT_KIND_COMMUNE, /*< nick=commune >*/
  TD_UNIT_KIND_WARD, /*< nick=ward >*/
  TD_UNIT_KIND_ENTERPRISE, /*< nick=enterprise >*/
  TD_UNIT_KIND_ORGANISATION, /*< nick=organisation >*/
  TD_UNIT_KIND_TEAM_COMMUNE, /*< nick=team-commune >*/
  TD_UNIT_KIND_TEAM_VILLAGE, /*< nick=team-village >*/
  TD_N_UNIT_KINDS /*< skip >*/
} TdUnitKind;

typedef enum {
  TD_ASSESSMENT_DRAFT, /*< nick=draft >*/
  TD_ASSESSMENT_SUBMITTED, /*< nick=submitted >*/
  TD_ASSESSMENT_RECEIVED, /*< nick=received >*/
  TD_ASSESSMENT_RETURNED, /*< nick=returned >*/
  TD_ASSESSMENT_APPRAISED, /*< nick=appraised >*/
  TD_N_ASSESSMENT_STATUSES /*< skip >*/
} TdAssessmentStatus;

typedef enum {
  TD_NOMINATION_PROPOSED, /*< nick=proposed >*/
  TD_NOMINATION_APPRAISED, /*< nick=appraised >*/
  TD_NOMINATION_APPROVED, /*< nick=approved >*/
  TD_NOMINATION_DECIDED, /*< nick=decided >*/
  TD_NOMINATION_RETURNED, /*< nick=returned >*/
  TD_N_NOMINATION_STATUSES /*< skip >*/
} TdNominationStatus;

typedef enum {
  TD_VERDICT_UNREVIEWED, /*< nick=unreviewed >*/
  TD_VERDICT_ACCEPTED, /*< nick=accepted >*/
  TD_VERDICT_NEEDS_MORE, /*< nick=needs-more >*/
  TD_VERDICT_REJECTED, /*< nick=rejected >*/
  TD_N_VERDICTS /*< skip >*/
} TdVerdict;

typedef enum {
  TD_AWARD_BANG_KHEN, /*< nick=bang-khen >*/
  TD_AWARD_GIAY_KHEN, /*< nick=giay-khen >*/
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
