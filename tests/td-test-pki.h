/* td-test-pki.h: a test PKI made once per test program: a CA and unit certificates from
 * certtool, and a SoftHSM2 token holding the units' keys.  td_test_pki_setup() returns FALSE
 * (and the tests skip) when certtool, p11tool, softhsm2-util or the module is missing. */
#pragma once

#include "td-test-util.h"

#define PIN "2468"

static char *dir;
static char *module;


static char *
path_of (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
write_file (const char *name, const char *text)
{
  g_autofree char *path = path_of (name);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* certtool writes a key and a certificate from @template_text, signed by @ca (NULL: self). */
static void
make_cert (const char *name, const char *template_text, const char *ca)
{
  g_autofree char *key = g_strdup_printf ("%s/%s.key", dir, name);
  g_autofree char *crt = g_strdup_printf ("%s/%s.pem", dir, name);
  g_autofree char *tmpl = g_strdup_printf ("%s/%s.tmpl", dir, name);
  g_autofree char *ca_key = ca ? g_strdup_printf ("%s/%s.key", dir, ca) : NULL;
  g_autofree char *ca_crt = ca ? g_strdup_printf ("%s/%s.pem", dir, ca) : NULL;

  g_assert_true (g_file_set_contents (tmpl, template_text, -1, NULL));
  /* certtool marks every EC key's certificate for signatures: the one for encryption only is RSA. */
  td_test_run_tool ((const char *[]) { "certtool", "--generate-privkey",
                                       g_str_has_prefix (name, "encrypt") ? "--key-type=rsa" : "--key-type=ecdsa",
                                       "--outfile", key, NULL });
  if (ca == NULL)
    td_test_run_tool ((const char *[]) { "certtool", "--generate-self-signed", "--load-privkey", key, "--template", tmpl,
                                         "--outfile", crt, NULL });
  else
    td_test_run_tool ((const char *[]) { "certtool", "--generate-certificate", "--load-privkey", key,
                                         "--load-ca-certificate", ca_crt, "--load-ca-privkey", ca_key, "--template", tmpl,
                                         "--outfile", crt, NULL });
}

/* The unit's key and certificate onto the token, under @label. */
static void
load_token (const char *name, const char *label)
{
  g_autofree char *key = g_strdup_printf ("%s/%s.key", dir, name);
  g_autofree char *crt = g_strdup_printf ("%s/%s.pem", dir, name);
  g_autofree char *provider = g_strdup_printf ("--provider=%s", module);

  td_test_run_tool ((const char *[]) { "p11tool", provider, "--login", "--write", "--label", label, "--load-privkey",
                                       key, "pkcs11:token=thidua", NULL });
  td_test_run_tool ((const char *[]) { "p11tool", provider, "--login", "--write", "--no-mark-private", "--label", label,
                                       "--load-certificate", crt, "pkcs11:token=thidua", NULL });
}

static gboolean
td_test_pki_setup (void)
{
  static const char * const modules[] = { "/usr/lib/softhsm/libsofthsm2.so",
                                          "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                                          "/usr/lib64/pkcs11/libsofthsm2.so", NULL };
  g_autofree char *conf = NULL;
  g_autofree char *tokens = NULL;
  g_autofree char *conf_text = NULL;
  const char *tools[] = { "certtool", "p11tool", "softhsm2-util" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *found = g_find_program_in_path (tools[i]);
      if (found == NULL)
        return FALSE;
    }
  for (guint i = 0; modules[i] && module == NULL; i++)
    if (g_file_test (modules[i], G_FILE_TEST_EXISTS))
      module = g_strdup (modules[i]);
  if (module == NULL)
    return FALSE;

  conf = path_of ("softhsm2.conf");
  tokens = path_of ("tokens");
  g_mkdir (tokens, 0700);
  conf_text = g_strdup_printf ("directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n", tokens);
  write_file ("softhsm2.conf", conf_text);
  g_setenv ("SOFTHSM2_CONF", conf, TRUE);
  g_setenv ("GNUTLS_PIN", PIN, TRUE);   /* for p11tool only; the app never reads it */
  td_test_run_tool ((const char *[]) { "softhsm2-util", "--init-token", "--free", "--label", "thidua", "--pin", PIN,
                                       "--so-pin", "13579", NULL });

  make_cert ("ca", "cn = \"CA thử nghiệm Bắc Ninh\"\nca\ncert_signing_key\nexpiration_days = 3650\n", NULL);
  make_cert ("unit", "cn = \"UBND xã Á\"\norganization = \"Xã Á\"\nsigning_key\nexpiration_days = 365\n", "ca");
  make_cert ("other", "cn = \"UBND xã Bê\"\nsigning_key\nexpiration_days = 365\n", "ca");
  make_cert ("expired", "cn = \"UBND xã Á (hết hạn)\"\nsigning_key\nactivation_date = \"2019-01-01 00:00:00 UTC\"\n"
                        "expiration_date = \"2020-01-01 00:00:00 UTC\"\n", "ca");
  make_cert ("rogue-ca", "cn = \"CA lạ\"\nca\ncert_signing_key\nexpiration_days = 3650\n", NULL);
  make_cert ("rogue", "cn = \"UBND xã Á\"\nsigning_key\nexpiration_days = 365\n", "rogue-ca");
  /* The unit's certificate for encryption: its key could sign, its key usage says it must not. */
  make_cert ("encrypt", "cn = \"UBND xã Á\"\nencryption_key\nexpiration_days = 365\n", "ca");
  /* The board, another certificate with its very name from the same CA (another province's
   * Sở Nội vụ), and the board's next key. */
  make_cert ("board", "cn = \"Sở Nội vụ\"\nsigning_key\nexpiration_days = 365\n", "ca");
  make_cert ("board-twin", "cn = \"Sở Nội vụ\"\nsigning_key\nexpiration_days = 365\n", "ca");
  make_cert ("board-new", "cn = \"Sở Nội vụ\"\nsigning_key\nexpiration_days = 730\n", "ca");
  load_token ("board", "board");
  load_token ("board-twin", "board-twin");
  load_token ("board-new", "board-new");
  load_token ("unit", "unit");
  load_token ("other", "other");
  load_token ("expired", "expired");
  load_token ("rogue", "rogue");
  load_token ("encrypt", "encrypt");
  {
    g_autofree char *key = path_of ("unit.key");
    g_autofree char *crt = path_of ("unit.pem");
    g_autofree char *p12 = path_of ("unit.p12");
    td_test_run_tool ((const char *[]) { "certtool", "--to-p12", "--load-privkey", key, "--load-certificate", crt,
                                         "--p12-name", "unit", "--password", "mật khẩu", "--outder", "--outfile", p12,
                                         NULL });
  }
  return TRUE;
}

