/* td-setup.h: the setup file (*.thidua-setup) the board sends a unit: the campaign, the unit
 * register (the unit, the units above it and the unit that proposes its awards, or all), the
 * board's trust anchors and its rules.  Opening it on a unit's machine makes (or updates) that
 * unit's own installation. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"
#include "td-signature.h"

G_BEGIN_DECLS

/* 2: a key rollover's file, with the former key's signature beside the new one's. */
#define TD_SETUP_FORMAT 2

typedef struct {
  char    *unit_code;      /* the unit the installation is bound to */
  char    *unit_name;
  int      version;        /* the board's setup version */
  gboolean unchanged;      /* the same version was opened already */
  guint    n_units;
  char    *signer;         /* who signed the file (the board), or NULL */
  char    *signer_key;     /* the sha256 of its public key: what the installation pins */
  gboolean key_changed;    /* a key rollover: signed by the new key and the pinned one */
  char    *previous_signer;
  GPtrArray *changes;      /* char *, what the clerk should know of: the key, the unit's name, … */
} TdSetupResult;

void           td_setup_result_free (TdSetupResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdSetupResult, td_setup_result_free)

/* Writes the board's setup file for @unit_code (NULL: every unit, the unit chosen on opening)
 * into @path; each export raises the board's setup version. */
gboolean       td_setup_export (TdDatabase  *db,
                                const char  *unit_code,
                                const char  *path,
                                GError     **error);

/* Checks @path as hostile input (exact schema, integrity, digests over the rows read) and makes
 * @db the installation of @unit_code (NULL: the unit the file is for), or updates it: register
 * rows and trust anchors, never a typed value.  An older setup, another campaign's, one for
 * another unit, or the board's own database is refused and nothing changes. */
/* The same, signed with @signer (NULL: unsigned) with the packages' PKCS#7 machinery; with
 * @previous too when the board changes its key (a rollover: the units pinned the former key,
 * which vouches for the new one). */
gboolean       td_setup_export_signed (TdDatabase *db,
                                const char  *unit_code,
                                const char  *path,
                                TdSigner    *signer,
                                TdSigner    *previous,
                                GError     **error);

/* The file name a unit's setup file is written under: "X-TIENDU-xa-tien-du.thidua-setup", its
 * code then its name without diacritics (the code alone when the register does not have it). */
char      *td_setup_file_name     (TdDatabase  *db,
                                   const char  *unit_code);

/* One file per active unit into @folder, all with the same new setup version; the paths. */
GPtrArray     *td_setup_export_folder (TdDatabase *db,
                                const char  *folder,
                                TdSigner    *signer,
                                TdSigner    *previous,
                                GError     **error);

TdSetupResult *td_setup_open   (TdDatabase  *db,
                                const char  *path,
                                const char  *unit_code,
                                GError     **error);

/* The units @path holds (TdUnitRecord), checked as td_setup_open() checks it; @for_unit is set
 * to the unit the file is for, or NULL when it is for every unit (the reader chooses). */
GPtrArray     *td_setup_list_units (const char  *path,
                                    char       **for_unit,
                                    GError     **error);

G_END_DECLS
