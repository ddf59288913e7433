/* td-decision-pdf.h: a decision laid out per Decree 30/2020/NĐ-CP, with its attached list of
 * awardees, as PDF.  No GTK. */
#pragma once

#include <gio/gio.h>

#include "td-decision.h"
#include "td-doc-flow.h"

G_BEGIN_DECLS

/* Page geometry of a decision, in millimetres (A4 portrait). */
#define TD_DECISION_PAGE_WIDTH    TD_FLOW_PAGE_WIDTH
#define TD_DECISION_PAGE_HEIGHT   TD_FLOW_PAGE_HEIGHT
#define TD_DECISION_MARGIN_TOP    TD_FLOW_MARGIN_TOP
#define TD_DECISION_MARGIN_BOTTOM TD_FLOW_MARGIN_BOTTOM
#define TD_DECISION_MARGIN_LEFT   TD_FLOW_MARGIN_LEFT
#define TD_DECISION_MARGIN_RIGHT  TD_FLOW_MARGIN_RIGHT
/* Share of the text width taken by the header's left column (issuing body). */
#define TD_DECISION_HEADER_LEFT     TD_FLOW_HEADER_LEFT
/* The short rule under the issuing body, as a share of the line above it (⅓ to ½). */
#define TD_DECISION_RULE_SHARE      TD_FLOW_RULE_SHARE

/* @awardees: TdNomination, collectives first (td_decision_list_awardees()). */
GBytes *td_decision_render_pdf (const TdDecision  *decision,
                                GPtrArray         *awardees,
                                GError           **error);

/* The same on a worker (a decision with a thousand awardees takes a moment); takes
 * @decision and a reference to @awardees. */
void    td_decision_render_pdf_async  (TdDecision          *decision,
                                       GPtrArray           *awardees,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
GBytes *td_decision_render_pdf_finish (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
