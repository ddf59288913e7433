/* td-evidence.h: evidence PDFs, stored in the database by content, and their review verdicts. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_EVIDENCE_ERROR (td_evidence_error_quark ())

typedef enum {
  TD_EVIDENCE_ERROR_NOT_PDF,
  TD_EVIDENCE_ERROR_ENCRYPTED,
  TD_EVIDENCE_ERROR_EMPTY,
  TD_EVIDENCE_ERROR_TOO_LARGE,
  TD_EVIDENCE_ERROR_DAMAGED,
  TD_EVIDENCE_ERROR_NO_OWNER,
  TD_EVIDENCE_ERROR_CANNOT_DISPLAY,   /* a PDF whose pages crash or overrun the PDF helper */
  TD_EVIDENCE_ERROR_NO_CHECKER,       /* the program installed no PDF checker */
  TD_EVIDENCE_ERROR_REASON_NEEDED,    /* "needs more" or "rejected" without telling the unit why */
} TdEvidenceError;

GQuark td_evidence_error_quark (void);

/* What an evidence is attached to: a target's value or an attestation of one self-assessment,
 * or a nomination. */
typedef struct {
  gint64 assessment_id;
  gint64 target_id;
  gint64 standard_id;
  gint64 nomination_id;
} TdEvidenceOwner;

typedef struct {
  gint64     id;
  char      *sha256;
  char      *file_name;
  gint64     size;
  int        page_count;
  char      *added_at;
  TdEvidenceOwner owner;
  TdVerdict  verdict;
  char      *verdict_comment;
  char      *reviewed_by;
  char      *reviewed_at;
  char      *display_problem;   /* why the PDF helper could not draw it, or NULL */
} TdEvidenceInfo;

void        td_evidence_info_free  (TdEvidenceInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdEvidenceInfo, td_evidence_info_free)

/* What opens a PDF and draws each of its pages, out of harm's way (the viewer's PDF helper
 * process, under time and memory limits): sets @n_pages, or fails with a TD_EVIDENCE_ERROR.
 * The core has no PDF library of its own; each program installs one checker at start-up
 * (td_pdf_checker_install()) and evidence is refused while none is. */
typedef gboolean (*TdEvidenceChecker) (GBytes  *bytes,
                                       int     *n_pages,
                                       GError **error);
void        td_evidence_set_checker (TdEvidenceChecker checker);
/* One budget for many checks (a package's files): on the calling thread, checks after
 * @deadline (monotonic time; 0: none) fail as "cannot be displayed" without drawing, and the
 * checker ends the one under way by then. */
void        td_evidence_set_check_deadline (gint64 deadline);
gint64      td_evidence_get_check_deadline (void);

/* A PDF that is not encrypted, has pages that can all be drawn and is at most @max_size bytes
 * (0: no limit).  Sets @n_pages. */
gboolean    td_evidence_inspect    (GBytes                *bytes,
                                    gsize                  max_size,
                                    int                   *n_pages,
                                    GError               **error);
/* A file name to show and store: the last component only, without control characters,
 * direction overrides or invisible marks that could make "x\u202efdp.exe" read as a PDF; never
 * empty. */
char       *td_evidence_clean_file_name (const char       *name);
/* The cleaned name for a file written to disk for another program: ending in .pdf. */
char       *td_evidence_safe_file_name  (const char       *name);
char       *td_evidence_sha256     (GBytes                *bytes);
/* Whether the file named by @sha256 is stored and was drawn without a problem when it came in
 * (then sets @n_pages).  The sha256 names the very bytes that were checked: a package bringing
 * them again need not have them drawn again. */
gboolean    td_evidence_is_stored  (TdDatabase            *db,
                                    const char            *sha256,
                                    int                   *n_pages);

/* Checks, stores the bytes once per content and attaches them; returns the evidence id.  Bytes
 * already stored and drawn without a fault (td_evidence_is_stored()) are not drawn again. */
gint64      td_evidence_attach     (TdDatabase            *db,
                                    GBytes                *bytes,
                                    const char            *file_name,
                                    const TdEvidenceOwner *owner,
                                    gsize                  max_size,
                                    GError               **error);
/* td_evidence_attach() on a worker of @db's session (td-session.h: a connection of its own,
 * writing as @db's actor): the PDF check (drawing every page in the helper), the hash and the write
 * never hold the window.  The finish function returns the evidence's id, or 0 with the error. */
void        td_evidence_attach_async  (TdDatabase            *db,
                                       GBytes                *bytes,
                                       const char            *file_name,
                                       const TdEvidenceOwner *owner,
                                       gsize                  max_size,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data);
gint64      td_evidence_attach_finish (GAsyncResult          *result,
                                       GError               **error);
GBytes     *td_evidence_load_bytes (TdDatabase            *db,
                                    gint64                 evidence_id,
                                    GError               **error);
/* Called with each piece of an evidence file read by td_evidence_read(), in order; @total is
 * the file's size, known before the first piece. */
typedef gboolean (*TdEvidenceSink) (gsize          offset,
                                    const void    *piece,
                                    gsize          length,
                                    gsize          total,
                                    gpointer       user_data,
                                    GError       **error);
/* The evidence file's bytes handed to @sink a megabyte at a time, straight from the database's
 * pages: the viewer writes them into the memory it shares with its PDF helper, so an 80 MB
 * scan is copied once, not twice. */
gboolean    td_evidence_read       (TdDatabase            *db,
                                    gint64                 evidence_id,
                                    TdEvidenceSink         sink,
                                    gpointer               user_data,
                                    GError               **error);
/* TdEvidenceInfo of one self-assessment (values and attestations), by id */
TdEvidenceInfo *td_evidence_get    (TdDatabase           *db,
                                    gint64                evidence_id,
                                    GError              **error);
/* Takes an evidence off what it proves, audited; the file stays stored, for td_evidence_restore()
 * and for whatever else uses the same file.  Refused (TD_ASSESSMENT_ERROR_READ_ONLY) while its
 * self-assessment is submitted.  @removed (may be NULL) gets what was removed. */
gboolean    td_evidence_remove     (TdDatabase           *db,
                                    gint64                evidence_id,
                                    TdEvidenceInfo      **removed,
                                    GError              **error);
/* Puts a removed evidence back as it was, verdict included (undo); its new id. */
gint64      td_evidence_restore    (TdDatabase           *db,
                                    const TdEvidenceInfo *removed,
                                    GError              **error);
/* Another file in place of an evidence, for the same target, attestation or nomination, in one
 * transaction: the new file is checked like any attachment, and nothing changes if it fails.
 * The new evidence's id; @removed (may be NULL) gets the old one, for undo. */
gint64      td_evidence_replace    (TdDatabase           *db,
                                    gint64                evidence_id,
                                    GBytes               *bytes,
                                    const char           *file_name,
                                    gsize                 max_size,
                                    TdEvidenceInfo      **removed,
                                    GError              **error);
GPtrArray  *td_evidence_list_for_assessment (TdDatabase   *db,
                                             gint64        assessment_id,
                                             GError      **error);
/* TdEvidenceInfo of one nomination, by id */
GPtrArray  *td_evidence_list_for_nomination (TdDatabase   *db,
                                             gint64        nomination_id,
                                             GError      **error);
/* TdEvidenceInfo of the nominations of @unit_id (collective, or its people) in @round_id */
GPtrArray  *td_evidence_list_for_nominations_of (TdDatabase *db,
                                                 gint64      unit_id,
                                                 gint64      round_id,
                                                 GError    **error);
gboolean    td_evidence_set_verdict (TdDatabase           *db,
                                     gint64                evidence_id,
                                     TdVerdict             verdict,
                                     const char           *comment,
                                     GError              **error);

G_END_DECLS
