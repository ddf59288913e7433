/* td-cli-documents.c: "certificates", and what the commands that lay out documents share. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-certificate.h"
#include "td-cli.h"
#include "td-doc-text.h"

gboolean
td_cli_write_bytes (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  /* Replaced atomically: a half-written PDF never takes the place of a good one. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

void
td_cli_note_font (void)
{
  gboolean substituted;
  const char *family = td_doc_serif_family (&substituted);

  if (substituted)
    fprintf (stderr, _("Note: Times New Roman is not installed; %s, which has the same metrics, is used.\n"), family);
}

static int
render_split (const TdCertificateTemplate  *template_,
              GPtrArray                    *certificates,
              const char                   *dir,
              double                        offset_x,
              double                        offset_y,
              GError                      **error)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (dir);
  g_autoptr(GPtrArray) written = td_certificates_write_split (template_, certificates, offset_x, offset_y, folder,
                                                              NULL, NULL, NULL, error);

  if (written == NULL)
    return 1;
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *path = g_file_get_path (written->pdata[i]);
      printf ("%s\n", path);
    }
  return 0;
}

int
td_cli_certificates (TdCliContext  *ctx,
                     int            argc,
                     char         **argv,
                     GError       **error)
{
  g_autofree char *output = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *split = NULL;
  g_autofree char *only = NULL;
  gboolean reprint = FALSE;
  gint64 decision_id = 0;
  double offset_x = 0, offset_y = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "decision", 0, 0, G_OPTION_ARG_INT64, &decision_id, N_("The decision whose awardees get certificates"), N_("ID") },
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_name, N_("Template name or file (default full-a3)"), N_("NAME") },
    { "split", 0, 0, G_OPTION_ARG_FILENAME, &split, N_("Write one file per awardee into this folder"), N_("DIR") },
    { "offset-x", 0, 0, G_OPTION_ARG_DOUBLE, &offset_x, N_("Printer offset to the right, in mm"), N_("MM") },
    { "offset-y", 0, 0, G_OPTION_ARG_DOUBLE, &offset_y, N_("Printer offset downwards, in mm"), N_("MM") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, N_("Only these nominations (ids, comma-separated)"), N_("ID,…") },
    { "reprint", 0, 0, G_OPTION_ARG_NONE, &reprint, N_("Spoiled sheets printed again, with the same register numbers"), NULL },
    { NULL }
  };
  g_autoptr(TdCertificateTemplate) template_ = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(TdDecision) decision = NULL;
  g_autoptr(GPtrArray) awardees = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gboolean calibration;

  if (!td_cli_parse (ctx, "certificates", N_("render | calibration | templates"), entries, &argc, &argv, &status,
                     error))
    return status;
  if (argc == 2 && g_str_equal (argv[1], "templates"))
    {
      for (const char * const *name = td_certificate_template_names (); *name; name++)
        {
          g_autoptr(TdCertificateTemplate) t = td_certificate_template_load (*name, error);
          if (t == NULL)
            return 1;
          printf ("%s\t%s\n", *name, td_certificate_template_get_title (t));
        }
      return 0;
    }
  calibration = argc == 2 && g_str_equal (argv[1], "calibration");
  if (argc != 2 || (!calibration && !g_str_equal (argv[1], "render")) ||
      (calibration && output == NULL) ||
      (!calibration && (decision_id <= 0 || (output == NULL) == (split == NULL))) ||
      /* Not "> 50": a NaN compares false with everything and would pass. */
      !(ABS (offset_x) <= 50) || !(ABS (offset_y) <= 50))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("certificates needs “render --decision ID -o FILE.pdf” (or --split DIR), "
                             "“calibration -o FILE.pdf” or “templates”; offsets are at most 50 mm"));
      return 2;
    }
  template_ = td_certificate_template_load (template_name ? template_name : "full-a3", error);
  if (template_ == NULL)
    return 1;
  if (calibration)
    {
      td_cli_note_font ();
      pdf = td_certificate_render_calibration (template_, offset_x, offset_y, error);
      return pdf != NULL && td_cli_write_bytes (output, pdf, error) ? 0 : 1;
    }

  if (!td_cli_open (ctx, error) ||
      (decision = td_decision_load (ctx->db, decision_id, error)) == NULL ||
      (awardees = td_decision_list_awardees (ctx->db, decision_id, error)) == NULL)
    return 1;
  if (only != NULL && !td_cli_keep_nominations (awardees, only, error))
    return 2;
  if (!td_decision_is_draft (decision) &&
      (numbers = td_award_book_numbers_for_decision (ctx->db, decision_id, error)) == NULL)
    return 1;
  certificates = td_certificates_for_decision (decision, awardees, numbers);
  if (!td_certificates_check_paper (template_, certificates, error))
    return 1;
  if (td_certificate_template_is_preprinted (template_) && !td_decision_is_draft (decision))
    {
      g_autoptr(GPtrArray) all = td_decision_list_awardees (ctx->db, decision_id, error);

      if (all == NULL ||
          !td_award_book_check_blanks (ctx->db, decision_id, decision->status == TD_DECISION_WITHDRAWN, all->len,
                                       certificates->len, reprint, error))
        return 1;
    }
  td_cli_note_font ();
  if (split != NULL)
    status = render_split (template_, certificates, split, offset_x, offset_y, error);
  else
    {
      pdf = td_certificates_render_pdf (template_, certificates, offset_x, offset_y, NULL, NULL, NULL, error);
      status = pdf != NULL && td_cli_write_bytes (output, pdf, error) ? 0 : 1;
      if (status == 0)
        printf (_("%s: %u certificates\n"), output, certificates->len);
    }
  /* Blanks are stock the board counts: every sheet printed on them is recorded. */
  if (status == 0 && td_certificate_template_is_preprinted (template_) &&
      !td_award_book_record_print (ctx->db, decision_id, template_name ? template_name : "full-a3",
                                   certificates->len, reprint, error))
    return 1;
  return status;
}
