/* td-round.c: an award round; immutable once loaded. */
#include "td-round.h"

struct _TdRound
{
  GObject  parent_instance;

  gint64   id;
  guint    number;
  int      year;
  char    *title;
  char    *ends_on;
};

G_DEFINE_FINAL_TYPE (TdRound, td_round, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
td_round_finalize (GObject *object)
{
  TdRound *self = (TdRound *) object;

  g_free (self->title);
  g_free (self->ends_on);

  G_OBJECT_CLASS (td_round_parent_class)->finalize (object);
}

static void
td_round_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TdRound *self = TD_ROUND (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_round_class_init (TdRoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_round_finalize;
  object_class->get_property = td_round_get_property;

  /* Read by GtkDropDown's expression in the round pickers. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_round_init (TdRound *self)
{
}

TdRound *
td_round_new (gint64      id,
              guint       number,
              const char *title,
              int         year,
              const char *ends_on)
{
  TdRound *self = g_object_new (TD_TYPE_ROUND, NULL);

  self->id = id;
  self->number = number;
  self->title = g_strdup (title);
  self->year = year;
  self->ends_on = g_strdup (ends_on);
  return self;
}

gint64 td_round_get_id (TdRound *self) { return self->id; }
guint td_round_get_number (TdRound *self) { return self->number; }
const char *td_round_get_title (TdRound *self) { return self->title; }
int td_round_get_year (TdRound *self) { return self->year; }
const char *td_round_get_ends_on (TdRound *self) { return self->ends_on; }
