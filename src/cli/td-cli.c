/* td-cli.c: what every thidua-cli subcommand shares: options, opening the database, output. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "td-cli.h"

const char *
td_cli_locale_dir (void)
{
  /* Set by build-aux/dev and the tests to the build tree's compiled catalogues. */
  const char *dir = g_getenv ("THIDUA_LOCALEDIR");

  return dir && *dir ? dir : LOCALEDIR;
}

gboolean
td_cli_parse (TdCliContext   *ctx,
              const char     *command,
              const char     *parameter,
              GOptionEntry   *entries,
              int            *argc,
              char         ***argv,
              int            *status,
              GError        **error)
{
  g_autofree char *database = NULL;
  GOptionEntry common[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &ctx->json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autofree char *summary = g_strdup_printf ("thidua-cli %s", command);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, error))
    {
      *status = 2;
      return FALSE;
    }
  if (database != NULL)
    g_set_str (&ctx->database_path, database);
  /* An empty name is a mistake in a script, not a wish for a throw-away database. */
  if (ctx->database_path != NULL && *ctx->database_path == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--database needs the name of a database file"));
      *status = 2;
      return FALSE;
    }
  return TRUE;
}

static const char *
configured_actor (void)
{
  /* The application's display name, when its settings schema is installed. */
  static char *actor;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (actor != NULL)
    return actor;
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      actor = g_settings_get_string (settings, "display-name");
    }
  if (actor == NULL || *actor == '\0')
    g_set_str (&actor, g_getenv ("THIDUA_ACTOR"));
  return actor;
}

gboolean
td_cli_open_unseeded (TdCliContext  *ctx,
                      GError       **error)
{
  if (ctx->database_path == NULL)
    ctx->database_path = td_database_default_path ();
  ctx->db = td_database_open (ctx->database_path, error);
  if (ctx->db == NULL)
    return FALSE;
  td_database_set_actor (ctx->db, configured_actor ());
  return TRUE;
}

gboolean
td_cli_open (TdCliContext  *ctx,
             GError       **error)
{
  return td_cli_open_unseeded (ctx, error) && td_catalog_ensure_seed (ctx->db, error);
}

TdSigner *
td_cli_make_signer (const char  *pkcs11,
                    const char  *module,
                    const char  *p12,
                    GError     **error)
{
  g_autofree char *secret = NULL;
  TdSigner *signer;

  if (pkcs11 == NULL && p12 == NULL)
    return NULL;
  secret = td_cli_read_secret (pkcs11 ? _("PIN of the token: ") : _("Password of the file: "));
  signer = pkcs11 ? td_signer_new_pkcs11 (pkcs11, secret, module, error) : td_signer_new_pkcs12 (p12, secret, error);
  if (secret)
    memset (secret, 0, strlen (secret));
  return signer;
}

int
td_cli_usage_error (GError    **error,
                    const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
  return 2;
}

void
td_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

int
td_cli_run (const TdCliCommand *command,
            const char         *database,
            int                 argc,
            char              **argv)
{
  TdCliContext ctx = { 0 };
  g_autoptr(GError) error = NULL;
  int status;

  ctx.database_path = g_strdup (database);
  status = command->run (&ctx, argc, argv, &error);
  if (status != 0 && error != NULL)
    {
      /* Scripts read one line; a message listing several problems joins them. */
      g_strdelimit (error->message, "\n", ' ');
      g_printerr ("thidua-cli: %s\n", error->message);
    }
  g_clear_object (&ctx.db);
  g_free (ctx.database_path);
  return status;
}

char *
td_cli_read_secret (const char *prompt)
{
  g_autoptr(GString) line = g_string_new (NULL);
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  int c;

  if (tty)
    {
      fputs (prompt, stderr);
      fflush (stderr);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }
  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved);
      fputc ('\n', stderr);
    }
  if (c == EOF && line->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&line), FALSE);
}

void
td_cli_print_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  td_cli_print_json (root);
}
