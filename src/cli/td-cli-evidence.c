/* td-cli-evidence.c: a self-assessment's evidence files from the command line, as the form and
 * the review area handle them.
 *
 *   evidence list --unit CODE --round R
 *   evidence attach FILE.pdf --unit CODE --round R (--target N | --standard CODE)
 *   evidence remove ID
 *   evidence replace ID FILE.pdf
 *   evidence verdict ID --verdict accepted|needs-more|rejected|unreviewed [--comment TEXT]
 *
 * Every file is checked as the form checks it (a PDF whose every page the PDF helper draws,
 * within the size limit), and nothing changes once the self-assessment is submitted. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"

static gboolean
parse_evidence_id (const char  *text,
                   gint64      *id,
                   GError     **error)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not an evidence id; “thidua-cli evidence list” shows them."), text ? text : "");
      return FALSE;
    }
  *id = (gint64) v;
  return TRUE;
}

/* @targets and @standards read once by the caller: a list of evidence asks nothing per row. */
static void
add_evidence (JsonBuilder          *b,
              GListModel           *targets,
              GPtrArray            *standards,
              const TdEvidenceInfo *e)
{
  g_autoptr(TdTarget) target = NULL;
  const char *standard = NULL;

  for (guint i = 0; e->owner.target_id && targets && i < g_list_model_get_n_items (targets) && target == NULL; i++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (targets, i);
      if (td_target_get_id (t) == e->owner.target_id)
        target = g_steal_pointer (&t);
    }
  for (guint i = 0; e->owner.standard_id && standards && i < standards->len; i++)
    if (((TdStandard *) standards->pdata[i])->id == e->owner.standard_id)
      standard = ((TdStandard *) standards->pdata[i])->code;
  json_builder_begin_object (b);
  TD_CLI_SET_INT (b, "id", e->id);
  json_builder_set_member_name (b, "target");
  if (target)
    json_builder_add_int_value (b, td_target_get_number (target));
  else
    json_builder_add_null_value (b);
  TD_CLI_SET_STRING (b, "standard", standard);
  TD_CLI_SET_STRING (b, "file_name", e->file_name);
  TD_CLI_SET_INT (b, "pages", e->page_count);
  TD_CLI_SET_INT (b, "size", e->size);
  TD_CLI_SET_STRING (b, "sha256", e->sha256);
  TD_CLI_SET_STRING (b, "added_at", e->added_at);
  TD_CLI_SET_STRING (b, "verdict", td_verdict_to_string (e->verdict));
  TD_CLI_SET_STRING (b, "comment", e->verdict_comment);
  TD_CLI_SET_STRING (b, "display_problem", e->display_problem);
  json_builder_end_object (b);
}

static void
print_one (TdCliContext         *ctx,
           const char           *message,
           const TdEvidenceInfo *e)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(GPtrArray) standards = NULL;

  if (!ctx->json)
    {
      printf ("%s\n", message);
      return;
    }
  targets = td_catalog_list_targets (ctx->db, NULL);
  standards = td_catalog_list_standards (ctx->db, FALSE, TRUE, NULL);
  add_evidence (b, targets, standards, e);
  td_cli_print_builder (b);
}

static GBytes *
read_pdf (const char  *path,
          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return g_file_load_bytes (file, NULL, NULL, error);
}

static gsize
size_limit (void)
{
  /* The form's limit (Preferences ▸ Evidence), read from the same settings when they exist. */
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, "io.github.thidua.ThiDua", TRUE) : NULL;
  g_autoptr(GSettings) settings = schema ? g_settings_new ("io.github.thidua.ThiDua") : NULL;

  return settings ? (gsize) g_settings_get_int (settings, "evidence-max-mb") * 1024 * 1024 : 0;
}

static int
evidence_list (TdCliContext  *ctx,
               TdUnit        *unit,
               TdRound       *round,
               GError       **error)
{
  g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (ctx->db, td_unit_get_id (unit), td_round_get_id (round), NULL);
  g_autoptr(GPtrArray) list = info ? td_evidence_list_for_assessment (ctx->db, info->id, error) : g_ptr_array_new ();
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GListModel) targets = td_catalog_list_targets (ctx->db, NULL);
  g_autoptr(GPtrArray) standards = td_catalog_list_standards (ctx->db, FALSE, TRUE, NULL);

  if (list == NULL)
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    {
      TdEvidenceInfo *e = list->pdata[i];

      add_evidence (b, targets, standards, e);
      if (!ctx->json)
        printf ("%5" G_GINT64_FORMAT "  %-10s  %3d  %s\n", e->id, td_verdict_to_string (e->verdict), e->page_count,
                e->file_name);
    }
  json_builder_end_array (b);
  if (ctx->json)
    td_cli_print_builder (b);
  else if (list->len == 0)
    printf ("%s\n", _("No evidence attached."));
  return 0;
}

static int
evidence_attach (TdCliContext  *ctx,
                 const char    *path,
                 TdUnit        *unit,
                 TdRound       *round,
                 int            target_number,
                 const char    *standard_code,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = read_pdf (path, error);
  g_autoptr(TdEvidenceInfo) e = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *message = NULL;
  TdEvidenceOwner owner = { 0 };
  g_autoptr(TdAssessmentInfo) info = NULL;
  gint64 id;

  if (bytes == NULL)
    return 1;
  if (target_number > 0)
    {
      g_autoptr(TdTarget) target = td_catalog_find_target (ctx->db, (guint) target_number, error);

      if (target == NULL)
        return 1;
      if (!td_target_is_reported_by (target, td_unit_get_kind (unit)))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s does not report target %d: its evidence has nowhere to go."), td_unit_get_name (unit),
                       target_number);
          return 1;
        }
      owner.target_id = td_target_get_id (target);
    }
  else
    {
      g_autoptr(GPtrArray) standards = td_catalog_list_standards (ctx->db, FALSE, FALSE, error);

      for (guint i = 0; standards && i < standards->len; i++)
        if (g_str_equal (((TdStandard *) standards->pdata[i])->code, standard_code))
          owner.standard_id = ((TdStandard *) standards->pdata[i])->id;
      if (standards == NULL)
        return 1;
      if (owner.standard_id == 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a standard of the campaign."), standard_code);
          return 1;
        }
    }
  info = td_assessment_lookup (ctx->db, td_unit_get_id (unit), td_round_get_id (round), NULL);
  if (info != NULL && !td_assessment_status_is_editable (info->status))
    {
      g_set_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_READ_ONLY,
                   _("The self-assessment is submitted: withdraw it before attaching more evidence."));
      return 1;
    }
  owner.assessment_id = info ? info->id : td_assessment_ensure (ctx->db, td_unit_get_id (unit), td_round_get_id (round), error);
  if (owner.assessment_id == 0)
    return 1;
  id = td_evidence_attach (ctx->db, bytes, base, &owner, size_limit (), error);
  if (id == 0 || (e = td_evidence_get (ctx->db, id, error)) == NULL)
    {
      if (error && *error)
        g_prefix_error (error, "%s: ", base);
      return 1;
    }
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    message = g_strdup_printf (_("Attached “%s” as evidence %s."), e->file_name, number);
  }
  print_one (ctx, message, e);
  return 0;
}

int
td_cli_evidence (TdCliContext  *ctx,
                 int            argc,
                 char         **argv,
                 GError       **error)
{
  g_autofree char *unit_code = NULL;
  g_autofree char *standard = NULL;
  g_autofree char *verdict_text = NULL;
  g_autofree char *comment = NULL;
  int round_number = 0, target_number = 0;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("The unit (its code) (list, attach)"), N_("CODE") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("The round (list, attach)"), N_("R") },
    { "target", 't', 0, G_OPTION_ARG_INT, &target_number, N_("The target the file proves (attach)"), N_("N") },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &standard, N_("The standard the file proves (attach)"), N_("CODE") },
    { "verdict", 0, 0, G_OPTION_ARG_STRING, &verdict_text, N_("accepted, needs-more, rejected or unreviewed (verdict)"),
      N_("VERDICT") },
    { "comment", 'c', 0, G_OPTION_ARG_STRING, &comment, N_("What the unit must do, required for needs-more and rejected (verdict)"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  const char *verb;
  gint64 id = 0;
  int status = 0;

  if (!td_cli_parse (ctx, "evidence", N_("list | attach FILE | remove ID | replace ID FILE | verdict ID"), entries,
                     &argc, &argv, &status, error))
    return status;
  verb = argc > 1 ? argv[1] : "";
  if (g_str_equal (verb, "list") || g_str_equal (verb, "attach"))
    {
      gboolean attach = g_str_equal (verb, "attach");

      if (unit_code == NULL || round_number < 1 || (attach && (argc != 3 || (target_number > 0) == (standard != NULL))) ||
          (!attach && argc != 2))
        return td_cli_usage_error (error, attach
                                   ? _("evidence attach needs FILE --unit CODE --round R and either --target N or --standard CODE")
                                   : _("evidence list needs --unit CODE --round R"));
      if (!td_cli_open (ctx, error) ||
          (unit = td_catalog_find_unit (ctx->db, unit_code, error)) == NULL ||
          (round = td_catalog_find_round (ctx->db, (guint) round_number, error)) == NULL)
        return 1;
      return attach ? evidence_attach (ctx, argv[2], unit, round, target_number, standard, error)
                    : evidence_list (ctx, unit, round, error);
    }
  if ((g_str_equal (verb, "remove") && argc == 3) || (g_str_equal (verb, "replace") && argc == 4) ||
      (g_str_equal (verb, "verdict") && argc == 3))
    {
      g_autoptr(TdEvidenceInfo) old = NULL;
      g_autoptr(TdEvidenceInfo) now = NULL;
      g_autofree char *message = NULL;
      g_autofree char *number = NULL;

      if (!parse_evidence_id (argv[2], &id, error))
        return 2;
      number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      if (!td_cli_open (ctx, error))
        return 1;
      if (g_str_equal (verb, "remove"))
        {
          if (!td_evidence_remove (ctx->db, id, &old, error))
            return 1;
          message = g_strdup_printf (_("Removed “%s” (evidence %s)."), old->file_name, number);
          print_one (ctx, message, old);
          return 0;
        }
      if (g_str_equal (verb, "replace"))
        {
          g_autoptr(GBytes) bytes = read_pdf (argv[3], error);
          g_autofree char *base = g_path_get_basename (argv[3]);
          gint64 new_id;

          if (bytes == NULL)
            return 1;
          new_id = td_evidence_replace (ctx->db, id, bytes, base, size_limit (), &old, error);
          if (new_id == 0 || (now = td_evidence_get (ctx->db, new_id, error)) == NULL)
            return 1;
          g_free (number);
          number = g_strdup_printf ("%" G_GINT64_FORMAT, new_id);
          message = old ? g_strdup_printf (_("Replaced “%s” with “%s” (now evidence %s)."),
                                           old->file_name, now->file_name, number)
                        : g_strdup (_("The file given is the one already attached: nothing changed."));
          print_one (ctx, message, now);
          return 0;
        }
      {
        TdVerdict verdict;

        if (verdict_text == NULL || !td_verdict_from_string (verdict_text, &verdict))
          return td_cli_usage_error (error, _("evidence verdict needs --verdict accepted, needs-more, rejected or unreviewed"));
        if (!td_evidence_set_verdict (ctx->db, id, verdict, comment, error) ||
            (now = td_evidence_get (ctx->db, id, error)) == NULL)
          return 1;
        message = g_strdup_printf (_("Evidence %s (“%s”): %s."), number, now->file_name,
                                   td_verdict_get_label (verdict));
        print_one (ctx, message, now);
        return 0;
      }
    }
  return td_cli_usage_error (error, _("evidence needs list, attach FILE, remove ID, replace ID FILE or verdict ID"));
}
