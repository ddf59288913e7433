/* td-rules.c: the campaign's validation rules (see td-rules.h).
 *
 * The rules are read from the campaign description the database keeps, the same text that
 * was checked by td_rules_validate_json() when it was imported.  Comparisons are on whole
 * counts in 128 bits, so no rule is ever decided by rounding. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-format.h"
#include "td-round.h"
#include "td-rules.h"
#include "td-unit.h"

typedef enum { OP_EQ, OP_LE, OP_LT, OP_GE, OP_GT, OP_WITHIN } RuleOp;

typedef struct {
  guint    target;
  gboolean denominator;
  gboolean previous;
} Side;

typedef struct {
  const char *id;
  gboolean    is_error;
  Side        left, right;
  RuleOp      op;
  gint64      tolerance;   /* percent, for OP_WITHIN */
  const char *message;
} Rule;

static const char * const op_names[] = { "eq", "le", "lt", "ge", "gt", "within" };

void
td_rule_violation_free (TdRuleViolation *violation)
{
  if (violation == NULL)
    return;
  g_free (violation->rule_id);
  g_free (violation->message);
  g_free (violation->rule_text);
  g_free (violation->note);
  g_free (violation->unit_code);
  g_free (violation->unit_name);
  g_free (violation);
}

static const char *
string_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_side (JsonObject *obj,
           const char *name,
           Side       *side)
{
  JsonObject *s = json_object_has_member (obj, name) ? json_object_get_object_member (obj, name) : NULL;
  const char *part, *round;

  if (s == NULL)
    return FALSE;
  part = string_member (s, "part");
  round = string_member (s, "round");
  side->target = (guint) CLAMP (json_object_get_int_member_with_default (s, "target", 0), 0, G_MAXUINT);
  side->denominator = g_strcmp0 (part, "denominator") == 0;
  side->previous = g_strcmp0 (round, "previous") == 0;
  return side->target > 0 && (side->denominator || g_strcmp0 (part, "numerator") == 0) &&
         (round == NULL || side->previous);
}

/* Reads one rule; FALSE when it is malformed.  The strings point into @obj. */
static gboolean
read_rule (JsonObject *obj,
           Rule       *rule)
{
  const char *severity, *op;

  if (obj == NULL)
    return FALSE;
  memset (rule, 0, sizeof *rule);
  rule->id = string_member (obj, "id");
  rule->message = string_member (obj, "message");
  severity = string_member (obj, "severity");
  op = string_member (obj, "operator");
  if (rule->id == NULL || rule->message == NULL || op == NULL ||
      (g_strcmp0 (severity, "error") != 0 && g_strcmp0 (severity, "warning") != 0) ||
      !read_side (obj, "left", &rule->left) || !read_side (obj, "right", &rule->right) || rule->left.previous)
    return FALSE;
  rule->is_error = g_str_equal (severity, "error");
  rule->op = G_N_ELEMENTS (op_names);
  for (guint i = 0; i < G_N_ELEMENTS (op_names); i++)
    if (g_str_equal (op, op_names[i]))
      rule->op = i;
  rule->tolerance = json_object_get_int_member_with_default (obj, "tolerance", -1);
  if (rule->op == G_N_ELEMENTS (op_names))
    return FALSE;
  return rule->op != OP_WITHIN || (rule->tolerance >= 0 && rule->tolerance <= 1000);
}

static gboolean
is_ratio_target (JsonArray *targets,
                 guint      number)
{
  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      JsonObject *t = json_array_get_object_element (targets, i);
      if (t && json_object_get_int_member_with_default (t, "number", 0) == number)
        return g_strcmp0 (string_member (t, "kind"), "ratio") == 0;
    }
  return FALSE;
}

gboolean
td_rules_validate_json (JsonArray  *rules,
                        JsonArray  *targets,
                        GError    **error)
{
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *obj = json_array_get_object_element (rules, i);
      Rule rule;

      if (!read_rule (obj, &rule) || !is_ratio_target (targets, rule.left.target) ||
          !is_ratio_target (targets, rule.right.target))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Validation rule %u of the campaign description is not valid: it needs an id, a message, "
                         "a severity (error or warning), an operator and two sides naming the numerator or the "
                         "denominator of a ratio target."), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* The count a side names, FALSE when there is none to compare (not reported, not entered,
 * not valid, not applicable). */
static gboolean
side_value (const Side *side,
            GHashTable *targets_by_number,
            GHashTable *values,
            GHashTable *previous,
            TdUnitKind  kind,
            gint64     *count)
{
  TdTarget *target = g_hash_table_lookup (targets_by_number, GUINT_TO_POINTER (side->target));
  GHashTable *from = side->previous ? previous : values;
  gint64 id;
  TdValue *value;

  if (target == NULL || from == NULL || !td_target_is_reported_by (target, kind))
    return FALSE;
  id = td_target_get_id (target);
  value = g_hash_table_lookup (from, &id);
  if (value == NULL || value->not_applicable || !td_target_validate (target, value, NULL))
    return FALSE;
  *count = side->denominator ? value->denominator : value->numerator;
  return TRUE;
}

static gboolean
holds (const Rule *rule,
       gint64      left,
       gint64      right)
{
  switch (rule->op)
    {
    case OP_EQ: return left == right;
    case OP_LE: return left <= right;
    case OP_LT: return left < right;
    case OP_GE: return left >= right;
    case OP_GT: return left > right;
    case OP_WITHIN:
      {
        __int128 diff = (__int128) left - right;
        if (diff < 0)
          diff = -diff;
        return right == 0 || diff * 100 <= (__int128) rule->tolerance * right;
      }
    }
  return TRUE;
}

/* What checking needs beyond one self-assessment's values, read once for a whole round. */
struct _TdRulesChecker {
  GHashTable *by_number;   /* target number → TdTarget */
  JsonParser *parser;
  JsonArray  *rules;       /* NULL: the campaign has none */
};

void
td_rules_checker_free (TdRulesChecker *c)
{
  if (c == NULL)
    return;
  g_clear_pointer (&c->by_number, g_hash_table_unref);
  g_clear_object (&c->parser);
  g_free (c);
}

TdRulesChecker *
td_rules_checker_new (GListModel *targets,
                      GBytes     *campaign)
{
  TdRulesChecker *c = g_new0 (TdRulesChecker, 1);
  JsonNode *root;

  c->by_number = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      TdTarget *t = g_list_model_get_item (targets, i);
      g_hash_table_insert (c->by_number, GUINT_TO_POINTER (td_target_get_number (t)), t);
    }
  c->parser = json_parser_new ();
  if (campaign != NULL &&
      json_parser_load_from_data (c->parser, g_bytes_get_data (campaign, NULL), (gssize) g_bytes_get_size (campaign), NULL) &&
      (root = json_parser_get_root (c->parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "rules"))
    c->rules = json_object_get_array_member (json_node_get_object (root), "rules");
  return c;
}

gboolean
td_rules_checker_has_rules (TdRulesChecker *c)
{
  return c->rules != NULL;
}

GPtrArray *
td_rules_checker_check (TdRulesChecker *c,
                        TdUnitKind      kind,
                        GHashTable     *values,
                        GHashTable     *previous)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) td_rule_violation_free);

  for (guint i = 0; c->rules != NULL && i < json_array_get_length (c->rules); i++)
    {
      gint64 left, right;
      Rule rule;
      TdRuleViolation *v;
      g_autofree char *left_text = NULL, *right_text = NULL;
      TdTarget *target;
      TdValue *value;
      gint64 id;

      if (!read_rule (json_array_get_object_element (c->rules, i), &rule) ||
          !side_value (&rule.left, c->by_number, values, previous, kind, &left) ||
          !side_value (&rule.right, c->by_number, values, previous, kind, &right) ||
          holds (&rule, left, right))
        continue;

      left_text = td_format_count (left);
      right_text = td_format_count (right);
      v = g_new0 (TdRuleViolation, 1);
      v->rule_id = g_strdup (rule.id);
      v->is_error = rule.is_error;
      v->target = rule.left.target;
      v->rule_text = g_strdup (rule.message);
      v->left = left;
      v->right = right;
      v->right_previous = rule.right.previous;
      /* "Target 17: <the campaign's sentence> (9.404, against 37.097)." */
      v->message = g_strdup_printf (rule.right.previous ? _("Target %u: %s (%s now, %s in the previous round).")
                                                        : _("Target %u: %s (%s, against %s)."),
                                    rule.left.target, rule.message, left_text, right_text);
      target = g_hash_table_lookup (c->by_number, GUINT_TO_POINTER (rule.left.target));
      id = td_target_get_id (target);
      value = g_hash_table_lookup (values, &id);
      if (!rule.is_error && value != NULL && value->note != NULL)
        {
          g_autofree char *note = g_strstrip (g_strdup (value->note));
          v->explained = *note != '\0';
          if (v->explained)
            v->note = g_steal_pointer (&note);
        }
      g_ptr_array_add (result, v);
    }
  return g_steal_pointer (&result);
}
