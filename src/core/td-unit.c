/* td-unit.c: a participating unit; immutable once loaded. */
#include "td-unit.h"

struct _TdUnit
{
  GObject     parent_instance;

  gint64      id;
  gint64      parent_id;
  char       *code;
  char       *name;
  TdUnitKind  kind;
};

G_DEFINE_FINAL_TYPE (TdUnit, td_unit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
td_unit_finalize (GObject *object)
{
  TdUnit *self = (TdUnit *) object;

  g_free (self->code);
  g_free (self->name);

  G_OBJECT_CLASS (td_unit_parent_class)->finalize (object);
}

static void
td_unit_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  TdUnit *self = TD_UNIT (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_unit_class_init (TdUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_unit_finalize;
  object_class->get_property = td_unit_get_property;

  /* Read by GtkExpressions in the unit pickers. */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_unit_init (TdUnit *self)
{
}

TdUnit *
td_unit_new (gint64      id,
             const char *code,
             const char *name,
             TdUnitKind  kind,
             gint64      parent_id)
{
  TdUnit *self = g_object_new (TD_TYPE_UNIT, NULL);

  self->id = id;
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->kind = kind;
  self->parent_id = parent_id;
  return self;
}

gint64 td_unit_get_id (TdUnit *self) { return self->id; }
const char *td_unit_get_code (TdUnit *self) { return self->code; }
const char *td_unit_get_name (TdUnit *self) { return self->name; }
TdUnitKind td_unit_get_kind (TdUnit *self) { return self->kind; }
gint64 td_unit_get_parent_id (TdUnit *self) { return self->parent_id; }

gboolean
td_unit_is_team (TdUnit *self)
{
  return self->kind == TD_UNIT_KIND_TEAM_COMMUNE || self->kind == TD_UNIT_KIND_TEAM_VILLAGE;
}
