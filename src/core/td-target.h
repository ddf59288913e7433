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
} TdValueError;

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
/* A percentage for ratio targets (90 for "trên 90%"), the index itself otherwise (0.75). */
double        td_target_get_threshold        (TdTarget     *self);
const char   *td_target_get_numerator_label  (TdTarget     *self);
const char   *td_target_get_denominator_label (TdTarget    *self);
/* "= 100 %", "> 90 %", "≥ 80 %", "≥ 0,75" */
char         *td_target_format_threshold     (TdTarget     *self);
/* "92,5 %" or "0,78" */
char         *td_target_format_measure       (TdTarget     *self,
                                              double        measure);

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

/* The comparison on sums of counts, exact for whole numbers (no rounding at the boundary). */
gboolean      td_target_ratio_meets          (TdTarget     *self,
                                              gint64        numerator,
                                              gint64        denominator);
gboolean      td_target_index_meets          (TdTarget     *self,
                                              double        index);

G_END_DECLS
