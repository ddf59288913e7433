/* td-assessment-page-private.h: what td-assessment-page.c and td-assessment-actions.c share. */
#pragma once

#include "td-assessment-page.h"
#include "td-target-row.h"

G_BEGIN_DECLS

/* A standard of section V.1 in the form: attested by its switch, justified by its entry, with
 * the files under it.  Owned by its expander row (freed with the row's handler). */
typedef struct {
  TdAssessmentPage *page;
  gint64            standard_id;
  AdwExpanderRow   *row;
  GtkEditable      *justification;
  GPtrArray        *shown;        /* the evidence rows under it, to take out on reload */
} TdStandardRow;

struct _TdAssessmentPage
{
  AdwBin              parent_instance;

  TdDatabase         *db;
  GSettings          *settings;
  GListModel         *units;
  GListModel         *rounds;
  GListModel         *targets;
  GPtrArray          *standards;        /* TdStandard, collectives, team ones included */

  TdUnit             *unit;
  TdRound            *round;
  /* What the rows show and edit, saving itself; NULL without a unit and a round. */
  TdAssessmentForm   *form;

  GPtrArray          *rows;             /* TdTargetRow, by target order */
  GPtrArray          *standard_rows;    /* TdStandardRow, owned by its row */
  gboolean            form_pending;        /* the rows are built after the first frame is painted */
  gulong              first_frame_handler; /* on the frame clock's after-paint, while they are */
  guint               build_source;        /* then an idle that builds them */
  gboolean            first_frame_seen;
  /* The groups, evidence and rule messages of the form being built, read by a session job
   * while the first frame paints (td-form-extras.h); each is taken once by what shows it. */
  TdFormExtras       *extras;
  GCancellable       *extras_cancellable;

  GtkDropDown        *unit_dropdown;
  GtkDropDown        *round_dropdown;
  AdwBanner          *returned_banner;
  GtkLabel           *status_label;
  GtkLabel           *deadline_label;
  TdUnitDeadline     *deadline;        /* of the unit and round shown, read once per pair */
  gint64              deadline_unit;
  gint64              deadline_round;
  GtkLabel           *progress_label;
  GtkLabel           *saved_label;
  GtkWidget          *withdraw_button;
  GtkWidget          *export_button;
  GtkWidget          *submit_button;
  GtkWidget          *header_actions;  /* Export and Submit, in the window's header bar */
  GtkWidget          *values_button;
  GtkScrolledWindow  *scroller;
  GtkStack          *form_stack;
  GtkWidget         *import_button;
  char              *bound_unit;     /* a unit's installation: the only unit it edits */
  GtkBox             *form_box;
};

/* td-assessment-page.c */
/* The unit's assessment for the round, 0 until it is started. */
gint64   td_assessment_page_get_assessment_id (TdAssessmentPage *self);
gboolean td_assessment_page_is_editable    (TdAssessmentPage *self);
void     td_assessment_page_toast          (TdAssessmentPage *self,
                                            const char       *message);
gboolean td_assessment_page_ensure         (TdAssessmentPage *self,
                                            GError          **error);
void     td_assessment_page_update_header  (TdAssessmentPage *self);
void     td_assessment_page_load_evidence  (TdAssessmentPage *self);
/* The rows, built now if they are still waiting for the first frame. */
void     td_assessment_page_ensure_form    (TdAssessmentPage *self);

/* td-assessment-actions.c */
/* The round's deadline for the unit shown (NULL when none can be read), read once per unit and
 * round. */
TdUnitDeadline *td_assessment_page_get_deadline (TdAssessmentPage *self);
void     td_assessment_page_install_actions (GtkWidgetClass  *widget_class);
void     td_assessment_page_attach_files    (TdAssessmentPage *self,
                                             GListModel       *files,     /* GFile */
                                             gint64            target_id,
                                             gint64            standard_id);
void     td_assessment_page_request_attach  (TdAssessmentPage *self,
                                             gint64            target_id,
                                             gint64            standard_id);
void     td_assessment_page_show_evidence   (TdAssessmentPage *self,
                                             gint64            evidence_id);

/* td-assessment-appraise.c: the board appraises or returns a received self-assessment. */
void     td_assessment_page_appraise        (TdAssessmentPage *self);

/* td-evidence-actions.c */
void     td_assessment_page_install_evidence_actions (GtkWidgetClass *widget_class);
void     td_assessment_page_remove_evidence  (TdAssessmentPage *self,
                                              gint64            evidence_id);
/* Puts @bytes in place of the evidence (tests call it directly; the action asks for a file). */
void     td_assessment_page_replace_evidence (TdAssessmentPage *self,
                                              gint64            evidence_id,
                                              GBytes           *bytes,
                                              const char       *file_name);

/* td-values-import.c */
void     td_assessment_page_choose_values_file (TdAssessmentPage *self);
/* Reads @file on a worker, then shows what it would store (tests call it directly). */
void     td_assessment_page_import_values   (TdAssessmentPage *self,
                                             GFile            *file);

G_END_DECLS
