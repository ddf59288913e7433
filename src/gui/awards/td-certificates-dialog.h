/* td-certificates-dialog.h: the certificates of a decision's awardees, as one PDF to preview
 * and print or one file per awardee, made off the main thread; and the printer calibration. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_CERTIFICATES_DIALOG (td_certificates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdCertificatesDialog, td_certificates_dialog, TD, CERTIFICATES_DIALOG, AdwDialog)

TdCertificatesDialog *td_certificates_dialog_new (TdDatabase *db,
                                                  gint64      decision_id);
/* Writes one file per awardee into @folder, as "Save One File per Awardee…" does after the
 * folder is chosen; the dialog shows the progress.  For tests and scripting. */
void                  td_certificates_dialog_split_into (TdCertificatesDialog *self,
                                                         GFile                *folder);
gboolean              td_certificates_dialog_is_busy    (TdCertificatesDialog *self);

G_END_DECLS
