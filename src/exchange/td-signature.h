/* td-signature.h: signing a package's manifest with an X.509 certificate (PKCS#7 through GnuTLS,
 * the key in a PKCS#12 file or on a PKCS#11 token), and checking such a signature against the
 * board's trust list and its record of which certificate belongs to which unit.  No GTK. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_SIGNATURE_ERROR (td_signature_error_quark ())

typedef enum {
  TD_SIGNATURE_ERROR_KEY,          /* the key or certificate cannot be read */
  TD_SIGNATURE_ERROR_BAD_PIN,      /* the PIN or password is wrong */
  TD_SIGNATURE_ERROR_TOKEN,        /* no such token or object */
  TD_SIGNATURE_ERROR_INVALID,      /* the signature does not match the package: changed */
  TD_SIGNATURE_ERROR_UNTRUSTED,    /* the certificate does not chain to a CA the board trusts */
  TD_SIGNATURE_ERROR_EXPIRED,      /* the certificate was not valid when the package was signed */
  TD_SIGNATURE_ERROR_NOT_BOUND,    /* the certificate is not recorded as the unit's */
  TD_SIGNATURE_ERROR_UNSIGNED,     /* the board accepts signed packages only */
  TD_SIGNATURE_ERROR_CERTIFICATE,  /* not a certificate, or not a CA where one is needed */
} TdSignatureError;

GQuark td_signature_error_quark (void);

/* A certificate as people read it. */
typedef struct {
  char   *subject;       /* the common name, or the whole DN when it has none */
  char   *subject_dn;
  char   *issuer;
  char   *serial;        /* hex */
  char   *fingerprint;   /* sha256, hex */
  char   *key_id;        /* sha256 of the public key (SubjectPublicKeyInfo), hex */
  gint64  not_before;    /* Unix time */
  gint64  not_after;
  gboolean is_ca;
} TdCertInfo;

void        td_cert_info_free    (TdCertInfo *info);
TdCertInfo *td_cert_info_copy    (const TdCertInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCertInfo, td_cert_info_free)
/* A certificate in PEM or DER. */
TdCertInfo *td_cert_info_new     (GBytes      *certificate,
                                  GError     **error);

/* ---- signing ---- */

typedef struct _TdSigner TdSigner;

/* The key and certificate of a PKCS#12 file. */
TdSigner   *td_signer_new_pkcs12 (const char  *path,
                                  const char  *password,
                                  GError     **error);
/* The private key at @uri ("pkcs11:token=…;object=…") and the certificate beside it on the
 * token; @module is a PKCS#11 module to load (NULL: the ones p11-kit knows).  The PIN is used
 * for this login only and never kept. */
TdSigner   *td_signer_new_pkcs11 (const char  *uri,
                                  const char  *pin,
                                  const char  *module,
                                  GError     **error);
void        td_signer_free       (TdSigner    *signer);
const TdCertInfo *td_signer_get_certificate (TdSigner *signer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdSigner, td_signer_free)

/* A key on a token, found by td_signer_list_token_keys(). */
typedef struct {
  char       *uri;          /* of the private key: what td_signer_new_pkcs11() takes */
  char       *token;        /* the token's label */
  TdCertInfo *certificate;
} TdTokenKey;

void        td_token_key_free    (TdTokenKey  *key);
/* Every certificate that is not a CA's on the tokens p11-kit knows (or in @module), with the
 * URI of the private key beside it: the keys a clerk can sign with.  Lists what is readable
 * without logging in. */
GPtrArray  *td_signer_list_token_keys (const char *module,
                                       GError    **error);

/* A detached PKCS#7 signature (DER) of @data, with the signing time and the certificate. */
GBytes     *td_signer_sign       (TdSigner    *signer,
                                  GBytes      *data,
                                  GError     **error);

/* ---- checking ---- */

typedef struct {
  TdCertInfo *signer;
  gint64      signed_at;   /* Unix time, 0 when the signature does not say */
} TdSignatureInfo;

void        td_signature_info_free (TdSignatureInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdSignatureInfo, td_signature_info_free)

/* Checks @signature over @data: it matches, the certificate chains to a CA of @db's trust list
 * and was valid at the signing time, and it is recorded for @unit_id.  Returns who signed
 * and when, or NULL with the first problem found (TD_SIGNATURE_ERROR_*); the messages name
 * the signer when it is known. */
TdSignatureInfo *td_signature_check (TdDatabase       *db,
                                     GBytes           *signature,
                                     GBytes           *data,
                                     gint64            unit_id,
                                     GError          **error);

/* The same check against @cas (DER certificates) instead of the database's trust list, and
 * without a unit's binding: what a unit's installation does with the board's setup files. */
TdSignatureInfo *td_signature_verify_with (GBytes     *signature,
                                           GBytes     *data,
                                           GPtrArray  *cas,
                                           GError    **error);

/* ---- the board's trust list and bindings ---- */

/* Adds a CA certificate (PEM or DER) to the trust list; refuses one that is not a CA. */
TdCertInfo *td_trust_add_ca        (TdDatabase  *db,
                                    GBytes      *certificate,
                                    GError     **error);
gboolean    td_trust_remove_ca     (TdDatabase  *db,
                                    const char  *fingerprint,
                                    GError     **error);
/* TdCertInfo of the trusted CAs, by subject */
GPtrArray  *td_trust_list_cas      (TdDatabase  *db,
                                    GError     **error);
/* Records @certificate as one of @unit_code's signing certificates. */
TdCertInfo *td_trust_bind          (TdDatabase  *db,
                                    const char  *unit_code,
                                    GBytes      *certificate,
                                    GError     **error);
gboolean    td_trust_unbind        (TdDatabase  *db,
                                    const char  *unit_code,
                                    const char  *fingerprint,
                                    GError     **error);
/* TdCertInfo bound to @unit_code */
GPtrArray  *td_trust_list_bound    (TdDatabase  *db,
                                    const char  *unit_code,
                                    GError     **error);
/* Whether unsigned packages are accepted (the default, until the board turns it off). */
gboolean    td_trust_get_allow_unsigned (TdDatabase *db);
gboolean    td_trust_set_allow_unsigned (TdDatabase *db,
                                         gboolean    allow,
                                         GError    **error);

G_END_DECLS
