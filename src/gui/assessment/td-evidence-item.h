/* td-evidence-item.h: one attached file in the self-assessment form. */
#pragma once

#include <gtk/gtk.h>

#include "td-core.h"

G_BEGIN_DECLS

/* The file's name (it opens the preview) and, while the form can change, Replace… and Remove,
 * each through the page's actions with the evidence's id: assessment.show-evidence,
 * assessment.replace-evidence, assessment.remove-evidence. */
GtkWidget *td_evidence_item_new (const TdEvidenceInfo *evidence,
                                 gboolean              editable);

G_END_DECLS
