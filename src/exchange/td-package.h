/* td-package.h: the exchange package (*.thidua) that carries one unit's self-assessment for
 * one round between a unit and the province.
 *
 * A package is an SQLite file ("SQLite as an application file format"): a manifest, the values,
 * the attestations, the evidence and its bytes, and the unit's audit entries.  Import checks
 * everything before it touches the database and then writes in one transaction. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"
#include "td-signature.h"

G_BEGIN_DECLS

#define TD_PACKAGE_ERROR (td_package_error_quark ())

typedef enum {
  TD_PACKAGE_ERROR_NOT_A_PACKAGE,     /* not SQLite, or not our tables */
  TD_PACKAGE_ERROR_DAMAGED,           /* truncated or corrupt */
  TD_PACKAGE_ERROR_TOO_NEW,           /* written by a newer format */
  TD_PACKAGE_ERROR_OTHER_CAMPAIGN,
  TD_PACKAGE_ERROR_UNKNOWN_UNIT,
  TD_PACKAGE_ERROR_UNKNOWN_ROUND,
  TD_PACKAGE_ERROR_CHECKSUM,          /* content differs from what the manifest promises */
  TD_PACKAGE_ERROR_ROWS,              /* missing, duplicated or unknown rows */
  TD_PACKAGE_ERROR_BAD_VALUE,         /* a text or number outside what the app accepts */
  TD_PACKAGE_ERROR_BAD_EVIDENCE,      /* an evidence that is not a readable PDF */
  TD_PACKAGE_ERROR_NOT_READY,         /* exporting something not submitted */
  TD_PACKAGE_ERROR_OLDER_REVISION,    /* the database already has a later revision */
  TD_PACKAGE_ERROR_SAME_REVISION,     /* the revision received already, with other content */
  TD_PACKAGE_ERROR_REVISION_GAP,      /* a revision far beyond the one received */
  TD_PACKAGE_ERROR_WRONG_DIRECTION,   /* a unit's package at a unit, a return at the board */
  TD_PACKAGE_ERROR_TOO_SLOW,          /* the checks ran past their time budget */
} TdPackageError;

GQuark td_package_error_quark (void);

/* The format this build writes and reads (at most). */
#define TD_PACKAGE_FORMAT 1

/* A unit raises its revision by one with each submission; no genuine package comes near this. */
#define TD_PACKAGE_MAX_REVISION 10000
/* How far ahead of the revision the board holds a package may be: revisions the unit submitted
 * but never sent are skipped, a forged revision 100000 cannot lock the unit out. */
#define TD_PACKAGE_MAX_REVISION_GAP 20

typedef enum {
  TD_IMPORT_NEW,          /* the database has nothing for this unit and round */
  TD_IMPORT_SAME,         /* the same as already received: nothing to do */
  TD_IMPORT_REVISION,     /* a resubmission that differs: the earlier one is kept in the history */
  TD_IMPORT_RETURNED,     /* the province returned the submission: it opens for editing again */
} TdImportKind;

typedef struct {
  char          *path;
  char          *unit_code;
  char          *unit_name;
  guint          round_number;
  int            revision;
  char          *status;        /* as in the package: "submitted", "returned", … */
  char          *status_reason;
  char          *created_at;
  TdImportKind   kind;
  GPtrArray     *changes;       /* human-readable lines: "Chỉ tiêu 7: 45/50 → 48/50" */
  guint          n_values;
  guint          n_evidence;
  TdSignatureInfo *signature;   /* who signed it and when; NULL for an unsigned package */
  int            setup_version; /* the board's setup the unit works with; 0 when not said */
  int            board_setup_version; /* the newest this board wrote; 0 when it wrote none */
} TdPackagePreview;

void              td_package_preview_free (TdPackagePreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPackagePreview, td_package_preview_free)

/* Writes the self-assessment of @unit_code for round @round_number into @path (written beside
 * and renamed into place).  It must be submitted (or, at the province, returned: the package
 * then tells the unit why). */
gboolean          td_package_export   (TdDatabase   *db,
                                       const char   *unit_code,
                                       guint         round_number,
                                       const char   *path,
                                       GError      **error);

/* The same, signed with @signer's certificate (NULL: unsigned). */
gboolean          td_package_export_signed (TdDatabase *db,
                                       const char   *unit_code,
                                       guint         round_number,
                                       const char   *path,
                                       TdSigner     *signer,
                                       GError      **error);

/* The name a package is saved under, the unit's code and the round: "X-PL-dot2.thidua". */
char             *td_package_file_name (const char *unit_code,
                                        guint       round_number);

/* Where a package for @unit_code and @round_number goes when @output is given: into @output
 * under td_package_file_name() when it is a folder, else @output itself, whose folder must
 * exist.  NULL with the reason otherwise: callers that change anything before exporting (a
 * return) ask first. */
char             *td_package_resolve_output (const char  *output,
                                             const char  *unit_code,
                                             guint        round_number,
                                             GError     **error);

/* Checks @path against @db without changing anything and says what an import would do. */
TdPackagePreview *td_package_inspect  (TdDatabase   *db,
                                       const char   *path,
                                       gsize         max_evidence_size,
                                       GError      **error);

/* Checks and imports in one transaction: all of it or nothing. */
TdPackagePreview *td_package_import   (TdDatabase   *db,
                                       const char   *path,
                                       gsize         max_evidence_size,
                                       GError      **error);

/* What became of one file of a batch. */
typedef struct {
  char             *path;
  TdPackagePreview *preview;    /* NULL when the file was refused */
  char             *error;      /* why, then */
} TdPackageOutcome;

void              td_package_outcome_free (TdPackageOutcome *outcome);

typedef void (*TdPackageProgressFunc) (guint    done,
                                       guint    total,
                                       gpointer user_data);

/* td_package_inspect() (@import FALSE) or td_package_import() of each of @paths in turn, the
 * next file read and checked on a thread of its own (with its own connection) while one is
 * written; stops between files when @cancellable is cancelled.  @progress is called on the
 * calling thread after each file.  The result: a TdPackageOutcome per file handled, in order. */
GPtrArray        *td_packages_run         (TdDatabase            *db,
                                           const char * const    *paths,
                                           gboolean               import,
                                           gsize                  max_evidence_size,
                                           GCancellable          *cancellable,
                                           TdPackageProgressFunc  progress,
                                           gpointer               progress_data);
/* td_packages_run() on a worker of @db's session (td-session.h), which reads ahead on one more. */
void              td_packages_run_async   (TdDatabase            *db,
                                           const char * const    *paths,
                                           gboolean               import,
                                           gsize                  max_evidence_size,
                                           GCancellable          *cancellable,
                                           TdPackageProgressFunc  progress,
                                           gpointer               progress_data,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
GPtrArray        *td_packages_run_finish  (GAsyncResult          *result,
                                           GError               **error);

G_END_DECLS
