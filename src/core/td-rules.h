/* td-rules.h: the campaign's validation rules, figures that must agree with each other.
 *
 * A rule compares a count of one target with a count of another (or of the same target in
 * the previous round): "adults under target 17 = adults under target 4", "staff of the
 * commune ≤ all staff", "adults within 15 % of last round's".  Rules are campaign data (the
 * description's "rules"), each an error (blocks submission) or a warning (needs the note of
 * the target it is about to say why the figure is right). */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "td-target.h"

G_BEGIN_DECLS

typedef struct {
  char     *rule_id;
  gboolean  is_error;
  guint     target;       /* the target the message belongs to (the rule's left side) */
  char     *message;      /* a whole sentence, with both figures, in the user's language */
  char     *rule_text;    /* the campaign's own sentence (Vietnamese, as the plan is) */
  gint64    left;         /* the two figures compared */
  gint64    right;
  gboolean  right_previous; /* @right is the same count in the previous round */
  gboolean  explained;    /* a warning whose target carries a note */
  char     *note;         /* that note */
  char     *unit_code;    /* set by td_assessment_check_rules_in_round() */
  char     *unit_name;
  TdUnitKind unit_kind;
} TdRuleViolation;

void       td_rule_violation_free       (TdRuleViolation *violation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRuleViolation, td_rule_violation_free)

/* Checks the "rules" member of a campaign description: FALSE with a message naming the rule
 * (G_IO_ERROR_INVALID_DATA) when one is malformed or names a target that is not a count. */
gboolean   td_rules_validate_json       (JsonArray   *rules,
                                         JsonArray   *targets,
                                         GError     **error);

/* The campaign's rules (the "rules" of its description, @campaign, NULL for none) with the
 * @targets they name, read once for any number of checks. */
typedef struct _TdRulesChecker TdRulesChecker;

TdRulesChecker *td_rules_checker_new       (GListModel     *targets,
                                            GBytes         *campaign);
void            td_rules_checker_free      (TdRulesChecker *checker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRulesChecker, td_rules_checker_free)
gboolean        td_rules_checker_has_rules (TdRulesChecker *checker);
/* Every rule that @values (target id → TdValue) of a unit of @kind break, @previous being the
 * same unit's values in the round before (empty when there are none), in rule order.  Rules
 * about a target the unit does not report, or whose figures are not entered, not valid or not
 * applicable, are not checked.  A self-assessment's own: td_assessment_check_rules(). */
GPtrArray      *td_rules_checker_check     (TdRulesChecker *checker,
                                            TdUnitKind      kind,
                                            GHashTable     *values,
                                            GHashTable     *previous);

G_END_DECLS
