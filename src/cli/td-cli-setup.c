/* td-cli-setup.c: setting up the two kinds of installation from the command line.
 *
 *   setup export (--unit CODE | --all) -o DIR|FILE [--sign-pkcs11 URI | --sign-p12 FILE]
 *                [--previous-sign-pkcs11 URI | --previous-sign-p12 FILE]
 *                                                     the board writes setup files (a key
 *                                                     rollover: signed by the former key too)
 *   setup open FILE [--unit CODE]                     a unit's installation from the board's file
 *   submit --unit CODE --round R                      the form's Nộp, with the same checks */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "td-cli.h"
#include "td-register.h"
#include "td-setup.h"


static int
export_setup (TdCliContext  *ctx,
              const char    *unit,
              gboolean       all,
              const char    *output,
              TdSigner      *signer,
              TdSigner      *previous,
              GError       **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (g_file_test (output, G_FILE_TEST_IS_DIR) && unit == NULL && !all)
    {
      /* One file per active unit in the folder, one setup version for all. */
      g_autoptr(GPtrArray) written = td_setup_export_folder (ctx->db, output, signer, previous, error);

      if (written == NULL)
        return 1;
      for (guint i = 0; i < written->len; i++)
        g_ptr_array_add (files, g_strdup (written->pdata[i]));
    }
  else
    {
      g_autofree char *path = NULL;

      if (g_file_test (output, G_FILE_TEST_IS_DIR))
        {
          /* The whole province's file is named for what it is, not for a unit it lacks. */
          g_autofree char *name = all || unit == NULL ? g_strdup ("tat-ca-don-vi.thidua-setup")
                                                      : td_setup_file_name (ctx->db, unit);
          path = g_build_filename (output, name, NULL);
        }
      else
        path = g_strdup (output);
      if (!all && unit == NULL)
        return td_cli_usage_error (error, _("setup export needs --unit CODE, --all, or a folder to write one file per unit"));
      if (!td_setup_export_signed (ctx->db, all ? NULL : unit, path, signer, previous, error))
        return 1;
      g_ptr_array_add (files, g_steal_pointer (&path));
    }
  json_builder_begin_array (b);
  for (guint i = 0; i < files->len; i++)
    {
      if (ctx->json)
        json_builder_add_string_value (b, files->pdata[i]);
      else
        printf ("%s\n", (const char *) files->pdata[i]);
    }
  json_builder_end_array (b);
  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      td_cli_print_json (root);
    }
  return 0;
}

int
td_cli_setup (TdCliContext  *ctx,
              int            argc,
              char         **argv,
              GError       **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *output = NULL;
  g_autofree char *pkcs11 = NULL;
  g_autofree char *p12 = NULL;
  g_autofree char *module = NULL;
  g_autofree char *previous_pkcs11 = NULL;
  g_autofree char *previous_p12 = NULL;
  g_autoptr(TdSigner) signer = NULL;
  g_autoptr(TdSigner) previous = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_("The unit (its code)"), N_("CODE") },
    TD_CLI_SIGN_ENTRIES (pkcs11, module, p12),
    { "previous-sign-pkcs11", 0, 0, G_OPTION_ARG_STRING, &previous_pkcs11,
      N_("A new board key: sign with the former key at this PKCS#11 URI too (export)"), N_("URI") },
    { "previous-sign-p12", 0, 0, G_OPTION_ARG_FILENAME, &previous_p12,
      N_("A new board key: sign with the former key of this PKCS#12 file too (export)"), N_("FILE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("One file with every unit; the unit is chosen when it is opened (export)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file, or a folder for one file per unit (export)"), N_("FILE|DIR") },
    { NULL }
  };
  int status = 0;

  if (!td_cli_parse (ctx, "setup", N_("export -o FILE|DIR | open FILE"), entries, &argc, &argv, &status, error))
    return status;
  if (argc >= 2 && g_str_equal (argv[1], "export") && argc == 2 && output != NULL)
    {
      if (!td_cli_open (ctx, error))
        return 1;
      if ((previous_pkcs11 || previous_p12) && !(pkcs11 || p12))
        return td_cli_usage_error (error, _("A key rollover is signed with the new key (--sign-pkcs11 or --sign-p12) "
                                            "and the former one (--previous-sign-pkcs11 or --previous-sign-p12)"));
      if ((pkcs11 || p12) && (signer = td_cli_make_signer (pkcs11, module, p12, error)) == NULL)
        return 1;
      if (previous_pkcs11 || previous_p12)
        {
          g_autofree char *secret = td_cli_read_secret (previous_pkcs11 ? _("PIN of the former key's token: ")
                                                                        : _("Password of the former key's file: "));

          previous = previous_pkcs11 ? td_signer_new_pkcs11 (previous_pkcs11, secret, module, error)
                                     : td_signer_new_pkcs12 (previous_p12, secret, error);
          if (secret)
            memset (secret, 0, strlen (secret));
          if (previous == NULL)
            return 1;
        }
      return export_setup (ctx, unit, all, output, signer, previous, error);
    }
  if (argc == 3 && g_str_equal (argv[1], "open"))
    {
      g_autoptr(TdSetupResult) result = NULL;
      gboolean existed;

      if (ctx->database_path == NULL)
        ctx->database_path = td_database_default_path ();
      existed = g_file_test (ctx->database_path, G_FILE_TEST_EXISTS);
      if (!td_cli_open_unseeded (ctx, error))
        return 1;
      if ((result = td_setup_open (ctx->db, argv[2], unit, error)) == NULL)
        {
          /* A refused setup file leaves nothing behind: not even the empty database that
           * opening it made, which would later pass for an installation. */
          if (!existed)
            {
              g_clear_object (&ctx->db);
              td_database_delete_files (ctx->database_path);
            }
          return 1;
        }
      if (ctx->json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "unit");
          json_builder_add_string_value (b, result->unit_code);
          json_builder_set_member_name (b, "version");
          json_builder_add_int_value (b, result->version);
          json_builder_set_member_name (b, "unchanged");
          json_builder_add_boolean_value (b, result->unchanged);
          TD_CLI_SET_STRING (b, "signed_by", result->signer);
          TD_CLI_SET_STRING (b, "signer_key", result->signer_key);
          TD_CLI_SET_BOOL (b, "key_changed", result->key_changed);
          json_builder_set_member_name (b, "changes");
          json_builder_begin_array (b);
          for (guint i = 0; result->changes && i < result->changes->len; i++)
            json_builder_add_string_value (b, result->changes->pdata[i]);
          json_builder_end_array (b);
          json_builder_end_object (b);
          root = json_builder_get_root (b);
          td_cli_print_json (root);
        }
      else if (result->unchanged)
        printf (_("%s is already set up with version %d of the board's setup.\n"), ctx->database_path, result->version);
      else
        printf (_("%s is now the installation of %s (%s), with version %d of the board's setup.\n"), ctx->database_path,
                result->unit_name, result->unit_code, result->version);
      /* What changed that the clerk should know of: the board's key above all. */
      for (guint i = 0; !ctx->json && result->changes && i < result->changes->len; i++)
        printf ("  %s\n", (const char *) result->changes->pdata[i]);
      return 0;
    }
  return td_cli_usage_error (error, _("setup needs export (--unit CODE | --all) -o FILE|DIR, or open FILE [--unit CODE]"));
}

int
td_cli_submit (TdCliContext  *ctx,
               int            argc,
               char         **argv,
               GError       **error)
{
  g_autofree char *unit_code = NULL;
  int round_number = 0;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("The unit (its code)"), N_("CODE") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("The round"), N_("R") },
    { NULL }
  };
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(GListModel) targets = NULL;
  int status = 0;

  if (!td_cli_parse (ctx, "submit", NULL, entries, &argc, &argv, &status, error))
    return status;
  if (argc != 1 || unit_code == NULL || round_number < 1)
    return td_cli_usage_error (error, _("submit needs --unit CODE and --round R"));
  if (!td_cli_open (ctx, error) ||
      (unit = td_catalog_find_unit (ctx->db, unit_code, error)) == NULL ||
      (round = td_catalog_find_round (ctx->db, (guint) round_number, error)) == NULL ||
      (targets = td_catalog_list_targets (ctx->db, error)) == NULL)
    return 1;
  info = td_assessment_lookup (ctx->db, td_unit_get_id (unit), td_round_get_id (round), error);
  if (info == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND,
                     _("%s has not filled in round %d yet."), td_unit_get_name (unit), round_number);
      return 1;
    }
  /* The checks are the form's own: every row that needs attention is named. */
  if (!td_assessment_set_status (ctx->db, info->id, TD_ASSESSMENT_SUBMITTED, NULL, targets, error))
    {
      /* One line on stderr: the rows follow the first line of the message. */
      g_autofree char *flat = g_strdelimit (g_strdup ((*error)->message), "\n", ' ');
      g_free ((*error)->message);
      (*error)->message = g_steal_pointer (&flat);
      return 1;
    }
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(TdAssessmentInfo) after = td_assessment_get_info (ctx->db, info->id, NULL);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, unit_code);
      json_builder_set_member_name (b, "round");
      json_builder_add_int_value (b, round_number);
      json_builder_set_member_name (b, "revision");
      json_builder_add_int_value (b, after ? after->revision : 0);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      td_cli_print_json (root);
    }
  else
    printf (_("Submitted: %s, round %d.\n"), td_unit_get_name (unit), round_number);
  return 0;
}
