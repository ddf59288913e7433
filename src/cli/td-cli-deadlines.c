/* td-cli-deadlines.c: deadlines, who has sent what, and the reminder letter.
 *
 *   deadlines list [--round R] | set --round R [--assessment DATE] [--proposal DATE] [--grace N]
 *             [--late-blocks-awards yes|no] --reason TEXT
 *           | except --unit CODE --round R --until DATE --reason TEXT | unexcept --unit CODE --round R --reason TEXT
 *   completeness --round R [--kind K] [--parent CODE] [--units A,B] [--today DATE]
 *   remind --round R [--before DATE] [--with-late] [--kind K] [--parent CODE] -o FILE.pdf [--contacts FILE.csv|.xlsx] */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"
#include "td-reminder-pdf.h"
#include "td-table-export.h"

static char *
date_or_dash (const char *iso)
{
  char *d = td_format_date (iso);

  return d ? d : g_strdup ("—");
}

/* deadlines */

static void
deadlines_json (JsonBuilder *b,
                TdDeadlines *d,
                GPtrArray   *exceptions)
{
  g_autofree char *closes = td_deadlines_closes_on (d);

  json_builder_begin_object (b);
  TD_CLI_SET_INT (b, "round", d->round_number);
  TD_CLI_SET_STRING (b, "title", d->round_title);
  TD_CLI_SET_STRING (b, "round_day", d->round_day);
  TD_CLI_SET_STRING (b, "assessment_due", d->assessment_due);
  TD_CLI_SET_BOOL (b, "assessment_due_default", d->assessment_default);
  TD_CLI_SET_STRING (b, "proposal_due", d->proposal_due);
  TD_CLI_SET_BOOL (b, "proposal_due_default", d->proposal_default);
  TD_CLI_SET_INT (b, "grace_days", d->grace_days);
  TD_CLI_SET_STRING (b, "closes_on", closes);
  TD_CLI_SET_BOOL (b, "late_blocks_awards", d->late_blocks_awards);
  json_builder_set_member_name (b, "exceptions");
  json_builder_begin_array (b);
  for (guint i = 0; i < exceptions->len; i++)
    {
      TdDeadlineException *x = exceptions->pdata[i];

      json_builder_begin_object (b);
      TD_CLI_SET_STRING (b, "unit", x->unit_code);
      TD_CLI_SET_STRING (b, "until", x->until);
      TD_CLI_SET_STRING (b, "reason", x->reason);
      TD_CLI_SET_STRING (b, "granted_at", x->granted_at);
      TD_CLI_SET_STRING (b, "granted_by", x->granted_by);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
deadlines_text (TdDeadlines *d,
                GPtrArray   *exceptions)
{
  g_autofree char *closes_iso = td_deadlines_closes_on (d);
  g_autofree char *day = date_or_dash (d->round_day);
  g_autofree char *assessment = date_or_dash (d->assessment_due);
  g_autofree char *proposal = date_or_dash (d->proposal_due);
  g_autofree char *closes = date_or_dash (closes_iso);

  printf (_("Round %u: %s (%s)\n"), d->round_number, d->round_title, day);
  printf (_("  Self-assessments due: %s%s\n"), assessment, d->assessment_default ? _(" (default)") : "");
  printf (_("  Award proposals due:  %s%s\n"), proposal, d->proposal_default ? _(" (default)") : "");
  printf (g_dngettext (NULL, "  Grace: %d day, on time until %s\n", "  Grace: %d days, on time until %s\n",
                       d->grace_days), d->grace_days, closes);
  printf ("  %s\n", d->late_blocks_awards ? _("A late self-assessment keeps the unit's nominations out of the awards.")
                                          : _("A late self-assessment is marked late and still considered."));
  for (guint i = 0; i < exceptions->len; i++)
    {
      TdDeadlineException *x = exceptions->pdata[i];
      g_autofree char *until = date_or_dash (x->until);
      printf (_("  Exception: %s (%s) until %s: %s\n"), x->unit_code, x->unit_name, until, x->reason);
    }
}

static gboolean
parse_yes_no (const char *text,
              gboolean   *value)
{
  if (g_strcmp0 (text, "yes") == 0 || g_strcmp0 (text, "có") == 0)
    *value = TRUE;
  else if (g_strcmp0 (text, "no") == 0 || g_strcmp0 (text, "không") == 0)
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* A deadline typed on the command line: a date, or "default" for 10 days before the round. */
static gboolean
parse_due (const char  *text,
           char       **iso,
           GError     **error)
{
  *iso = NULL;
  if (g_strcmp0 (text, "default") == 0)
    return TRUE;
  *iso = td_deadline_parse_date (text, error);
  return *iso != NULL;
}

int
td_cli_deadlines (TdCliContext  *ctx,
                  int            argc,
                  char         **argv,
                  GError       **error)
{
  int round_number = 0, grace = -1, status = 0;
  g_autofree char *assessment = NULL, *proposal = NULL, *blocks = NULL, *reason = NULL;
  g_autofree char *unit_code = NULL, *until = NULL;
  GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("Round number (1, 2, …)"), N_("R") },
    { "assessment", 0, 0, G_OPTION_ARG_STRING, &assessment,
      N_("When self-assessments are due (dd/mm/yyyy, or “default”: 10 days before the round's day) (set)"), N_("DATE") },
    { "proposal", 0, 0, G_OPTION_ARG_STRING, &proposal, N_("When award proposals are due (set)"), N_("DATE") },
    { "grace", 0, 0, G_OPTION_ARG_INT, &grace, N_("Days after the deadline still counted on time (set)"), N_("N") },
    { "late-blocks-awards", 0, 0, G_OPTION_ARG_STRING, &blocks,
      N_("Whether a late self-assessment keeps the unit's nominations out of the awards: yes or no (set)"), N_("yes|no") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("The unit given an exception (its code)"), N_("CODE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("The last day the unit may send (except)"), N_("DATE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (kept in the audit log)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *verb;

  if (!td_cli_parse (ctx, "deadlines", N_("list | set | except | unexcept"), entries, &argc, &argv, &status, error))
    return status;
  verb = argc >= 2 ? argv[1] : "list";
  if (argc > 2 || !g_strv_contains ((const char * const[]) { "list", "set", "except", "unexcept", NULL }, verb))
    return td_cli_usage_error (error, _("deadlines needs list, set, except or unexcept"));
  if (!g_str_equal (verb, "list") && round_number <= 0)
    return td_cli_usage_error (error, _("Name the round: --round R (for example --round 2)."));
  if ((g_str_equal (verb, "except") || g_str_equal (verb, "unexcept")) && unit_code == NULL)
    return td_cli_usage_error (error, _("Name the unit: --unit CODE."));
  if (g_str_equal (verb, "except") && until == NULL)
    return td_cli_usage_error (error, _("Say until when the unit may send: --until DD/MM/YYYY."));
  if (g_str_equal (verb, "set") && assessment == NULL && proposal == NULL && grace < 0 && blocks == NULL)
    return td_cli_usage_error (error, _("Say what to change: --assessment, --proposal, --grace or --late-blocks-awards."));
  if (!td_cli_open (ctx, error))
    return 1;
  if (round_number > 0 && (round = td_catalog_find_round (ctx->db, (guint) round_number, error)) == NULL)
    return 1;
  if (unit_code != NULL && (unit = td_catalog_find_unit (ctx->db, unit_code, error)) == NULL)
    return 1;

  if (g_str_equal (verb, "set"))
    {
      g_autofree char *a = NULL, *p = NULL;
      gboolean block = FALSE;
      g_autoptr(TdTransaction) tx = NULL;

      if (blocks != NULL && !parse_yes_no (blocks, &block))
        return td_cli_usage_error (error, _("--late-blocks-awards takes yes or no."));
      if ((assessment && !parse_due (assessment, &a, error)) || (proposal && !parse_due (proposal, &p, error)))
        return 2;
      /* All of it or nothing: one transaction around the changes. */
      if ((tx = td_transaction_begin (ctx->db, error)) == NULL ||
          (assessment && !td_deadlines_set_due (ctx->db, round, TD_DEADLINE_ASSESSMENT, a, reason, error)) ||
          (proposal && !td_deadlines_set_due (ctx->db, round, TD_DEADLINE_PROPOSAL, p, reason, error)) ||
          (grace >= 0 && !td_deadlines_set_grace (ctx->db, round, grace, reason, error)) ||
          (blocks && !td_deadlines_set_blocking (ctx->db, round, block, reason, error)) ||
          !td_transaction_commit (tx, error))
        return 1;
    }
  else if (g_str_equal (verb, "except"))
    {
      g_autofree char *iso = td_deadline_parse_date (until, error);

      if (iso == NULL)
        return 2;
      if (!td_deadlines_except (ctx->db, round, unit, iso, reason, error))
        return 1;
    }
  else if (g_str_equal (verb, "unexcept") && !td_deadlines_unexcept (ctx->db, round, unit, reason, error))
    return 1;

  if ((rounds = td_catalog_list_rounds (ctx->db, error)) == NULL)
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(TdRound) r = g_list_model_get_item (rounds, i);
      g_autoptr(TdDeadlines) d = NULL;
      g_autoptr(GPtrArray) exceptions = NULL;

      if (round != NULL && td_round_get_id (r) != td_round_get_id (round))
        continue;
      if ((d = td_deadlines_get (ctx->db, r, error)) == NULL ||
          (exceptions = td_deadlines_list_exceptions (ctx->db, r, error)) == NULL)
        return 1;
      if (ctx->json)
        deadlines_json (b, d, exceptions);
      else
        deadlines_text (d, exceptions);
    }
  json_builder_end_array (b);
  if (ctx->json)
    td_cli_print_builder (b);
  return 0;
}

/* completeness */

static void
counts_json (JsonBuilder                *b,
             const TdCompletenessCounts *c)
{
  json_builder_begin_object (b);
  TD_CLI_SET_INT (b, "expected", c->expected);
  TD_CLI_SET_INT (b, "sent", c->sent);
  for (int s = 0; s < TD_N_SUBMISSION_STATES; s++)
    TD_CLI_SET_INT (b, td_submission_state_to_string ((TdSubmissionState) s), c->states[s]);
  for (int t = 0; t < TD_N_TIMELINESS; t++)
    TD_CLI_SET_INT (b, td_timeliness_to_string ((TdTimeliness) t), c->timeliness[t]);
  TD_CLI_SET_INT (b, "outdated", c->outdated);
  json_builder_set_member_name (b, "sent_rate");
  json_builder_add_double_value (b, td_completeness_rate (c, c->sent));
  json_builder_set_member_name (b, "on_time_rate");
  json_builder_add_double_value (b, td_completeness_rate (c, c->timeliness[TD_TIMELINESS_ON_TIME] +
                                                              c->timeliness[TD_TIMELINESS_EXCUSED]));
  json_builder_end_object (b);
}

static void
completeness_json (TdCompleteness *c)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  TD_CLI_SET_INT (b, "round", c->deadlines->round_number);
  TD_CLI_SET_STRING (b, "assessment_due", c->deadlines->assessment_due);
  TD_CLI_SET_INT (b, "grace_days", c->deadlines->grace_days);
  TD_CLI_SET_STRING (b, "closes_on", c->closes_on);
  TD_CLI_SET_STRING (b, "today", c->today);
  TD_CLI_SET_INT (b, "board_setup_version", c->board_setup_version);
  json_builder_set_member_name (b, "total");
  counts_json (b, &c->total);
  json_builder_set_member_name (b, "by_kind");
  json_builder_begin_object (b);
  for (int k = 0; k < TD_N_UNIT_KINDS; k++)
    if (c->by_kind[k].expected > 0)
      {
        json_builder_set_member_name (b, td_unit_kind_to_string ((TdUnitKind) k));
        counts_json (b, &c->by_kind[k]);
      }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "by_parent");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->parents->len; i++)
    {
      TdCompletenessGroup *g = c->parents->pdata[i];

      json_builder_begin_object (b);
      TD_CLI_SET_STRING (b, "parent", g->code);
      TD_CLI_SET_STRING (b, "name", g->name);
      json_builder_set_member_name (b, "counts");
      counts_json (b, &g->counts);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "units");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->rows->len; i++)
    {
      TdCompletenessRow *r = c->rows->pdata[i];

      json_builder_begin_object (b);
      TD_CLI_SET_STRING (b, "code", r->code);
      TD_CLI_SET_STRING (b, "name", r->name);
      TD_CLI_SET_STRING (b, "kind", td_unit_kind_to_string (r->kind));
      TD_CLI_SET_STRING (b, "parent", r->parent_code);
      TD_CLI_SET_STRING (b, "state", td_submission_state_to_string (r->state));
      TD_CLI_SET_STRING (b, "timeliness", td_timeliness_to_string (r->timeliness));
      TD_CLI_SET_INT (b, "days_late", r->days_late);
      TD_CLI_SET_INT (b, "revision", r->revision);
      TD_CLI_SET_STRING (b, "submitted_at", r->submitted_at);
      TD_CLI_SET_STRING (b, "received_at", r->received_at);
      TD_CLI_SET_INT (b, "setup_version", r->setup_version);
      TD_CLI_SET_BOOL (b, "outdated", r->outdated);
      TD_CLI_SET_STRING (b, "exception_until", r->exception_until);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  td_cli_print_builder (b);
}

static void
completeness_text (TdCompleteness *c)
{
  g_autofree char *due = date_or_dash (c->deadlines->assessment_due);
  g_autofree char *closes = date_or_dash (c->closes_on);
  g_autofree char *today = date_or_dash (c->today);
  g_autofree char *sent_rate = td_format_percent (td_completeness_rate (&c->total, c->total.sent));

  printf (_("Round %u, self-assessments due %s (on time until %s), as of %s\n"), c->deadlines->round_number, due,
          closes, today);
  printf (_("Sent: %u of %u expected (%s); on time %u, late %u, overdue %u, not sent yet %u\n"), c->total.sent,
          c->total.expected, sent_rate,
          c->total.timeliness[TD_TIMELINESS_ON_TIME] + c->total.timeliness[TD_TIMELINESS_EXCUSED],
          c->total.timeliness[TD_TIMELINESS_LATE], c->total.timeliness[TD_TIMELINESS_OVERDUE],
          c->total.timeliness[TD_TIMELINESS_PENDING]);
  for (int k = 0; k < TD_N_UNIT_KINDS; k++)
    if (c->by_kind[k].expected > 0)
      printf (_("  %s: %u of %u sent, %u late, %u missing\n"), td_unit_kind_get_label ((TdUnitKind) k),
              c->by_kind[k].sent, c->by_kind[k].expected, c->by_kind[k].timeliness[TD_TIMELINESS_LATE],
              c->by_kind[k].expected - c->by_kind[k].sent);
  printf ("\n");
  for (guint i = 0; i < c->rows->len; i++)
    {
      TdCompletenessRow *r = c->rows->pdata[i];
      g_autofree char *sent = td_format_timestamp (r->submitted_at);
      g_autofree char *received = td_format_timestamp (r->received_at);

      printf ("%-14s %-26s %-22s %s%s%s%s%s\n", r->code, td_submission_state_label (r->state),
              td_timeliness_label (r->timeliness), sent ? sent : "", received ? _(" (received ") : "",
              received ? received : "", received ? ")" : "", r->outdated ? _(" — older setup file") : "");
    }
}

static gboolean
make_filter (TdCompletenessFilter  *filter,
             const char            *kind,
             const char            *parent,
             const char            *units,
             GError               **error)
{
  *filter = (TdCompletenessFilter) { 0 };
  if (kind != NULL)
    {
      if (!td_unit_kind_from_string (kind, &filter->kind))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a kind of unit; use department, commune, ward, enterprise, organisation, "
                         "team-commune or team-village."), kind);
          return FALSE;
        }
      filter->has_kind = TRUE;
    }
  filter->parent_code = parent;
  filter->codes = units ? g_strsplit (units, ",", -1) : NULL;
  return TRUE;
}

static TdCompleteness *
compute (TdCliContext  *ctx,
         int            round_number,
         const char    *kind,
         const char    *parent,
         const char    *units,
         const char    *today,
         GError       **error)
{
  TdCompletenessFilter filter;
  g_autofree char *day = NULL;
  TdCompleteness *c;

  if (today != NULL && (day = td_deadline_parse_date (today, error)) == NULL)
    return NULL;
  if (!make_filter (&filter, kind, parent, units, error) || !td_cli_open (ctx, error))
    return NULL;
  c = td_completeness_compute (ctx->db, (guint) round_number, &filter, day, error);
  g_strfreev (filter.codes);
  return c;
}

int
td_cli_completeness (TdCliContext  *ctx,
                     int            argc,
                     char         **argv,
                     GError       **error)
{
  int round_number = 0, status = 0;
  g_autofree char *kind = NULL, *parent = NULL, *units = NULL, *today = NULL;
  GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("Round number (1, 2, …)"), N_("R") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("Only units of this kind (commune, ward, department, …)"), N_("KIND") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent, N_("Only units under this one (its code)"), N_("CODE") },
    { "units", 0, 0, G_OPTION_ARG_STRING, &units, N_("Only these units (codes separated by commas)"), N_("CODES") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Count as of this day instead of today"), N_("DATE") },
    { NULL }
  };
  g_autoptr(TdCompleteness) c = NULL;

  if (!td_cli_parse (ctx, "completeness", NULL, entries, &argc, &argv, &status, error))
    return status;
  if (round_number <= 0)
    return td_cli_usage_error (error, _("completeness needs --round R (for example --round 2)"));
  if ((c = compute (ctx, round_number, kind, parent, units, today, error)) == NULL)
    return 1;
  if (ctx->json)
    completeness_json (c);
  else
    completeness_text (c);
  return 0;
}

/* remind */

int
td_cli_remind (TdCliContext  *ctx,
               int            argc,
               char         **argv,
               GError       **error)
{
  int round_number = 0, status = 0;
  gboolean with_late = FALSE;
  g_autofree char *kind = NULL, *parent = NULL, *units = NULL, *today = NULL, *before = NULL;
  g_autofree char *output = NULL, *contacts = NULL;
  GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("Round number (1, 2, …)"), N_("R") },
    { "before", 0, 0, G_OPTION_ARG_STRING, &before,
      N_("The day the units are asked to send by (default: the deadline, or 5 days from today once it has passed)"),
      N_("DATE") },
    { "with-late", 0, 0, G_OPTION_ARG_NONE, &with_late, N_("List the units that sent late too"), NULL },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("Only units of this kind"), N_("KIND") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent, N_("Only units under this one (its code)"), N_("CODE") },
    { "units", 0, 0, G_OPTION_ARG_STRING, &units, N_("Only these units (codes separated by commas)"), N_("CODES") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Count as of this day instead of today"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The letter (PDF)"), N_("FILE") },
    { "contacts", 0, 0, G_OPTION_ARG_FILENAME, &contacts,
      N_("The same units with their contacts, for calls and e-mails (.csv or .xlsx)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(TdReminder) reminder = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *reply_by = NULL, *day = NULL;
  TdCompletenessFilter filter;
  GPtrArray *rows;

  if (!td_cli_parse (ctx, "remind", NULL, entries, &argc, &argv, &status, error))
    return status;
  if (round_number <= 0 || (output == NULL && contacts == NULL))
    return td_cli_usage_error (error, _("remind needs --round R and -o FILE.pdf (or --contacts FILE.csv)"));
  if ((before != NULL && (reply_by = td_deadline_parse_date (before, error)) == NULL) ||
      (today != NULL && (day = td_deadline_parse_date (today, error)) == NULL) ||
      !make_filter (&filter, kind, parent, units, error))
    return 2;
  if (!td_cli_open (ctx, error))
    {
      g_strfreev (filter.codes);
      return 1;
    }
  reminder = td_reminder_load (ctx->db, (guint) round_number, &filter, day, with_late, reply_by, error);
  g_strfreev (filter.codes);
  if (reminder == NULL)
    return 1;
  rows = reminder->rows;
  if (output != NULL)
    {
      if ((pdf = td_reminder_render_pdf (reminder, error)) == NULL || !td_cli_write_bytes (output, pdf, error))
        return 1;
      td_cli_note_font ();
    }
  if (contacts != NULL)
    {
      g_autoptr(GPtrArray) table = td_reminder_contact_rows (reminder);

      if (!td_table_write (contacts, _("Reminders"), td_reminder_contact_header (), table, error))
        return 1;
    }
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      TD_CLI_SET_STRING (b, "output", output);
      TD_CLI_SET_STRING (b, "contacts", contacts);
      TD_CLI_SET_STRING (b, "reply_by", reminder->reply_by);
      json_builder_set_member_name (b, "units");
      json_builder_begin_array (b);
      for (guint i = 0; i < rows->len; i++)
        json_builder_add_string_value (b, ((TdCompletenessRow *) rows->pdata[i])->code);
      json_builder_end_array (b);
      json_builder_end_object (b);
      td_cli_print_builder (b);
    }
  else
    printf (g_dngettext (NULL, "Reminder to %u unit written.\n", "Reminder to %u units written.\n", rows->len), rows->len);
  return 0;
}
