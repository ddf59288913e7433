/* td-signature.c: X.509 signatures on packages, with GnuTLS.
 *
 * What is signed is one line naming the package format and the SHA-256 of the manifest table;
 * the manifest in turn holds the SHA-256 of every other table, and every evidence is keyed by
 * its own SHA-256, so one signature covers every value and every byte of evidence.  The
 * signature is a detached PKCS#7 (CMS) blob carrying the signer's certificate and the signing
 * time.  Nothing here writes cryptography by hand: parsing, signing and chain checks are
 * GnuTLS's. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>

#include "td-format.h"
#include "td-signature-private.h"

G_DEFINE_QUARK (td-signature-error-quark, td_signature_error)

/* ---- certificates ---- */

void
td_cert_info_free (TdCertInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->subject);
  g_free (info->subject_dn);
  g_free (info->issuer);
  g_free (info->serial);
  g_free (info->fingerprint);
  g_free (info->key_id);
  g_free (info);
}

TdCertInfo *
td_cert_info_copy (const TdCertInfo *info)
{
  TdCertInfo *copy = g_memdup2 (info, sizeof *info);

  copy->subject = g_strdup (info->subject);
  copy->subject_dn = g_strdup (info->subject_dn);
  copy->issuer = g_strdup (info->issuer);
  copy->serial = g_strdup (info->serial);
  copy->fingerprint = g_strdup (info->fingerprint);
  copy->key_id = g_strdup (info->key_id);
  return copy;
}

static char *
hex (const guint8 *data,
     gsize         len)
{
  GString *s = g_string_sized_new (len * 2);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (s, "%02x", data[i]);
  return g_string_free (s, FALSE);
}

static char *
dn_part (gnutls_x509_crt_t crt,
         gboolean          issuer)
{
  char buf[512];
  size_t size = sizeof buf;
  int ret = issuer ? gnutls_x509_crt_get_issuer_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, 0, buf, &size)
                   : gnutls_x509_crt_get_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, 0, buf, &size);
  gnutls_datum_t dn = { NULL, 0 };
  char *out;

  if (ret == 0 && g_utf8_validate (buf, size, NULL))
    return g_strndup (buf, size);
  ret = issuer ? gnutls_x509_crt_get_issuer_dn3 (crt, &dn, 0) : gnutls_x509_crt_get_dn3 (crt, &dn, 0);
  if (ret < 0)
    return g_strdup ("?");
  out = g_utf8_make_valid ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);
  return out;
}

static TdCertInfo *
info_from_crt (gnutls_x509_crt_t crt)
{
  TdCertInfo *info = g_new0 (TdCertInfo, 1);
  guint8 buf[64];
  size_t size = sizeof buf;
  gnutls_datum_t dn = { NULL, 0 };
  unsigned int critical = 0, ca = 0;
  int pathlen = 0;

  info->subject = dn_part (crt, FALSE);
  info->issuer = dn_part (crt, TRUE);
  if (gnutls_x509_crt_get_dn3 (crt, &dn, 0) == 0)
    {
      info->subject_dn = g_utf8_make_valid ((const char *) dn.data, dn.size);
      gnutls_free (dn.data);
    }
  if (gnutls_x509_crt_get_serial (crt, buf, &size) == 0)
    info->serial = hex (buf, size);
  size = sizeof buf;
  if (gnutls_x509_crt_get_fingerprint (crt, GNUTLS_DIG_SHA256, buf, &size) == 0)
    info->fingerprint = hex (buf, size);
  /* The public key's own digest: what a unit pins its board by, the same across the
   * certificates one key is given (a renewal), different for any other key with the name. */
  size = sizeof buf;
  if (gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA256, buf, &size) == 0)
    info->key_id = hex (buf, size);
  info->not_before = gnutls_x509_crt_get_activation_time (crt);
  info->not_after = gnutls_x509_crt_get_expiration_time (crt);
  info->is_ca = gnutls_x509_crt_get_basic_constraints (crt, &critical, &ca, &pathlen) >= 0 && ca;
  return info;
}

/* Whether the certificate may sign: its key usage, when it says one, allows signatures. */
static gboolean
crt_can_sign (gnutls_x509_crt_t crt)
{
  unsigned int usage = 0;

  return gnutls_x509_crt_get_key_usage (crt, &usage, NULL) < 0 ||
         (usage & (GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_NON_REPUDIATION)) != 0;
}

static gnutls_x509_crt_t
crt_import (GBytes  *bytes,
            GError **error)
{
  gnutls_x509_crt_t crt = NULL;
  gsize len = 0;
  gnutls_datum_t d;

  d.data = (unsigned char *) g_bytes_get_data (bytes, &len);
  d.size = (unsigned int) len;
  gnutls_x509_crt_init (&crt);
  if (len == 0 || len > 1024 * 1024 ||
      (gnutls_x509_crt_import (crt, &d, GNUTLS_X509_FMT_PEM) < 0 &&
       gnutls_x509_crt_import (crt, &d, GNUTLS_X509_FMT_DER) < 0))
    {
      gnutls_x509_crt_deinit (crt);
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_CERTIFICATE,
                   _("The file is not an X.509 certificate (PEM or DER)."));
      return NULL;
    }
  return crt;
}

static GBytes *
crt_der (gnutls_x509_crt_t crt)
{
  gnutls_datum_t out = { NULL, 0 };
  GBytes *bytes;

  if (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &out) < 0)
    return NULL;
  bytes = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  return bytes;
}

TdCertInfo *
td_cert_info_new (GBytes  *certificate,
                  GError **error)
{
  gnutls_x509_crt_t crt = crt_import (certificate, error);
  TdCertInfo *info;

  if (crt == NULL)
    return NULL;
  info = info_from_crt (crt);
  gnutls_x509_crt_deinit (crt);
  return info;
}

/* ---- signing ---- */

struct _TdSigner {
  gnutls_privkey_t  key;
  gnutls_x509_crt_t crt;
  TdCertInfo       *info;
  char             *pin;       /* only while the key is being opened; wiped right after */
};

void
td_signer_free (TdSigner *signer)
{
  if (signer == NULL)
    return;
  if (signer->key)
    gnutls_privkey_deinit (signer->key);
  if (signer->crt)
    gnutls_x509_crt_deinit (signer->crt);
  td_cert_info_free (signer->info);
  g_free (signer);
}

const TdCertInfo *
td_signer_get_certificate (TdSigner *signer)
{
  return signer->info;
}

TdSigner *
td_signer_new_pkcs12 (const char  *path,
                      const char  *password,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  gnutls_datum_t d;
  gnutls_pkcs12_t p12 = NULL;
  gnutls_x509_privkey_t xkey = NULL;
  gnutls_x509_crt_t *chain = NULL;
  unsigned int chain_size = 0;
  TdSigner *signer;
  int ret;

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  d.data = (unsigned char *) contents;
  d.size = (unsigned int) len;
  gnutls_pkcs12_init (&p12);
  ret = gnutls_pkcs12_import (p12, &d, GNUTLS_X509_FMT_DER, 0);
  if (ret < 0)
    ret = gnutls_pkcs12_import (p12, &d, GNUTLS_X509_FMT_PEM, 0);
  /* The MAC first: a wrong password otherwise shows up as an undecodable key. */
  if (ret >= 0)
    ret = gnutls_pkcs12_verify_mac (p12, password ? password : "");
  if (ret >= 0)
    ret = gnutls_pkcs12_simple_parse (p12, password ? password : "", &xkey, &chain, &chain_size,
                                      NULL, NULL, NULL, 0);
  gnutls_pkcs12_deinit (p12);
  if (ret < 0 || chain_size == 0)
    {
      if (ret == GNUTLS_E_MAC_VERIFY_FAILED || ret == GNUTLS_E_DECRYPTION_FAILED)
        g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_BAD_PIN,
                     _("The password of the certificate file is wrong."));
      else
        g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_KEY,
                     _("The certificate file cannot be read (%s). Choose the .p12 or .pfx file of the unit's certificate."),
                     gnutls_strerror (ret < 0 ? ret : GNUTLS_E_CERTIFICATE_ERROR));
      if (xkey)
        gnutls_x509_privkey_deinit (xkey);
      for (unsigned int i = 0; i < chain_size; i++)
        gnutls_x509_crt_deinit (chain[i]);
      gnutls_free (chain);
      return NULL;
    }
  signer = g_new0 (TdSigner, 1);
  gnutls_privkey_init (&signer->key);
  gnutls_privkey_import_x509 (signer->key, xkey, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
  signer->crt = chain[0];
  for (unsigned int i = 1; i < chain_size; i++)
    gnutls_x509_crt_deinit (chain[i]);
  gnutls_free (chain);
  signer->info = info_from_crt (signer->crt);
  return signer;
}

/* The PIN is given once: a wrong PIN is not retried, so that a token is never locked by the
 * app trying the same wrong PIN again. */
static int
pin_cb (void         *user_data,
        int           attempt,
        const char   *token_url,
        const char   *token_label,
        unsigned int  flags,
        char         *pin,
        size_t        pin_max)
{
  TdSigner *signer = user_data;

  if (attempt > 0 || signer->pin == NULL || strlen (signer->pin) >= pin_max)
    return -1;
  g_strlcpy (pin, signer->pin, pin_max);
  return 0;
}

static gboolean
pkcs11_ready (const char  *module,
              GError     **error)
{
  static gsize done = 0;
  static int status = 0;

  /* GnuTLS's PKCS#11 state is process-wide: the first module asked for is the one loaded. */
  if (g_once_init_enter (&done))
    {
      status = gnutls_pkcs11_init (module ? GNUTLS_PKCS11_FLAG_MANUAL : GNUTLS_PKCS11_FLAG_AUTO, NULL);
      if (status >= 0 && module)
        status = gnutls_pkcs11_add_provider (module, NULL);
      g_once_init_leave (&done, 1);
    }
  if (status < 0)
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_TOKEN,
                   _("The token's PKCS#11 module cannot be loaded: %s."), gnutls_strerror (status));
      return FALSE;
    }
  return TRUE;
}

static char *
cert_uri (const char *key_uri)
{
  g_auto(GStrv) parts = g_strsplit (key_uri, ";", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;
  g_autofree char *tail = NULL;

  for (guint i = 0; parts[i]; i++)
    if (!g_str_has_prefix (parts[i], "type=") && !g_str_has_prefix (parts[i], "pin-value="))
      g_strv_builder_add (kept, parts[i]);
  g_strv_builder_add (kept, "type=cert");
  joined = g_strv_builder_end (kept);
  return g_strjoinv (";", joined);
}

TdSigner *
td_signer_new_pkcs11 (const char  *uri,
                      const char  *pin,
                      const char  *module,
                      GError     **error)
{
  g_autoptr(TdSigner) signer = NULL;
  g_autofree char *crt_url = NULL;
  int ret;

  if (!g_str_has_prefix (uri, "pkcs11:"))
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_TOKEN,
                   _("“%s” is not a PKCS#11 URI; it starts with “pkcs11:”."), uri);
      return NULL;
    }
  if (!pkcs11_ready (module, error))
    return NULL;
  signer = g_new0 (TdSigner, 1);
  signer->pin = g_strdup (pin);
  gnutls_privkey_init (&signer->key);
  gnutls_privkey_set_pin_function (signer->key, pin_cb, signer);
  gnutls_pkcs11_set_pin_function (pin_cb, signer);
  ret = gnutls_privkey_import_url (signer->key, uri, 0);
  if (ret >= 0)
    {
      /* Logging in happens on first use: a trial signature finds a wrong PIN now, not later
       * in the middle of an export. */
      gnutls_datum_t probe = { (unsigned char *) "thidua", 6 }, sig = { NULL, 0 };
      ret = gnutls_privkey_sign_data (signer->key, GNUTLS_DIG_SHA256, 0, &probe, &sig);
      gnutls_free (sig.data);
    }
  if (ret >= 0)
    {
      crt_url = cert_uri (uri);
      gnutls_x509_crt_init (&signer->crt);
      ret = gnutls_x509_crt_import_url (signer->crt, crt_url, 0);
      if (ret < 0)
        {
          gnutls_x509_crt_deinit (signer->crt);
          signer->crt = NULL;
        }
    }
  gnutls_pkcs11_set_pin_function (NULL, NULL);
  if (signer->pin)
    memset (signer->pin, 0, strlen (signer->pin));
  g_clear_pointer (&signer->pin, g_free);
  if (ret == GNUTLS_E_PKCS11_PIN_ERROR || ret == GNUTLS_E_PKCS11_PIN_LOCKED ||
      (ret == GNUTLS_E_PKCS11_ERROR && pin == NULL))
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_BAD_PIN,
                   ret == GNUTLS_E_PKCS11_PIN_LOCKED ? _("The token is locked after too many wrong PINs.")
                                                     : _("The PIN of the token is wrong."));
      return NULL;
    }
  if (ret < 0)
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_TOKEN,
                   _("The key or its certificate was not found on the token (%s). Check that the token is "
                     "plugged in and choose its key again."), gnutls_strerror (ret));
      return NULL;
    }
  signer->info = info_from_crt (signer->crt);
  return g_steal_pointer (&signer);
}

void
td_token_key_free (TdTokenKey *key)
{
  if (key == NULL)
    return;
  g_free (key->uri);
  g_free (key->token);
  td_cert_info_free (key->certificate);
  g_free (key);
}

static char *
key_uri (const char *cert_url)
{
  g_autofree char *base = cert_uri (cert_url);   /* without type=, with type=cert */
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (";type=cert"));

  return g_strconcat (stem, ";type=private", NULL);
}

GPtrArray *
td_signer_list_token_keys (const char  *module,
                           GError     **error)
{
  GPtrArray *keys;
  gnutls_pkcs11_obj_t *objs = NULL;
  unsigned int n = 0;
  int ret;

  if (!pkcs11_ready (module, error))
    return NULL;
  /* Certificates only: whether a private key goes with one cannot be seen before logging in
   * (keys are private objects), so CA certificates kept on the token are left out instead. */
  ret = gnutls_pkcs11_obj_list_import_url4 (&objs, &n, "pkcs11:", GNUTLS_PKCS11_OBJ_FLAG_CRT);
  if (ret < 0)
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_TOKEN,
                   _("The tokens cannot be read: %s."), gnutls_strerror (ret));
      return NULL;
    }
  keys = g_ptr_array_new_with_free_func ((GDestroyNotify) td_token_key_free);
  for (unsigned int i = 0; i < n; i++)
    {
      char *url = NULL;
      gnutls_x509_crt_t crt = NULL;
      char label[256];
      size_t size = sizeof label;

      if (gnutls_pkcs11_obj_export_url (objs[i], GNUTLS_PKCS11_URL_GENERIC, &url) >= 0 &&
          gnutls_x509_crt_init (&crt) >= 0 && gnutls_x509_crt_import_pkcs11 (crt, objs[i]) >= 0)
        {
          TdTokenKey *key = g_new0 (TdTokenKey, 1);

          key->uri = key_uri (url);
          if (gnutls_pkcs11_obj_get_info (objs[i], GNUTLS_PKCS11_OBJ_TOKEN_LABEL, label, &size) >= 0)
            key->token = g_utf8_make_valid (label, size);
          key->certificate = info_from_crt (crt);
          /* Offered for signing: neither a CA nor a certificate for encryption only. */
          if (key->certificate->is_ca || !crt_can_sign (crt))
            td_token_key_free (key);
          else
            g_ptr_array_add (keys, key);
        }
      if (crt)
        gnutls_x509_crt_deinit (crt);
      gnutls_free (url);
      gnutls_pkcs11_obj_deinit (objs[i]);
    }
  gnutls_free (objs);
  return keys;
}

GBytes *
td_signer_sign (TdSigner  *signer,
                GBytes    *data,
                GError   **error)
{
  gnutls_pkcs7_t p7 = NULL;
  gsize len = 0;
  gnutls_datum_t d, out = { NULL, 0 };
  GBytes *result = NULL;
  int ret;

  d.data = (unsigned char *) g_bytes_get_data (data, &len);
  d.size = (unsigned int) len;
  gnutls_pkcs7_init (&p7);
  ret = gnutls_pkcs7_sign (p7, signer->crt, signer->key, &d, NULL, NULL, GNUTLS_DIG_SHA256,
                           GNUTLS_PKCS7_INCLUDE_TIME | GNUTLS_PKCS7_INCLUDE_CERT);
  if (ret >= 0)
    ret = gnutls_pkcs7_export2 (p7, GNUTLS_X509_FMT_DER, &out);
  gnutls_pkcs7_deinit (p7);
  if (ret < 0)
    {
      g_set_error (error, TD_SIGNATURE_ERROR, ret == GNUTLS_E_PKCS11_PIN_ERROR ? TD_SIGNATURE_ERROR_BAD_PIN
                                                                                : TD_SIGNATURE_ERROR_KEY,
                   _("The package could not be signed: %s."), gnutls_strerror (ret));
      return NULL;
    }
  result = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  return result;
}

/* ---- checking ---- */

void
td_signature_info_free (TdSignatureInfo *info)
{
  if (info == NULL)
    return;
  td_cert_info_free (info->signer);
  g_free (info);
}


static gboolean
in_time (gnutls_x509_crt_t crt,
         gint64            t)
{
  return gnutls_x509_crt_get_activation_time (crt) <= t && t <= gnutls_x509_crt_get_expiration_time (crt);
}

/* The signature matches @data, its certificate chains to one of @cas (DER) and was valid at
 * the signing time.  What td_signature_check() and the setup files share. */
static TdSignatureInfo *
verify_against (GBytes     *signature,
                GBytes     *data,
                GPtrArray  *cas,
                GError    **error)
{
  g_autoptr(TdSignatureInfo) info = g_new0 (TdSignatureInfo, 1);
  gnutls_pkcs7_t p7 = NULL;
  gnutls_x509_crt_t signer = NULL;
  gnutls_x509_trust_list_t tl = NULL;
  gnutls_pkcs7_signature_info_st sinfo;
  gsize len = 0;
  gnutls_datum_t der, d;
  gboolean outside_validity = FALSE;
  unsigned int status = 0;
  int ret, n_certs;

  der.data = (unsigned char *) g_bytes_get_data (signature, &len);
  der.size = (unsigned int) len;
  d.data = (unsigned char *) g_bytes_get_data (data, &len);
  d.size = (unsigned int) len;
  gnutls_pkcs7_init (&p7);
  if (der.size == 0 || der.size > 256 * 1024 || gnutls_pkcs7_import (p7, &der, GNUTLS_X509_FMT_DER) < 0 ||
      gnutls_pkcs7_get_signature_count (p7) != 1 || gnutls_pkcs7_get_signature_info (p7, 0, &sinfo) < 0)
    {
      gnutls_pkcs7_deinit (p7);
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_INVALID,
                   _("The package's signature is damaged. Ask the unit to sign and send it again."));
      return NULL;
    }
  info->signed_at = sinfo.signing_time > 0 ? (gint64) sinfo.signing_time : 0;
  gnutls_pkcs7_signature_info_deinit (&sinfo);

  /* The signer is the embedded certificate whose key verifies the signature. */
  n_certs = gnutls_pkcs7_get_crt_count (p7);
  ret = GNUTLS_E_PK_SIG_VERIFY_FAILED;
  for (int i = 0; i < n_certs && i < 8 && ret < 0; i++)
    {
      gnutls_datum_t raw = { NULL, 0 };

      if (gnutls_pkcs7_get_crt_raw2 (p7, i, &raw) < 0)
        continue;
      gnutls_x509_crt_init (&signer);
      if (gnutls_x509_crt_import (signer, &raw, GNUTLS_X509_FMT_DER) >= 0)
        ret = gnutls_pkcs7_verify_direct (p7, signer, 0, &d, GNUTLS_VERIFY_DISABLE_TIME_CHECKS);
      gnutls_free (raw.data);
      /* GnuTLS compares the signing time with the certificate itself: a certificate used
       * outside its validity is the signer all the same, refused below with that reason. */
      if (ret == GNUTLS_E_EXPIRED || ret == GNUTLS_E_NOT_YET_ACTIVATED)
        {
          outside_validity = TRUE;
          ret = 0;
        }
      if (ret < 0)
        g_clear_pointer (&signer, gnutls_x509_crt_deinit);
    }
  gnutls_pkcs7_deinit (p7);
  if (signer == NULL)
    {
      g_debug ("No embedded certificate verifies the signature: %s", gnutls_strerror (ret));
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_INVALID,
                   _("The signature does not match the package: it was changed after it was signed. Refuse it "
                     "and ask the unit to send it again."));
      return NULL;
    }
  info->signer = info_from_crt (signer);

  /* A certificate for encryption or for a web server is not a signature certificate, even
   * when its key can sign: only one whose key usage (when it says one) allows signatures. */
  if (!crt_can_sign (signer))
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNTRUSTED,
                   _("The package is signed with a certificate of %s that is not meant for signatures (its key "
                     "usage leaves them out). Ask the unit to sign with its digital signature certificate."),
                   info->signer->subject);
      goto fail;
    }
  /* A signing time ahead of this computer's clock by more than a day is a wrong clock or a
   * forged time: the certificate's validity cannot be judged from it. */
  if (info->signed_at > g_get_real_time () / G_USEC_PER_SEC + 24 * 3600)
    {
      g_autofree char *at = td_format_unix_time (info->signed_at, TRUE);
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_INVALID,
                   _("The package says it was signed on %s, which has not come yet. Ask the unit to check its "
                     "computer's date and to sign and send the package again."), at);
      goto fail;
    }

  /* Chained to a CA the board trusts; the dates are checked below against the signing time. */
  gnutls_x509_trust_list_init (&tl, 0);
  for (guint i = 0; i < cas->len; i++)
    {
      gnutls_x509_crt_t ca = crt_import (cas->pdata[i], NULL);
      if (ca != NULL && gnutls_x509_trust_list_add_cas (tl, &ca, 1, 0) != 1)
        gnutls_x509_crt_deinit (ca);
    }
  ret = gnutls_x509_trust_list_verify_crt2 (tl, &signer, 1, NULL, 0,
                                            GNUTLS_VERIFY_DISABLE_TIME_CHECKS |
                                            GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS,
                                            &status, NULL);
  if (ret < 0 || status != 0)
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNTRUSTED,
                   _("The package is signed by %s, whose certificate (issued by %s) does not come from a "
                     "certification authority the board trusts. Add the authority's certificate in "
                     "Preferences if it should be trusted."),
                   info->signer->subject, info->signer->issuer);
      goto fail;
    }
  {
    gint64 when = info->signed_at ? info->signed_at : g_get_real_time () / G_USEC_PER_SEC;
    if (outside_validity || !in_time (signer, when))
      {
        g_autofree char *at = td_format_unix_time (when, TRUE);
        g_autofree char *from = td_format_unix_time (info->signer->not_before, TRUE);
        g_autofree char *to = td_format_unix_time (info->signer->not_after, TRUE);
        /* Without a signing time, today is all there is to judge by: said so, not "when signed". */
        if (info->signed_at == 0)
          g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_EXPIRED,
                       _("The signature carries no signing time, and the certificate of %s is not valid today "
                         "(%s): it is valid from %s to %s."), info->signer->subject, at, from, to);
        else
          g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_EXPIRED,
                       _("The certificate of %s was not valid when the package was signed (%s): it is valid from %s "
                         "to %s."), info->signer->subject, at, from, to);
        goto fail;
      }
  }

  gnutls_x509_trust_list_deinit (tl, 1);
  gnutls_x509_crt_deinit (signer);
  return g_steal_pointer (&info);

fail:
  if (tl)
    gnutls_x509_trust_list_deinit (tl, 1);
  gnutls_x509_crt_deinit (signer);
  return NULL;
}

TdSignatureInfo *
td_signature_verify_with (GBytes     *signature,
                          GBytes     *data,
                          GPtrArray  *cas,
                          GError    **error)
{
  return verify_against (signature, data, cas, error);
}

TdSignatureInfo *
td_signature_check (TdDatabase        *db,
                    GBytes            *signature,
                    GBytes            *data,
                    gint64             unit_id,
                    GError           **error)
{
  g_autoptr(GPtrArray) cas = td_trust_store_list (db, 0, error);
  g_autoptr(GPtrArray) bound = NULL;
  g_autoptr(TdSignatureInfo) info = NULL;
  gboolean bound_ok = FALSE;

  if (cas == NULL || (info = verify_against (signature, data, cas, error)) == NULL)
    return NULL;
  bound = td_trust_store_list (db, unit_id, error);
  if (bound == NULL)
    return NULL;
  for (guint i = 0; i < bound->len && !bound_ok; i++)
    {
      g_autoptr(TdCertInfo) b = td_cert_info_new (bound->pdata[i], NULL);
      bound_ok = b != NULL && g_strcmp0 (b->fingerprint, info->signer->fingerprint) == 0;
    }
  if (!bound_ok)
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_NOT_BOUND,
                   _("The package is signed by %s, whose certificate is not recorded as one of this unit's. If it "
                     "is the unit's new certificate, record it for the unit in Preferences first."),
                   info->signer->subject);
      return NULL;
    }
  return g_steal_pointer (&info);
}

GBytes *
td_cert_to_der (GBytes     *certificate,
                TdCertInfo **info,
                GError     **error)
{
  gnutls_x509_crt_t crt = crt_import (certificate, error);
  GBytes *der;

  if (crt == NULL)
    return NULL;
  der = crt_der (crt);
  if (info != NULL)
    *info = info_from_crt (crt);
  gnutls_x509_crt_deinit (crt);
  return der;
}
