/* td-cli.h: the subcommands of thidua-cli and what they share. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "td-core.h"
#include "td-signature.h"

G_BEGIN_DECLS

typedef struct {
  TdDatabase *db;
  char       *database_path;
  gboolean    json;
} TdCliContext;

typedef struct _TdCliCommand TdCliCommand;

/* Returns 0, 1 (failure, @error set) or 2 (usage, @error set). */
typedef int (*TdCliRun) (TdCliContext  *ctx,
                         int            argc,
                         char         **argv,
                         GError       **error);

struct _TdCliCommand {
  const char *name;
  const char *summary;
  TdCliRun    run;
};

const char *td_cli_locale_dir (void);
int         td_cli_run        (const TdCliCommand *command,
                               const char         *database,
                               int                 argc,
                               char              **argv);

/* Parses the command's own options (plus --database and --json); FALSE after --help or an
 * error, with *status set to what main() should return. */
gboolean    td_cli_parse      (TdCliContext   *ctx,
                               const char     *command,
                               const char     *parameter,
                               GOptionEntry   *entries,
                               int            *argc,
                               char         ***argv,
                               int            *status,
                               GError        **error);
/* Opens (and seeds) the database named on the command line or the default one. */
/* The database without the built-in campaign put in (a unit's installation gets its campaign
 * from the board's setup file). */
gboolean    td_cli_open_unseeded (TdCliContext *ctx,
                                  GError      **error);
gboolean    td_cli_open       (TdCliContext   *ctx,
                               GError        **error);
void        td_cli_print_json (JsonNode       *node);
/* Prints what @builder holds. */
void        td_cli_print_builder (JsonBuilder *builder);

/* A member of the object @b is building: a string (null when @value is NULL), an int, a boolean. */
#define TD_CLI_SET_STRING(b, name, value) G_STMT_START {                 \
    json_builder_set_member_name ((b), (name));                          \
    if ((value) != NULL)                                                 \
      json_builder_add_string_value ((b), (value));                      \
    else                                                                 \
      json_builder_add_null_value ((b));                                 \
  } G_STMT_END
#define TD_CLI_SET_INT(b, name, value) G_STMT_START {                    \
    json_builder_set_member_name ((b), (name));                          \
    json_builder_add_int_value ((b), (value));                           \
  } G_STMT_END
#define TD_CLI_SET_BOOL(b, name, value) G_STMT_START {                   \
    json_builder_set_member_name ((b), (name));                          \
    json_builder_add_boolean_value ((b), (value));                       \
  } G_STMT_END
/* The signing options of export and setup export, bound to three strings. */
#define TD_CLI_SIGN_ENTRIES(pkcs11, module, p12)                                                          \
  { "sign-pkcs11", 0, 0, G_OPTION_ARG_STRING, &(pkcs11), N_("Sign with the key at this PKCS#11 URI (the PIN is asked)"), \
    N_("URI") },                                                                                          \
  { "pkcs11-module", 0, 0, G_OPTION_ARG_FILENAME, &(module),                                              \
    N_("The token's PKCS#11 module, if p11-kit does not know it"), N_("FILE") },                          \
  { "sign-p12", 0, 0, G_OPTION_ARG_FILENAME, &(p12), N_("Sign with the key and certificate of this PKCS#12 file"), \
    N_("FILE") }

/* The signer those options name, the PIN or password asked on the terminal and wiped after
 * use; NULL without error when neither option was given. */
TdSigner   *td_cli_make_signer (const char    *pkcs11,
                                const char    *module,
                                const char    *p12,
                                GError       **error);

/* A usage mistake: the message for stderr, and the exit status 2. */
int         td_cli_usage_error (GError       **error,
                                const char    *message);
/* A PIN or password: asked on the terminal without echo, or read as one line from stdin when
 * that is not a terminal (scripts).  NULL at end of input. */
char       *td_cli_read_secret (const char    *prompt);

int td_cli_init    (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_targets (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_units   (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_setup   (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_submit  (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_values  (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_evidence (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_summary (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_audit   (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_backup  (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_chart   (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_report  (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_export  (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_import  (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_return  (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_pdf_render (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_pdf_signatures (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_decision   (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_verify     (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_trust      (TdCliContext *ctx, int argc, char **argv, GError **error);
/* "  signed by … (issued by …, serial …), on …" or "  not signed" */
void td_cli_print_signature (const TdSignatureInfo *signature);
int td_cli_certificates (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_nominations  (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_register     (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_nomination   (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_appraisal    (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_assessment   (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_council      (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_meeting      (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_dossier      (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_proposal     (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_deadlines    (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_completeness (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_remind       (TdCliContext *ctx, int argc, char **argv, GError **error);
int td_cli_minutes      (TdCliContext *ctx, int argc, char **argv, GError **error);

/* Replaced atomically: a half-written file never takes the place of a good one. */
gboolean td_cli_write_bytes (const char *path, GBytes *bytes, GError **error);
/* Says on stderr when Times New Roman had to be replaced. */
void     td_cli_note_font   (void);
/* Keeps in @nominations (TdNomination) only the ids listed in @ids ("12,15"); FALSE when one of
 * them is not there. */
gboolean td_cli_keep_nominations (GPtrArray *nominations, const char *ids, GError **error);

G_END_DECLS
