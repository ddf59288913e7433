/* td-target.c: a campaign target and the test of a value against it.
 *
 * Ratios are compared on their whole-number counts, numerator × 100 against threshold ×
 * denominator, so that exactly 90 % is never "above 90 %" because of floating-point rounding. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "td-format.h"
#include "td-target.h"

struct _TdTarget
{
  GObject       parent_instance;

  gint64        id;
  guint         number;
  char         *text;
  char         *group_id;
  TdTargetKind  kind;
  TdComparator  comparator;
  double        threshold;
  char         *numerator_label;
  char         *denominator_label;
};

G_DEFINE_FINAL_TYPE (TdTarget, td_target, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (TdValue, td_value, td_value_copy, td_value_free)
G_DEFINE_QUARK (td-value-error-quark, td_value_error)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An index typed as "0,7" is not exactly 0.7 in binary; this keeps "≥ 0,7" true for it. */
#define INDEX_EPSILON 1e-9

/* TdValue */

TdValue *
td_value_new (void)
{
  return g_new0 (TdValue, 1);
}

TdValue *
td_value_copy (const TdValue *value)
{
  TdValue *copy = g_memdup2 (value, sizeof *value);

  copy->na_reason = g_strdup (value->na_reason);
  copy->note = g_strdup (value->note);
  return copy;
}

void
td_value_free (TdValue *value)
{
  if (value == NULL)
    return;
  g_free (value->na_reason);
  g_free (value->note);
  g_free (value);
}

gboolean
td_value_equal (const TdValue *a,
                const TdValue *b)
{
  if (a->has_numerator != b->has_numerator || a->has_denominator != b->has_denominator ||
      a->has_index != b->has_index || a->not_applicable != b->not_applicable)
    return FALSE;
  if ((a->has_numerator && a->numerator != b->numerator) ||
      (a->has_denominator && a->denominator != b->denominator) ||
      (a->has_index && a->index_value != b->index_value))
    return FALSE;
  return g_strcmp0 (a->na_reason, b->na_reason) == 0 && g_strcmp0 (a->note, b->note) == 0;
}

char *
td_value_describe (const TdValue *value)
{
  GString *out = g_string_new (NULL);

  if (value->not_applicable)
    g_string_append_printf (out, "n/a: %s", value->na_reason ? value->na_reason : "");
  else if (value->has_index)
    g_string_append_printf (out, "%.4g", value->index_value);
  else if (value->has_numerator || value->has_denominator)
    {
      if (value->has_numerator)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, value->numerator);
      g_string_append_c (out, '/');
      if (value->has_denominator)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, value->denominator);
    }
  if (value->note != NULL && *value->note != '\0')
    g_string_append_printf (out, "%s(%s)", out->len ? " " : "", value->note);
  return g_string_free (out, FALSE);
}

/* TdTarget */

static void
td_target_finalize (GObject *object)
{
  TdTarget *self = (TdTarget *) object;

  g_free (self->text);
  g_free (self->group_id);
  g_free (self->numerator_label);
  g_free (self->denominator_label);

  G_OBJECT_CLASS (td_target_parent_class)->finalize (object);
}

static void
td_target_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TdTarget *self = TD_TARGET (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_target_class_init (TdTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_target_finalize;
  object_class->get_property = td_target_get_property;

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_target_init (TdTarget *self)
{
}

TdTarget *
td_target_new (gint64        id,
               guint         number,
               const char   *text,
               const char   *group_id,
               TdTargetKind  kind,
               TdComparator  comparator,
               double        threshold,
               const char   *numerator_label,
               const char   *denominator_label)
{
  TdTarget *self = g_object_new (TD_TYPE_TARGET, NULL);

  self->id = id;
  self->number = number;
  self->text = g_strdup (text);
  self->group_id = g_strdup (group_id);
  self->kind = kind;
  self->comparator = comparator;
  self->threshold = threshold;
  self->numerator_label = g_strdup (numerator_label ? numerator_label : "");
  self->denominator_label = g_strdup (denominator_label ? denominator_label : "");
  return self;
}

gint64 td_target_get_id (TdTarget *self) { return self->id; }
guint td_target_get_number (TdTarget *self) { return self->number; }
const char *td_target_get_text (TdTarget *self) { return self->text; }
const char *td_target_get_group_id (TdTarget *self) { return self->group_id; }
TdTargetKind td_target_get_kind (TdTarget *self) { return self->kind; }
TdComparator td_target_get_comparator (TdTarget *self) { return self->comparator; }
double td_target_get_threshold (TdTarget *self) { return self->threshold; }
const char *td_target_get_numerator_label (TdTarget *self) { return self->numerator_label; }
const char *td_target_get_denominator_label (TdTarget *self) { return self->denominator_label; }

char *
td_target_format_measure (TdTarget *self,
                          double    measure)
{
  if (self->kind == TD_TARGET_KIND_RATIO)
    return td_format_percent (measure);
  return td_format_decimal (measure, 2);
}

char *
td_target_format_threshold (TdTarget *self)
{
  g_autofree char *value = td_target_format_measure (self, self->threshold);
  const char *sign = "=";

  switch (self->comparator)
    {
    case TD_COMPARATOR_EQ: sign = "="; break;
    case TD_COMPARATOR_GT: sign = ">"; break;
    case TD_COMPARATOR_GE: sign = "≥"; break;
    }
  return g_strdup_printf ("%s %s", sign, value);
}

gboolean
td_target_ratio_meets (TdTarget *self,
                       gint64    numerator,
                       gint64    denominator)
{
  /* Counts stay far below 2^53, so both products are exact in a double. */
  double lhs = (double) numerator * 100.0;
  double rhs = self->threshold * (double) denominator;

  g_return_val_if_fail (denominator > 0, FALSE);

  switch (self->comparator)
    {
    case TD_COMPARATOR_EQ: return lhs == rhs;
    case TD_COMPARATOR_GT: return lhs > rhs;
    case TD_COMPARATOR_GE: return lhs >= rhs;
    }
  g_return_val_if_reached (FALSE);
}

gboolean
td_target_index_meets (TdTarget *self,
                       double    index)
{
  switch (self->comparator)
    {
    case TD_COMPARATOR_EQ: return fabs (index - self->threshold) < INDEX_EPSILON;
    case TD_COMPARATOR_GT: return index > self->threshold + INDEX_EPSILON;
    case TD_COMPARATOR_GE: return index >= self->threshold - INDEX_EPSILON;
    }
  g_return_val_if_reached (FALSE);
}

gboolean
td_target_validate (TdTarget      *self,
                    const TdValue *value,
                    GError       **error)
{
  if (value->not_applicable)
    {
      g_autofree char *reason = g_strstrip (g_strdup (value->na_reason ? value->na_reason : ""));
      if (*reason == '\0')
        {
          g_set_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_REASON_MISSING,
                       _("Target %u is marked not applicable: write the reason."), self->number);
          return FALSE;
        }
      return TRUE;
    }

  if (self->kind == TD_TARGET_KIND_INDEX)
    {
      if (!value->has_index)
        {
          g_set_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_MISSING,
                       _("Target %u: enter the index value."), self->number);
          return FALSE;
        }
      if (!(value->index_value >= 0.0 && value->index_value <= 1.0))
        {
          g_autofree char *shown = td_format_decimal (value->index_value, 2);
          g_set_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_INDEX_RANGE,
                       _("Target %u: the index must be between 0 and 1 (for example 0,78), not %s."),
                       self->number, shown);
          return FALSE;
        }
      return TRUE;
    }

  if (!value->has_numerator || !value->has_denominator)
    {
      g_set_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_MISSING,
                   _("Target %u: enter both “%s” and “%s”."), self->number,
                   self->numerator_label, self->denominator_label);
      return FALSE;
    }
  if (value->numerator < 0 || value->denominator < 0)
    {
      g_set_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_NEGATIVE,
                   _("Target %u: counts cannot be negative."), self->number);
      return FALSE;
    }
  if (value->denominator == 0)
    {
      g_set_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_ZERO_DENOMINATOR,
                   _("Target %u: “%s” is 0. If the target does not concern your unit, mark it not applicable and give the reason."),
                   self->number, self->denominator_label);
      return FALSE;
    }
  if (value->numerator > value->denominator)
    {
      g_autofree char *num = td_format_count (value->numerator);
      g_autofree char *den = td_format_count (value->denominator);
      g_set_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_NUMERATOR_ABOVE_DENOMINATOR,
                   _("Target %u: “%s” (%s) is larger than “%s” (%s); check both numbers."),
                   self->number, self->numerator_label, num, self->denominator_label, den);
      return FALSE;
    }
  return TRUE;
}

TdOutcome
td_target_evaluate (TdTarget      *self,
                    const TdValue *value,
                    double        *measure,
                    GError       **error)
{
  gboolean met;

  if (value == NULL ||
      (!value->not_applicable && !value->has_numerator && !value->has_denominator && !value->has_index))
    return TD_OUTCOME_MISSING;
  if (!td_target_validate (self, value, error))
    return TD_OUTCOME_INVALID;
  if (value->not_applicable)
    return TD_OUTCOME_NOT_APPLICABLE;

  if (self->kind == TD_TARGET_KIND_INDEX)
    {
      met = td_target_index_meets (self, value->index_value);
      if (measure)
        *measure = value->index_value;
    }
  else
    {
      met = td_target_ratio_meets (self, value->numerator, value->denominator);
      if (measure)
        *measure = 100.0 * (double) value->numerator / (double) value->denominator;
    }
  return met ? TD_OUTCOME_MET : TD_OUTCOME_NOT_MET;
}
