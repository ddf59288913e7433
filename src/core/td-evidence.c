/* td-evidence.c: evidence storage.
 *
 * Every file is opened and each of its pages drawn before it is stored, so that what reaches
 * the database is a PDF the reviewers can read.  That is done by the checker the program
 * installs (the viewer's PDF helper process): the core itself never hands an untrusted file to
 * a PDF library.  The bytes are kept once per sha256 however often they are attached. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-audit.h"
#include "td-database-private.h"
#include "td-evidence.h"
#include "td-evidence-private.h"
#include "td-format.h"

G_DEFINE_QUARK (td-evidence-error-quark, td_evidence_error)

void
td_evidence_info_free (TdEvidenceInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->sha256);
  g_free (info->file_name);
  g_free (info->added_at);
  g_free (info->verdict_comment);
  g_free (info->reviewed_by);
  g_free (info->reviewed_at);
  g_free (info->display_problem);
  g_free (info);
}

char *
td_evidence_sha256 (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

gboolean
td_evidence_is_stored (TdDatabase *db,
                       const char *sha256,
                       int        *n_pages)
{
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT page_count FROM evidence_blob WHERE sha256 = ?"
                                            " AND display_problem IS NULL AND page_count > 0", NULL);
  gboolean stored;

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, sha256);
  stored = td_stmt_step (stmt) == TD_ROW;
  if (stored && n_pages)
    *n_pages = td_stmt_column_int (stmt, 0);
  td_stmt_reset (stmt);
  return stored;
}

static TdEvidenceChecker evidence_checker;
/* The time by which this thread's checks must end (a package's one budget), or 0. */
static GPrivate check_deadline = G_PRIVATE_INIT (g_free);

void
td_evidence_set_check_deadline (gint64 deadline)
{
  g_private_replace (&check_deadline, deadline > 0 ? g_memdup2 (&deadline, sizeof deadline) : NULL);
}

gint64
td_evidence_get_check_deadline (void)
{
  gint64 *deadline = g_private_get (&check_deadline);

  return deadline ? *deadline : 0;
}

void
td_evidence_set_checker (TdEvidenceChecker checker)
{
  evidence_checker = checker;
}

/* What is refused before any drawing: too large, or not a PDF at all. */
static gboolean
check_size_and_kind (GBytes  *bytes,
                     gsize    max_size,
                     GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (max_size > 0 && size > max_size)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *limit = g_format_size (max_size);
      g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_TOO_LARGE,
                   _("The file is %s, larger than the limit of %s. Scan it at a lower resolution or split it, "
                     "or raise the limit in Preferences."), have, limit);
      return FALSE;
    }
  /* The PDF header may follow a little junk, as readers tolerate; nothing else is a PDF. */
  if (size < 8 || memmem (data, MIN (size, 1024), "%PDF-", 5) == NULL)
    {
      g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_NOT_PDF,
                   _("The file is not a PDF document. Save or scan the evidence as PDF and attach it again."));
      return FALSE;
    }
  return TRUE;
}

/* Every page drawn by the installed checker (the PDF helper). */
static gboolean
draw_check (GBytes  *bytes,
            int     *n_pages,
            GError **error)
{
  int pages = 0;

  if (evidence_checker == NULL)
    {
      g_set_error_literal (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_NO_CHECKER,
                           _("This program cannot check PDF files, so it accepts no evidence."));
      return FALSE;
    }
  /* The package's time is spent: this file is taken unchecked and marked for the reviewers,
   * never waited for (issue 34: a package of slow files held an import for hours). */
  if (td_evidence_get_check_deadline () > 0 && g_get_monotonic_time () >= td_evidence_get_check_deadline ())
    {
      g_set_error_literal (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_CANNOT_DISPLAY,
                           _("The PDF cannot be displayed: not checked, the package's time for checking its files "
                             "was spent on the others."));
      return FALSE;
    }
  if (!evidence_checker (bytes, &pages, error))
    return FALSE;
  if (n_pages)
    *n_pages = pages;
  return TRUE;
}

gboolean
td_evidence_inspect (GBytes  *bytes,
                     gsize    max_size,
                     int     *n_pages,
                     GError **error)
{
  return check_size_and_kind (bytes, max_size, error) && draw_check (bytes, n_pages, error);
}

char *
td_evidence_clean_file_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  g_autofree char *base = NULL;
  GString *out = g_string_new (NULL);
  const char *slash;

  /* The last component, whichever separator the sending system used. */
  slash = strrchr (valid, '/');
  base = g_strdup (slash ? slash + 1 : valid);
  slash = strrchr (base, '\\');
  if (slash)
    memmove (base, slash + 1, strlen (slash + 1) + 1);
  for (const char *c = base; *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_iscntrl (u) || td_text_is_invisible (u))
        continue;
      g_string_append_unichar (out, u);
    }
  g_strstrip (out->str);
  g_string_set_size (out, strlen (out->str));
  /* No hidden file and no "..": a name starts with something a reader sees. */
  while (out->len > 0 && out->str[0] == '.')
    g_string_erase (out, 0, 1);
  if (out->len == 0)
    g_string_assign (out, "evidence.pdf");
  return g_string_free (out, FALSE);
}

char *
td_evidence_safe_file_name (const char *name)
{
  g_autofree char *clean = td_evidence_clean_file_name (name);
  g_autofree char *lower = g_ascii_strdown (clean, -1);

  if (strlen (clean) > 200)
    clean[200] = '\0';
  if (!g_str_has_suffix (lower, ".pdf") || strlen (clean) > 200)
    return g_strconcat (clean, ".pdf", NULL);
  return g_steal_pointer (&clean);
}

/* Takes the "cannot be displayed" mark off a stored blob whose bytes were just drawn without a
 * fault; @cleared gets the mark that was there (NULL when there was none). */
static gboolean
clear_display_problem (TdDatabase  *db,
                       const char  *sha,
                       int          pages,
                       char       **cleared,
                       GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT display_problem FROM evidence_blob WHERE sha256 = ?"
                                          " AND display_problem IS NOT NULL", error);

  *cleared = NULL;
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, sha);
  if (td_stmt_step (stmt) == TD_ROW)
    *cleared = td_stmt_dup_text (stmt, 0);
  td_stmt_reset (stmt);
  if (*cleared == NULL)
    return TRUE;
  stmt = td_database_prepare (db, "UPDATE evidence_blob SET display_problem = NULL, page_count = ? WHERE sha256 = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int (stmt, 1, pages);
  td_stmt_bind_text (stmt, 2, sha);
  return td_database_step_done (db, stmt, error);
}

static gboolean
record_cleared (TdDatabase  *db,
                gint64       evidence_id,
                const char  *problem,
                GError     **error)
{
  return td_audit_record (db, "evidence", evidence_id, NULL, "display_problem", problem, NULL,
                          _("Checked again: every page was drawn without a fault."), error);
}

static gint64
store_digested (TdDatabase            *db,
                GBytes                *bytes,
                const char            *sha,
                int                    pages,
                const char            *file_name,
                const TdEvidenceOwner *owner,
                GError               **error)
{
  g_autofree char *now = td_database_now ();
  /* Only the name is kept: a path says nothing to the province and may say too much. */
  g_autofree char *base = td_evidence_clean_file_name (file_name);
  g_autoptr(TdTransaction) tx = td_transaction_begin (db, error);
  g_autofree char *cleared = NULL;
  TdStmt *stmt;
  gint64 id;

  if (tx == NULL)
    return 0;
  stmt = td_database_prepare (db,
                              "INSERT INTO evidence_blob (sha256, size, page_count, data) VALUES (?, ?, ?, ?)"
                              " ON CONFLICT (sha256) DO NOTHING", error);
  if (stmt == NULL)
    return 0;
  td_stmt_bind_text (stmt, 1, sha);
  td_stmt_bind_int64 (stmt, 2, (gint64) g_bytes_get_size (bytes));
  td_stmt_bind_int (stmt, 3, pages);
  td_stmt_bind_blob (stmt, 4, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!td_database_step_done (db, stmt, error))
    return 0;
  /* These bytes were stored marked "cannot be displayed" (the helper crashed or ran over at an
   * import) and have just been drawn without a fault: the mark goes, and the log says so. */
  if (pages > 0 && !clear_display_problem (db, sha, pages, &cleared, error))
    return 0;

  /* The same file attached twice to the same thing is one evidence. */
  stmt = td_database_prepare (db,
                              "SELECT id FROM evidence WHERE sha256 = ?1 AND assessment_id IS ?2 AND target_id IS ?3"
                              " AND standard_id IS ?4 AND nomination_id IS ?5", error);
  if (stmt == NULL)
    return 0;
  td_stmt_bind_text (stmt, 1, sha);
#define BIND_ID(i, v) ((v) ? td_stmt_bind_int64 (stmt, i, v) : td_stmt_bind_null (stmt, i))
  BIND_ID (2, owner->assessment_id);
  BIND_ID (3, owner->target_id);
  BIND_ID (4, owner->standard_id);
  BIND_ID (5, owner->nomination_id);
  if (td_stmt_step (stmt) == TD_ROW)
    {
      /* No new evidence: the blob row was already there too (its mark may have gone). */
      id = td_stmt_column_int64 (stmt, 0);
      td_stmt_reset (stmt);
      if (cleared != NULL &&
          (!record_cleared (db, id, cleared, error) || !td_transaction_commit (tx, error)))
        return 0;
      return id;
    }
  td_stmt_reset (stmt);

  stmt = td_database_prepare (db,
                              "INSERT INTO evidence (sha256, file_name, added_at, assessment_id, target_id,"
                              " standard_id, nomination_id) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  td_stmt_bind_text (stmt, 1, sha);
  td_stmt_bind_text (stmt, 2, base);
  td_stmt_bind_text (stmt, 3, now);
  BIND_ID (4, owner->assessment_id);
  BIND_ID (5, owner->target_id);
  BIND_ID (6, owner->standard_id);
  BIND_ID (7, owner->nomination_id);
#undef BIND_ID
  if (!td_database_step_done (db, stmt, error))
    return 0;
  id = td_conn_last_insert_id (td_database_get_handle (db));
  if (!td_audit_record (db, "evidence", id, NULL, "attached", NULL, base, NULL, error) ||
      (cleared != NULL && !record_cleared (db, id, cleared, error)) ||
      !td_transaction_commit (tx, error))
    return 0;
  return id;
}

gint64
td_evidence_store_checked (TdDatabase            *db,
                           GBytes                *bytes,
                           int                    pages,
                           const char            *file_name,
                           const TdEvidenceOwner *owner,
                           GError               **error)
{
  g_autofree char *sha = td_evidence_sha256 (bytes);

  return store_digested (db, bytes, sha, pages, file_name, owner, error);
}

gboolean
td_evidence_check_owner (const TdEvidenceOwner  *owner,
                         GError                **error)
{
  gboolean has_assessment_owner = owner->assessment_id != 0 && ((owner->target_id != 0) != (owner->standard_id != 0));

  if (has_assessment_owner == (owner->nomination_id != 0))
    {
      g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_NO_OWNER,
                   _("An evidence must belong to exactly one target value, attestation or nomination."));
      return FALSE;
    }
  return TRUE;
}

gint64
td_evidence_attach (TdDatabase            *db,
                    GBytes                *bytes,
                    const char            *file_name,
                    const TdEvidenceOwner *owner,
                    gsize                  max_size,
                    GError               **error)
{
  g_autofree char *sha = NULL;
  int pages = 0;

  if (!td_evidence_check_owner (owner, error) || !check_size_and_kind (bytes, max_size, error))
    return 0;
  /* Checked (every page drawn in the PDF helper) before the database is locked for writing,
   * unless these very bytes (the digest is of them) are stored already, drawn without a fault:
   * the same scan attached to a second target is not drawn again. */
  sha = td_evidence_sha256 (bytes);
  if (!td_evidence_is_stored (db, sha, &pages) && !draw_check (bytes, &pages, error))
    return 0;
  return store_digested (db, bytes, sha, pages, file_name, owner, error);
}

GBytes *
td_evidence_load_bytes (TdDatabase  *db,
                        gint64       evidence_id,
                        GError     **error)
{
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT b.data FROM evidence e JOIN evidence_blob b ON b.sha256 = e.sha256"
                                            " WHERE e.id = ?", error);
  GBytes *bytes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, evidence_id);
  rc = td_stmt_step (stmt);
  if (rc == TD_ROW)
    bytes = g_bytes_new (td_stmt_column_blob (stmt, 0), (gsize) td_stmt_column_bytes (stmt, 0));
  else if (rc == TD_DONE)
    g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND, _("The evidence no longer exists."));
  else
    td_database_set_error (db, rc, error);
  td_stmt_reset (stmt);
  return bytes;
}

gboolean
td_evidence_read (TdDatabase      *db,
                  gint64           evidence_id,
                  TdEvidenceSink   sink,
                  gpointer         user_data,
                  GError         **error)
{
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT b.rowid FROM evidence e JOIN evidence_blob b ON b.sha256 = e.sha256"
                                            " WHERE e.id = ?", error);
  TdBlob *blob = NULL;
  g_autofree guint8 *piece = NULL;
  gint64 rowid = 0;
  gsize total, offset = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, evidence_id);
  rc = td_stmt_step (stmt);
  if (rc == TD_ROW)
    rowid = td_stmt_column_int64 (stmt, 0);
  td_stmt_reset (stmt);
  if (rc == TD_DONE)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND, _("The evidence no longer exists."));
      return FALSE;
    }
  if (rc != TD_ROW ||
      (rc = td_conn_blob_open (td_database_get_handle (db), "evidence_blob", "data", rowid, &blob)) != TD_OK)
    {
      td_database_set_error (db, rc, error);
      return FALSE;
    }
  total = td_blob_get_size (blob);
  piece = g_malloc (MIN (total, 1 << 20) + 1);
  while (offset < total || total == 0)
    {
      int n = (int) MIN (total - offset, 1 << 20);

      if (n > 0 && (rc = td_blob_read (blob, piece, n, offset)) != TD_OK)
        {
          td_database_set_error (db, rc, error);
          td_blob_close (blob);
          return FALSE;
        }
      if (!sink (offset, piece, (gsize) n, total, user_data, error))
        {
          td_blob_close (blob);
          return FALSE;
        }
      offset += (gsize) n;
      if (total == 0)
        break;
    }
  td_blob_close (blob);
  return TRUE;
}

#define SELECT_EVIDENCE \
  "SELECT e.id, e.sha256, e.file_name, b.size, b.page_count, e.added_at, coalesce(e.target_id, 0)," \
  " coalesce(e.standard_id, 0), e.verdict, e.verdict_comment, e.reviewed_by, e.reviewed_at," \
  " coalesce(e.assessment_id, 0), coalesce(e.nomination_id, 0), b.display_problem" \
  " FROM evidence e JOIN evidence_blob b ON b.sha256 = e.sha256 "

static gpointer
evidence_from_row (TdStmt       *stmt,
                   gpointer      user_data)
{
  TdEvidenceInfo *e = g_new0 (TdEvidenceInfo, 1);

  e->id = td_stmt_column_int64 (stmt, 0);
  e->sha256 = td_stmt_dup_text (stmt, 1);
  e->file_name = td_stmt_dup_text (stmt, 2);
  e->size = td_stmt_column_int64 (stmt, 3);
  e->page_count = td_stmt_column_int (stmt, 4);
  e->added_at = td_stmt_dup_text (stmt, 5);
  e->owner.assessment_id = td_stmt_column_int64 (stmt, 12);
  e->owner.target_id = td_stmt_column_int64 (stmt, 6);
  e->owner.standard_id = td_stmt_column_int64 (stmt, 7);
  e->owner.nomination_id = td_stmt_column_int64 (stmt, 13);
  td_verdict_from_string ((const char *) td_stmt_column_text (stmt, 8), &e->verdict);
  e->verdict_comment = td_stmt_dup_text (stmt, 9);
  e->reviewed_by = td_stmt_dup_text (stmt, 10);
  e->reviewed_at = td_stmt_dup_text (stmt, 11);
  e->display_problem = td_stmt_dup_text (stmt, 14);
  return e;
}

TdEvidenceInfo *
td_evidence_get (TdDatabase  *db,
                 gint64       evidence_id,
                 GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, SELECT_EVIDENCE "WHERE e.id = ?", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, evidence_id);
  return td_database_collect_one (db, stmt, evidence_from_row, (GDestroyNotify) td_evidence_info_free,
                                  _("The evidence no longer exists."), error);
}

GPtrArray *
td_evidence_list_for_assessment (TdDatabase  *db,
                                 gint64       assessment_id,
                                 GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, SELECT_EVIDENCE "WHERE e.assessment_id = ? ORDER BY e.id", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  return td_database_collect (db, stmt, evidence_from_row, NULL, (GDestroyNotify) td_evidence_info_free, error);
}

GPtrArray *
td_evidence_list_for_nominations_of (TdDatabase  *db,
                                     gint64       unit_id,
                                     gint64       round_id,
                                     GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, SELECT_EVIDENCE "JOIN nomination n ON n.id = e.nomination_id"
                                          " WHERE n.unit_id = ? AND n.round_id = ? ORDER BY e.id", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, unit_id);
  td_stmt_bind_int64 (stmt, 2, round_id);
  return td_database_collect (db, stmt, evidence_from_row, NULL, (GDestroyNotify) td_evidence_info_free, error);
}

GPtrArray *
td_evidence_list_for_nomination (TdDatabase  *db,
                                 gint64       nomination_id,
                                 GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, SELECT_EVIDENCE "WHERE e.nomination_id = ? ORDER BY e.id", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, nomination_id);
  return td_database_collect (db, stmt, evidence_from_row, NULL, (GDestroyNotify) td_evidence_info_free, error);
}

gboolean
td_evidence_set_verdict (TdDatabase  *db,
                         gint64       evidence_id,
                         TdVerdict    verdict,
                         const char  *comment,
                         GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *now = td_database_now ();
  g_autofree char *old = NULL;
  g_autofree char *unit_code = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (comment ? comment : ""));
  TdStmt *stmt;
  int rc;

  /* The unit is told what to add or why it is refused: never a bare "needs more". */
  if ((verdict == TD_VERDICT_NEEDS_MORE || verdict == TD_VERDICT_REJECTED) && *reason == '\0')
    {
      g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_REASON_NEEDED,
                   verdict == TD_VERDICT_NEEDS_MORE
                   ? _("Write what the unit should add, then record the verdict again.")
                   : _("Write why the evidence is not accepted, then record the verdict again."));
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  /* The unit goes into the audit row so the verdict shows in that unit's history; evidence
   * of a nomination reaches its unit through the nomination. */
  stmt = td_database_prepare (db,
                              "SELECT e.verdict, coalesce(ua.code, un.code) FROM evidence e"
                              " LEFT JOIN assessment a ON a.id = e.assessment_id"
                              " LEFT JOIN unit ua ON ua.id = a.unit_id"
                              " LEFT JOIN nomination n ON n.id = e.nomination_id"
                              " LEFT JOIN unit un ON un.id = n.unit_id"
                              " WHERE e.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, evidence_id);
  rc = td_stmt_step (stmt);
  if (rc == TD_ROW)
    {
      old = td_stmt_dup_text (stmt, 0);
      unit_code = td_stmt_dup_text (stmt, 1);
    }
  td_stmt_reset (stmt);
  if (old == NULL)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND, _("The evidence no longer exists."));
      return FALSE;
    }

  stmt = td_database_prepare (db,
                              "UPDATE evidence SET verdict = ?, verdict_comment = ?, reviewed_by = ?, reviewed_at = ?"
                              " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, td_verdict_to_string (verdict));
  td_stmt_bind_text (stmt, 2, comment ? comment : "");
  td_stmt_bind_text (stmt, 3, td_database_get_actor (db));
  td_stmt_bind_text (stmt, 4, now);
  td_stmt_bind_int64 (stmt, 5, evidence_id);
  if (!td_database_step_done (db, stmt, error) ||
      !td_audit_record (db, "evidence", evidence_id, unit_code, "verdict", old, td_verdict_to_string (verdict),
                        comment, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}
