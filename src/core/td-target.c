/* td-target.c: a campaign target and the test of a value against it.
 *
 * Every comparison is exact.  Thresholds are kept as integers (ten-thousandths); ratios are
 * compared by cross-multiplying their whole-number counts in 128 bits, numerator × 100 × scale
 * against threshold × denominator, so exactly 90 % is never "above 90 %" and no count is too
 * large to compare; an index is compared as the decimal of the campaign's precision it was
 * typed as.  What is shown is derived from the same integers, with as many decimals as it
 * takes never to read the other way than the verdict. */

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
  gint64        threshold;          /* × TD_THRESHOLD_SCALE, of the round judged */
  TdComparator  final_comparator;
  gint64        final_threshold;
  GArray       *round_thresholds;   /* RoundThreshold, set by the catalog */
  guint         round;              /* 0: the final threshold */
  guint         reported_by;        /* masks of 1 << TdUnitKind; 0: every kind */
  guint         counted_by;
  guint         decimals;
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

typedef struct {
  guint        round;
  TdComparator comparator;
  gint64       threshold;
} RoundThreshold;

/* The most decimals a shown percentage takes before it is rounded towards its verdict. */
#define MAX_SHOWN_DECIMALS 8

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

char *
td_value_format (const TdValue *value)
{
  GString *out = g_string_new (NULL);

  /* As a person reads figures in this app: "1.250/1.300", "0,772" (td_value_describe() is the
   * plain form that the command line and the audit log keep). */
  if (value->not_applicable)
    g_string_append (out, _("not applicable"));
  else if (value->has_index)
    {
      g_autofree char *index = g_strdup_printf ("%.4g", value->index_value);

      g_strdelimit (index, ".", ',');
      g_string_append (out, index);
    }
  else if (value->has_numerator || value->has_denominator)
    {
      g_autofree char *numerator = value->has_numerator ? td_format_count (value->numerator) : g_strdup ("");
      g_autofree char *denominator = value->has_denominator ? td_format_count (value->denominator) : g_strdup ("");

      g_string_append_printf (out, "%s/%s", numerator, denominator);
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
  g_clear_pointer (&self->round_thresholds, g_array_unref);

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
  self->decimals = 4;
}

static gint64
scale_threshold (double threshold)
{
  return (gint64) llround (threshold * TD_THRESHOLD_SCALE);
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
  self->comparator = self->final_comparator = comparator;
  self->threshold = self->final_threshold = scale_threshold (threshold);
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
double td_target_get_threshold (TdTarget *self) { return (double) self->threshold / TD_THRESHOLD_SCALE; }
gint64 td_target_get_threshold_scaled (TdTarget *self) { return self->threshold; }
guint td_target_get_round (TdTarget *self) { return self->round; }
guint td_target_get_decimals (TdTarget *self) { return self->decimals; }
const char *td_target_get_numerator_label (TdTarget *self) { return self->numerator_label; }
const char *td_target_get_denominator_label (TdTarget *self) { return self->denominator_label; }

void
td_target_set_round_threshold (TdTarget     *self,
                               guint         round,
                               TdComparator  comparator,
                               double        threshold)
{
  RoundThreshold rt = { round, comparator, scale_threshold (threshold) };

  g_return_if_fail (TD_IS_TARGET (self) && round > 0);
  if (self->round_thresholds == NULL)
    self->round_thresholds = g_array_new (FALSE, FALSE, sizeof (RoundThreshold));
  g_array_append_val (self->round_thresholds, rt);
}

void
td_target_set_reporting (TdTarget *self,
                         guint     reported_by,
                         guint     counted_by)
{
  g_return_if_fail (TD_IS_TARGET (self));
  self->reported_by = reported_by;
  /* What is counted is always reported. */
  self->counted_by = reported_by != 0 && counted_by != 0 ? counted_by & reported_by : (counted_by ? counted_by : reported_by);
}

void
td_target_set_decimals (TdTarget *self,
                        guint     decimals)
{
  g_return_if_fail (TD_IS_TARGET (self) && decimals >= 1 && decimals <= 9);
  self->decimals = decimals;
}

static void
lookup_round (TdTarget     *self,
              guint         round,
              TdComparator *comparator,
              gint64       *threshold)
{
  *comparator = self->final_comparator;
  *threshold = self->final_threshold;
  for (guint i = 0; round > 0 && self->round_thresholds && i < self->round_thresholds->len; i++)
    {
      RoundThreshold *rt = &g_array_index (self->round_thresholds, RoundThreshold, i);
      if (rt->round == round)
        {
          *comparator = rt->comparator;
          *threshold = rt->threshold;
        }
    }
}

void
td_target_get_round_threshold (TdTarget     *self,
                               guint         round,
                               TdComparator *comparator,
                               double       *threshold)
{
  TdComparator cmp;
  gint64 scaled;

  lookup_round (self, round, &cmp, &scaled);
  if (comparator)
    *comparator = cmp;
  if (threshold)
    *threshold = (double) scaled / TD_THRESHOLD_SCALE;
}

TdTarget *
td_target_at_round (TdTarget *self,
                    guint     round)
{
  TdTarget *copy;

  g_return_val_if_fail (TD_IS_TARGET (self), NULL);
  if (round == self->round)
    return g_object_ref (self);
  copy = td_target_new (self->id, self->number, self->text, self->group_id, self->kind,
                        self->final_comparator, 0, self->numerator_label, self->denominator_label);
  copy->final_threshold = self->final_threshold;
  if (self->round_thresholds)
    copy->round_thresholds = g_array_copy (self->round_thresholds);
  copy->reported_by = self->reported_by;
  copy->counted_by = self->counted_by;
  copy->decimals = self->decimals;
  copy->round = round;
  lookup_round (copy, round, &copy->comparator, &copy->threshold);
  return copy;
}

gboolean
td_target_is_reported_by (TdTarget   *self,
                          TdUnitKind  kind)
{
  return self->reported_by == 0 || (self->reported_by & (1u << kind)) != 0;
}

gboolean
td_target_is_counted_for (TdTarget   *self,
                          TdUnitKind  kind)
{
  return self->counted_by == 0 || (self->counted_by & (1u << kind)) != 0;
}

static const char *
comparator_sign (TdComparator comparator)
{
  switch (comparator)
    {
    case TD_COMPARATOR_EQ: return "=";
    case TD_COMPARATOR_GT: return ">";
    case TD_COMPARATOR_GE: return "≥";
    }
  return "=";
}

/* lhs ⋚ rhs under @comparator, for exact integers. */
static gboolean
compare_exact (TdComparator comparator,
               __int128     lhs,
               __int128     rhs)
{
  switch (comparator)
    {
    case TD_COMPARATOR_EQ: return lhs == rhs;
    case TD_COMPARATOR_GT: return lhs > rhs;
    case TD_COMPARATOR_GE: return lhs >= rhs;
    }
  g_return_val_if_reached (FALSE);
}

static gint64
power_of_ten (guint n)
{
  gint64 p = 1;

  while (n-- > 0)
    p *= 10;
  return p;
}

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
  g_autofree char *value = NULL;

  /* The threshold as the plan writes it: "90 %", "0,7", "0,75". */
  value = td_format_fixed (self->threshold, 4, self->kind == TD_TARGET_KIND_INDEX ? 1 : 0);
  if (self->kind == TD_TARGET_KIND_RATIO)
    return g_strdup_printf ("%s %s\xc2\xa0%%", comparator_sign (self->comparator), value);
  return g_strdup_printf ("%s %s", comparator_sign (self->comparator), value);
}

gboolean
td_target_ratio_meets (TdTarget *self,
                       gint64    numerator,
                       gint64    denominator)
{
  g_return_val_if_fail (denominator > 0, FALSE);

  /* numerator / denominator × 100 ⋚ threshold / scale, both sides multiplied out: at most
   * 2^63 × 10^6 against 2^63 × 10^6, inside 128 bits. */
  return compare_exact (self->comparator, (__int128) numerator * 100 * TD_THRESHOLD_SCALE,
                        (__int128) self->threshold * denominator);
}

/* The index as an integer of @decimals digits after the point, and whether it is exactly
 * that decimal (as far as a double read from the typed text can say). */
static gboolean
index_to_scaled (double  index,
                 guint   decimals,
                 gint64 *scaled)
{
  double x = index * (double) power_of_ten (decimals);

  *scaled = (gint64) llround (x);
  return fabs (x - (double) *scaled) <= 1e-6;
}

gboolean
td_target_index_meets (TdTarget *self,
                       double    index)
{
  gint64 scaled;

  index_to_scaled (index, self->decimals, &scaled);
  return compare_exact (self->comparator, (__int128) scaled * TD_THRESHOLD_SCALE,
                        (__int128) self->threshold * power_of_ten (self->decimals));
}

/* round(numerator × 100 × 10^decimals / denominator), half away from zero, and the directed
 * roundings. */
static __int128
scaled_percent (gint64 numerator,
                gint64 denominator,
                guint  decimals,
                int    direction)       /* 0 nearest, -1 down, +1 up */
{
  __int128 top = (__int128) numerator * 100 * power_of_ten (decimals);
  __int128 q = top / denominator, r = top % denominator;

  if (direction > 0)
    return q + (r != 0);
  if (direction < 0)
    return q;
  return q + (2 * r >= denominator);
}

char *
td_target_format_ratio (TdTarget *self,
                        gint64    numerator,
                        gint64    denominator)
{
  gboolean met;
  __int128 shown = 0;
  guint decimals;

  g_return_val_if_fail (denominator > 0 && numerator >= 0, g_strdup ("—"));

  met = td_target_ratio_meets (self, numerator, denominator);
  /* One decimal tells 89,9 from 90 in most cases; more only where the rounded figure would
   * read as the other verdict. */
  for (decimals = 1; decimals <= MAX_SHOWN_DECIMALS; decimals++)
    {
      shown = scaled_percent (numerator, denominator, decimals, 0);
      if (compare_exact (self->comparator, shown * TD_THRESHOLD_SCALE,
                         (__int128) self->threshold * power_of_ten (decimals)) == met)
        break;
    }
  if (decimals > MAX_SHOWN_DECIMALS)
    {
      /* Closer to the threshold than the decimals shown: round towards the verdict's side. */
      gboolean below = (__int128) numerator * 100 * TD_THRESHOLD_SCALE < (__int128) self->threshold * denominator;
      decimals = MAX_SHOWN_DECIMALS;
      shown = scaled_percent (numerator, denominator, decimals, below ? -1 : 1);
    }
  {
    g_autofree char *number = NULL;
    guint min_decimals = decimals == 1 ? 0 : decimals;

    /* "100 %", "92,5 %", but "99,96 %" keeps its digits even when the last is a 0. */
    number = td_format_fixed ((gint64) shown, decimals, min_decimals);
    return g_strconcat (number, "\xc2\xa0%", NULL);
  }
}

char *
td_target_format_index (TdTarget *self,
                        double    index)
{
  gint64 scaled;

  index_to_scaled (index, self->decimals, &scaled);
  return td_format_fixed (scaled, self->decimals, MIN (2, self->decimals));
}

char *
td_target_format_value (TdTarget      *self,
                        const TdValue *value)
{
  if (value == NULL || value->not_applicable || !td_target_validate (self, value, NULL))
    return NULL;
  if (self->kind == TD_TARGET_KIND_INDEX)
    return td_target_format_index (self, value->index_value);
  return td_target_format_ratio (self, value->numerator, value->denominator);
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
      if (!index_to_scaled (value->index_value, self->decimals, &(gint64) { 0 }))
        {
          g_autofree char *shown = g_strdup_printf ("%.12g", value->index_value);
          g_strdelimit (shown, ".", ',');
          g_set_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_PRECISION,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Target %u: the index is published with at most %u decimal, not as %s; enter it as published.",
                                    "Target %u: the index is published with at most %u decimals, not as %s; enter it as published.",
                                    self->decimals),
                       self->number, self->decimals, shown);
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
  if (value->numerator > TD_VALUE_MAX_COUNT || value->denominator > TD_VALUE_MAX_COUNT)
    {
      g_autofree char *limit = td_format_count (TD_VALUE_MAX_COUNT);
      g_set_error (error, TD_VALUE_ERROR, TD_VALUE_ERROR_TOO_LARGE,
                   _("Target %u: “%s” is more than any unit counts (at most %s); check the number."),
                   self->number,
                   value->numerator > TD_VALUE_MAX_COUNT ? self->numerator_label : self->denominator_label, limit);
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
