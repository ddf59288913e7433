/* td-package-read.h: a package read from its file and checked, before anything is written:
 * shared by the reader (td-package-read.c) and the import (td-package-import.c). */
#pragma once

#include "td-catalog.h"
#include "td-conn.h"

#include "td-package-private.h"

G_BEGIN_DECLS

typedef struct {
  guint    number;
  TdValue  value;
  char    *updated_at;
} PkgValue;

typedef struct {
  char     *code;
  gboolean  attested;
  char     *justification;
} PkgAttestation;

typedef struct {
  char  *sha256;
  char  *file_name;
  guint  target_number;
  char  *standard_code;
  char  *added_at;
  char  *verdict;
  char  *verdict_comment;
} PkgEvidence;

typedef struct {
  gint64 id;   /* the entry's id in the unit's own log */
  char *at, *actor, *entity, *field, *old_value, *new_value, *reason;
} PkgAudit;

typedef struct {
  char               *path;
  TdConn             *pkg;
  GHashTable         *manifest;
  TdUnit             *unit;
  TdRound            *round;
  GListModel         *targets;
  GPtrArray          *standards;
  GPtrArray          *values;
  GPtrArray          *attestations;
  GPtrArray          *evidence;
  GHashTable         *blobs;
  GHashTable         *pages;          /* sha256 → page count, found while checking */
  GHashTable         *problems;       /* sha256 → why the PDF helper could not draw it */
  GHashTable         *digests;        /* table → sha256 of the rows read */
  gsize               max_size;
  gint64              deadline;       /* monotonic time the checks must end by */
  GPtrArray          *audit;
  int                 revision;
  TdAssessmentStatus  status;
  gboolean            has_signature_table;
  GBytes             *signature;       /* PKCS#7, or NULL for an unsigned package */
  TdSignatureInfo    *signature_info;  /* once checked */
} Package;

void        td_package_data_free (Package *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Package, td_package_data_free)

/* Opens @path read-only and checks everything in it (schema, rows, digests, every PDF); NULL
 * with the reason when anything is wrong. */
/* Rows a table may hold: far more than any self-assessment, far fewer than a denial of service. */
#define TD_PACKAGE_MAX_EVIDENCE 5000
#define TD_PACKAGE_MAX_AUDIT    200000

/* Where an import's time goes, in microseconds summed over every package read or imported by
 * this process: bench-import prints the split. */
typedef struct {
  gint64 open;        /* opening the file and checking its schema */
  gint64 hash;        /* sha256 of each evidence's bytes */
  gint64 rows;        /* reading and checking the rows, their digests and the signature, less hash */
  gint64 pdf;         /* drawing every evidence page in the PDF helper */
  gint64 write;       /* the statements against the database */
  gint64 commit;      /* COMMIT: sqlite writing the WAL */
} TdPackageTimings;

extern TdPackageTimings td_package_timings;

/* Milliseconds a package's checks may take ($THIDUA_PACKAGE_TIME_LIMIT_MS, else two minutes). */
int         td_package_time_limit_ms (void);

Package    *td_package_read      (TdDatabase  *db,
                                  const char  *path,
                                  gsize        max_size,
                                  GError     **error);
/* What td_package_inspect() (@import FALSE) or td_package_import() do with a package already
 * read: the preview, or the import in one transaction.  td-package-batch.c reads the next
 * package while this runs. */
TdPackagePreview *td_package_take (Package     *p,
                                   TdDatabase  *db,
                                   gboolean     import,
                                   GError     **error);
TdTarget   *td_package_target    (Package     *p,
                                  guint        number);
TdStandard *td_package_standard  (Package     *p,
                                  const char  *code);

G_END_DECLS
