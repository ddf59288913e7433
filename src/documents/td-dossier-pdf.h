/* td-dossier-pdf.h: the documents of the commendation dossier, written by the app in the same
 * Decree 30/2020 layout as the decision: the proposal (Tờ trình) to the Chairman, the minutes
 * (Biên bản) of the council's meeting, the achievement report (Báo cáo thành tích) of a
 * nominee, and the dossier of one nomination with its table of contents.  Their text is
 * data/templates/dossier.json.  No GTK. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "td-dossier.h"

G_BEGIN_DECLS

GBytes *td_proposal_render_pdf           (const TdProposal *proposal,
                                          GError          **error);
/* The minutes of @proposal's meeting (TD_APPRAISAL_ERROR_BAD_MOVE without a closed one). */
GBytes *td_minutes_render_pdf            (const TdProposal *proposal,
                                          GError          **error);
GBytes *td_achievement_report_render_pdf (const TdDossier  *dossier,
                                          GError          **error);

/* The image of page @page of the dossier's evidence @index (its pages drawn by the PDF
 * helper, never in this process), or NULL with @error for a page that cannot be drawn: the
 * dossier then says so on that page. */
typedef cairo_surface_t *(*TdEvidencePageFunc) (guint     index,
                                                guint     page,
                                                gpointer  user_data,
                                                GError  **error);

/* The whole dossier: a cover with the table of contents, the achievement report, the
 * appraisal record (history and checks), the list of evidence and, when @pages is not NULL,
 * every evidence page. */
GBytes *td_dossier_render_pdf            (const TdDossier    *dossier,
                                          TdEvidencePageFunc  pages,
                                          gpointer            user_data,
                                          GError            **error);

/* td_dossier_render_pdf() on a worker (a dossier with its evidence pages takes a while); takes
 * @dossier, and @data freed with @destroy once done. */
void    td_dossier_render_async          (TdDossier          *dossier,
                                          TdEvidencePageFunc  pages,
                                          gpointer            data,
                                          GDestroyNotify      destroy,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
GBytes *td_dossier_render_finish         (GAsyncResult       *result,
                                          GError            **error);

G_END_DECLS
