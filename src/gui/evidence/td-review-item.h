/* td-review-item.h: one file on the reviewer's list, an item of the Evidence area's model. */
#pragma once

#include <glib-object.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_REVIEW_ITEM (td_review_item_get_type ())
G_DECLARE_FINAL_TYPE (TdReviewItem, td_review_item, TD, REVIEW_ITEM, GObject)

/* Takes @info. */
TdReviewItem         *td_review_item_new      (TdEvidenceInfo *info);
const TdEvidenceInfo *td_review_item_get_info (TdReviewItem   *self);

G_END_DECLS
