/* td-certificate.h: Bằng khen / Giấy khen certificates from templates (data/templates/
 * certificate-*.json), onto pre-printed blanks or complete on blank paper, and the calibration
 * page that finds a printer's offset.  No GTK. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "td-decision.h"

G_BEGIN_DECLS

typedef struct _TdCertificateTemplate TdCertificateTemplate;

/* The templates the app ships, by name ("full-a3", "blank-a3", …). */
const char * const    *td_certificate_template_names (void);
/* @name is a shipped template's name or the path of a template file. */
TdCertificateTemplate *td_certificate_template_load  (const char            *name,
                                                      GError               **error);
void                   td_certificate_template_free  (TdCertificateTemplate *self);
const char            *td_certificate_template_get_title (const TdCertificateTemplate *self);
/* Page size in millimetres. */
void                   td_certificate_template_get_size  (const TdCertificateTemplate *self,
                                                          double                *width,
                                                          double                *height);
gboolean               td_certificate_template_is_preprinted (const TdCertificateTemplate *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCertificateTemplate, td_certificate_template_free)

/* What one certificate says; each member fills the "{member}" placeholder of the templates. */
typedef struct {
  char *recipient;
  char *unit;
  char *achievement;
  char *decision;      /* "Quyết định số 05/QĐ-UBND ngày 08/10/2026" */
  char *register_no;   /* "Số sổ vàng: 003/2026" */
  char *place_date;    /* "Bắc Ninh, ngày 08 tháng 10 năm 2026" */
  char *authority;
  char *award;         /* "BẰNG KHEN" */
  char *signer_title;
  char *signer_name;
  gboolean trial;      /* of a draft decision: stamped on plain paper, refused on blanks */
} TdCertificate;

void       td_certificate_free          (TdCertificate *certificate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCertificate, td_certificate_free)
/* TdCertificate of every awardee of @decision, in the order of its attached list.
 * @register_numbers: nomination id → "003/2026" from the award register
 * (td_award_book_numbers_for_decision()); NULL for a draft, whose certificates are trials. */
GPtrArray *td_certificates_for_decision (const TdDecision *decision,
                                         GPtrArray        *awardees,
                                         GHashTable       *register_numbers);
/* FALSE with TD_AWARD_ERROR_NOT_ISSUED when @certificates hold a trial and @template_ is printed
 * onto pre-printed blanks: the blanks of a draft decision would be wasted. */
gboolean   td_certificates_check_paper  (const TdCertificateTemplate *template_,
                                         GPtrArray                   *certificates,
                                         GError                     **error);
/* A file name made of the recipient's name: "Nguyen-Thi-Ngoc-Anh.pdf"-like, but keeping the
 * Vietnamese letters, without anything a file system refuses. */
char      *td_certificate_file_name     (const TdCertificate *certificate,
                                         guint                index);

/* Where one field ended up: its box (mm, after the offset) and the text's own extents. */
typedef struct {
  char        name[32];
  double      box_x, box_y, box_width, box_height;
  double      text_x, text_y, text_width, text_height;   /* ink and line boxes together */
  double      size;                                       /* points, after shrinking */
  int         lines;
} TdFieldPlacement;

/* Draws one certificate on @cr (units: points, origin at the page's top left), every field
 * moved by the offset in mm.  @placements, if not NULL, receives a TdFieldPlacement per field. */
void       td_certificate_draw          (cairo_t                     *cr,
                                         PangoContext                *context,
                                         const TdCertificateTemplate *template_,
                                         const TdCertificate         *certificate,
                                         double                       offset_x,
                                         double                       offset_y,
                                         GArray                      *placements);

typedef void (*TdProgressFunc) (guint    done,
                                guint    total,
                                gpointer user_data);

/* All @certificates, one per page, in one PDF (td_certificates_check_paper() first).  Stops with G_IO_ERROR_CANCELLED when
 * @cancellable is cancelled.  @progress is called from the calling thread. */
GBytes    *td_certificates_render_pdf   (const TdCertificateTemplate *template_,
                                         GPtrArray                   *certificates,
                                         double                       offset_x,
                                         double                       offset_y,
                                         GCancellable                *cancellable,
                                         TdProgressFunc               progress,
                                         gpointer                     user_data,
                                         GError                     **error);
/* One PDF per certificate in @folder (made when missing), named after the recipient
 * (td_certificate_file_name()); the files written, GFile, in order.  @progress after each. */
GPtrArray *td_certificates_write_split  (const TdCertificateTemplate *template_,
                                         GPtrArray                   *certificates,
                                         double                       offset_x,
                                         double                       offset_y,
                                         GFile                       *folder,
                                         GCancellable                *cancellable,
                                         TdProgressFunc               progress,
                                         gpointer                     user_data,
                                         GError                     **error);

/* td_certificates_render_pdf() (@folder NULL) or td_certificates_write_split() on a worker,
 * without offset (printing applies the printer's).  Takes @template_; @progress is called on
 * the worker thread. */
void       td_certificates_render_async  (TdCertificateTemplate *template_,
                                          GPtrArray             *certificates,
                                          GFile                 *folder,
                                          GCancellable          *cancellable,
                                          TdProgressFunc         progress,
                                          gpointer               progress_data,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data);
/* @pdf: the single PDF (no folder); @n_files: how many files were written (a folder). */
gboolean   td_certificates_render_finish (GAsyncResult          *result,
                                          GBytes               **pdf,
                                          guint                 *n_files,
                                          GError               **error);

/* A page with a millimetre grid and every field's box, to print on plain paper and read the
 * printer's offset from. */
GBytes    *td_certificate_render_calibration (const TdCertificateTemplate *template_,
                                              double                       offset_x,
                                              double                       offset_y,
                                              GError                     **error);

G_END_DECLS
