/* td-appraisal-history.h: what was done at each step of a nomination, by which body and person,
 * when, with the verdict, the opinion and why; rows are added, never changed.  Apart from
 * td-appraisal.h so that the nomination's own code (td-award.c) records its proposal without
 * depending on the appraisal that depends on it. */
#pragma once

#include "td-appraisal-rules.h"
#include "td-database.h"

G_BEGIN_DECLS

typedef struct {
  gint64        id;
  char         *step;         /* step id */
  TdStepAction  action;
  char         *body_code;
  char         *body_name;
  char         *actor;        /* the person, as the installation knows them */
  char         *at;           /* ISO 8601 */
  char         *verdict;      /* "eligible", "not-eligible", or for a vote "passed 7/9" */
  char         *opinion;
  char         *reason;
  char         *check_id;     /* an override: the check it overrides */
} TdStepRecord;

void        td_step_record_free       (TdStepRecord *record);

/* TdStepRecord of a nomination, oldest first. */
GPtrArray  *td_appraisal_history      (TdDatabase  *db,
                                       gint64       nomination_id,
                                       GError     **error);
/* How many steps are done (1 once proposed, 0 when returned to the proposer). */
guint       td_appraisal_steps_done   (TdDatabase  *db,
                                       gint64       nomination_id,
                                       GError     **error);

/* Records one history row within the caller's transaction. */
gboolean    td_appraisal_record       (TdDatabase   *db,
                                       gint64        nomination_id,
                                       const char   *step,
                                       TdStepAction  action,
                                       const char   *body_code,
                                       const char   *verdict,
                                       const char   *opinion,
                                       const char   *reason,
                                       const char   *check_id,
                                       GError      **error);

G_END_DECLS
