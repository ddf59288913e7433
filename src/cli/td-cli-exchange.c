/* td-cli-exchange.c: export, import and return of self-assessment packages. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"
#include "td-package.h"

static gsize
evidence_limit (void)
{
  /* The preference's default, 20 MB, as the app uses it unless changed. */
  return 20 * 1024 * 1024;
}

int
td_cli_export (TdCliContext  *ctx,
               int            argc,
               char         **argv,
               GError       **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *output = NULL;
  g_autofree char *pkcs11 = NULL;
  g_autofree char *p12 = NULL;
  g_autofree char *module = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TdSigner) signer = NULL;
  int round = 0, status = 0;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_("The unit (its code)"), N_("CODE") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round, N_("Round number (1, 2, …)"), N_("R") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The package to write (.thidua), or the folder to write it in"), N_("FILE") },
    TD_CLI_SIGN_ENTRIES (pkcs11, module, p12),
    { NULL }
  };

  if (!td_cli_parse (ctx, "export", NULL, entries, &argc, &argv, &status, error))
    return status;
  if (unit == NULL || round <= 0 || output == NULL || (pkcs11 && p12))
    return td_cli_usage_error (error, _("export needs --unit CODE --round R -o FILE, and at most one of --sign-pkcs11 and --sign-p12"));
  if ((path = td_package_resolve_output (output, unit, (guint) round, error)) == NULL || !td_cli_open (ctx, error))
    return 1;
  if ((pkcs11 || p12) && (signer = td_cli_make_signer (pkcs11, module, p12, error)) == NULL)
    return 1;
  if (!td_package_export_signed (ctx->db, unit, (guint) round, path, signer, error))
    return 1;
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, path);
      json_builder_set_member_name (b, "signed_by");
      if (signer)
        json_builder_add_string_value (b, td_signer_get_certificate (signer)->subject);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      td_cli_print_json (root);
    }
  else if (signer)
    printf (_("%s: signed by %s\n"), path, td_signer_get_certificate (signer)->subject);
  else
    printf ("%s\n", path);
  return 0;
}

int
td_cli_return (TdCliContext  *ctx,
               int            argc,
               char         **argv,
               GError       **error)
{
  g_autofree char *unit_code = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *output = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autofree char *pkcs11 = NULL;
  g_autofree char *p12 = NULL;
  g_autofree char *module = NULL;
  g_autoptr(TdSigner) signer = NULL;
  g_autoptr(TdTransaction) tx = NULL;
  int round_number = 0, status = 0;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("The unit (its code)"), N_("CODE") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("Round number (1, 2, …)"), N_("R") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is returned: what the unit must correct"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Also write the package that tells the unit (.thidua), or the folder to write it in"), N_("FILE") },
    TD_CLI_SIGN_ENTRIES (pkcs11, module, p12),
    { NULL }
  };

  if (!td_cli_parse (ctx, "return", NULL, entries, &argc, &argv, &status, error))
    return status;
  if (unit_code == NULL || round_number <= 0 || reason == NULL || (pkcs11 && p12))
    return td_cli_usage_error (error, _("return needs --unit CODE --round R --reason TEXT, and at most one of "
                                        "--sign-pkcs11 and --sign-p12"));
  if ((pkcs11 || p12) && output == NULL)
    return td_cli_usage_error (error, _("--sign-pkcs11 and --sign-p12 sign the return package: give it with -o FILE"));
  if (output != NULL && (path = td_package_resolve_output (output, unit_code, (guint) round_number, error)) == NULL)
    return 1;
  if (!td_cli_open (ctx, error) ||
      (unit = td_catalog_find_unit (ctx->db, unit_code, error)) == NULL ||
      (round = td_catalog_find_round (ctx->db, (guint) round_number, error)) == NULL)
    return 1;
  info = td_assessment_lookup (ctx->db, td_unit_get_id (unit), td_round_get_id (round), error);
  if (info == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_BAD_TRANSITION,
                     _("%s has no self-assessment for this round."), td_unit_get_name (unit));
      return 1;
    }
  /* A unit that takes signed packages only takes the board's signed return only. */
  if (path != NULL && signer == NULL && !(pkcs11 || p12) && !td_trust_get_allow_unsigned (ctx->db))
    return td_cli_usage_error (error, _("The board accepts signed packages only, and so do its units: sign the return "
                                        "with --sign-pkcs11 or --sign-p12"));
  if ((pkcs11 || p12) && (signer = td_cli_make_signer (pkcs11, module, p12, error)) == NULL)
    return 1;
  /* The status and the file that tells the unit, together: no return the unit never hears of. */
  if ((tx = td_transaction_begin (ctx->db, error)) == NULL ||
      !td_assessment_set_status (ctx->db, info->id, TD_ASSESSMENT_RETURNED, reason, NULL, error) ||
      (path != NULL && !td_package_export_signed (ctx->db, unit_code, (guint) round_number, path, signer, error)) ||
      !td_transaction_commit (tx, error))
    return 1;
  if (path != NULL && !ctx->json)
    printf (signer ? _("%s: signed by %s\n") : "%s\n", path,
            signer ? td_signer_get_certificate (signer)->subject : "");
  return 0;
}

static const char *
kind_label (TdImportKind kind)
{
  switch (kind)
    {
    case TD_IMPORT_NEW: return _("new");
    case TD_IMPORT_SAME: return _("same as already received, nothing to do");
    case TD_IMPORT_REVISION: return _("a new revision; the earlier one is kept in the history");
    case TD_IMPORT_RETURNED: return _("returned by the province: open for editing again");
    }
  return "";
}

int
td_cli_import (TdCliContext  *ctx,
               int            argc,
               char         **argv,
               GError       **error)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check and show what would change, change nothing"), NULL },
    { NULL }
  };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) outcomes = NULL;
  guint failed = 0;
  int status = 0;

  if (!td_cli_parse (ctx, "import", N_("FILE… (or a folder)"), entries, &argc, &argv, &status, error))
    return status;
  if (argc < 2)
    return td_cli_usage_error (error, _("import needs at least one .thidua file or folder"));
  if (!td_cli_open (ctx, error))
    return 1;

  /* A folder stands for the packages in it, in name order. */
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          while (dir && (name = g_dir_read_name (dir)) != NULL)
            if (g_str_has_suffix (name, ".thidua"))
              g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
          g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
          if (names->len == 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The folder “%s” holds no .thidua package. Choose the folder the units' files were saved in."),
                           argv[i]);
              return 1;
            }
          for (guint n = 0; n < names->len; n++)
            g_ptr_array_add (files, g_strdup (names->pdata[n]));
        }
      else
        g_ptr_array_add (files, g_strdup (argv[i]));
    }

  g_ptr_array_add (files, NULL);
  outcomes = td_packages_run (ctx->db, (const char * const *) files->pdata, !dry_run, evidence_limit (), NULL, NULL, NULL);
  json_builder_begin_array (b);
  for (guint i = 0; i < outcomes->len; i++)
    {
      TdPackageOutcome *outcome = outcomes->pdata[i];
      const char *path = outcome->path;
      TdPackagePreview *preview = outcome->preview;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, path);
      json_builder_set_member_name (b, "ok");
      json_builder_add_boolean_value (b, preview != NULL);
      if (preview == NULL)
        {
          failed++;
          json_builder_set_member_name (b, "error");
          json_builder_add_string_value (b, outcome->error);
          if (!ctx->json)
            g_printerr ("%s: %s\n", path, outcome->error);
        }
      else
        {
          static const char * const kinds[] = { "new", "same", "revision", "returned" };

          json_builder_set_member_name (b, "unit");
          json_builder_add_string_value (b, preview->unit_code);
          json_builder_set_member_name (b, "round");
          json_builder_add_int_value (b, preview->round_number);
          json_builder_set_member_name (b, "revision");
          json_builder_add_int_value (b, preview->revision);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, kinds[preview->kind]);
          json_builder_set_member_name (b, "signed_by");
          if (preview->signature)
            json_builder_add_string_value (b, preview->signature->signer->subject);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "setup_version");
          json_builder_add_int_value (b, preview->setup_version);
          json_builder_set_member_name (b, "changes");
          json_builder_begin_array (b);
          for (guint c = 0; c < preview->changes->len; c++)
            json_builder_add_string_value (b, preview->changes->pdata[c]);
          json_builder_end_array (b);
          if (!ctx->json)
            {
              printf ("%s: %s (%s), %s %u, %s %d: %s\n", path, preview->unit_name, preview->unit_code, _("round"),
                      preview->round_number, _("revision"), preview->revision, kind_label (preview->kind));
              td_cli_print_signature (preview->signature);
              if (preview->setup_version > 0 && preview->setup_version < preview->board_setup_version)
                printf (_("  works with version %d of the board's setup; the newest is %d: send the unit its new setup file\n"),
                        preview->setup_version, preview->board_setup_version);
              for (guint c = 0; c < preview->changes->len; c++)
                printf ("  %s\n", (const char *) preview->changes->pdata[c]);
            }
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      td_cli_print_json (root);
    }
  if (failed > 0)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE,
                   g_dngettext (GETTEXT_PACKAGE, "%u of %u files could not be imported",
                                "%u of %u files could not be imported", failed), failed, outcomes->len);
      return 1;
    }
  return 0;
}
