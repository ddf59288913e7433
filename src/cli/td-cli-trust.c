/* td-cli-trust.c: "verify" (what the board would say of a package) and "trust" (the board's
 * trust list, each unit's certificates, and whether unsigned packages are accepted). */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"
#include "td-package.h"


void
td_cli_print_signature (const TdSignatureInfo *signature)
{
  g_autofree char *at = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (signature == NULL)
    {
      printf ("  %s\n", _("not signed"));
      return;
    }
  at = signature->signed_at ? td_format_unix_time (signature->signed_at, TRUE) : g_strdup (_("an unknown time"));
  from = td_format_unix_time (signature->signer->not_before, TRUE);
  to = td_format_unix_time (signature->signer->not_after, TRUE);
  printf (_("  signed by %s on %s\n"), signature->signer->subject, at);
  printf (_("  certificate issued by %s, serial %s, valid %s – %s\n"), signature->signer->issuer,
          signature->signer->serial ? signature->signer->serial : "?", from, to);
}

int
td_cli_verify (TdCliContext  *ctx,
               int            argc,
               char         **argv,
               GError       **error)
{
  g_autoptr(TdPackagePreview) preview = NULL;
  int status = 0;
  GOptionEntry entries[] = { { NULL } };

  if (!td_cli_parse (ctx, "verify", N_("FILE.thidua"), entries, &argc, &argv, &status, error))
    return status;
  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("verify needs one .thidua file"));
      return 2;
    }
  if (!td_cli_open (ctx, error))
    return 1;
  /* Everything an import checks, signature included, and nothing written. */
  preview = td_package_inspect (ctx->db, argv[1], 20 * 1024 * 1024, error);
  if (preview == NULL)
    return 1;
  printf (_("%s: %s (%s), round %u, revision %d: would be accepted\n"), argv[1], preview->unit_name,
          preview->unit_code, preview->round_number, preview->revision);
  td_cli_print_signature (preview->signature);
  return 0;
}

static GBytes *
load (const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  return g_file_load_bytes (file, NULL, NULL, error);
}

static void
print_cert (const TdCertInfo *info)
{
  g_autofree char *to = td_format_unix_time (info->not_after, TRUE);
  printf ("%s\t%s\t%s\t%s\n", info->fingerprint, info->subject, info->issuer, to);
}

int
td_cli_trust (TdCliContext  *ctx,
              int            argc,
              char         **argv,
              GError       **error)
{
  g_autofree char *unit = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_("The unit (its code), for bind, unbind and list"), N_("CODE") },
    { NULL }
  };
  const char *what;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TdCertInfo) info = NULL;

  if (!td_cli_parse (ctx, "trust", N_("list | add-ca FILE | remove-ca SHA256 | bind FILE | unbind SHA256 | unsigned allow|refuse"),
                     entries, &argc, &argv, &status, error))
    return status;
  what = argc >= 2 ? argv[1] : "";
  if (!((g_str_equal (what, "list") && argc == 2) ||
        (g_strv_contains ((const char *[]) { "add-ca", "remove-ca", "bind", "unbind", "unsigned", NULL }, what) &&
         argc == 3)) ||
      ((g_str_equal (what, "bind") || g_str_equal (what, "unbind")) && unit == NULL) ||
      (g_str_equal (what, "unsigned") && !g_str_equal (argv[2], "allow") && !g_str_equal (argv[2], "refuse")))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("trust needs list, add-ca FILE, remove-ca SHA256, bind --unit CODE FILE, "
                             "unbind --unit CODE SHA256, or unsigned allow|refuse"));
      return 2;
    }
  if (!td_cli_open (ctx, error))
    return 1;

  if (g_str_equal (what, "list"))
    {
      g_autoptr(GPtrArray) list = unit ? td_trust_list_bound (ctx->db, unit, error) : td_trust_list_cas (ctx->db, error);
      if (list == NULL)
        return 1;
      for (guint i = 0; i < list->len; i++)
        print_cert (list->pdata[i]);
      if (unit == NULL)
        printf (td_trust_get_allow_unsigned (ctx->db) ? _("Unsigned packages: accepted\n")
                                                      : _("Unsigned packages: refused\n"));
      return 0;
    }
  if (g_str_equal (what, "unsigned"))
    return td_trust_set_allow_unsigned (ctx->db, g_str_equal (argv[2], "allow"), error) ? 0 : 1;
  if (g_str_equal (what, "remove-ca"))
    return td_trust_remove_ca (ctx->db, argv[2], error) ? 0 : 1;
  if (g_str_equal (what, "unbind"))
    return td_trust_unbind (ctx->db, unit, argv[2], error) ? 0 : 1;
  if ((bytes = load (argv[2], error)) == NULL)
    return 1;
  info = g_str_equal (what, "add-ca") ? td_trust_add_ca (ctx->db, bytes, error) : td_trust_bind (ctx->db, unit, bytes, error);
  if (info == NULL)
    return 1;
  print_cert (info);
  return 0;
}
