/* td-decision.h: an award decision (Quyết định khen thưởng): its whole text, stored, and the
 * nominations it grants.  Defaults come from data/templates/decision-*.json. */
#pragma once

#include <gio/gio.h>

#include "td-award.h"
#include "td-database.h"

G_BEGIN_DECLS

typedef struct {
  gint64        id;             /* 0 until stored */
  gint64        round_id;
  TdAwardLevel  level;
  char         *number;         /* "05"; "" for a draft, printed "…/QĐ-UBND" */
  char         *number_suffix;  /* "QĐ-UBND" */
  char         *signed_on;      /* ISO date, or NULL: the date is left blank */
  char         *governing_body; /* "UBND TỈNH BẮC NINH", or "" when the issuer has none */
  char         *issuing_body;   /* lines separated by '\n' */
  char         *place;          /* "Bắc Ninh" */
  char         *summary;        /* trích yếu: "Về việc tặng Bằng khen …" */
  char         *authority;      /* "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH" */
  char        **bases;          /* "Căn cứ …", without the closing ';' */
  char         *proposer;       /* "Theo đề nghị của <proposer>" */
  char        **articles;       /* Điều 1, 2, …; "{awardees}" is filled in when laid out */
  char         *signer_title;   /* lines: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" */
  char         *signer_name;
  char        **recipients;     /* Nơi nhận, without the leading "- " */
  char         *list_title;     /* of the attached list, lines */
  char         *issuer_short;   /* "Chủ tịch UBND tỉnh Bắc Ninh", in the list's subtitle */
} TdDecision;

void        td_decision_free          (TdDecision    *decision);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdDecision, td_decision_free)

/* A new decision filled from the template of @level. */
TdDecision *td_decision_new_from_template (TdAwardLevel level,
                                           GError     **error);
gboolean    td_decision_is_draft      (const TdDecision *decision);
/* "05/QĐ-UBND", or "…/QĐ-UBND" for a draft. */
char       *td_decision_format_number (const TdDecision *decision);
/* "ngày 08 tháng 10 năm 2026", or "ngày      tháng      năm 2026" with blanks to fill in by hand
 * when the decision has no date yet. */
char       *td_decision_format_long_date (const TdDecision *decision);
/* "03 tập thể và 02 cá nhân" */
char       *td_decision_format_awardees (guint n_collectives,
                                         guint n_individuals);

/* Stores @decision (its id must be 0) and moves every listed nomination, all approved and of
 * the decision's level, into it; one transaction.  Returns the new id. */
gint64      td_decision_create        (TdDatabase       *db,
                                       const TdDecision *decision,
                                       const gint64     *nomination_ids,
                                       guint             n_nominations,
                                       GError          **error);
/* Writes the text of a stored decision back (its nominations stay). */
gboolean    td_decision_save          (TdDatabase       *db,
                                       const TdDecision *decision,
                                       GError          **error);
TdDecision *td_decision_load          (TdDatabase       *db,
                                       gint64            decision_id,
                                       GError          **error);
/* TdDecision of a round (0: all), newest first */
GPtrArray  *td_decision_list          (TdDatabase       *db,
                                       gint64            round_id,
                                       GError          **error);
/* TdNomination granted by the decision: collectives first, then individuals, each in id order. */
GPtrArray  *td_decision_list_awardees (TdDatabase       *db,
                                       gint64            decision_id,
                                       GError          **error);

G_END_DECLS
