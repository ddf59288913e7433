/* td-award-book.h: the award register (sổ theo dõi khen thưởng) each issuer keeps per year.
 *
 * Numbers are given by td_decision_issue(), once; a withdrawn decision's stay in the book,
 * cancelled.  The book also counts the pre-printed blanks (phôi) each decision used. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"
#include "td-types.h"

G_BEGIN_DECLS

typedef struct {
  gint64        id;
  char         *issuer_code;     /* "" the province */
  char         *issuer_name;     /* "UBND tỉnh" or the unit's name */
  int           year;
  guint         number;
  gint64        decision_id;
  char         *decision_number; /* "05/QĐ-UBND" */
  char         *signed_on;       /* ISO */
  TdAwardLevel  level;
  gint64        nomination_id;
  gboolean      individual;
  char         *name;            /* the person, or the collective */
  char         *position;        /* an individual's position and unit, "" for a collective */
  char         *unit_name;
  char         *unit_code;
  char         *achievement;
  gboolean      cancelled;
} TdAwardEntry;

void        td_award_entry_free          (TdAwardEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAwardEntry, td_award_entry_free)
/* "003/2026" */
char       *td_award_entry_format_number (const TdAwardEntry *entry);

typedef struct {
  const char *issuer;   /* NULL: every issuer; "" the province */
  int         year;     /* 0: every year */
  gint64      decision_id;   /* 0: every decision */
  const char *text;     /* NULL: everything; else words matched against name, unit, award and
                         * decision, without regard to case or Vietnamese marks */
} TdAwardQuery;

/* TdAwardEntry in register order (issuer, year, number). */
GPtrArray  *td_award_book_list           (TdDatabase          *db,
                                          const TdAwardQuery  *query,
                                          GError             **error);
gboolean    td_award_entry_matches       (const TdAwardEntry  *entry,
                                          const char          *text);
/* nomination id (gint64 *) → "003/2026", the decision's numbers that are not cancelled. */
GHashTable *td_award_book_numbers_for_decision (TdDatabase   *db,
                                          gint64               decision_id,
                                          GError             **error);

/* The book as a table, as the board's Excel book has it: the column titles, and one GStrv
 * per entry (td_table_write() saves it). */
const char * const *td_award_book_header (void);
GPtrArray  *td_award_book_rows           (GPtrArray           *entries);

/* Records that @sheets blanks of @template_name were printed for the issued decision
 * (@reprint: spoiled sheets printed again with the same numbers). */
gboolean    td_award_book_record_print   (TdDatabase          *db,
                                          gint64               decision_id,
                                          const char          *template_name,
                                          guint                sheets,
                                          gboolean             reprint,
                                          GError             **error);
/* Whether @sheets certificates of @decision may go onto blanks: never for a withdrawn decision,
 * and past the decision's @awardees only as a reprint of spoiled sheets (@reprint); the
 * refusal says which sheets were printed before, when and by whom. */
gboolean    td_award_book_check_blanks   (TdDatabase          *db,
                                          gint64               decision_id,
                                          gboolean             withdrawn,
                                          guint                awardees,
                                          guint                sheets,
                                          gboolean             reprint,
                                          GError             **error);
/* The blanks a decision used, and how many of them were reprints. */
gboolean    td_award_book_count_prints   (TdDatabase          *db,
                                          gint64               decision_id,
                                          guint               *sheets,
                                          guint               *reprinted,
                                          GError             **error);

G_END_DECLS
