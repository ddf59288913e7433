/* td-reminder-pdf.h: the board's reminder letter (công văn đôn đốc) to the units that have not
 * sent their self-assessment, in the Decree 30/2020 layout of the other documents: the header,
 * "V/v …" under the number, "Kính gửi:" the units (or the attached list when there are many),
 * the deadline and the new day to send by, Nơi nhận, the signature, and the attached list
 * with each unit's state and contact.  Its text is the "reminder" part of
 * data/templates/dossier.json.  No GTK. */
#pragma once

#include <gio/gio.h>

#include "td-completeness.h"
#include "td-database.h"

G_BEGIN_DECLS

/* More units than this are named in an attached list, not after "Kính gửi:". */
#define TD_REMINDER_MAX_ADDRESSEES 5

typedef struct {
  char           *province;
  char           *campaign;
  char           *plan;         /* "Kế hoạch số … của UBND tỉnh …" */
  char           *issuer;       /* the body that chases: the appraising department */
  char           *reply_by;     /* ISO date the units are asked to send by */
  TdCompleteness *completeness;
  GPtrArray      *rows;         /* the TdCompletenessRow (of @completeness) the letter goes to */
} TdReminder;

void        td_reminder_free (TdReminder *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdReminder, td_reminder_free)

/* The reminder of round @round_number: who it goes to (td_reminder_select()), the issuer (the
 * appraisal's body as the register names it, Sở Khoa học và Công nghệ by default), the day to
 * send by (@reply_by, or the deadline while it is ahead, else five days from @today). */
TdReminder *td_reminder_load (TdDatabase                 *db,
                              guint                       round_number,
                              const TdCompletenessFilter *filter,
                              const char                 *today,
                              gboolean                    with_late,
                              const char                 *reply_by,
                              GError                    **error);

/* The rows a reminder goes to: every unit that has not sent (not started, a draft, returned
 * and not sent again), and with @with_late those that sent after the deadline too. */
GPtrArray *td_reminder_select     (TdCompleteness   *completeness,
                                   gboolean          with_late);
GBytes    *td_reminder_render_pdf (const TdReminder *reminder,
                                   GError          **error);
/* The same units for the board's calls and e-mails, one GStrv per unit under
 * td_reminder_contact_header(): code, name, kind, parent, state, timeliness, contact, phone, e-mail
 * (for td_table_write(), .csv or .xlsx). */
const char * const *td_reminder_contact_header (void);
GPtrArray          *td_reminder_contact_rows   (const TdReminder *reminder);

/* The letter of round @round_number (kind @kind, or every kind when < 0) written to @file on a
 * worker of @db's session (td-session.h); the number of units it names. */
void        td_reminder_write_async  (TdDatabase          *db,
                                      guint                round_number,
                                      int                  kind,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
guint       td_reminder_write_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
