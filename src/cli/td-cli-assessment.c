/* td-cli-assessment.c: the board's appraisal of a unit's self-assessment, and its record.
 *
 *   assessment appraise --unit CODE --round R --as CODE (--approve [--opinion TEXT] | --return --reason TEXT)
 *   assessment history --unit CODE --round R */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"

static int
assessment_history (TdCliContext     *ctx,
                    TdAssessmentInfo *info,
                    GError          **error)
{
  g_autoptr(GPtrArray) rows = td_assessment_history (ctx->db, info->id, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (rows == NULL)
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      TdAuditEntry *e = rows->pdata[i];
      g_autofree char *when = td_format_timestamp (e->at);

      if (!ctx->json)
        printf ("%s\t%s\t%s\t%s → %s\t%s\n", when, e->actor, e->field, e->old_value ? e->old_value : "—",
                e->new_value ? e->new_value : "—", e->reason ? e->reason : "");
      json_builder_begin_object (b);
      TD_CLI_SET_STRING (b, "at", e->at);
      TD_CLI_SET_STRING (b, "actor", e->actor);
      TD_CLI_SET_STRING (b, "field", e->field);
      TD_CLI_SET_STRING (b, "old", e->old_value);
      TD_CLI_SET_STRING (b, "new", e->new_value);
      TD_CLI_SET_STRING (b, "reason", e->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (ctx->json)
    td_cli_print_builder (b);
  return 0;
}

int
td_cli_assessment (TdCliContext  *ctx,
                   int            argc,
                   char         **argv,
                   GError       **error)
{
  g_autofree char *unit_code = NULL, *as = NULL, *opinion = NULL, *reason = NULL;
  gboolean approve = FALSE, do_return = FALSE;
  int status = 0, round_number = 0;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("The unit (its code)"), N_("CODE") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("Round number (1, 2, …)"), N_("R") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The body appraising (its unit code) (appraise)"), N_("CODE") },
    { "approve", 0, 0, G_OPTION_ARG_NONE, &approve, N_("The self-assessment is appraised (appraise)"), NULL },
    { "opinion", 0, 0, G_OPTION_ARG_STRING, &opinion, N_("The body's opinion (appraise --approve)"), N_("TEXT") },
    { "return", 0, 0, G_OPTION_ARG_NONE, &do_return, N_("Return it to the unit (appraise)"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("What the unit must correct (appraise --return)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  const char *verb;

  if (!td_cli_parse (ctx, "assessment", N_("appraise | history"), entries, &argc, &argv, &status, error))
    return status;
  verb = argc == 2 ? argv[1] : "";
  if (!g_str_equal (verb, "appraise") && !g_str_equal (verb, "history"))
    return td_cli_usage_error (error, _("assessment needs appraise or history"));
  if (unit_code == NULL || round_number <= 0)
    return td_cli_usage_error (error, _("assessment needs --unit CODE and --round R"));
  if (g_str_equal (verb, "appraise") && (as == NULL || approve == do_return || (do_return && reason == NULL)))
    return td_cli_usage_error (error, _("assessment appraise needs --as CODE and --approve [--opinion TEXT] or "
                                        "--return --reason TEXT"));
  if (!td_cli_open (ctx, error) || (unit = td_catalog_find_unit (ctx->db, unit_code, error)) == NULL ||
      (round = td_catalog_find_round (ctx->db, (guint) round_number, error)) == NULL)
    return 1;
  info = td_assessment_lookup (ctx->db, td_unit_get_id (unit), td_round_get_id (round), error);
  if (info == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND,
                     _("%s has no self-assessment for this round."), td_unit_get_name (unit));
      return 1;
    }
  if (g_str_equal (verb, "history"))
    return assessment_history (ctx, info, error);
  if (!td_assessment_appraise (ctx->db, info->id, as, approve, approve ? opinion : reason, error))
    return 1;
  if (!ctx->json)
    printf (approve ? _("The self-assessment of %s is appraised.\n")
                    : _("The self-assessment of %s is returned to the unit.\n"), td_unit_get_name (unit));
  return ctx->json ? assessment_history (ctx, info, error) : 0;
}
