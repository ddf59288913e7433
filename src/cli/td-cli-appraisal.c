/* td-cli-appraisal.c: the appraisal of nominations from the command line, with the same rules
 * as the Khen thưởng area.
 *
 *   nomination history ID | check ID [--all] | step ID --as CODE (--approve [--opinion TEXT] |
 *              --return [--to STEP] --reason TEXT | --override CHECK --reason TEXT | --undo --reason TEXT)
 *            | hold --unit CODE [--person NAME] --kind KIND [--note TEXT] [--round R] | lift-hold HOLD
 *   appraisal steps | bodies [STEP --set CODE | --accept] | set-body STEP CODE
 *   council list | add NAME [--position TEXT] [--standing] | standing ID [--off] | retire ID
 *   meeting list | show ID | create --date DD/MM/YYYY --members ID,… --nominations ID,… [--round R]
 *                [--place TEXT --start HH:MM --end HH:MM --chair ID --secretary ID] | details ID …
 *         | vote ID --nomination N --agree A --disagree D --abstain X [--written-agree N --written-disagree N]
 *         | close ID */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"


static gboolean
parse_id (const char  *text,
          gint64      *id,
          GError     **error)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("“%s” is not an id."), text ? text : "");
      return FALSE;
    }
  *id = (gint64) v;
  return TRUE;
}

/* "1,2,3" into ids; FALSE with the message on a word that is not one. */
static GArray *
parse_ids (const char  *text,
           GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i]; i++)
    {
      gint64 id;
      if (!parse_id (g_strstrip (parts[i]), &id, error))
        return NULL;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gint64
round_id_of (TdCliContext  *ctx,
             int            number,
             gint64         fallback,
             GError       **error)
{
  g_autoptr(TdRound) round = NULL;

  if (number <= 0)
    return fallback;
  round = td_catalog_find_round (ctx->db, (guint) number, error);
  return round ? td_round_get_id (round) : 0;
}


/* nomination */

static int
nomination_history (TdCliContext  *ctx,
                    gint64         id,
                    GError       **error)
{
  g_autoptr(GPtrArray) history = td_appraisal_history (ctx->db, id, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(TdNomination) n = NULL;

  if (history == NULL || (n = td_nomination_get (ctx->db, id, error)) == NULL)
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < history->len; i++)
    {
      TdStepRecord *r = history->pdata[i];

      if (!ctx->json)
        {
          printf ("%s\t%s\t%s\t%s\t%s%s%s%s%s\n", r->at, r->step, td_step_action_get_label (r->action),
                  r->body_code ? r->body_code : _("board"), r->actor,
                  r->opinion && *r->opinion ? "\t" : "", r->opinion ? r->opinion : "",
                  r->reason && *r->reason ? "\t" : "", r->reason ? r->reason : "");
          continue;
        }
      json_builder_begin_object (b);
      TD_CLI_SET_STRING (b, "at", r->at);
      TD_CLI_SET_STRING (b, "step", r->step);
      TD_CLI_SET_STRING (b, "action", td_step_action_to_string (r->action));
      TD_CLI_SET_STRING (b, "body", r->body_code);
      TD_CLI_SET_STRING (b, "actor", r->actor);
      TD_CLI_SET_STRING (b, "verdict", r->verdict);
      TD_CLI_SET_STRING (b, "opinion", r->opinion);
      TD_CLI_SET_STRING (b, "reason", r->reason);
      TD_CLI_SET_STRING (b, "check", r->check_id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (ctx->json)
    td_cli_print_builder (b);
  return 0;
}

static int
nomination_check (TdCliContext  *ctx,
                  gint64         id,
                  gboolean       all,
                  GError       **error)
{
  g_autoptr(GPtrArray) checks = td_appraisal_check (ctx->db, id, all, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (checks == NULL)
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < checks->len; i++)
    {
      TdEligibilityCheck *c = checks->pdata[i];

      if (!ctx->json)
        {
          printf ("%s\t%s\t%s\t%s\n", c->passed ? "✓" : c->overridden ? "⚠" : "✗", c->id, c->title, c->explanation);
          continue;
        }
      json_builder_begin_object (b);
      TD_CLI_SET_STRING (b, "id", c->id);
      TD_CLI_SET_STRING (b, "title", c->title);
      TD_CLI_SET_BOOL (b, "passed", c->passed);
      TD_CLI_SET_BOOL (b, "overridden", c->overridden);
      TD_CLI_SET_STRING (b, "explanation", c->explanation);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (ctx->json)
    td_cli_print_builder (b);
  return 0;
}

int
td_cli_nomination (TdCliContext  *ctx,
                   int            argc,
                   char         **argv,
                   GError       **error)
{
  g_autofree char *as = NULL, *opinion = NULL, *reason = NULL, *to = NULL, *override = NULL;
  g_autofree char *unit = NULL, *person = NULL, *kind = NULL, *note = NULL;
  gboolean approve = FALSE, do_return = FALSE, undo = FALSE, all = FALSE;
  int status = 0, round_number = 0;
  GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The body acting (its unit code) (step)"), N_("CODE") },
    { "approve", 0, 0, G_OPTION_ARG_NONE, &approve, N_("Approve the next step (step)"), NULL },
    { "opinion", 0, 0, G_OPTION_ARG_STRING, &opinion, N_("The body's opinion (step --approve)"), N_("TEXT") },
    { "return", 0, 0, G_OPTION_ARG_NONE, &do_return, N_("Return it (step), to the proposer or --to STEP"), NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The earlier step it goes back to (step --return)"), N_("STEP") },
    { "override", 0, 0, G_OPTION_ARG_STRING, &override, N_("Accept this failed check (step)"), N_("CHECK") },
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo, N_("Take back the latest approval (step)"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (step --return, --override, --undo)"), N_("TEXT") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every check, not only the next step's (check)"), NULL },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("The unit held (hold)"), N_("CODE") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The person held; none for the collective (hold)"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("discipline, inspection or investigation (hold)"), N_("KIND") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the board knows of it (hold)"), N_("TEXT") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("The round (hold; default: the last)"), N_("R") },
    { NULL }
  };
  const char *verb;
  gint64 id = 0;

  if (!td_cli_parse (ctx, "nomination", N_("history ID | check ID | step ID | hold | lift-hold HOLD"), entries, &argc,
                     &argv, &status, error))
    return status;
  verb = argc >= 2 ? argv[1] : "";
  if (g_str_equal (verb, "hold") && argc == 2)
    {
      g_autoptr(GListModel) rounds = NULL;
      gint64 round_id = 0, hold;

      if (unit == NULL || kind == NULL)
        return td_cli_usage_error (error, _("nomination hold needs --unit CODE and --kind discipline|inspection|investigation"));
      if (!td_cli_open (ctx, error) || (rounds = td_catalog_list_rounds (ctx->db, error)) == NULL)
        return 1;
      if (g_list_model_get_n_items (rounds) > 0)
        {
          g_autoptr(TdRound) last = g_list_model_get_item (rounds, g_list_model_get_n_items (rounds) - 1);
          round_id = td_round_get_id (last);
        }
      if ((round_id = round_id_of (ctx, round_number, round_id, error)) == 0 ||
          (hold = td_appraisal_add_hold (ctx->db, round_id, unit, person, kind, note, error)) == 0)
        return 1;
      printf (_("Hold %d recorded.\n"), (int) hold);
      return 0;
    }
  if (argc != 3 || !parse_id (argv[2], &id, error))
    return td_cli_usage_error (error, _("nomination needs history ID, check ID, step ID, hold or lift-hold HOLD"));
  if (!td_cli_open (ctx, error))
    return 1;
  if (g_str_equal (verb, "history"))
    return nomination_history (ctx, id, error);
  if (g_str_equal (verb, "check"))
    return nomination_check (ctx, id, all, error);
  if (g_str_equal (verb, "lift-hold"))
    return td_appraisal_lift_hold (ctx->db, id, error) ? 0 : 1;
  if (g_str_equal (verb, "step"))
    {
      if (as == NULL || approve + do_return + undo + (override != NULL) != 1)
        return td_cli_usage_error (error, _("nomination step needs --as CODE and one of --approve, --return, "
                                            "--override CHECK or --undo"));
      if (approve)
        return td_appraisal_approve (ctx->db, id, as, opinion, error) ? 0 : 1;
      if (do_return)
        return td_appraisal_return (ctx->db, id, as, to, reason, error) ? 0 : 1;
      if (undo)
        return td_appraisal_undo (ctx->db, id, as, reason, error) ? 0 : 1;
      return td_appraisal_override (ctx->db, id, as, override, reason, error) ? 0 : 1;
    }
  return td_cli_usage_error (error, _("nomination needs history ID, check ID, step ID, hold or lift-hold HOLD"));
}


/* appraisal */

/* Each step done by a body: the unit that acts, whether the register has it, and for a
 * register whose codes are not the campaign's, the unit its name matches. */
static int
appraisal_bodies (TdCliContext  *ctx,
                  gboolean       accept,
                  GError       **error)
{
  g_autoptr(GPtrArray) steps = td_appraisal_steps (ctx->db, NULL, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(TdTransaction) tx = NULL;
  guint accepted = 0, missing = 0;

  if (steps == NULL || (accept && (tx = td_transaction_begin (ctx->db, error)) == NULL))
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < steps->len; i++)
    {
      TdStepSpec *s = steps->pdata[i];
      g_autofree char *suggested = NULL;

      if (s->actor != TD_STEP_BY_BODY)
        continue;
      suggested = td_appraisal_suggest_body (ctx->db, s);
      if (accept && suggested != NULL)
        {
          if (!td_appraisal_set_body (ctx->db, s->id, suggested, error))
            return 1;
          accepted++;
          continue;
        }
      missing += !s->body_active;
      if (!ctx->json)
        {
          if (s->body_active)
            printf ("%s\t%s\t%s\t%s\n", s->id, s->body_code, s->body_name, s->title);
          else if (suggested != NULL)
            printf (_("%s\t%s: not in the register; %s matches “%s” (thidua-cli appraisal bodies --accept)\n"), s->id,
                    s->body_code, suggested, s->campaign_name);
          else
            printf (_("%s\t%s: not an active unit of the register; name one with thidua-cli appraisal bodies --set "
                      "%s CODE\n"), s->id, s->body_code, s->id);
        }
      json_builder_begin_object (b);
      TD_CLI_SET_STRING (b, "step", s->id);
      TD_CLI_SET_STRING (b, "title", s->title);
      TD_CLI_SET_STRING (b, "body", s->body_code);
      TD_CLI_SET_STRING (b, "body_name", s->body_name);
      TD_CLI_SET_BOOL (b, "active", s->body_active);
      TD_CLI_SET_STRING (b, "campaign_name", s->campaign_name);
      TD_CLI_SET_STRING (b, "suggested", suggested);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (accept)
    {
      if (!td_transaction_commit (tx, error))
        return 1;
      if (!ctx->json)
        printf (g_dngettext (GETTEXT_PACKAGE, "%u step given to the unit its name matches.\n",
                             "%u steps given to the units their names match.\n", accepted), accepted);
      /* What is left, as it now stands. */
      return appraisal_bodies (ctx, FALSE, error);
    }
  if (ctx->json)
    td_cli_print_builder (b);
  return 0;
}

int
td_cli_appraisal (TdCliContext  *ctx,
                  int            argc,
                  char         **argv,
                  GError       **error)
{
  int status = 0;
  g_autofree char *set = NULL;
  gboolean accept = FALSE;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING, &set, N_("Give the step to the unit CODE (bodies STEP … --set CODE)"),
      N_("CODE") },
    { "accept", 0, 0, G_OPTION_ARG_NONE, &accept, N_("Give every unmatched step to the unit its name matches (bodies)"),
      NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *threshold = NULL;

  if (!td_cli_parse (ctx, "appraisal", N_("steps | bodies [STEP --set CODE | --accept] | set-body STEP CODE"), entries,
                     &argc, &argv, &status, error))
    return status;
  if (argc == 4 && g_str_equal (argv[1], "set-body"))
    return td_cli_open (ctx, error) && td_appraisal_set_body (ctx->db, argv[2], argv[3], error) ? 0 : 1;
  if (argc >= 2 && g_str_equal (argv[1], "bodies"))
    {
      if ((set != NULL) != (argc == 3) || (set != NULL && accept) || argc > 3)
        return td_cli_usage_error (error, _("appraisal bodies takes STEP --set CODE, or --accept, or nothing"));
      if (!td_cli_open (ctx, error))
        return 1;
      if (set != NULL)
        return td_appraisal_set_body (ctx->db, argv[2], set, error) ? appraisal_bodies (ctx, FALSE, error) : 1;
      return appraisal_bodies (ctx, accept, error);
    }
  if (argc != 2 || !g_str_equal (argv[1], "steps"))
    return td_cli_usage_error (error, _("appraisal needs steps, bodies or set-body STEP CODE"));
  if (!td_cli_open (ctx, error) || (steps = td_appraisal_steps (ctx->db, &threshold, error)) == NULL)
    return 1;
  json_builder_begin_object (b);
  TD_CLI_SET_STRING (b, "council_threshold", threshold);
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (guint i = 0; i < steps->len; i++)
    {
      TdStepSpec *s = steps->pdata[i];
      g_autofree char *checks = g_strjoinv (", ", s->checks);
      const char *by = s->actor == TD_STEP_BY_BODY ? s->body_code : s->actor == TD_STEP_BY_PROPOSER ? "proposer"
                       : s->actor == TD_STEP_BY_COUNCIL ? "council" : "decision";

      if (!ctx->json)
        printf ("%u\t%s\t%s\t%s\t%s\n", i + 1, s->id, by, s->title, checks);
      json_builder_begin_object (b);
      TD_CLI_SET_STRING (b, "id", s->id);
      TD_CLI_SET_STRING (b, "title", s->title);
      TD_CLI_SET_STRING (b, "acted_by", by);
      TD_CLI_SET_STRING (b, "body_name", s->body_name);
      TD_CLI_SET_STRING (b, "status", td_nomination_status_to_string (s->status));
      json_builder_set_member_name (b, "checks");
      json_builder_begin_array (b);
      for (guint k = 0; s->checks[k]; k++)
        json_builder_add_string_value (b, s->checks[k]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (ctx->json)
    td_cli_print_builder (b);
  else
    printf (_("Council: %s of its members\n"), threshold);
  return 0;
}


/* council */

int
td_cli_council (TdCliContext  *ctx,
                int            argc,
                char         **argv,
                GError       **error)
{
  g_autofree char *position = NULL;
  gboolean standing = FALSE, off = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "position", 0, 0, G_OPTION_ARG_STRING, &position, N_("The member's position (add)"), N_("TEXT") },
    { "standing", 0, 0, G_OPTION_ARG_NONE, &standing, N_("Of the standing committee (add)"), NULL },
    { "off", 0, 0, G_OPTION_ARG_NONE, &off, N_("No longer of the standing committee (standing)"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gint64 id;

  if (!td_cli_parse (ctx, "council", N_("list | add NAME | standing ID | retire ID"), entries, &argc, &argv, &status,
                     error))
    return status;
  if (argc == 3 && g_str_equal (argv[1], "add"))
    {
      g_autoptr(TdTransaction) tx = NULL;

      if (!td_cli_open (ctx, error) || (tx = td_transaction_begin (ctx->db, error)) == NULL ||
          (id = td_council_add_member (ctx->db, argv[2], position, error)) == 0 ||
          (standing && !td_council_set_standing (ctx->db, id, TRUE, error)) || !td_transaction_commit (tx, error))
        return 1;
      {
        g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

        printf (_("Member %s added.\n"), id_text);
      }
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "standing"))
    return parse_id (argv[2], &id, error) && td_cli_open (ctx, error) &&
           td_council_set_standing (ctx->db, id, !off, error) ? 0 : 1;
  if (argc == 3 && g_str_equal (argv[1], "retire"))
    return parse_id (argv[2], &id, error) && td_cli_open (ctx, error) &&
           td_council_retire_member (ctx->db, id, error) ? 0 : 1;
  if (argc != 2 || !g_str_equal (argv[1], "list"))
    return td_cli_usage_error (error, _("council needs list, add NAME, standing ID or retire ID"));
  if (!td_cli_open (ctx, error) || (members = td_council_list_members (ctx->db, error)) == NULL)
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < members->len; i++)
    {
      TdCouncilMember *m = members->pdata[i];

      if (!ctx->json)
        printf ("%d\t%s\t%s%s%s\n", (int) m->id, m->name, m->position, m->standing ? _("\t(standing committee)") : "",
                m->active ? "" : _("\t(retired)"));
      json_builder_begin_object (b);
      TD_CLI_SET_INT (b, "id", m->id);
      TD_CLI_SET_STRING (b, "name", m->name);
      TD_CLI_SET_STRING (b, "position", m->position);
      TD_CLI_SET_BOOL (b, "active", m->active);
      TD_CLI_SET_BOOL (b, "standing", m->standing);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (ctx->json)
    td_cli_print_builder (b);
  return 0;
}


/* meeting */

static int
meeting_show (TdCliContext  *ctx,
              gint64         id,
              GError       **error)
{
  g_autoptr(TdMeeting) m = td_meeting_load (ctx->db, id, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (m == NULL)
    return 1;
  if (!ctx->json)
    {
      g_autofree char *date = td_format_date (m->held_on);
      printf (_("Meeting %d, %s (%s): %u of %u members present, %s, %s\n"), (int) m->id, date,
              m->standing_committee ? _("standing committee") : _("plenary council"), m->present->len,
              m->members_total, m->threshold, m->closed ? _("closed") : _("open"));
      if (*m->place != '\0')
        printf (_("  %s, %s–%s; chaired by %s, minutes by %s\n"), m->place, m->starts_at, m->ends_at, m->chair,
                m->secretary);
      for (guint i = 0; i < m->items->len; i++)
        {
          TdMeetingItem *item = m->items->pdata[i];
          printf ("  %d\t%s\t%s\t%u/%u/%u\t+%u/%u\t%s\n", (int) item->nomination_id, item->name, item->unit_name,
                  item->agree, item->disagree, item->abstain, item->written_agree, item->written_disagree,
                  !item->decided ? (item->voted ? _("counted") : _("not counted yet"))
                                 : item->passed ? _("passed") : _("not passed"));
        }
      return 0;
    }
  json_builder_begin_object (b);
  TD_CLI_SET_INT (b, "id", m->id);
  TD_CLI_SET_STRING (b, "held_on", m->held_on);
  TD_CLI_SET_INT (b, "members_total", m->members_total);
  TD_CLI_SET_INT (b, "present", m->present->len);
  TD_CLI_SET_STRING (b, "threshold", m->threshold);
  TD_CLI_SET_BOOL (b, "closed", m->closed);
  TD_CLI_SET_STRING (b, "sitting", m->standing_committee ? "standing-committee" : "plenary");
  TD_CLI_SET_STRING (b, "place", m->place);
  TD_CLI_SET_STRING (b, "starts_at", m->starts_at);
  TD_CLI_SET_STRING (b, "ends_at", m->ends_at);
  TD_CLI_SET_STRING (b, "chair", m->chair);
  TD_CLI_SET_STRING (b, "secretary", m->secretary);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->items->len; i++)
    {
      TdMeetingItem *item = m->items->pdata[i];

      json_builder_begin_object (b);
      TD_CLI_SET_INT (b, "nomination", item->nomination_id);
      TD_CLI_SET_STRING (b, "name", item->name);
      TD_CLI_SET_INT (b, "agree", item->agree);
      TD_CLI_SET_INT (b, "disagree", item->disagree);
      TD_CLI_SET_INT (b, "abstain", item->abstain);
      TD_CLI_SET_INT (b, "written_agree", item->written_agree);
      TD_CLI_SET_INT (b, "written_disagree", item->written_disagree);
      json_builder_set_member_name (b, "passed");
      if (item->decided)
        json_builder_add_boolean_value (b, item->passed);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  td_cli_print_builder (b);
  return 0;
}

int
td_cli_meeting (TdCliContext  *ctx,
                int            argc,
                char         **argv,
                GError       **error)
{
  g_autofree char *date = NULL, *members = NULL, *nominations = NULL;
  g_autofree char *place = NULL, *start = NULL, *end = NULL;
  gint64 nomination = 0, chair = 0, secretary = 0;
  int status = 0, round_number = 0, agree = -1, disagree = -1, abstain = -1, written_agree = 0, written_disagree = 0;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it is held (create)"), N_("DD/MM/YYYY") },
    { "members", 0, 0, G_OPTION_ARG_STRING, &members, N_("The members present (create)"), N_("ID,…") },
    { "nominations", 0, 0, G_OPTION_ARG_STRING, &nominations, N_("The agenda (create)"), N_("ID,…") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("The round (create; default: the nominations')"), N_("R") },
    { "nomination", 0, 0, G_OPTION_ARG_INT64, &nomination, N_("The nomination voted on (vote)"), N_("ID") },
    { "agree", 0, 0, G_OPTION_ARG_INT, &agree, N_("Votes to agree (vote)"), N_("N") },
    { "disagree", 0, 0, G_OPTION_ARG_INT, &disagree, N_("Votes to disagree (vote)"), N_("N") },
    { "abstain", 0, 0, G_OPTION_ARG_INT, &abstain, N_("Abstentions (vote)"), N_("N") },
    { "written-agree", 0, 0, G_OPTION_ARG_INT, &written_agree, N_("Absent members agreeing in writing (vote)"),
      N_("N") },
    { "written-disagree", 0, 0, G_OPTION_ARG_INT, &written_disagree,
      N_("Absent members disagreeing in writing (vote)"), N_("N") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, N_("Where it is held (create, details)"), N_("TEXT") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("When it starts (create, details)"), N_("HH:MM") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("When it ends (create, details)"), N_("HH:MM") },
    { "chair", 0, 0, G_OPTION_ARG_INT64, &chair, N_("The member present who chairs it (create, details)"), N_("ID") },
    { "secretary", 0, 0, G_OPTION_ARG_INT64, &secretary, N_("The member present who keeps the minutes (create, "
                                                            "details)"), N_("ID") },
    { NULL }
  };
  gboolean with_details;
  const char *verb;
  gint64 id = 0;

  if (!td_cli_parse (ctx, "meeting", N_("list | show ID | create | details ID | vote ID | close ID"), entries, &argc, &argv, &status,
                     error))
    return status;
  verb = argc >= 2 ? argv[1] : "";
  with_details = place != NULL || start != NULL || end != NULL || chair != 0 || secretary != 0;
  if (with_details && (place == NULL || start == NULL || end == NULL || chair == 0 || secretary == 0))
    return td_cli_usage_error (error, _("A meeting's details are --place TEXT, --start HH:MM, --end HH:MM, --chair ID "
                                        "and --secretary ID, all of them"));
  if (written_agree < 0 || written_disagree < 0)
    return td_cli_usage_error (error, _("--written-agree and --written-disagree count members: 0 or more"));
  if (g_str_equal (verb, "list") && argc == 2)
    {
      g_autoptr(GArray) ids = NULL;

      if (!td_cli_open (ctx, error) || (ids = td_meeting_list (ctx->db, error)) == NULL)
        return 1;
      for (guint i = 0; i < ids->len; i++)
        if (meeting_show (ctx, g_array_index (ids, gint64, i), error) != 0)
          return 1;
      return 0;
    }
  if (g_str_equal (verb, "create") && argc == 2)
    {
      g_autoptr(GArray) member_ids = NULL;
      g_autoptr(GArray) nomination_ids = NULL;
      g_autoptr(TdNomination) first = NULL;
      g_autoptr(TdTransaction) tx = NULL;
      g_autofree char *iso = NULL;
      gint64 round_id;

      if (date == NULL || members == NULL || nominations == NULL)
        return td_cli_usage_error (error, _("meeting create needs --date DD/MM/YYYY, --members ID,… and --nominations ID,…"));
      if ((iso = td_parse_date (date, error)) == NULL || (member_ids = parse_ids (members, error)) == NULL ||
          (nomination_ids = parse_ids (nominations, error)) == NULL)
        return 2;
      if (!td_cli_open (ctx, error) ||
          (first = td_nomination_get (ctx->db, g_array_index (nomination_ids, gint64, 0), error)) == NULL ||
          (round_id = round_id_of (ctx, round_number, first->round_id, error)) == 0 ||
          (tx = td_transaction_begin (ctx->db, error)) == NULL ||
          (id = td_meeting_create (ctx->db, round_id, iso, (gint64 *) member_ids->data, member_ids->len,
                                   (gint64 *) nomination_ids->data, nomination_ids->len, error)) == 0 ||
          (with_details && !td_meeting_set_details (ctx->db, id, place, start, end, chair, secretary, error)) ||
          !td_transaction_commit (tx, error))
        return 1;
      if (ctx->json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          json_builder_begin_object (b);
          TD_CLI_SET_INT (b, "id", id);
          json_builder_end_object (b);
          td_cli_print_builder (b);
        }
      else
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          printf (_("Meeting %s created.\n"), id_text);
        }
      return 0;
    }
  if (argc != 3 || !parse_id (argv[2], &id, error))
    return td_cli_usage_error (error, _("meeting needs list, show ID, create, details ID, vote ID or close ID"));
  if (!td_cli_open (ctx, error))
    return 1;
  if (g_str_equal (verb, "details"))
    {
      if (!with_details)
        return td_cli_usage_error (error, _("meeting details needs --place, --start, --end, --chair and --secretary"));
      return td_meeting_set_details (ctx->db, id, place, start, end, chair, secretary, error) ? 0 : 1;
    }
  if (g_str_equal (verb, "show"))
    return meeting_show (ctx, id, error);
  if (g_str_equal (verb, "close"))
    return td_meeting_close (ctx->db, id, error) ? meeting_show (ctx, id, error) : 1;
  if (g_str_equal (verb, "vote"))
    {
      g_autoptr(TdTransaction) tx = NULL;

      if (nomination <= 0 || agree < 0 || disagree < 0 || abstain < 0)
        return td_cli_usage_error (error, _("meeting vote needs --nomination N, --agree A, --disagree D and --abstain X"));
      /* The ballot and the written opinions of the absent, together. */
      return (tx = td_transaction_begin (ctx->db, error)) != NULL &&
             td_meeting_vote (ctx->db, id, nomination, (guint) agree, (guint) disagree, (guint) abstain, error) &&
             td_meeting_record_written (ctx->db, id, nomination, (guint) written_agree, (guint) written_disagree,
                                        error) &&
             td_transaction_commit (tx, error) ? 0 : 1;
    }
  return td_cli_usage_error (error, _("meeting needs list, show ID, create, details ID, vote ID or close ID"));
}
