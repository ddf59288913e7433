/* td-awards-page.h: the "Khen thưởng" area: nominations through appraisal, and the decisions
 * drawn up from them with their certificates. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_AWARDS_PAGE (td_awards_page_get_type ())
G_DECLARE_FINAL_TYPE (TdAwardsPage, td_awards_page, TD, AWARDS_PAGE, AdwBin)

void     td_awards_page_set_database  (TdAwardsPage *self,
                                       TdDatabase   *db);
/* Nominations shown after the filters. */
guint    td_awards_page_get_n_shown   (TdAwardsPage *self);
/* The nomination in the detail pane, 0 when none. */
gint64   td_awards_page_get_current   (TdAwardsPage *self);
gboolean td_awards_page_select        (TdAwardsPage *self,
                                       gint64        nomination_id);
/* The move buttons the detail pane offers now, as status names ("appraised", "returned", …). */
char   **td_awards_page_get_offered_moves (TdAwardsPage *self);
void     td_awards_page_set_search    (TdAwardsPage *self,
                                       const char   *text);
/* Shows "nominations" or "decisions". */
void     td_awards_page_show_view     (TdAwardsPage *self,
                                       const char   *name);

/* Opens the new nomination dialog over the page (the window's Ctrl+Shift+N). */
void     td_awards_page_new_nomination (TdAwardsPage *self);

/* New nomination and Draw Up Decision, for the window's header bar. */
GtkWidget *td_awards_page_get_header_actions (TdAwardsPage *self);

G_END_DECLS
