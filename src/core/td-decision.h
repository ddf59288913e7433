/* td-decision.h: an award decision (Quyết định khen thưởng): its whole text, stored, and the
 * nominations it grants.  Defaults come from data/templates/decision-*.json, filled in for the
 * issuing unit (td-decision-issuer.c).
 *
 * A decision is drafted (no number, no date, printed with the DỰ THẢO mark), then issued once
 * with its number and date, which gives every awardee a number in the issuer's award register
 * (td-award-book.h); an issued decision's text no longer changes.  Withdrawing it cancels
 * those numbers for good and sends its nominations back to "approved". */
#pragma once

#include <gio/gio.h>

#include "td-award.h"
#include "td-database.h"
#include "td-types.h"

G_BEGIN_DECLS

typedef enum {
  TD_DECISION_DRAFT,
  TD_DECISION_ISSUED,
  TD_DECISION_WITHDRAWN,
} TdDecisionStatus;

typedef struct {
  gint64        id;             /* 0 until stored */
  char         *issuer_code;    /* NULL: the province; else the register unit whose head signs */
  TdDecisionStatus status;
  char         *status_reason;  /* why it was withdrawn */
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

/* A new decision of the province (@level TD_AWARD_BANG_KHEN) filled from its template; a Giấy
 * khen has an issuing unit: td_decision_new_for_issuer(). */
TdDecision *td_decision_new_from_template (TdAwardLevel level,
                                           GError     **error);
gboolean    td_decision_is_draft      (const TdDecision *decision);
const char *td_decision_status_to_string (TdDecisionStatus status);
/* "Draft", "Issued", "Withdrawn", translated */
const char *td_decision_status_get_label (TdDecisionStatus status);
/* The issuer's key in the award register: "" for the province, else its unit code. */
const char *td_decision_get_issuer_key (const TdDecision *decision);
/* "05/QĐ-UBND", or "…/QĐ-UBND" for a draft. */
char       *td_decision_format_number (const TdDecision *decision);
/* "ngày 08 tháng 10 năm 2026", or "ngày      tháng      năm 2026" with blanks to fill in by hand
 * when the decision has no date yet. */
char       *td_decision_format_long_date (const TdDecision *decision);
/* "03 tập thể và 02 cá nhân" */
char       *td_decision_format_awardees (guint n_collectives,
                                         guint n_individuals);

/* Stores @decision as a draft (its id must be 0, its number empty) and moves every listed
 * nomination, all approved, of the decision's level and within its issuer's authority, into
 * it; one transaction.  Returns the new id. */
gint64      td_decision_create        (TdDatabase       *db,
                                       const TdDecision *decision,
                                       const gint64     *nomination_ids,
                                       guint             n_nominations,
                                       GError          **error);
/* Writes the text of a stored draft back (its nominations stay); the number and the date are
 * given by td_decision_issue(), and an issued decision is not edited. */
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

/* Issues a draft: its number (1–9999, unique among the issuer's decisions of the year) and
 * date (ISO, not after today), and the next numbers of the issuer's award register for its
 * awardees in the attached list's order; one transaction, so two installations issuing at
 * once never share a number. */
gboolean    td_decision_issue         (TdDatabase       *db,
                                       gint64            decision_id,
                                       const char       *number,
                                       const char       *signed_on,
                                       GError          **error);
/* Withdraws a draft or an issued decision, with the reason: its register numbers stay,
 * cancelled, and its nominations go back to "approved" for another decision. */
gboolean    td_decision_withdraw      (TdDatabase       *db,
                                       gint64            decision_id,
                                       const char       *reason,
                                       GError          **error);

/* td-decision-issuer.c */

/* Whether a unit of @kind awards its own Giấy khen (departments, communes, wards, agencies and
 * enterprises; not the province, whose Chairman gives the Bằng khen, nor the teams). */
gboolean    td_unit_kind_issues_giay_khen (TdUnitKind   kind);
/* A new draft of @issuer_code (NULL or "": the province's Bằng khen), its text filled in from
 * the template for the unit's kind: issuing body, numbering, signer, proposer, Điều 2 and
 * Nơi nhận all name the same unit. */
TdDecision *td_decision_new_for_issuer    (TdDatabase  *db,
                                           const char  *issuer_code,
                                           GError     **error);
/* TRUE when @nomination may be in a decision of @issuer_code: the province grants its Bằng
 * khen to any; a unit its Giấy khen to itself, its staff and the units under it (by parent or
 * by proposer).  Otherwise TD_AWARD_ERROR_AUTHORITY with a message naming both. */
gboolean    td_decision_check_authority   (TdDatabase          *db,
                                           const char          *issuer_code,
                                           const TdNomination  *nomination,
                                           GError             **error);
/* Records the number ("17/KH-UBND") and ISO date of the province's plan, which new decisions
 * cite among their bases. */
gboolean    td_decision_set_plan          (TdDatabase  *db,
                                           const char  *number,
                                           const char  *date,
                                           GError     **error);
/* "Kế hoạch số 17/KH-UBND ngày 11 tháng 8 năm 2025 của UBND tỉnh @province" from what the board
 * recorded, or "Kế hoạch" until it has: how the documents cite the plan. */
char       *td_decision_plan_reference    (TdDatabase  *db,
                                           const char  *province);
/* "SKHCN" for "Sở Khoa học và Công nghệ": the initials of the name's syllables, "và" left out,
 * for the decision's number suffix. */
char       *td_unit_name_abbreviate       (const char  *name);

G_END_DECLS
