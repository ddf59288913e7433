/* td-evidence-preview.c: the evidence viewer in a dialog, for the self-assessment form. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-evidence-preview.h"
#include "td-pdf-reader.h"

struct _TdEvidencePreview
{
  AdwDialog    parent_instance;

  TdPdfReader *reader;
};

G_DEFINE_FINAL_TYPE (TdEvidencePreview, td_evidence_preview, ADW_TYPE_DIALOG)

static void
td_evidence_preview_class_init (TdEvidencePreviewClass *klass)
{
}

static void
td_evidence_preview_init (TdEvidencePreview *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();

  adw_dialog_set_title (ADW_DIALOG (self), _("Evidence"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 780);
  adw_dialog_set_content_height (ADW_DIALOG (self), 900);
  self->reader = TD_PDF_READER (td_pdf_reader_new ());
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->reader));
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);
}

TdEvidencePreview *
td_evidence_preview_new (GBytes *pdf)
{
  TdEvidencePreview *self = g_object_new (TD_TYPE_EVIDENCE_PREVIEW, NULL);

  td_pdf_reader_set_pdf (self->reader, pdf, NULL);
  return self;
}

TdPdfReader *
td_evidence_preview_get_reader (TdEvidencePreview *self)
{
  return self->reader;
}
