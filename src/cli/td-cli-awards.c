/* td-cli-awards.c: nominations, decisions and the award register from the command line.
 *
 *   nominations list [--json] | add --unit CODE [--person NAME --position TEXT] --level LEVEL
 *               --achievement TEXT [--proposer CODE] [--round R] | move ID --to STATUS [--reason TEXT]
 *   decision list | create --issuer CODE --level bang-khen|giay-khen --nominations ID,… |
 *            issue ID --number N --date DD/MM/YYYY | withdraw ID --reason TEXT |
 *            render ID -o FILE.pdf | plan --number 17/KH-UBND --date DD/MM/YYYY
 *   register list | search TEXT | export -o FILE.xlsx|csv | print -o FILE.pdf
 *            [--issuer CODE] [--year YYYY]
 *
 * The same core calls as the Khen thưởng area, so the same rules refuse the same things. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-award-book-pdf.h"
#include "td-cli.h"
#include "td-decision-pdf.h"
#include "td-table-export.h"

static gboolean
parse_id (const char  *text,
          gint64      *id,
          GError     **error)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not an id; “thidua-cli decision list” and “thidua-cli nominations list” show them."),
                   text ? text : "");
      return FALSE;
    }
  *id = (gint64) v;
  return TRUE;
}

gboolean
td_cli_keep_nominations (GPtrArray   *nominations,
                         const char  *ids,
                         GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (ids, ",", -1);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; parts[i]; i++)
    {
      gint64 id;
      gboolean found = FALSE;

      if (!parse_id (g_strstrip (parts[i]), &id, error))
        return FALSE;
      for (guint k = 0; k < nominations->len && !found; k++)
        found = ((TdNomination *) nominations->pdata[k])->id == id;
      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Nomination %s is not among the decision's awardees."), parts[i]);
          return FALSE;
        }
      g_hash_table_add (wanted, g_memdup2 (&id, sizeof id));
    }
  for (guint k = nominations->len; k > 0; k--)
    if (!g_hash_table_contains (wanted, &((TdNomination *) nominations->pdata[k - 1])->id))
      g_ptr_array_remove_index (nominations, k - 1);
  return TRUE;
}

/* ISO from "dd/mm/yyyy"; NULL with the parser's message otherwise. */
static char *
parse_date (const char  *text,
            GError     **error)
{
  return td_parse_date (text ? text : "", error);
}



/* nominations */

static int
nominations_list (TdCliContext  *ctx,
                  GError       **error)
{
  g_autoptr(GPtrArray) list = td_nomination_list (ctx->db, 0, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (list == NULL)
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    {
      TdNomination *n = list->pdata[i];

      if (!ctx->json)
        {
          printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", n->id, td_nomination_get_name (n), n->unit_code,
                  td_award_level_get_label (n->level), td_nomination_status_get_label (n->status),
                  n->proposer_name ? n->proposer_name : "");
          continue;
        }
      json_builder_begin_object (b);
      TD_CLI_SET_INT (b, "id", n->id);
      TD_CLI_SET_STRING (b, "subject", n->individual ? "individual" : "collective");
      TD_CLI_SET_STRING (b, "name", td_nomination_get_name (n));
      TD_CLI_SET_STRING (b, "position", n->person_position);
      TD_CLI_SET_STRING (b, "unit", n->unit_code);
      TD_CLI_SET_STRING (b, "proposer", n->proposer_name);
      TD_CLI_SET_STRING (b, "level", td_award_level_to_string (n->level));
      TD_CLI_SET_STRING (b, "status", td_nomination_status_to_string (n->status));
      TD_CLI_SET_STRING (b, "reason", n->status_reason);
      json_builder_set_member_name (b, "decision");
      if (n->decision_id)
        json_builder_add_int_value (b, n->decision_id);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (ctx->json)
    td_cli_print_builder (b);
  return 0;
}

/* The round a nomination goes into: --round, or the latest round of the campaign. */
static gint64
round_for (TdCliContext  *ctx,
           int            number,
           GError       **error)
{
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(TdRound) round = NULL;
  guint n;

  if (number > 0)
    {
      round = td_catalog_find_round (ctx->db, (guint) number, error);
      return round ? td_round_get_id (round) : 0;
    }
  rounds = td_catalog_list_rounds (ctx->db, error);
  if (rounds == NULL || (n = g_list_model_get_n_items (rounds)) == 0)
    return 0;
  round = g_list_model_get_item (rounds, n - 1);
  return td_round_get_id (round);
}

static int
nominations_add (TdCliContext  *ctx,
                 const char    *unit_code,
                 const char    *person,
                 const char    *position,
                 const char    *level_name,
                 const char    *achievement,
                 const char    *proposer_code,
                 int            round_number,
                 GError       **error)
{
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdUnit) proposer = NULL;
  TdNominationSpec spec = { 0 };
  gint64 id;

  if (unit_code == NULL || level_name == NULL || achievement == NULL ||
      !td_award_level_from_string (level_name, &spec.level))
    return td_cli_usage_error (error, _("nominations add needs --unit CODE, --level bang-khen|giay-khen and "
                                        "--achievement TEXT"));
  if ((unit = td_catalog_find_unit (ctx->db, unit_code, error)) == NULL ||
      (proposer = td_catalog_find_unit (ctx->db, proposer_code ? proposer_code : unit_code, error)) == NULL ||
      (spec.round_id = round_for (ctx, round_number, error)) == 0)
    return 1;
  spec.individual = person != NULL;
  spec.unit_id = td_unit_get_id (unit);
  spec.proposer_id = td_unit_get_id (proposer);
  spec.person_name = person;
  spec.person_position = position;
  spec.achievement = achievement;
  spec.standards_attested = TRUE;
  id = td_nomination_create (ctx->db, &spec, error);
  if (id == 0)
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
      g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      printf (_("Nomination %s proposed.\n"), shown);
    }
  return 0;
}

int
td_cli_nominations (TdCliContext  *ctx,
                    int            argc,
                    char         **argv,
                    GError       **error)
{
  g_autofree char *unit = NULL, *person = NULL, *position = NULL, *level = NULL, *achievement = NULL;
  g_autofree char *proposer = NULL, *to = NULL, *reason = NULL;
  int status = 0, round_number = 0;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("The collective, or the individual's unit (add)"), N_("CODE") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The individual's name; none for a collective (add)"), N_("NAME") },
    { "position", 0, 0, G_OPTION_ARG_STRING, &position, N_("The individual's position (add)"), N_("TEXT") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, N_("bang-khen or giay-khen (add)"), N_("LEVEL") },
    { "achievement", 0, 0, G_OPTION_ARG_STRING, &achievement, N_("The achievement, as the certificate prints it (add)"),
      N_("TEXT") },
    { "proposer", 0, 0, G_OPTION_ARG_STRING, &proposer, N_("The proposing unit (add; default: the unit)"), N_("CODE") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("The round (add; default: the last)"), N_("R") },
    /* The options of the old "move", hidden: a script that still uses them is told how a
     * nomination moves now, not that an option is unknown. */
    { "to", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { "reason", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };
  const char *verb;

  if (!td_cli_parse (ctx, "nominations", N_("list | add"), entries, &argc, &argv, &status, error))
    return status;
  verb = argc >= 2 ? argv[1] : "";
  if (g_str_equal (verb, "list") && argc == 2)
    return td_cli_open (ctx, error) ? nominations_list (ctx, error) : 1;
  if (g_str_equal (verb, "add") && argc == 2)
    return td_cli_open (ctx, error)
           ? nominations_add (ctx, unit, person, position, level, achievement, proposer, round_number, error) : 1;
  /* A status is never set by hand: each move is a step, by the body the step names. */
  if (g_str_equal (verb, "move"))
    return td_cli_usage_error (error, _("A nomination moves only by its appraisal steps, each by the body the step "
                                        "names: thidua-cli nomination step ID --as CODE --approve (or --return "
                                        "--reason TEXT); see thidua-cli nomination check ID."));
  return td_cli_usage_error (error, _("nominations needs list or add"));
}


/* decision */

static int
decision_list (TdCliContext  *ctx,
               GError       **error)
{
  g_autoptr(GPtrArray) decisions = td_decision_list (ctx->db, 0, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (decisions == NULL)
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < decisions->len; i++)
    {
      TdDecision *d = decisions->pdata[i];
      g_autoptr(GPtrArray) awardees = td_decision_list_awardees (ctx->db, d->id, error);
      g_autofree char *number = td_decision_format_number (d);
      g_autofree char *date = td_format_date (d->signed_on);
      guint sheets = 0, reprinted = 0;

      if (awardees == NULL || !td_award_book_count_prints (ctx->db, d->id, &sheets, &reprinted, error))
        return 1;
      if (!ctx->json)
        {
          printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%u\t%s\n", d->id, number, date ? date : "—",
                  d->issuer_code ? d->issuer_code : _("province"), td_award_level_get_label (d->level),
                  awardees->len, td_decision_status_get_label (d->status));
          continue;
        }
      json_builder_begin_object (b);
      TD_CLI_SET_INT (b, "id", d->id);
      TD_CLI_SET_STRING (b, "number", number);
      TD_CLI_SET_STRING (b, "signed_on", d->signed_on);
      TD_CLI_SET_STRING (b, "issuer", d->issuer_code);
      TD_CLI_SET_STRING (b, "level", td_award_level_to_string (d->level));
      TD_CLI_SET_STRING (b, "status", td_decision_status_to_string (d->status));
      TD_CLI_SET_STRING (b, "withdrawn_because", d->status_reason);
      TD_CLI_SET_INT (b, "awardees", awardees->len);
      json_builder_set_member_name (b, "draft");
      json_builder_add_boolean_value (b, td_decision_is_draft (d));
      TD_CLI_SET_STRING (b, "summary", d->summary);
      TD_CLI_SET_INT (b, "blanks_used", sheets);
      TD_CLI_SET_INT (b, "blanks_reprinted", reprinted);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (ctx->json)
    td_cli_print_builder (b);
  return 0;
}

static int
decision_create (TdCliContext  *ctx,
                 const char    *issuer,
                 const char    *level_name,
                 const char    *ids,
                 gint64         round_number,
                 GError       **error)
{
  g_autoptr(TdDecision) d = NULL;
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) parts = NULL;
  TdAwardLevel level;
  gint64 id, round_id = 0;

  if (level_name == NULL || !td_award_level_from_string (level_name, &level) || ids == NULL)
    return td_cli_usage_error (error, _("decision create needs --level bang-khen|giay-khen and --nominations ID,…"));
  /* The province issues the Bằng khen; --issuer names the unit of a Giấy khen. */
  if (level == TD_AWARD_BANG_KHEN && issuer != NULL)
    {
      g_autoptr(TdUnit) unit = td_catalog_find_unit (ctx->db, issuer, NULL);
      if (unit == NULL || td_unit_get_kind (unit) != TD_UNIT_KIND_PROVINCE)
        return td_cli_usage_error (error, _("The Bằng khen is the province Chairman's: leave out --issuer, or name the "
                                            "province's own unit."));
      issuer = NULL;
    }
  if (level == TD_AWARD_GIAY_KHEN && issuer == NULL)
    return td_cli_usage_error (error, _("A Giấy khen needs --issuer CODE: the unit whose head gives it."));
  d = td_decision_new_for_issuer (ctx->db, issuer, error);
  if (d == NULL)
    return 1;
  parts = g_strsplit (ids, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_autoptr(TdNomination) n = NULL;

      if (!parse_id (g_strstrip (parts[i]), &id, error))
        return 2;
      if ((n = td_nomination_get (ctx->db, id, error)) == NULL)
        return 1;
      if (round_id == 0)
        round_id = n->round_id;
      g_array_append_val (chosen, id);
    }
  if (round_number > 0)
    {
      g_autoptr(TdRound) round = td_catalog_find_round (ctx->db, (guint) round_number, error);
      if (round == NULL)
        return 1;
      round_id = td_round_get_id (round);
    }
  d->round_id = round_id;
  id = td_decision_create (ctx->db, d, (gint64 *) chosen->data, chosen->len, error);
  if (id == 0)
    return 1;
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      TD_CLI_SET_INT (b, "id", id);
      TD_CLI_SET_STRING (b, "status", "draft");
      json_builder_end_object (b);
      td_cli_print_builder (b);
    }
  else
    {
      g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      printf (_("Decision %s drafted with %u awardees: %s\n"), shown, chosen->len, d->summary);
    }
  return 0;
}

static int
decision_issue (TdCliContext  *ctx,
                gint64         id,
                const char    *number,
                const char    *date,
                GError       **error)
{
  g_autofree char *iso = NULL;
  g_autoptr(TdDecision) d = NULL;
  g_autoptr(GHashTable) numbers = NULL;

  if (number == NULL || date == NULL)
    return td_cli_usage_error (error, _("decision issue needs --number N and --date DD/MM/YYYY"));
  if ((iso = parse_date (date, error)) == NULL)
    return 2;
  if (!td_decision_issue (ctx->db, id, number, iso, error) ||
      (d = td_decision_load (ctx->db, id, error)) == NULL ||
      (numbers = td_award_book_numbers_for_decision (ctx->db, id, error)) == NULL)
    return 1;
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autofree char *shown = td_decision_format_number (d);
      GHashTableIter iter;
      gpointer key, value;

      json_builder_begin_object (b);
      TD_CLI_SET_INT (b, "id", id);
      TD_CLI_SET_STRING (b, "number", shown);
      TD_CLI_SET_STRING (b, "signed_on", d->signed_on);
      json_builder_set_member_name (b, "register");
      json_builder_begin_object (b);
      g_hash_table_iter_init (&iter, numbers);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) key);
          TD_CLI_SET_STRING (b, name, value);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
      td_cli_print_builder (b);
    }
  else
    {
      g_autofree char *shown = td_decision_format_number (d);
      printf (_("Decision %s issued; %u register numbers given.\n"), shown, g_hash_table_size (numbers));
    }
  return 0;
}

static int
decision_render (TdCliContext  *ctx,
                 gint64         id,
                 const char    *output,
                 GError       **error)
{
  g_autoptr(TdDecision) decision = NULL;
  g_autoptr(GPtrArray) awardees = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (output == NULL)
    return td_cli_usage_error (error, _("decision render needs -o FILE.pdf"));
  if ((decision = td_decision_load (ctx->db, id, error)) == NULL ||
      (awardees = td_decision_list_awardees (ctx->db, id, error)) == NULL)
    return 1;
  td_cli_note_font ();
  pdf = td_decision_render_pdf (decision, awardees, error);
  if (pdf == NULL || !td_cli_write_bytes (output, pdf, error))
    return 1;
  printf (_("%s: decision with %u awardees\n"), output, awardees->len);
  return 0;
}

int
td_cli_decision (TdCliContext  *ctx,
                 int            argc,
                 char         **argv,
                 GError       **error)
{
  g_autofree char *output = NULL, *issuer = NULL, *level = NULL, *ids = NULL;
  g_autofree char *number = NULL, *date = NULL, *reason = NULL;
  int status = 0, round_number = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write (render)"), N_("FILE") },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &issuer, N_("The unit whose head gives the Giấy khen (create)"), N_("CODE") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, N_("bang-khen or giay-khen (create)"), N_("LEVEL") },
    { "nominations", 0, 0, G_OPTION_ARG_STRING, &ids, N_("The approved nominations it grants (create)"), N_("ID,…") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("The round (create; default: the nominations')"), N_("R") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, N_("The decision's number (issue), or the plan's (plan)"), N_("N") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date it was signed (issue, plan)"), N_("DD/MM/YYYY") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is withdrawn (withdraw)"), N_("TEXT") },
    { NULL }
  };
  const char *verb;
  gint64 id = 0;

  if (!td_cli_parse (ctx, "decision", N_("list | create | issue ID | withdraw ID | render ID | plan"), entries,
                     &argc, &argv, &status, error))
    return status;
  verb = argc >= 2 ? argv[1] : "";
  if (g_str_equal (verb, "list") && argc == 2)
    return td_cli_open (ctx, error) ? decision_list (ctx, error) : 1;
  if (g_str_equal (verb, "create") && argc == 2)
    return td_cli_open (ctx, error) ? decision_create (ctx, issuer, level, ids, round_number, error) : 1;
  if (g_str_equal (verb, "plan") && argc == 2)
    {
      g_autofree char *iso = NULL;
      if (number == NULL || date == NULL)
        return td_cli_usage_error (error, _("decision plan needs --number 17/KH-UBND and --date DD/MM/YYYY"));
      if ((iso = parse_date (date, error)) == NULL)
        return 2;
      return td_cli_open (ctx, error) && td_decision_set_plan (ctx->db, number, iso, error) ? 0 : 1;
    }
  if (argc == 3 && (g_str_equal (verb, "issue") || g_str_equal (verb, "withdraw") || g_str_equal (verb, "render")))
    {
      if (!parse_id (argv[2], &id, error))
        return 2;
      if (!td_cli_open (ctx, error))
        return 1;
      if (g_str_equal (verb, "issue"))
        return decision_issue (ctx, id, number, date, error);
      if (g_str_equal (verb, "render"))
        return decision_render (ctx, id, output, error);
      if (!td_decision_withdraw (ctx->db, id, reason, error))
        return 1;
      printf (_("Decision %s withdrawn; its register numbers stay, cancelled.\n"), argv[2]);
      return 0;
    }
  return td_cli_usage_error (error, _("decision needs list, create, issue ID, withdraw ID, render ID or plan"));
}


/* register */

int
td_cli_register (TdCliContext  *ctx,
                 int            argc,
                 char         **argv,
                 GError       **error)
{
  g_autofree char *output = NULL, *issuer = NULL;
  int status = 0, year = 0;
  GOptionEntry entries[] = {
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &issuer, N_("Only this issuer's book (“province” for the Bằng khen)"), N_("CODE") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("Only this year"), N_("YYYY") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (export: .xlsx or .csv; print: .pdf)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GPtrArray) entries_found = NULL;
  TdAwardQuery q = { 0 };
  const char *verb;

  if (!td_cli_parse (ctx, "register", N_("list | search TEXT | export -o FILE | print -o FILE.pdf"), entries,
                     &argc, &argv, &status, error))
    return status;
  verb = argc >= 2 ? argv[1] : "";
  if (!((g_str_equal (verb, "list") && argc == 2) || (g_str_equal (verb, "search") && argc == 3) ||
        ((g_str_equal (verb, "export") || g_str_equal (verb, "print")) && argc == 2 && output != NULL)))
    return td_cli_usage_error (error, _("register needs list, search TEXT, export -o FILE or print -o FILE.pdf"));
  if (!td_cli_open (ctx, error))
    return 1;
  q.issuer = issuer && g_str_equal (issuer, "province") ? "" : issuer;
  q.year = year;
  q.text = g_str_equal (verb, "search") ? argv[2] : NULL;
  entries_found = td_award_book_list (ctx->db, &q, error);
  if (entries_found == NULL)
    return 1;

  if (g_str_equal (verb, "export"))
    {
      g_autoptr(GPtrArray) rows = td_award_book_rows (entries_found);
      if (!td_table_write (output, "Sổ khen thưởng", td_award_book_header (), rows, error))
        return 1;
      printf (_("%s: %u entries\n"), output, entries_found->len);
      return 0;
    }
  if (g_str_equal (verb, "print"))
    {
      g_autofree char *line = year ? g_strdup_printf ("Năm %d", year) : g_strdup ("Tất cả các năm");
      g_autoptr(GBytes) pdf = td_award_book_render_pdf (entries_found, line, error);
      if (pdf == NULL || !td_cli_write_bytes (output, pdf, error))
        return 1;
      printf (_("%s: %u entries\n"), output, entries_found->len);
      return 0;
    }
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_array (b);
      for (guint i = 0; i < entries_found->len; i++)
        {
          TdAwardEntry *e = entries_found->pdata[i];
          g_autofree char *number = td_award_entry_format_number (e);

          json_builder_begin_object (b);
          TD_CLI_SET_STRING (b, "number", number);
          TD_CLI_SET_STRING (b, "issuer", *e->issuer_code ? e->issuer_code : NULL);
          TD_CLI_SET_INT (b, "year", e->year);
          TD_CLI_SET_STRING (b, "name", e->name);
          TD_CLI_SET_STRING (b, "position", e->position);
          TD_CLI_SET_STRING (b, "unit", e->unit_code);
          TD_CLI_SET_STRING (b, "level", td_award_level_to_string (e->level));
          TD_CLI_SET_INT (b, "decision", e->decision_id);
          TD_CLI_SET_STRING (b, "decision_number", e->decision_number);
          TD_CLI_SET_STRING (b, "signed_on", e->signed_on);
          TD_CLI_SET_INT (b, "nomination", e->nomination_id);
          json_builder_set_member_name (b, "cancelled");
          json_builder_add_boolean_value (b, e->cancelled);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      td_cli_print_builder (b);
      return 0;
    }
  for (guint i = 0; i < entries_found->len; i++)
    {
      TdAwardEntry *e = entries_found->pdata[i];
      g_autofree char *number = td_award_entry_format_number (e);

      printf ("%s\t%s\t%s\t%s\t%s\t%s%s\n", *e->issuer_code ? e->issuer_code : _("province"), number, e->name,
              td_award_level_get_label (e->level), e->decision_number, e->unit_name,
              e->cancelled ? _("\t(cancelled)") : "");
    }
  return 0;
}
