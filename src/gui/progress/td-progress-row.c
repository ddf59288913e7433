/* td-progress-row.c: a table row with properties that GtkColumnView's expressions and sorters
 * read. */
#include <math.h>

#include "td-progress-row.h"

struct _TdProgressRow
{
  GObject  parent_instance;

  guint    number;
  char    *target;
  double   value;
  char    *value_text;
  char    *threshold;
  char    *result;
  char    *units;
};

G_DEFINE_FINAL_TYPE (TdProgressRow, td_progress_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_TARGET,
  PROP_VALUE,
  PROP_VALUE_TEXT,
  PROP_THRESHOLD,
  PROP_RESULT,
  PROP_UNITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
td_progress_row_finalize (GObject *object)
{
  TdProgressRow *self = TD_PROGRESS_ROW (object);

  g_free (self->target);
  g_free (self->value_text);
  g_free (self->threshold);
  g_free (self->result);
  g_free (self->units);
  G_OBJECT_CLASS (td_progress_row_parent_class)->finalize (object);
}

static void
td_progress_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TdProgressRow *self = TD_PROGRESS_ROW (object);

  switch (prop_id)
    {
    case PROP_NUMBER: g_value_set_uint (value, self->number); break;
    case PROP_TARGET: g_value_set_string (value, self->target); break;
    /* Rows without a value sort below every real value. */
    case PROP_VALUE: g_value_set_double (value, isnan (self->value) ? -1 : self->value); break;
    case PROP_VALUE_TEXT: g_value_set_string (value, self->value_text); break;
    case PROP_THRESHOLD: g_value_set_string (value, self->threshold); break;
    case PROP_RESULT: g_value_set_string (value, self->result); break;
    case PROP_UNITS: g_value_set_string (value, self->units); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_progress_row_class_init (TdProgressRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = td_progress_row_finalize;
  object_class->get_property = td_progress_row_get_property;

  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_VALUE_TEXT] = g_param_spec_string ("value-text", NULL, NULL, NULL, flags);
  properties[PROP_THRESHOLD] = g_param_spec_string ("threshold", NULL, NULL, NULL, flags);
  properties[PROP_RESULT] = g_param_spec_string ("result", NULL, NULL, NULL, flags);
  properties[PROP_UNITS] = g_param_spec_string ("units", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_progress_row_init (TdProgressRow *self)
{
}

TdProgressRow *
td_progress_row_new (guint       number,
                     const char *target,
                     double      value,
                     const char *value_text,
                     const char *threshold,
                     const char *result,
                     const char *units)
{
  TdProgressRow *self = g_object_new (TD_TYPE_PROGRESS_ROW, NULL);

  self->number = number;
  self->target = g_strdup (target);
  self->value = value;
  self->value_text = g_strdup (value_text);
  self->threshold = g_strdup (threshold);
  self->result = g_strdup (result);
  self->units = g_strdup (units);
  return self;
}

char *
td_progress_row_to_tsv (TdProgressRow *self)
{
  return g_strdup_printf ("%u\t%s\t%s\t%s\t%s\t%s", self->number, self->target, self->value_text,
                          self->threshold, self->result, self->units);
}
