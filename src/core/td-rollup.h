/* td-rollup.h: where a unit, a kind of unit or the province stands against each target. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"
#include "td-target.h"

G_BEGIN_DECLS

/* Which self-assessments count. */
typedef struct {
  gint64    round_id;
  int       unit_kind;        /* a TdUnitKind, or -1 for every kind */
  gint64    unit_id;          /* one unit, or 0 */
  gboolean  include_drafts;   /* the province's view counts only what was submitted */
} TdRollupScope;

void td_rollup_scope_init (TdRollupScope *scope,
                           gint64         round_id);

typedef struct {
  TdTarget *target;           /* owned, judging with the round's threshold */
  gint64    numerator_sum;    /* ratio targets: sums over the units that count */
  gint64    denominator_sum;
  gboolean  has_measure;
  double    measure;          /* percentage, or the index */
  gboolean  met;
  guint     n_reporting;      /* units with a valid value */
  guint     n_met;            /* of those, units meeting the target on their own */
  guint     n_not_applicable;
  guint     n_invalid;
  guint     n_not_counted;    /* valid values of kinds that report the target but whose figures
                               * the province does not add (a team inside its commune) */
  gboolean  not_reported;     /* no unit in the scope reports this target */
} TdTargetRollup;

/* The rollup's result as every output shows it ("99,96 %", "0,749"), NULL without one. */
char *td_target_rollup_format (const TdTargetRollup *rollup);

void td_target_rollup_clear (TdTargetRollup *rollup);

typedef struct {
  guint n_targets;
  guint n_applicable;         /* targets minus those marked not applicable */
  guint n_met;
  guint n_not_met;
  guint n_missing;
  guint n_invalid;
  guint n_units;              /* self-assessments counted */
} TdSummary;

/* One TdTargetRollup per target, in target order, each judged with the threshold of the
 * scope's round.  Only values of units that report a target count (the campaign says which
 * kinds do); the province's figure adds up only the kinds the campaign counts for it, so each
 * person or case is counted once.  Ratios roll up as the sum of numerators over the sum of
 * denominators, so large units weigh as much as their numbers.  An index (the DTI) is the
 * province's own value when the province reported one, else the mean of the units counted. */
GArray  *td_rollup_compute     (TdDatabase          *db,
                                GListModel          *targets,
                                const TdRollupScope *scope,
                                GError             **error);
/* Met / not met / missing counts over the result of td_rollup_compute(). */
void     td_rollup_summarize   (GArray              *rollups,
                                TdSummary           *summary);

/* The summary of one unit's own self-assessment (drafts included). */
gboolean td_summary_for_unit   (TdDatabase          *db,
                                GListModel          *targets,
                                gint64               unit_id,
                                gint64               round_id,
                                TdSummary           *summary,
                                GError             **error);

/* Units in @scope (the province unit itself not counted), how many of them have a
 * self-assessment for the round that counts in the province's view, and how many of those
 * arrived in an unsigned package (@n_unsigned may be NULL). */
gboolean td_rollup_count_units (TdDatabase          *db,
                                const TdRollupScope *scope,
                                guint               *n_submitted,
                                guint               *n_units,
                                guint               *n_unsigned,
                                GError             **error);

/* One unit's own figure for one target, for rankings. */
typedef struct {
  gint64      unit_id;
  char       *code;
  char       *name;
  TdUnitKind  kind;
  gint64      numerator;
  gint64      denominator;
  double      measure;        /* for drawing; td_unit_measure_format() for text */
  gboolean    met;
} TdUnitMeasure;

/* The number of the round @round_id, 0 when there is none. */
guint    td_rollup_round_number (TdDatabase *db,
                                 gint64      round_id);

void     td_unit_measure_clear (TdUnitMeasure *measure);
char    *td_unit_measure_format (TdTarget            *target,
                                 const TdUnitMeasure *measure);

/* Every unit in @scope with a valid value for @target, best first (ties by name); for the
 * whole province, the units whose figures it adds up. */
GArray  *td_rollup_unit_measures (TdDatabase          *db,
                                  TdTarget            *target,
                                  const TdRollupScope *scope,
                                  GError             **error);

/* td_rollup_compute() for each round of @rounds (TdRound), with @scope's other settings: one
 * GArray of TdTargetRollup per round, in round order. */
GPtrArray *td_rollup_trend      (TdDatabase          *db,
                                 GListModel          *targets,
                                 GListModel          *rounds,
                                 const TdRollupScope *scope,
                                 GError             **error);

G_END_DECLS
