/* td-dossier-pdf.c: the proposal, the minutes, the achievement report and the dossier, laid out
 * with td-doc-flow.c from the text of data/templates/dossier.json. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "td-doc-flow.h"
#include "td-doc-template.h"
#include "td-dossier-pdf.h"
#include "td-format.h"




/* "08:30" → "08 giờ 30", as minutes write an hour; "… giờ …" when it was not recorded. */
static char *
hours (const char *hh_mm)
{
  if (hh_mm == NULL || strlen (hh_mm) != 5)
    return g_strdup ("… giờ …");
  return g_strdup_printf ("%.2s giờ %.2s", hh_mm, hh_mm + 3);
}

/* A count of the ballot, with the written opinions of absent members beside it. */
static char *
written (guint ballot,
         guint in_writing)
{
  return in_writing ? g_strdup_printf ("%u (+%u bằng văn bản)", ballot, in_writing) : g_strdup_printf ("%u", ballot);
}




/* The title in bold, the summary in bold under it, a short rule. */
static void
titles (TdFlow     *f,
        const char *title,
        const char *summary)
{
  double w = td_flow_width (f), line = 0;

  f->y += td_flow_centred (f, f->left, w, f->y, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, title, &line);
  if (summary && *summary)
    f->y += td_flow_centred (f, f->left, w, f->y, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, summary, &line);
  f->y += 5;
  td_flow_rule (f, f->left + w / 2, f->y, MIN (line * 0.4, 50 * TD_MM));
  f->y += 14;
}

static void
heading (TdFlow     *f,
         const char *text)
{
  g_autoptr(PangoLayout) layout = td_flow_layout (f, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, td_flow_width (f),
                                                  PANGO_ALIGN_LEFT, text);
  /* A heading is never the last line of a page. */
  if (f->y + 3 * TD_FLOW_BODY_SIZE * 1.5 > f->bottom)
    td_flow_new_page (f);
  td_flow_block (f, layout, f->left);
  f->y += TD_FLOW_PARA_SPACE;
}


static char *
awardees_phrase (GPtrArray *nominations)
{
  guint individuals = 0;

  for (guint i = 0; i < nominations->len; i++)
    individuals += ((TdNomination *) nominations->pdata[i])->individual;
  if (individuals > 0 && individuals < nominations->len)
    return g_strdup_printf ("%02u tập thể và %02u cá nhân", nominations->len - individuals, individuals);
  return g_strdup_printf (individuals ? "%02u cá nhân" : "%02u tập thể", nominations->len);
}

/* The council's count for a nomination in the meeting, "7/9", or "". */
static char *
vote_of (const TdMeeting *m,
         gint64           nomination_id)
{
  for (guint i = 0; m && i < m->items->len; i++)
    {
      TdMeetingItem *item = m->items->pdata[i];
      if (item->nomination_id == nomination_id)
        return g_strdup_printf ("%u/%u", item->agree + item->written_agree, m->members_total);   /* written count */
    }
  return g_strdup ("");
}

GBytes *
td_proposal_render_pdf (const TdProposal  *p,
                        GError           **error)
{
  JsonObject *o = NULL;
  g_autoptr(JsonParser) parser = td_doc_template_part ("proposal", &o, error);
  g_autofree char *province_up = td_doc_upper (p->province);
  g_autofree char *co_up = td_doc_upper (p->co_appraiser);
  g_autofree char *appraiser_up = td_doc_upper (p->appraiser);
  g_autofree char *count = NULL;
  g_autofree char *date = NULL;
  g_auto(GStrv) bases = NULL;
  g_auto(GStrv) recipients = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  cairo_surface_t *surface;
  TdFlowClosing closing = { 0 };
  TdFlow f;
  static const double shares[] = { 0.08, 0.32, 0.45, 0.15 };
  static const char * const head[] = { "TT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Hội đồng đồng ý" };

  if (parser == NULL)
    return NULL;
  if (p->nominations->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("No nomination the council passed is waiting for the decision: the proposal would be empty."));
      return NULL;
    }
  count = awardees_phrase (p->nominations);
  date = p->meeting ? td_format_date (p->meeting->held_on) : g_strdup ("…");
  surface = td_doc_pdf_new (TD_FLOW_PAGE_WIDTH * TD_MM, TD_FLOW_PAGE_HEIGHT * TD_MM, "Tờ trình đề nghị khen thưởng");
  td_flow_begin (&f, surface);
  {
    g_autofree char *governing = td_doc_template_text (o, "governing_body", "PROVINCE", province_up, NULL);
    g_autofree char *issuing = td_doc_template_text (o, "issuing_body", "CO_APPRAISER", co_up, "APPRAISER", appraiser_up, NULL);
    g_autofree char *suffix = td_doc_template_text (o, "number_suffix", NULL);
    g_autofree char *number = g_strdup_printf ("Số: …/%s", suffix);
    g_autofree char *when = td_doc_blank_date (p->province);
    g_autofree char *title = td_doc_template_text (o, "title", NULL);
    g_autofree char *summary = td_doc_template_text (o, "summary", "campaign", p->campaign, NULL);
    g_autofree char *to = td_doc_template_text (o, "addressee", "province", p->province, NULL);

    td_flow_header (&f, governing, issuing, number, when, FALSE);
    titles (&f, title, summary);
    f.y += td_flow_centred (&f, f.left, td_flow_width (&f), f.y, TD_FLOW_BODY_SIZE, 0, to, NULL);
    f.y += 10;
  }
  bases = td_doc_template_list (o, "bases", "plan", p->plan);
  for (guint i = 0; bases[i]; i++)
    {
      GString *s = g_string_new (bases[i]);
      g_autofree char *line = NULL;

      g_string_replace (s, "{campaign}", p->campaign, 0);
      line = td_flow_punctuate (s->str, FALSE, ";");
      td_flow_paragraph (&f, NULL, line, TD_DOC_ITALIC, 0);
      g_string_free (s, TRUE);
    }
  {
    g_autofree char *body = td_doc_template_text (o, p->meeting && p->meeting->standing_committee ? "standing_committee" : "plenary",
                                  NULL);
    g_autofree char *process = td_doc_template_text (o, "process", "body", body, "appraiser", p->appraiser, "co_appraiser", p->co_appraiser,
                                     "date", date, "count", count, NULL);
    td_flow_paragraph (&f, NULL, process, 0, 0);
  }
  for (guint i = 0; i < p->nominations->len; i++)
    {
      TdNomination *n = p->nominations->pdata[i];
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup_printf ("%u", i + 1);
      row[1] = g_strdup (td_nomination_get_name (n));
      row[2] = n->individual ? td_nomination_format_position (n) : g_strdup ("Tập thể");
      row[3] = vote_of (p->meeting, n->id);
      g_ptr_array_add (rows, row);
    }
  td_flow_table (&f, shares, G_N_ELEMENTS (shares), head, rows);
  f.y += 10;
  {
    g_autofree char *close = td_doc_template_text (o, "closing", "appraiser", p->appraiser, "co_appraiser", p->co_appraiser, NULL);
    g_autofree char *signer = td_doc_template_text (o, "signer_title", NULL);

    recipients = td_doc_template_list (o, "recipients", "co_appraiser", p->co_appraiser);
    td_flow_closing_init (&f, &closing, signer, "", recipients);
    td_flow_paragraph (&f, NULL, close, 0, TD_FLOW_PARA_SPACE + 10 + td_flow_closing_keep (&closing));
    f.y += 10;
    td_flow_closing_draw (&f, &closing);
    td_flow_closing_clear (&closing);
  }
  return td_doc_finish (&f, surface, error);
}

GBytes *
td_minutes_render_pdf (const TdProposal  *p,
                       GError           **error)
{
  JsonObject *o = NULL;
  g_autoptr(JsonParser) parser = td_doc_template_part ("minutes", &o, error);
  const TdMeeting *m = p->meeting;
  g_autofree char *province_up = td_doc_upper (p->province);
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) present = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) votes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  cairo_surface_t *surface;
  TdFlowClosing closing = { 0 };
  TdFlow f;
  static const double member_shares[] = { 0.08, 0.42, 0.50 };
  static const char * const member_head[] = { "TT", "Họ và tên", "Chức vụ" };
  static const double vote_shares[] = { 0.07, 0.33, 0.13, 0.15, 0.14, 0.18 };
  static const char * const vote_head[] = { "TT", "Tập thể, cá nhân", "Đồng ý", "Không đồng ý", "Không biểu quyết",
                                            "Kết quả" };

  if (parser == NULL)
    return NULL;
  if (m == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("No council meeting of this round is closed yet: the minutes are written once the votes are counted."));
      return NULL;
    }
  date = td_format_date_long (m->held_on);
  surface = td_doc_pdf_new (TD_FLOW_PAGE_WIDTH * TD_MM, TD_FLOW_PAGE_HEIGHT * TD_MM, "Biên bản họp Hội đồng");
  td_flow_begin (&f, surface);
  {
    g_autofree char *governing = td_doc_template_text (o, "governing_body", "PROVINCE", province_up, NULL);
    g_autofree char *issuing = td_doc_template_text (o, "issuing_body", NULL);
    g_autofree char *suffix = td_doc_template_text (o, "number_suffix", NULL);
    g_autofree char *number = g_strdup_printf ("Số: …/%s", suffix);
    g_autofree char *when = g_strdup_printf ("%s, %s", p->province, date);
    g_autofree char *title = td_doc_template_text (o, "title", NULL);
    /* The standing committee or the plenary council, as the meeting sat. */
    g_autofree char *body = td_doc_template_text (o, m->standing_committee ? "standing_committee" : "plenary", NULL);
    g_autofree char *summary = td_doc_template_text (o, "summary", "campaign", p->campaign, "body", body, NULL);
    g_autofree char *members = g_strdup_printf ("%u", m->members_total);
    g_autofree char *here = g_strdup_printf ("%u", m->present->len);
    g_autofree char *start = hours (m->starts_at);
    g_autofree char *opening = td_doc_template_text (o, "opening", "body", body, "date", date, "province", p->province, "members", members,
                                     "present", here, "start", start, "place", *m->place ? m->place : "…",
                                     "chair", *m->chair ? m->chair : "…", "secretary",
                                     *m->secretary ? m->secretary : "…", NULL);

    td_flow_header (&f, governing, issuing, number, when, FALSE);
    titles (&f, title, summary);
    td_flow_paragraph (&f, NULL, opening, 0, 0);
  }
  for (guint i = 0; i < m->present->len; i++)
    {
      TdCouncilMember *c = m->present->pdata[i];
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup_printf ("%u", i + 1);
      row[1] = g_strdup (c->name);
      row[2] = g_strdup (c->position);
      g_ptr_array_add (present, row);
    }
  td_flow_table (&f, member_shares, G_N_ELEMENTS (member_shares), member_head, present);
  f.y += 10;
  {
    JsonObject *thresholds = json_object_get_object_member (o, "thresholds");
    const char *how = thresholds ? json_object_get_string_member_with_default (thresholds, m->threshold, m->threshold)
                                 : m->threshold;
    g_autofree char *body_short = td_doc_template_text (o, m->standing_committee ? "standing_committee_short" : "plenary_short", NULL);
    g_autofree char *vote = td_doc_template_text (o, "vote", "threshold", how, "body_short", body_short, NULL);

    td_flow_paragraph (&f, NULL, vote, 0, 0);
  }
  for (guint i = 0; i < m->items->len; i++)
    {
      TdMeetingItem *item = m->items->pdata[i];
      char **row = g_new0 (char *, 7);

      row[0] = g_strdup_printf ("%u", i + 1);
      row[1] = g_strdup (item->name);
      row[2] = written (item->agree, item->written_agree);
      row[3] = written (item->disagree, item->written_disagree);
      row[4] = g_strdup_printf ("%u", item->abstain);
      row[5] = g_strdup_printf ("%s (%u/%u)", item->passed ? "Thông qua" : "Không thông qua",
                                item->agree + item->written_agree, m->members_total);
      g_ptr_array_add (votes, row);
    }
  td_flow_table (&f, vote_shares, G_N_ELEMENTS (vote_shares), vote_head, votes);
  f.y += 10;
  {
    g_autofree char *ends = hours (m->ends_at);
    g_autofree char *end = td_doc_template_text (o, "end", "end", ends, NULL);
    g_autofree char *left = td_doc_template_text (o, "left_signer", NULL);
    g_autofree char *signer = td_doc_template_text (o, "signer_title", NULL);

    td_flow_closing_init (&f, &closing, signer, m->chair, NULL);
    td_flow_closing_left_signer (&f, &closing, left, m->secretary);
    td_flow_paragraph (&f, NULL, end, 0, TD_FLOW_PARA_SPACE + 10 + td_flow_closing_keep (&closing));
    f.y += 10;
    td_flow_closing_draw (&f, &closing);
    td_flow_closing_clear (&closing);
  }
  return td_doc_finish (&f, surface, error);
}

/* The report's pages on @f (alone, or inside the dossier). */
static gboolean
report_pages (TdFlow           *f,
              const TdDossier  *d,
              GError          **error)
{
  JsonObject *o = NULL;
  g_autoptr(JsonParser) parser = td_doc_template_part ("report", &o, error);
  const TdNomination *n = d->nomination;
  g_autofree char *position = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  TdFlowClosing closing = { 0 };
  static const double shares[] = { 0.08, 0.50, 0.15, 0.13, 0.14 };
  static const char * const head[] = { "TT", "Chỉ tiêu", "Kết quả", "Ngưỡng", "Đánh giá" };

  if (parser == NULL)
    return FALSE;
  position = n->individual ? td_nomination_format_position (n) : g_strdup ("");
  {
    g_autofree char *proposer_up = td_doc_upper (n->proposer_name);
    g_autofree char *unit_up = td_doc_upper (n->unit_name);
    g_autofree char *when = td_doc_blank_date (d->place ? d->place : d->province);
    g_autofree char *title = td_doc_template_text (o, n->level == TD_AWARD_GIAY_KHEN ? "giay_khen_title"
                                      : n->individual ? "individual_title" : "collective_title", NULL);
    g_autofree char *name = td_doc_template_text (o, n->individual ? "individual_name" : "collective_name",
                                  "name", td_nomination_get_name (n), "position", position, NULL);

    /* The unit reports; the level above it (its proposer) confirms. */
    td_flow_header (f, g_strcmp0 (n->proposer_name, n->unit_name) != 0 ? proposer_up : "", unit_up, "", when, FALSE);
    titles (f, title, NULL);
    f->y += td_flow_centred (f, f->left, td_flow_width (f), f->y, TD_FLOW_BODY_SIZE, 0, name, NULL);
    f->y += 10;
  }
  {
    g_autofree char *h1 = td_doc_template_text (o, n->individual ? "section_1_individual" : "section_1_collective", NULL);
    /* A person reports with their own profile; a unit with what it is. */
    g_autofree char *t1 = td_doc_template_text (o, n->individual ? "individual_section_1_text" : "section_1_text", "name", n->unit_name,
                                "unit_kind", d->unit_kind, "campaign", d->campaign, "person", n->person_name,
                                "position", n->person_position ? n->person_position : "…", NULL);
    g_autofree char *h2 = td_doc_template_text (o, "section_2", NULL);
    g_autofree char *t2 = td_doc_template_text (o, "section_2_text", "round", d->round_title, NULL);

    heading (f, h1);
    td_flow_paragraph (f, NULL, t1, 0, 0);
    heading (f, h2);
    td_flow_paragraph (f, NULL, t2, 0, 0);
  }
  for (guint i = 0; i < d->targets->len; i++)
    {
      TdTargetResult *t = d->targets->pdata[i];
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup_printf ("%u", t->number);
      row[1] = g_strdup (t->text);
      row[2] = g_strdup (t->value);
      row[3] = g_strdup (t->threshold);
      row[4] = g_strdup (t->result);
      g_ptr_array_add (rows, row);
    }
  td_flow_table (f, shares, G_N_ELEMENTS (shares), head, rows);
  f->y += 8;
  {
    g_autofree char *achievement = td_doc_template_text (o, "achievement", "achievement", n->achievement, NULL);
    g_autofree char *h3 = td_doc_template_text (o, "section_3", NULL);

    td_flow_paragraph (f, NULL, achievement, 0, 0);
    heading (f, h3);
  }
  for (guint i = 0; i < d->standards->len; i++)
    {
      TdStandardResult *s = d->standards->pdata[i];
      g_autofree char *lead = g_strdup_printf ("%s.", s->code);
      g_autofree char *body = g_strdup_printf ("%s %s", s->text,
                                               !s->attested ? "(Chưa cam kết.)"
                                               : *s->justification ? s->justification : "(Đã cam kết.)");

      td_flow_paragraph (f, lead, body, 0, 0);
    }
  {
    g_autofree char *h4 = td_doc_template_text (o, "section_4", NULL);
    g_autofree char *t4 = td_doc_template_text (o, "section_4_text", NULL);
    /* A person signs their own report, their head confirms it; a unit's head signs, the level
     * that proposes it confirms. */
    g_autofree char *signer = td_doc_template_text (o, n->individual ? "individual_signer_title" : "signer_title", NULL);
    g_autofree char *left = td_doc_template_text (o, n->individual ? "individual_left_signer" : "left_signer", NULL);

    heading (f, h4);
    td_flow_closing_init (f, &closing, signer, n->individual ? n->person_name : "", NULL);
    td_flow_closing_left_signer (f, &closing, left, "");
    td_flow_paragraph (f, NULL, t4, 0, TD_FLOW_PARA_SPACE + 10 + td_flow_closing_keep (&closing));
    f->y += 10;
    td_flow_closing_draw (f, &closing);
    td_flow_closing_clear (&closing);
  }
  return TRUE;
}

GBytes *
td_achievement_report_render_pdf (const TdDossier  *d,
                                  GError          **error)
{
  cairo_surface_t *surface = td_doc_pdf_new (TD_FLOW_PAGE_WIDTH * TD_MM, TD_FLOW_PAGE_HEIGHT * TD_MM,
                                             "Báo cáo thành tích");
  TdFlow f;

  td_flow_begin (&f, surface);
  if (!report_pages (&f, d, error))
    {
      td_flow_end (&f);
      cairo_surface_destroy (surface);
      return NULL;
    }
  return td_doc_finish (&f, surface, error);
}

static const char *
verdict_label (const char *verdict)
{
  if (g_strcmp0 (verdict, "accepted") == 0)
    return "Chấp nhận";
  if (g_strcmp0 (verdict, "rejected") == 0)
    return "Không chấp nhận";
  if (g_strcmp0 (verdict, "needs-more") == 0)
    return "Cần bổ sung";
  return "Chưa xem xét";
}

static const char *
action_label (TdStepAction action)
{
  static const char * const labels[] = { "Đề nghị", "Thông qua", "Trả lại", "Rút lại ý kiến", "Chấp nhận ngoại lệ",
                                         "Hội đồng bỏ phiếu" };
  return action <= TD_STEP_VOTE ? labels[action] : "";
}

static const char *
step_title (const TdDossier *d,
            const char      *id)
{
  for (guint i = 0; i < d->steps->len; i++)
    if (g_strcmp0 (((TdStepSpec *) d->steps->pdata[i])->id, id) == 0)
      return ((TdStepSpec *) d->steps->pdata[i])->title;
  return id;
}

/* The appraisal record: every step with who, when and why; every check explained. */
static void
record_pages (TdFlow          *f,
              const TdDossier *d)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  static const double history_shares[] = { 0.15, 0.25, 0.18, 0.17, 0.25 };
  static const char * const history_head[] = { "Thời gian", "Bước", "Việc", "Cơ quan, người thực hiện",
                                               "Ý kiến, lý do" };
  static const double check_shares[] = { 0.30, 0.15, 0.55 };
  static const char * const check_head[] = { "Điều kiện", "Kết quả", "Giải thích" };

  titles (f, "QUÁ TRÌNH XÉT, THẨM ĐỊNH", NULL);
  for (guint i = 0; i < d->history->len; i++)
    {
      TdStepRecord *r = d->history->pdata[i];
      char **row = g_new0 (char *, 6);
      g_autofree char *who = g_strdup_printf ("%s%s%s", r->body_name ? r->body_name : r->body_code ? r->body_code : "",
                                              r->body_name || r->body_code ? " – " : "", r->actor);

      row[0] = td_format_date (r->at);
      if (row[0] == NULL && r->at != NULL && strlen (r->at) >= 10)
        {
          g_autofree char *day = g_strndup (r->at, 10);
          row[0] = td_format_date (day);
        }
      row[1] = g_strdup (step_title (d, r->step));
      row[2] = r->action == TD_STEP_VOTE && r->verdict
               ? g_strdup_printf ("%s: %s%s", action_label (r->action),
                                  g_str_has_prefix (r->verdict, "passed") ? "thông qua" : "không thông qua",
                                  strchr (r->verdict, ' ') ? strchr (r->verdict, ' ') : "")
               : g_strdup (action_label (r->action));
      row[3] = g_strdup (who);
      row[4] = g_strdup_printf ("%s%s%s", r->opinion ? r->opinion : "", r->opinion && *r->opinion && r->reason &&
                                *r->reason ? " – " : "", r->reason ? r->reason : "");
      g_ptr_array_add (history, row);
    }
  td_flow_table (f, history_shares, G_N_ELEMENTS (history_shares), history_head, history);
  f->y += 12;
  heading (f, "Kiểm tra điều kiện khen thưởng");
  for (guint i = 0; i < d->checks->len; i++)
    {
      TdEligibilityCheck *c = d->checks->pdata[i];
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (c->document_title ? c->document_title : c->title);
      row[1] = g_strdup (c->passed ? "Đạt" : c->overridden ? "Chấp nhận ngoại lệ" : "Chưa đạt");
      row[2] = g_strdup (c->document_text ? c->document_text : c->explanation);
      g_ptr_array_add (checks, row);
    }
  td_flow_table (f, check_shares, G_N_ELEMENTS (check_shares), check_head, checks);
}

static void
evidence_list (TdFlow          *f,
               const TdDossier *d)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  static const double shares[] = { 0.08, 0.42, 0.20, 0.12, 0.18 };
  static const char * const head[] = { "TT", "Tệp", "Thuộc", "Số trang", "Ý kiến xem xét" };

  titles (f, "DANH MỤC MINH CHỨNG", NULL);
  for (guint i = 0; i < d->evidence->len; i++)
    {
      TdEvidenceItem *e = d->evidence->pdata[i];
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup_printf ("%u", i + 1);
      row[1] = g_strdup (e->file_name);
      row[2] = g_strdup (e->owner);
      row[3] = g_strdup_printf ("%u", e->pages);
      row[4] = g_strdup (verdict_label (e->verdict));
      g_ptr_array_add (rows, row);
    }
  if (rows->len == 0)
    td_flow_paragraph (f, NULL, "Hồ sơ không kèm minh chứng.", TD_DOC_ITALIC, 0);
  else
    td_flow_table (f, shares, G_N_ELEMENTS (shares), head, rows);
}

/* One evidence page, drawn by the helper, scaled into the text area under its caption. */
static void
evidence_page (TdFlow             *f,
               const TdDossier    *d,
               guint               index,
               guint               page,
               TdEvidencePageFunc  pages,
               gpointer            user_data)
{
  TdEvidenceItem *e = d->evidence->pdata[index];
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image = pages (index, page, user_data, &error);
  g_autofree char *caption = g_strdup_printf ("Minh chứng %u: %s – trang %u/%u", index + 1, e->file_name, page + 1,
                                              e->pages);
  double w = td_flow_width (f);

  td_flow_new_page (f);
  f->y += td_flow_centred (f, f->left, w, f->y, 11, TD_DOC_ITALIC, caption, NULL) + 6;
  if (image == NULL)
    {
      g_autofree char *why = g_strdup_printf ("Không vẽ được trang này: %s", error ? error->message : "");
      td_flow_paragraph (f, NULL, why, TD_DOC_ITALIC, 0);
      return;
    }
  {
    double iw = cairo_image_surface_get_width (image), ih = cairo_image_surface_get_height (image);
    double scale = MIN (w / iw, (f->bottom - f->y) / ih);

    cairo_save (f->cr);
    cairo_translate (f->cr, f->left + (w - iw * scale) / 2, f->y);
    cairo_scale (f->cr, scale, scale);
    cairo_set_source_surface (f->cr, image, 0, 0);
    cairo_paint (f->cr);
    cairo_restore (f->cr);
    cairo_set_line_width (f->cr, 0.4);
    cairo_rectangle (f->cr, f->left + (w - iw * scale) / 2, f->y, iw * scale, ih * scale);
    cairo_stroke (f->cr);
    f->y += ih * scale;
  }
  cairo_surface_destroy (image);
}

/* Lays out the dossier on @surface; the first page of each part in @starts (4). */
static gboolean
dossier_pages (cairo_surface_t    *surface,
               const TdDossier    *d,
               const int          *toc,
               int                *starts,
               TdEvidencePageFunc  pages,
               gpointer            user_data,
               GError            **error)
{
  TdFlow f;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  static const char * const parts[] = { "Báo cáo thành tích", "Quá trình xét, thẩm định", "Danh mục minh chứng",
                                        "Minh chứng" };
  static const double shares[] = { 0.1, 0.7, 0.2 };
  static const char * const head[] = { "TT", "Tài liệu", "Trang" };
  gboolean ok;

  td_flow_begin (&f, surface);
  /* The cover: what the dossier is, and where each part starts. */
  f.y += 40;
  titles (&f, "HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG", d->campaign);
  {
    g_autofree char *who = d->nomination->individual
                           ? g_strdup_printf ("%s – %s", d->nomination->person_name, d->nomination->unit_name)
                           : g_strdup (td_nomination_get_name (d->nomination));
    g_autofree char *award = g_strdup_printf ("Hình thức đề nghị: %s. Đơn vị đề nghị: %s.",
                                              d->nomination->level == TD_AWARD_BANG_KHEN
                                              ? "Bằng khen của Chủ tịch UBND tỉnh" : "Giấy khen",
                                              d->nomination->proposer_name);

    f.y += td_flow_centred (&f, f.left, td_flow_width (&f), f.y, 16, TD_DOC_BOLD, who, NULL) + 10;
    td_flow_paragraph (&f, NULL, award, 0, 0);
    f.y += 20;
  }
  f.y += td_flow_centred (&f, f.left, td_flow_width (&f), f.y, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, "MỤC LỤC", NULL) + 8;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      char **row;

      if (i == 3 && (pages == NULL || d->evidence->len == 0))
        continue;
      row = g_new0 (char *, 4);
      row[0] = g_strdup_printf ("%u", i + 1);
      row[1] = g_strdup (parts[i]);
      row[2] = toc ? g_strdup_printf ("%d", toc[i]) : g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  td_flow_table (&f, shares, G_N_ELEMENTS (shares), head, rows);

  td_flow_new_page (&f);
  starts[0] = f.page;
  ok = report_pages (&f, d, error);
  if (ok)
    {
      td_flow_new_page (&f);
      starts[1] = f.page;
      record_pages (&f, d);
      td_flow_new_page (&f);
      starts[2] = f.page;
      evidence_list (&f, d);
      starts[3] = f.page + 1;
      for (guint i = 0; pages != NULL && i < d->evidence->len; i++)
        for (guint p = 0; p < ((TdEvidenceItem *) d->evidence->pdata[i])->pages; p++)
          evidence_page (&f, d, i, p, pages, user_data);
    }
  td_flow_end (&f);
  return ok;
}

GBytes *
td_dossier_render_pdf (const TdDossier     *d,
                       TdEvidencePageFunc   pages,
                       gpointer             user_data,
                       GError             **error)
{
  int starts[4] = { 0 }, final[4] = { 0 };
  cairo_surface_t *surface;
  GBytes *bytes;

  /* A first pass counts the pages, without the evidence (which only comes last), so that the
   * table of contents on the cover can say where each part starts. */
  surface = td_doc_pdf_new (TD_FLOW_PAGE_WIDTH * TD_MM, TD_FLOW_PAGE_HEIGHT * TD_MM, "Hồ sơ đề nghị khen thưởng");
  if (!dossier_pages (surface, d, NULL, starts, NULL, NULL, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  surface = td_doc_pdf_new (TD_FLOW_PAGE_WIDTH * TD_MM, TD_FLOW_PAGE_HEIGHT * TD_MM, "Hồ sơ đề nghị khen thưởng");
  dossier_pages (surface, d, starts, final, pages, user_data, error);
  bytes = td_doc_pdf_finish (surface, error);
  cairo_surface_destroy (surface);
  return bytes;
}

typedef struct {
  TdDossier          *dossier;
  TdEvidencePageFunc  pages;
  gpointer            data;
  GDestroyNotify      destroy;
} DossierJob;

static void
dossier_job_free (DossierJob *job)
{
  td_dossier_free (job->dossier);
  if (job->destroy != NULL)
    job->destroy (job->data);
  g_free (job);
}

static void
dossier_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DossierJob *job = task_data;
  GError *error = NULL;
  GBytes *pdf = td_dossier_render_pdf (job->dossier, job->pages, job->data, &error);

  if (pdf != NULL)
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

void
td_dossier_render_async (TdDossier           *dossier,
                         TdEvidencePageFunc   pages,
                         gpointer             data,
                         GDestroyNotify       destroy,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  DossierJob *job = g_new0 (DossierJob, 1);

  job->dossier = dossier;
  job->pages = pages;
  job->data = data;
  job->destroy = destroy;
  g_task_set_source_tag (task, td_dossier_render_async);
  g_task_set_task_data (task, job, (GDestroyNotify) dossier_job_free);
  g_task_run_in_thread (task, dossier_thread);
}

GBytes *
td_dossier_render_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
