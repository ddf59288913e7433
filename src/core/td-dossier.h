/* td-dossier.h: what the commendation dossier says of one nomination, gathered from the
 * database for the documents (src/documents/td-dossier-pdf.c): the unit's result on every
 * target it reports, the standards and their justifications, the appraisal history and
 * checks, and the evidence files. */
#pragma once

#include <gio/gio.h>

#include "td-appraisal.h"
#include "td-award.h"
#include "td-council.h"

G_BEGIN_DECLS

typedef struct {
  guint  number;
  char  *text;
  char  *value;       /* "99,96 %", "0,718", or "" */
  char  *threshold;   /* "> 90 %" */
  char  *result;      /* "Đạt", "Chưa đạt", "Chưa có số liệu", "Không áp dụng" */
} TdTargetResult;

typedef struct {
  char     *code;
  char     *text;
  gboolean  attested;
  char     *justification;
} TdStandardResult;

typedef struct {
  gint64  id;
  char   *file_name;
  guint   pages;
  char   *verdict;      /* "accepted", … */
  char   *owner;        /* "Hồ sơ đề nghị" or "Chỉ tiêu 4" or "Tiêu chuẩn TT-1" */
} TdEvidenceItem;

typedef struct {
  TdNomination *nomination;
  char         *unit_kind;      /* "xã", "sở, ban, ngành", … as a sentence says it */
  char         *place;          /* where the unit's report is dated: its commune or ward, else the province */
  char         *round_title;
  char         *campaign;
  char         *province;
  GPtrArray    *targets;        /* TdTargetResult, the targets the unit's kind reports */
  GPtrArray    *standards;      /* TdStandardResult */
  GPtrArray    *steps;          /* TdStepSpec */
  GPtrArray    *history;        /* TdStepRecord */
  GPtrArray    *checks;         /* TdEligibilityCheck, every one */
  GPtrArray    *evidence;       /* TdEvidenceItem */
} TdDossier;

void       td_dossier_free  (TdDossier  *dossier);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdDossier, td_dossier_free)
TdDossier *td_dossier_load  (TdDatabase *db,
                             gint64      nomination_id,
                             GError    **error);

/* What the proposal (Tờ trình) and the minutes need besides the meeting. */
typedef struct {
  char      *campaign;
  char      *province;
  char      *plan;           /* "Kế hoạch số … ngày … của UBND tỉnh …" or "Kế hoạch" */
  char      *appraiser;      /* the body of the appraisal step */
  char      *co_appraiser;   /* the body of the co-appraisal step */
  TdMeeting *meeting;        /* the latest closed meeting of the round, or NULL */
  GPtrArray *nominations;    /* TdNomination the council passed, waiting for the decision */
} TdProposal;

void        td_proposal_free (TdProposal *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdProposal, td_proposal_free)
/* @meeting_id 0: the round's latest closed meeting. */
TdProposal *td_proposal_load (TdDatabase *db,
                              gint64      round_id,
                              gint64      meeting_id,
                              GError    **error);

G_END_DECLS
