/* td-review-item.c: one file on the reviewer's list (see td-review-item.h).
 *
 * The Evidence area's list box is bound to a GListStore of these, so a row is its item by
 * position and nothing is carried on the row widgets. */
#include "config.h"

#include "td-review-item.h"

struct _TdReviewItem
{
  GObject         parent_instance;
  TdEvidenceInfo *info;
};

G_DEFINE_FINAL_TYPE (TdReviewItem, td_review_item, G_TYPE_OBJECT)

static void
td_review_item_finalize (GObject *object)
{
  TdReviewItem *self = TD_REVIEW_ITEM (object);

  g_clear_pointer (&self->info, td_evidence_info_free);
  G_OBJECT_CLASS (td_review_item_parent_class)->finalize (object);
}

static void
td_review_item_class_init (TdReviewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_review_item_finalize;
}

static void
td_review_item_init (TdReviewItem *self)
{
}

TdReviewItem *
td_review_item_new (TdEvidenceInfo *info)
{
  TdReviewItem *self = g_object_new (TD_TYPE_REVIEW_ITEM, NULL);

  self->info = info;
  return self;
}

const TdEvidenceInfo *
td_review_item_get_info (TdReviewItem *self)
{
  g_return_val_if_fail (TD_IS_REVIEW_ITEM (self), NULL);
  return self->info;
}
