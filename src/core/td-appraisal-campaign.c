/* td-appraisal-campaign.c: the campaign description's "appraisal" section, checked when a
 * campaign is stored and read when a nomination moves.  JSON only: the catalog checks a
 * campaign with it without depending on the appraisal, which depends on the catalog. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal-campaign.h"

/* The council's shares the campaign may set, each a fraction of its members ("2/3"). */
static const char * const council_shares[] = { "quorum", "award_attendance" };

/* "2/3" → 2, 3; FALSE unless 0 < numerator ≤ denominator ≤ 100. */
gboolean
td_appraisal_parse_share (const char *text,
                          guint       share[2])
{
  guint64 a, b;
  g_auto(GStrv) parts = text ? g_strsplit (text, "/", 3) : NULL;

  if (parts == NULL || g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 100, &a, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 100, &b, NULL) || a > b)
    return FALSE;
  share[0] = (guint) a;
  share[1] = (guint) b;
  return TRUE;
}

static const char * const check_ids[] = {
  "assessment-appraised", "targets-met", "standards-justified", "evidence-reviewed", "not-twice", "no-hold",
};

/* A member or an element that is a string, else NULL: the description may come from a setup
 * file, and json-glib's own getters complain about any other type. */
const char *
td_appraisal_json_string (JsonObject *o,
                          const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;

  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING ? json_node_get_string (n)
                                                                                        : NULL;
}

const char *
td_appraisal_json_element (JsonArray *a,
                           guint      i)
{
  JsonNode *n = json_array_get_element (a, i);

  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING ? json_node_get_string (n)
                                                                                        : NULL;
}

gboolean
td_appraisal_invalid (GError    **error,
                      const char *what)
{
  g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_INVALID,
               _("The campaign's appraisal section is not usable: %s."), what);
  return FALSE;
}

/* One process: its steps, in order, from the proposer's to the decision's.  @issuer: the
 * steps of a unit's own award (acted by the proposer, the issuing unit, the decision). */
static gboolean
validate_process (JsonObject *o,
                  gboolean    issuer,
                  GError    **error)
{
  JsonArray *steps;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_steps;

  if (!json_object_has_member (o, "steps") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "steps")))
    return td_appraisal_invalid (error, "no steps");
  steps = json_object_get_array_member (o, "steps");
  n_steps = json_array_get_length (steps);
  if (n_steps < 2)
    return td_appraisal_invalid (error, "fewer than two steps");
  for (guint i = 0; i < n_steps; i++)
    {
      JsonNode *n = json_array_get_element (steps, i);
      JsonObject *step;
      const char *id, *by, *status;
      TdNominationStatus st;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return td_appraisal_invalid (error, "a step that is not an object");
      step = json_node_get_object (n);
      id = td_appraisal_json_string (step, "id");
      by = td_appraisal_json_string (step, "acted_by");
      status = td_appraisal_json_string (step, "status");
      if (id == NULL || by == NULL || status == NULL || !td_nomination_status_from_string (status, &st) ||
          st == TD_NOMINATION_RETURNED || !g_hash_table_add (seen, (gpointer) id))
        return td_appraisal_invalid (error, "a step without a unique id, acted_by and a status");
      if ((i == 0) != g_str_equal (by, "proposer"))
        return td_appraisal_invalid (error, "the first step, and only it, is the proposer's");
      /* The decision is the last step and the only one that decides: no description can make
       * a nomination "decided" by a body's approval. */
      if ((i == n_steps - 1) != g_str_equal (by, "decision") || (st == TD_NOMINATION_DECIDED) != (i == n_steps - 1))
        return td_appraisal_invalid (error, "the last step, and only it, is the award decision, which makes the nomination decided");
      if (issuer ? g_str_equal (by, "council") : g_str_equal (by, "issuer"))
        return td_appraisal_invalid (error, issuer ? "a unit's own award voted by the province's council"
                                      : "an issuing unit acting in the province's steps");
      if (json_object_has_member (step, "checks"))
        {
          JsonNode *c = json_object_get_member (step, "checks");
          JsonArray *checks = JSON_NODE_HOLDS_ARRAY (c) ? json_node_get_array (c) : NULL;

          for (guint k = 0; checks == NULL || k < json_array_get_length (checks); k++)
            {
              const char *check = checks ? td_appraisal_json_element (checks, k) : NULL;
              gboolean known = FALSE;

              for (guint x = 0; check && x < G_N_ELEMENTS (check_ids); x++)
                known |= g_str_equal (check, check_ids[x]);
              if (!known)
                return td_appraisal_invalid (error, "an unknown check");
            }
        }
    }
  if (json_object_has_member (o, "levels"))
    {
      JsonNode *l = json_object_get_member (o, "levels");
      JsonArray *levels = JSON_NODE_HOLDS_ARRAY (l) ? json_node_get_array (l) : NULL;

      for (guint i = 0; levels == NULL || i < json_array_get_length (levels); i++)
        {
          TdAwardLevel level;
          if (levels == NULL || !td_award_level_from_string (td_appraisal_json_element (levels, i), &level))
            return td_appraisal_invalid (error, "levels other than bang-khen and giay-khen");
        }
    }
  return TRUE;
}

gboolean
td_appraisal_validate_json (JsonNode  *node,
                            GError   **error)
{
  JsonObject *o;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return td_appraisal_invalid (error, "not an object");
  o = json_node_get_object (node);
  if (!validate_process (o, FALSE, error))
    return FALSE;
  if (json_object_has_member (o, "issuer_steps"))
    {
      JsonNode *issuer = json_object_get_member (o, "issuer_steps");

      if (!JSON_NODE_HOLDS_OBJECT (issuer))
        return td_appraisal_invalid (error, "issuer_steps that are not an object");
      if (!validate_process (json_node_get_object (issuer), TRUE, error))
        return FALSE;
    }
  if (json_object_has_member (o, "council"))
    {
      JsonNode *c = json_object_get_member (o, "council");
      JsonObject *council = JSON_NODE_HOLDS_OBJECT (c) ? json_node_get_object (c) : NULL;
      const char *t = td_appraisal_json_string (council, "threshold");

      if (t == NULL || (!g_str_equal (t, "more-than-half") && !g_str_equal (t, "two-thirds")))
        return td_appraisal_invalid (error, "a council threshold other than more-than-half or two-thirds");
      {
        const char *sitting = td_appraisal_json_string (council, "sitting");

        if (json_object_has_member (council, "sitting") &&
            g_strcmp0 (sitting, "plenary") != 0 && g_strcmp0 (sitting, "standing-committee") != 0)
          return td_appraisal_invalid (error, "a council sitting other than plenary or standing-committee");
      }
      for (guint i = 0; i < G_N_ELEMENTS (council_shares); i++)
        {
          guint share[2];

          if (json_object_has_member (council, council_shares[i]) &&
              !td_appraisal_parse_share (td_appraisal_json_string (council, council_shares[i]), share))
            return td_appraisal_invalid (error, "a council quorum or attendance that is not a fraction such as \"2/3\"");
        }
    }
  return TRUE;
}

/* Whether @process names @level in its "levels" (every level without one). */
gboolean
td_appraisal_process_covers (JsonObject   *process,
                             TdAwardLevel  level)
{
  JsonNode *levels = json_object_get_member (process, "levels");

  if (levels == NULL || !JSON_NODE_HOLDS_ARRAY (levels))
    return TRUE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (levels)); i++)
    if (g_strcmp0 (td_appraisal_json_element (json_node_get_array (levels), i), td_award_level_to_string (level)) == 0)
      return TRUE;
  return FALSE;
}

