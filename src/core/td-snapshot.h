/* td-snapshot.h: what leaves the database when a unit exports its self-assessment, read by
 * the core (the statements against the database are the core's), handed on row by row to the
 * exchange code that writes the package.
 *
 * Each row comes as GValues, one per column, in the order the part documents: gint64 for
 * whole numbers, double, strings, GBytes for blobs; an unset GValue (G_TYPE_INVALID) for NULL. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

typedef enum {
  TD_SNAPSHOT_VALUES,        /* target number, numerator, denominator, index, not applicable, reason, note, updated at */
  TD_SNAPSHOT_ATTESTATIONS,  /* standard code, attested, justification */
  TD_SNAPSHOT_EVIDENCE,      /* id, sha256, file name, target number, standard code, added at, verdict, comment */
  TD_SNAPSHOT_BLOBS,         /* sha256, data */
  TD_SNAPSHOT_HISTORY,       /* id, at, actor, entity, field, old value, new value, reason */
} TdSnapshotPart;

typedef gboolean (*TdSnapshotRowFunc) (const GValue *columns,
                                       guint         n_columns,
                                       gpointer      user_data,
                                       GError      **error);

/* Calls @func for each row of @part of the self-assessment @assessment_id of the unit
 * @unit_code; stops at the first FALSE. */
gboolean td_snapshot_read (TdDatabase         *db,
                           TdSnapshotPart      part,
                           gint64              assessment_id,
                           const char         *unit_code,
                           TdSnapshotRowFunc   func,
                           gpointer            user_data,
                           GError            **error);

G_END_DECLS
