/* td-target.h: one of the campaign's targets, a unit's value for it, and the test between them. */
#pragma once

#include <gio/gio.h>

#include "td-types.h"

G_BEGIN_DECLS

#define TD_VALUE_ERROR (td_value_error_quark ())

typedef enum {
  TD_VALUE_ERROR_MISSING,                /* a count or the index is not entered */
  TD_VALUE_ERROR_NEGATIVE,
  TD_VALUE_ERROR_ZERO_DENOMINATOR,
  TD_VALUE_ERROR_NUMERATOR_ABOVE_DENOMINATOR,
  TD_VALUE_ERROR_INDEX_RANGE,
  TD_VALUE_ERROR_REASON_MISSING,         /* "not applicable" needs a reason */
  TD_VALUE_ERROR_TOO_LARGE,              /* a count no unit could have */
  TD_VALUE_ERROR_PRECISION,              /* an index with more decimals than the campaign's */
} TdValueError;

/* The largest count a unit can enter: ten billion is above any figure a province's unit
 * counts (transactions included), and keeps every sum and product far inside 64 bits. */
#define TD_VALUE_MAX_COUNT G_GINT64_CONSTANT (10000000000)

/* Thresholds are kept exactly, as ten-thousandths: 90 % is 900000, an index of 0,75 is 7500. */
#define TD_THRESHOLD_SCALE 10000

GQuark td_value_error_quark (void);

/* What a unit entered for one target.  Counts are whole numbers; an index is a fraction. */
typedef struct {
  gboolean has_numerator;
  gint64   numerator;
  gboolean has_denominator;
  gint64   denominator;
  gboolean has_index;
  double   index_value;
  gboolean not_applicable;
  char    *na_reason;
  char    *note;
} TdValue;

#define TD_TYPE_VALUE (td_value_get_type ())
GType    td_value_get_type   (void) G_GNUC_CONST;
TdValue *td_value_new        (void);
TdValue *td_value_copy       (const TdValue *value);
void     td_value_free       (TdValue       *value);
gboolean td_value_equal      (const TdValue *a,
                              const TdValue *b);
/* A short stable text for the audit log, e.g. "45/50", "0.78", "n/a: reason". */
char    *td_value_describe   (const TdValue *value);
/* The same for a person: Vietnamese grouping and decimal comma ("1.250/1.300", "0,772"),
 * "not applicable" in the user's language, the note in brackets. */
char    *td_value_format     (const TdValue *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdValue, td_value_free)

#define TD_TYPE_TARGET (td_target_get_type ())
G_DECLARE_FINAL_TYPE (TdTarget, td_target, TD, TARGET, GObject)

TdTarget     *td_target_new                  (gint64        id,
                                              guint         number,
                                              const char   *text,
                                              const char   *group_id,
                                              TdTargetKind  kind,
                                              TdComparator  comparator,
                                              double        threshold,
                                              const char   *numerator_label,
                                              const char   *denominator_label);
gint64        td_target_get_id               (TdTarget     *self);
guint         td_target_get_number           (TdTarget     *self);
const char   *td_target_get_text             (TdTarget     *self);
const char   *td_target_get_group_id         (TdTarget     *self);
TdTargetKind  td_target_get_kind             (TdTarget     *self);
TdComparator  td_target_get_comparator       (TdTarget     *self);
/* A percentage for ratio targets (90 for "trên 90%"), the index itself otherwise (0.75): the
 * threshold of the round this target object judges (see td_target_at_round()), for drawing.
 * Comparisons never use it: they are exact. */
double        td_target_get_threshold        (TdTarget     *self);
/* The same, exact: the threshold × TD_THRESHOLD_SCALE. */
gint64        td_target_get_threshold_scaled (TdTarget     *self);

/* Campaign data beyond the plain threshold, set by the catalog when it reads the campaign. */
void          td_target_set_round_threshold  (TdTarget     *self,
                                              guint         round,
                                              TdComparator  comparator,
                                              double        threshold);
/* Bit masks of (1 << TdUnitKind): who reports the target, and whose figures the province's
 * figure adds up (each person or case counted once).  0 means every kind. */
void          td_target_set_reporting        (TdTarget     *self,
                                              guint         reported_by,
                                              guint         counted_by);
/* How many decimals an index carries (the DTI: 4). */
void          td_target_set_decimals         (TdTarget     *self,
                                              guint         decimals);
guint         td_target_get_decimals         (TdTarget     *self);

/* A copy of @self that judges with the threshold of round @round (the plan can set a lower
 * aim for an earlier round: DTI above 0,7 in 2025, at least 0,75 in 2026).  0 is the final
 * threshold, the one the plan states for the end of the campaign. */
TdTarget     *td_target_at_round             (TdTarget     *self,
                                              guint         round);
guint         td_target_get_round            (TdTarget     *self);
/* The comparator and threshold round @round judges against (the final ones when the campaign
 * sets none for it). */
void          td_target_get_round_threshold  (TdTarget     *self,
                                              guint         round,
                                              TdComparator *comparator,
                                              double       *threshold);
gboolean      td_target_is_reported_by       (TdTarget     *self,
                                              TdUnitKind    kind);
gboolean      td_target_is_counted_for       (TdTarget     *self,
                                              TdUnitKind    kind);
const char   *td_target_get_numerator_label  (TdTarget     *self);
const char   *td_target_get_denominator_label (TdTarget    *self);
/* "= 100 %", "> 90 %", "≥ 80 %", "≥ 0,75", "> 0,7" */
char         *td_target_format_threshold     (TdTarget     *self);
/* A scale value for an axis ("50 %", "0,70"): never a unit's result. */
char         *td_target_format_measure       (TdTarget     *self,
                                              double        measure);
/* A result as every output shows it: "92,5 %", with as many decimals as it takes for the
 * shown figure to read the same as the verdict ("99,96 %" against "= 100 %", "90,01 %"
 * against "> 90 %"); an index with its own decimals ("0,749"). */
char         *td_target_format_ratio         (TdTarget     *self,
                                              gint64        numerator,
                                              gint64        denominator);
char         *td_target_format_index         (TdTarget     *self,
                                              double        index);
/* The result of a valid value, NULL when it has none (missing, not applicable, invalid). */
char         *td_target_format_value         (TdTarget      *self,
                                              const TdValue *value);

/* Checks the entry itself: counts present and consistent, index within 0..1, a reason for
 * "not applicable".  The message says what is wrong and what to do. */
gboolean      td_target_validate             (TdTarget      *self,
                                              const TdValue *value,
                                              GError       **error);

/* Validates and compares.  @measure (percentage or index) is set for MET and NOT_MET. */
TdOutcome     td_target_evaluate             (TdTarget      *self,
                                              const TdValue *value,
                                              double        *measure,
                                              GError       **error);

/* The comparison on sums of counts, exact for any 64-bit counts (no rounding at the boundary). */
gboolean      td_target_ratio_meets          (TdTarget     *self,
                                              gint64        numerator,
                                              gint64        denominator);
/* Exact at the campaign's decimals: the index is read as the nearest decimal with that many
 * digits, which td_target_validate() has checked it is. */
gboolean      td_target_index_meets          (TdTarget     *self,
                                              double        index);

G_END_DECLS
