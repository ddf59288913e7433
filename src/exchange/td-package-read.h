/* td-package-read.h: a package read from its file and checked, before anything is written:
 * shared by the reader (td-package-read.c) and the import (td-package-import.c). */
#pragma once

#include "td-catalog.h"
#include "td-database-private.h"
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
  char *at, *actor, *entity, *field, *old_value, *new_value, *reason;
} PkgAudit;

typedef struct {
  char               *path;
  sqlite3            *pkg;
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
Package    *td_package_read      (TdDatabase  *db,
                                  const char  *path,
                                  gsize        max_size,
                                  GError     **error);
TdTarget   *td_package_target    (Package     *p,
                                  guint        number);
TdStandard *td_package_standard  (Package     *p,
                                  const char  *code);

G_END_DECLS
