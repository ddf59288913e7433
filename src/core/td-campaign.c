/* td-campaign.c: the campaign description, parsed once per version (see td-campaign.h).
 *
 * An appraisal move used to parse the whole description two or three times (the steps, the
 * council's rules, the history's checks); now the text is looked up in a small process-wide
 * table and parsed only when it is new.  Nothing in the object changes after it is made, so
 * the session's workers share it with the main thread. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "td-appraisal-campaign.h"
#include "td-campaign.h"
#include "td-catalog.h"

/* Descriptions kept parsed: one per database open, and the bundled plan. */
#define MAX_KEPT 8

struct _TdCampaign
{
  GObject     parent_instance;

  GBytes     *json;
  GError     *appraisal_error;        /* why the appraisal section is not usable, or NULL */
  GPtrArray  *steps[TD_AWARD_GIAY_KHEN + 1];
  GHashTable *council;                /* member → text */
};

G_DEFINE_FINAL_TYPE (TdCampaign, td_campaign, G_TYPE_OBJECT)

static void
td_campaign_finalize (GObject *object)
{
  TdCampaign *self = (TdCampaign *) object;

  g_clear_pointer (&self->json, g_bytes_unref);
  g_clear_error (&self->appraisal_error);
  for (guint i = 0; i < G_N_ELEMENTS (self->steps); i++)
    g_clear_pointer (&self->steps[i], g_ptr_array_unref);
  g_clear_pointer (&self->council, g_hash_table_unref);

  G_OBJECT_CLASS (td_campaign_parent_class)->finalize (object);
}

static void
td_campaign_class_init (TdCampaignClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_campaign_finalize;
}

static void
td_campaign_init (TdCampaign *self)
{
  self->council = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

TdStepSpec *
td_step_spec_copy (const TdStepSpec *spec)
{
  TdStepSpec *s = g_new0 (TdStepSpec, 1);

  s->id = g_strdup (spec->id);
  s->title = g_strdup (spec->title);
  s->actor = spec->actor;
  s->body_code = g_strdup (spec->body_code);
  s->body_name = g_strdup (spec->body_name);
  s->body_active = spec->body_active;
  s->campaign_code = g_strdup (spec->campaign_code);
  s->campaign_name = g_strdup (spec->campaign_name);
  s->status = spec->status;
  s->checks = g_strdupv (spec->checks);
  return s;
}

/* One "steps" array of a validated process. */
static GPtrArray *
read_steps (JsonObject *process)
{
  JsonArray *steps = json_object_get_array_member (process, "steps");
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_step_spec_free);

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *o = json_array_get_object_element (steps, i);
      TdStepSpec *s = g_new0 (TdStepSpec, 1);
      const char *by = json_object_get_string_member (o, "acted_by");
      JsonNode *checks = json_object_get_member (o, "checks");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      s->id = g_strdup (json_object_get_string_member (o, "id"));
      s->title = g_strdup (td_appraisal_json_string (o, "title") ? td_appraisal_json_string (o, "title") : s->id);
      td_nomination_status_from_string (json_object_get_string_member (o, "status"), &s->status);
      if (g_str_equal (by, "proposer"))
        s->actor = TD_STEP_BY_PROPOSER;
      else if (g_str_equal (by, "council"))
        s->actor = TD_STEP_BY_COUNCIL;
      else if (g_str_equal (by, "decision"))
        s->actor = TD_STEP_BY_DECISION;
      else if (g_str_equal (by, "issuer"))
        s->actor = TD_STEP_BY_ISSUER;
      else
        {
          s->actor = TD_STEP_BY_BODY;
          s->campaign_code = g_strdup (by);
          s->campaign_name = g_strdup (td_appraisal_json_string (o, "body_name"));
        }
      for (guint k = 0; checks && JSON_NODE_HOLDS_ARRAY (checks) && k < json_array_get_length (json_node_get_array (checks)); k++)
        g_strv_builder_add (builder, td_appraisal_json_element (json_node_get_array (checks), k));
      s->checks = g_strv_builder_end (builder);
      g_ptr_array_add (out, s);
    }
  return out;
}

/* The appraisal section: the process of the levels it names (the province's Bằng khen), its
 * "issuer_steps" for the others (a unit's own Giấy khen). */
static void
read_appraisal (TdCampaign *self,
                JsonObject *root)
{
  JsonNode *node = root ? json_object_get_member (root, "appraisal") : NULL;
  JsonObject *section, *council;
  JsonNode *issuer;

  if (node == NULL)
    {
      td_appraisal_invalid (&self->appraisal_error, "missing");
      return;
    }
  if (!td_appraisal_validate_json (node, &self->appraisal_error))
    return;
  section = json_node_get_object (node);
  issuer = json_object_get_member (section, "issuer_steps");
  for (TdAwardLevel level = TD_AWARD_BANG_KHEN; level <= TD_AWARD_GIAY_KHEN; level++)
    {
      if (td_appraisal_process_covers (section, level))
        self->steps[level] = read_steps (section);
      else if (issuer != NULL)
        self->steps[level] = read_steps (json_node_get_object (issuer));
    }
  council = json_object_has_member (section, "council") ? json_object_get_object_member (section, "council") : NULL;
  for (guint i = 0; council && i < 4; i++)
    {
      static const char * const names[] = { "threshold", "quorum", "award_attendance", "sitting" };
      const char *value = td_appraisal_json_string (council, names[i]);

      if (value != NULL)
        g_hash_table_insert (self->council, g_strdup (names[i]), g_strdup (value));
    }
}

static TdCampaign *
parse (GBytes *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  TdCampaign *self = g_object_new (TD_TYPE_CAMPAIGN, NULL);
  JsonNode *root = NULL;

  self->json = g_bytes_ref (json);
  if (json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), (gssize) g_bytes_get_size (json), NULL))
    root = json_parser_get_root (parser);
  read_appraisal (self, root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL);
  return self;
}

static GMutex kept_lock;
static GHashTable *kept;   /* GBytes (the text) → TdCampaign */

static TdCampaign *
lookup_or_parse (GBytes *json)
{
  TdCampaign *found;

  g_mutex_lock (&kept_lock);
  if (kept == NULL)
    kept = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, g_object_unref);
  found = g_hash_table_lookup (kept, json);
  if (found == NULL)
    {
      /* Parsed under the lock: two threads asking for a new text at once parse it once. */
      found = parse (json);
      if (g_hash_table_size (kept) >= MAX_KEPT)
        g_hash_table_remove_all (kept);
      g_hash_table_insert (kept, g_bytes_ref (json), found);
    }
  g_object_ref (found);
  g_mutex_unlock (&kept_lock);
  return found;
}

TdCampaign *
td_campaign_get (TdDatabase  *db,
                 GError     **error)
{
  g_autoptr(GBytes) json = td_catalog_get_campaign_json (db, error);

  return json ? lookup_or_parse (json) : NULL;
}

TdCampaign *
td_campaign_get_bundled (GError **error)
{
  g_autoptr(GBytes) json = g_resources_lookup_data (TD_CATALOG_SEED_RESOURCE, 0, error);

  return json ? lookup_or_parse (json) : NULL;
}

GBytes *
td_campaign_get_json (TdCampaign *self)
{
  g_return_val_if_fail (TD_IS_CAMPAIGN (self), NULL);
  return self->json;
}

gboolean
td_campaign_check_appraisal (TdCampaign  *self,
                             GError     **error)
{
  g_return_val_if_fail (TD_IS_CAMPAIGN (self), FALSE);
  if (self->appraisal_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->appraisal_error));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
td_campaign_get_steps (TdCampaign   *self,
                       TdAwardLevel  level)
{
  g_return_val_if_fail (TD_IS_CAMPAIGN (self), NULL);
  g_return_val_if_fail (level <= TD_AWARD_GIAY_KHEN, NULL);
  return self->steps[level];
}

const char *
td_campaign_get_council_rule (TdCampaign *self,
                              const char *name)
{
  g_return_val_if_fail (TD_IS_CAMPAIGN (self), NULL);
  return g_hash_table_lookup (self->council, name);
}
