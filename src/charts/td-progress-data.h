/* td-progress-data.h: everything the progress views and reports show for one round and scope,
 * read in one go (off the main thread in the app). */
#pragma once

#include "td-core.h"

G_BEGIN_DECLS

typedef struct {
  gatomicrefcount ref_count;
  char          *campaign_title;
  TdRound       *round;
  GListModel    *rounds;          /* TdRound */
  GListModel    *targets;         /* TdTarget */
  TdRollupScope  scope;
  char          *scope_label;     /* "Toàn tỉnh", a kind of unit, or a unit's name */
  GArray        *rollups;         /* TdTargetRollup for the round */
  TdSummary      summary;
  GPtrArray     *per_round;       /* GArray of TdTargetRollup per round, for the trend */
  GPtrArray     *measures;        /* GArray of TdUnitMeasure per target, best first */
  guint          n_submitted;     /* units whose self-assessment for the round counts */
  guint          n_unsigned;      /* of those, received in an unsigned package */
  guint          n_units;         /* units in scope */
  double        *dti;             /* the index target per round; < 0 when missing */
  TdTarget     **dti_targets;
  GPtrArray     *violations;      /* TdRuleViolation of the units in scope that submitted */     /* the index target judging each round (its threshold), or NULL */
  char         **round_labels;    /* per round: "2025", "2026" */
  TdCompleteness *completeness;   /* who has sent what in the scope; NULL for one unit */
} TdProgressData;

#define TD_TYPE_PROGRESS_DATA (td_progress_data_get_type ())
GType           td_progress_data_get_type (void) G_GNUC_CONST;
TdProgressData *td_progress_data_ref   (TdProgressData *data);
void            td_progress_data_unref (TdProgressData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdProgressData, td_progress_data_unref)

/* @unit_kind -1 for every kind; @unit_code NULL for all units. */
TdProgressData *td_progress_data_load  (TdDatabase  *db,
                                        guint        round_number,
                                        int          unit_kind,
                                        const char  *unit_code,
                                        GError     **error);

/* The same, on a worker of @db's session (td-session.h: a connection of its own), so that the
 * main loop never waits for it. */
void            td_progress_data_load_async  (TdDatabase          *db,
                                              guint                round_number,
                                              int                  unit_kind,
                                              const char          *unit_code,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
TdProgressData *td_progress_data_load_finish (GAsyncResult        *result,
                                              GError             **error);

/* The index target (the DTI), or NULL when the campaign has none. */
TdTarget       *td_progress_data_get_index_target (TdProgressData *data);

G_END_DECLS
