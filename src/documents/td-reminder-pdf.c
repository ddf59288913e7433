/* td-reminder-pdf.c: the công văn đôn đốc (see td-reminder-pdf.h).
 *
 * A công văn differs from a decision in two places of Decree 30/2020, Appendix I: the summary
 * ("V/v …") stands under the number in the issuing body's column instead of a title, and the
 * addressees follow "Kính gửi:", one per line after a dash when there are several. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal.h"
#include "td-doc-template.h"
#include "td-dossier.h"
#include "td-format.h"
#include "td-reminder-pdf.h"
#include "td-session.h"

#define SUMMARY_SIZE 12.0

GPtrArray *
td_reminder_select (TdCompleteness *completeness,
                    gboolean        with_late)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < completeness->rows->len; i++)
    {
      TdCompletenessRow *row = completeness->rows->pdata[i];

      if (!td_submission_state_is_sent (row->state) ||
          (with_late && row->timeliness == TD_TIMELINESS_LATE))
        g_ptr_array_add (rows, row);
    }
  return rows;
}

void
td_reminder_free (TdReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->province);
  g_free (reminder->campaign);
  g_free (reminder->plan);
  g_free (reminder->issuer);
  g_free (reminder->reply_by);
  g_clear_pointer (&reminder->rows, g_ptr_array_unref);
  td_completeness_free (reminder->completeness);
  g_free (reminder);
}

/* The appraisal's body as the register names it; the campaign's name for it before the board
 * has named the unit. */
static char *
issuer_of (TdDatabase *db)
{
  g_autoptr(GPtrArray) steps = td_appraisal_steps (db, NULL, NULL);

  for (guint i = 0; steps && i < steps->len; i++)
    {
      TdStepSpec *s = steps->pdata[i];

      if (s->actor != TD_STEP_BY_BODY)
        continue;
      if (s->body_active && s->body_name)
        return g_strdup (s->body_name);
      if (s->campaign_name)
        return g_strdup (s->campaign_name);
      break;
    }
  return g_strdup ("Sở Khoa học và Công nghệ");
}

TdReminder *
td_reminder_load (TdDatabase                 *db,
                  guint                       round_number,
                  const TdCompletenessFilter *filter,
                  const char                 *today,
                  gboolean                    with_late,
                  const char                 *reply_by,
                  GError                    **error)
{
  g_autoptr(TdReminder) r = g_new0 (TdReminder, 1);
  g_autoptr(TdProposal) about = NULL;

  if ((r->completeness = td_completeness_compute (db, round_number, filter, today, error)) == NULL ||
      (about = td_proposal_load (db, 0, 0, error)) == NULL)
    return NULL;
  r->province = g_strdup (about->province);
  r->campaign = g_strdup (about->campaign);
  r->plan = g_strdup (about->plan);
  r->issuer = issuer_of (db);
  r->rows = td_reminder_select (r->completeness, with_late);
  if (reply_by != NULL)
    r->reply_by = g_strdup (reply_by);
  else if (g_strcmp0 (r->completeness->today, r->completeness->closes_on) < 0)
    r->reply_by = g_strdup (r->completeness->closes_on);
  else
    r->reply_by = td_deadline_add_days (r->completeness->today, 5);
  return g_steal_pointer (&r);
}

typedef struct {
  guint   round_number;
  int     kind;
  GFile  *file;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_object_unref (job->file);
  g_free (job);
}

static gpointer
write_job (TdDatabase    *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  WriteJob *job = data;
  TdCompletenessFilter filter = { .has_kind = job->kind >= 0, .kind = (TdUnitKind) MAX (job->kind, 0) };
  g_autoptr(TdReminder) r = td_reminder_load (db, job->round_number, &filter, NULL, FALSE, NULL, error);
  g_autoptr(GBytes) pdf = r ? td_reminder_render_pdf (r, error) : NULL;
  guint n;

  /* Written beside and renamed into place: a half-written letter never replaces a good one. */
  if (pdf == NULL ||
      !g_file_replace_contents (job->file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error))
    return NULL;
  n = r->rows->len;
  return g_memdup2 (&n, sizeof n);
}

void
td_reminder_write_async (TdDatabase          *db,
                         guint                round_number,
                         int                  kind,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  WriteJob *job = g_new0 (WriteJob, 1);

  job->round_number = round_number;
  job->kind = kind;
  job->file = g_object_ref (file);
  td_session_run_async (td_session_get (db), write_job, job, (GDestroyNotify) write_job_free, g_free, cancellable,
                        callback, user_data);
}

guint
td_reminder_write_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_autofree guint *n = td_session_propagate (result, error);

  return n != NULL ? *n : 0;
}

/* The state of @row as the letter words it. */
static char *
state_text (JsonObject              *o,
            const TdCompletenessRow *row)
{
  g_autofree char *state = NULL;

  if (td_submission_state_is_sent (row->state))
    {
      g_autofree char *day = td_deadline_local_day (row->submitted_at);
      g_autofree char *date = td_format_date (day);
      state = td_doc_template_text (o, "state_late", "date", date, NULL);
    }
  else
    state = td_doc_template_text (o, row->state == TD_SUBMISSION_DRAFT      ? "state_draft"
                                     : row->state == TD_SUBMISSION_RETURNED ? "state_returned"
                                                                            : "state_not_started",
                                  NULL);
  if (row->timeliness == TD_TIMELINESS_OVERDUE && row->days_late > 0)
    {
      g_autofree char *days = g_strdup_printf ("%d", row->days_late);
      g_autofree char *overdue = td_doc_template_text (o, "overdue", "days", days, NULL);
      return g_strconcat (state, overdue, NULL);
    }
  return g_steal_pointer (&state);
}

static guint
count_missing (GPtrArray *rows)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += !td_submission_state_is_sent (((TdCompletenessRow *) rows->pdata[i])->state);
  return n;
}

/* "V/v …" centred in the issuing body's column, just under the number. */
static void
summary_line (TdFlow     *f,
              const char *summary)
{
  double left_w = td_flow_width (f) * TD_FLOW_HEADER_LEFT;
  double y = f->y - 12;

  y += td_flow_centred (f, f->left, left_w, y, SUMMARY_SIZE, 0, summary, NULL);
  f->y = y + 14;
}

/* "Kính gửi:" and the units, each on its own line after a dash when there are several; the
 * attached list instead when there are more than TD_REMINDER_MAX_ADDRESSEES. */
static void
addressees (TdFlow           *f,
            JsonObject       *o,
            const TdReminder *r)
{
  g_autofree char *lead = td_doc_template_text (o, "addressee", NULL);
  g_autoptr(PangoLayout) lead_layout = td_flow_layout (f, TD_FLOW_BODY_SIZE, 0, -1, PANGO_ALIGN_LEFT, lead);
  double x = f->left + td_flow_width (f) * 0.16;
  double names_x = x + td_doc_layout_width (lead_layout) + 6;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(PangoLayout) names_layout = NULL;
  double h;

  if (r->rows->len > TD_REMINDER_MAX_ADDRESSEES)
    {
      g_autofree char *all = td_doc_template_text (o, "addressee_list", NULL);
      g_string_append (names, all);
    }
  else if (r->rows->len == 1)
    g_string_append_printf (names, "%s.", ((TdCompletenessRow *) r->rows->pdata[0])->name);
  else
    for (guint i = 0; i < r->rows->len; i++)
      g_string_append_printf (names, "%s- %s%s", i ? "\n" : "", ((TdCompletenessRow *) r->rows->pdata[i])->name,
                              i + 1 == r->rows->len ? "." : ";");
  names_layout = td_flow_layout (f, TD_FLOW_BODY_SIZE, 0, f->right - names_x, PANGO_ALIGN_LEFT, names->str);
  h = td_doc_layout_height (names_layout, NULL);
  if (f->y + h > f->bottom)
    td_flow_new_page (f);
  cairo_move_to (f->cr, x, f->y);
  pango_cairo_show_layout (f->cr, lead_layout);
  cairo_move_to (f->cr, names_x, f->y);
  pango_cairo_show_layout (f->cr, names_layout);
  f->y += h + 12;
}

static void
attached_list (TdFlow           *f,
               JsonObject       *o,
               const TdReminder *r,
               gboolean          with_late)
{
  static const double shares[] = { 0.07, 0.33, 0.28, 0.32 };
  static const char * const head[] = { "TT", "Cơ quan, đơn vị", "Tình trạng", "Người liên hệ" };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *title = td_doc_template_text (o, with_late ? "list_title_late" : "list_title", NULL);
  g_autofree char *suffix = td_doc_template_text (o, "number_suffix", NULL);
  g_autofree char *year = g_strndup (r->completeness->today, 4);
  g_autofree char *subtitle = td_doc_template_text (o, "list_subtitle", "suffix", suffix, "year", year, "issuer",
                                                    r->issuer, NULL);
  double w = td_flow_width (f), line = 0;

  f->y += td_flow_centred (f, f->left, w, f->y, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, title, NULL);
  f->y += td_flow_centred (f, f->left, w, f->y, TD_FLOW_BODY_SIZE, TD_DOC_ITALIC, subtitle, &line);
  f->y += 3;
  td_flow_rule (f, f->left + w / 2, f->y, 40 * TD_MM);
  f->y += 12;
  for (guint i = 0; i < r->rows->len; i++)
    {
      TdCompletenessRow *row = r->rows->pdata[i];
      char **cells = g_new0 (char *, 5);
      g_autoptr(GString) contact = g_string_new (row->contact ? row->contact : "");

      if (row->phone && *row->phone)
        g_string_append_printf (contact, "%s%s", contact->len ? "\n" : "", row->phone);
      if (row->email && *row->email)
        g_string_append_printf (contact, "%s%s", contact->len ? "\n" : "", row->email);
      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_strdup (row->name);
      cells[2] = state_text (o, row);
      cells[3] = g_strdup (contact->str);
      g_ptr_array_add (rows, cells);
    }
  td_flow_table (f, shares, G_N_ELEMENTS (shares), head, rows);
}

GBytes *
td_reminder_render_pdf (const TdReminder  *r,
                        GError           **error)
{
  JsonObject *o = NULL;
  g_autoptr(JsonParser) parser = td_doc_template_part ("reminder", &o, error);
  const TdCompleteness *c = r->completeness;
  guint missing = count_missing (r->rows), late = r->rows->len - missing;
  gboolean past = g_strcmp0 (c->today, c->closes_on) > 0;
  g_autofree char *province_up = td_doc_upper (r->province);
  g_autofree char *issuer_up = td_doc_upper (r->issuer);
  g_autofree char *due = td_format_date (c->deadlines->assessment_due);
  g_autofree char *today = td_format_date (c->today);
  g_autofree char *reply_by = td_format_date (r->reply_by);
  g_autofree char *round_day = td_format_date (c->deadlines->round_day);
  g_autofree char *listed = NULL;
  g_auto(GStrv) recipients = NULL;
  cairo_surface_t *surface;
  TdFlowClosing closing = { 0 };
  TdFlow f;

  if (parser == NULL)
    return NULL;
  if (r->rows->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Every expected unit has sent its self-assessment: there is nobody to remind."));
      return NULL;
    }
  if (reply_by == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date; write it as dd/mm/yyyy, for example 05/10/2026."), r->reply_by ? r->reply_by : "");
      return NULL;
    }
  listed = td_doc_template_text (o, "listed", NULL);
  surface = td_doc_pdf_new (TD_FLOW_PAGE_WIDTH * TD_MM, TD_FLOW_PAGE_HEIGHT * TD_MM, "Công văn đôn đốc gửi báo cáo");
  td_flow_begin (&f, surface);
  {
    g_autofree char *governing = td_doc_template_text (o, "governing_body", "PROVINCE", province_up, NULL);
    g_autofree char *issuing = td_doc_template_text (o, "issuing_body", "ISSUER", issuer_up, NULL);
    g_autofree char *suffix = td_doc_template_text (o, "number_suffix", NULL);
    g_autofree char *number = g_strdup_printf ("Số:        /%s", suffix);
    g_autofree char *when = td_doc_blank_date (r->province);
    g_autofree char *summary = td_doc_template_text (o, "summary", "campaign", r->campaign, NULL);

    td_flow_header (&f, governing, issuing, number, when, FALSE);
    summary_line (&f, summary);
  }
  addressees (&f, o, r);
  {
    g_autofree char *year = g_strndup (c->deadlines->round_day, 4);
    g_autofree char *basis = td_doc_template_text (o, "basis", "plan", r->plan, "campaign", r->campaign, "year", year,
                                                   "issuer", r->issuer, "due", due, NULL);
    td_flow_paragraph (&f, NULL, basis, 0, 0);
  }
  if (missing > 0)
    {
      g_autofree char *n = g_strdup_printf ("%02u", missing);
      g_autofree char *status = td_doc_template_text (o, past ? "status_after" : "status_before", "today", today,
                                                      "count", n, "listed", listed, NULL);
      td_flow_paragraph (&f, NULL, status, 0, 0);
    }
  if (late > 0)
    {
      g_autofree char *n = g_strdup_printf ("%02u", late);
      g_autofree char *status = td_doc_template_text (o, "status_late", "count", n, "listed", listed, NULL);
      td_flow_paragraph (&f, NULL, status, 0, 0);
    }
  {
    g_autofree char *request = td_doc_template_text (o, "request", "round_day", round_day, "issuer", r->issuer,
                                                     "reply_by", reply_by, NULL);
    g_autofree char *consequence = td_doc_template_text (o, c->deadlines->late_blocks_awards ? "consequence_blocks"
                                                                                             : "consequence",
                                                         "issuer", r->issuer, NULL);
    g_autofree char *close = td_doc_template_text (o, "closing", "issuer", r->issuer, NULL);
    g_autofree char *signer = td_doc_template_text (o, "signer_title", NULL);

    td_flow_paragraph (&f, NULL, request, 0, 0);
    td_flow_paragraph (&f, NULL, consequence, 0, 0);
    recipients = td_doc_template_list (o, "recipients", "issuer", r->issuer);
    td_flow_closing_init (&f, &closing, signer, "", recipients);
    td_flow_paragraph (&f, NULL, close, 0, TD_FLOW_PARA_SPACE + 10 + td_flow_closing_keep (&closing));
    f.y += 10;
    td_flow_closing_draw (&f, &closing);
    td_flow_closing_clear (&closing);
  }
  /* The attached list has pages of its own, numbered from 1 again. */
  cairo_show_page (f.cr);
  f.page = 1;
  f.y = f.top;
  attached_list (&f, o, r, late > 0);
  return td_doc_finish (&f, surface, error);
}

const char * const *
td_reminder_contact_header (void)
{
  static const char * const header[] = { N_("Code"), N_("Unit"), N_("Kind"), N_("Parent"), N_("State"),
                                         N_("Timeliness"), N_("Contact"), N_("Phone"), N_("E-mail"), NULL };
  static const char *translated[G_N_ELEMENTS (header)];

  for (guint i = 0; header[i]; i++)
    translated[i] = _(header[i]);
  return (const char * const *) translated;
}

GPtrArray *
td_reminder_contact_rows (const TdReminder *r)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < r->rows->len; i++)
    {
      TdCompletenessRow *row = r->rows->pdata[i];
      char **cells = g_new0 (char *, 10);

      cells[0] = g_strdup (row->code);
      cells[1] = g_strdup (row->name);
      cells[2] = g_strdup (td_unit_kind_get_label (row->kind));
      cells[3] = g_strdup (row->parent_name ? row->parent_name : "");
      cells[4] = g_strdup (td_submission_state_label (row->state));
      cells[5] = g_strdup (td_timeliness_label (row->timeliness));
      cells[6] = g_strdup (row->contact ? row->contact : "");
      cells[7] = g_strdup (row->phone ? row->phone : "");
      cells[8] = g_strdup (row->email ? row->email : "");
      g_ptr_array_add (rows, cells);
    }
  return rows;
}
