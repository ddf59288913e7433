/* td-cli-documents.c: "decision" and "certificates", the award documents from the command
 * line: what the Khen thưởng area prints, for scripts and for checking a layout. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-certificate.h"
#include "td-cli.h"
#include "td-decision-pdf.h"
#include "td-doc-text.h"

static gboolean
write_bytes (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  /* Replaced atomically: a half-written PDF never takes the place of a good one. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

static void
note_font (void)
{
  gboolean substituted;
  const char *family = td_doc_serif_family (&substituted);

  if (substituted)
    fprintf (stderr, _("Note: Times New Roman is not installed; %s, which has the same metrics, is used.\n"), family);
}

static gboolean
parse_id (const char  *text,
          gint64      *id,
          GError     **error)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a decision number; “thidua-cli decision list” shows them."), text);
      return FALSE;
    }
  *id = (gint64) v;
  return TRUE;
}

static int
decision_list (TdCliContext  *ctx,
               GError       **error)
{
  g_autoptr(GPtrArray) decisions = td_decision_list (ctx->db, 0, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (decisions == NULL)
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < decisions->len; i++)
    {
      TdDecision *d = decisions->pdata[i];
      g_autoptr(GPtrArray) awardees = td_decision_list_awardees (ctx->db, d->id, error);
      g_autofree char *number = td_decision_format_number (d);
      g_autofree char *date = td_format_date (d->signed_on);

      if (awardees == NULL)
        return 1;
      if (!ctx->json)
        {
          printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u\t%s\n", d->id, number, date ? date : "—",
                  td_award_level_get_label (d->level), awardees->len,
                  td_decision_is_draft (d) ? _("draft") : _("numbered"));
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, d->id);
      json_builder_set_member_name (b, "number");
      json_builder_add_string_value (b, number);
      json_builder_set_member_name (b, "signed_on");
      if (d->signed_on)
        json_builder_add_string_value (b, d->signed_on);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "level");
      json_builder_add_string_value (b, td_award_level_to_string (d->level));
      json_builder_set_member_name (b, "awardees");
      json_builder_add_int_value (b, awardees->len);
      json_builder_set_member_name (b, "draft");
      json_builder_add_boolean_value (b, td_decision_is_draft (d));
      json_builder_set_member_name (b, "summary");
      json_builder_add_string_value (b, d->summary);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      td_cli_print_json (root);
    }
  return 0;
}

int
td_cli_decision (TdCliContext  *ctx,
                 int            argc,
                 char         **argv,
                 GError       **error)
{
  g_autofree char *output = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(TdDecision) decision = NULL;
  g_autoptr(GPtrArray) awardees = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gint64 id;

  if (!td_cli_parse (ctx, "decision", N_("list | render ID -o FILE.pdf"), entries, &argc, &argv, &status, error))
    return status;
  if (argc == 2 && g_str_equal (argv[1], "list"))
    return td_cli_open (ctx, error) ? decision_list (ctx, error) : 1;
  if (argc != 3 || !g_str_equal (argv[1], "render") || output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("decision needs “list” or “render ID -o FILE.pdf”"));
      return 2;
    }
  if (!parse_id (argv[2], &id, error))
    return 2;
  if (!td_cli_open (ctx, error) ||
      (decision = td_decision_load (ctx->db, id, error)) == NULL ||
      (awardees = td_decision_list_awardees (ctx->db, id, error)) == NULL)
    return 1;
  note_font ();
  pdf = td_decision_render_pdf (decision, awardees, error);
  if (pdf == NULL || !write_bytes (output, pdf, error))
    return 1;
  printf (_("%s: decision with %u awardees\n"), output, awardees->len);
  return 0;
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
  gint64 decision_id = 0;
  double offset_x = 0, offset_y = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "decision", 'd', 0, G_OPTION_ARG_INT64, &decision_id, N_("The decision whose awardees get certificates"), N_("ID") },
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_name, N_("Template name or file (default full-a3)"), N_("NAME") },
    { "split", 0, 0, G_OPTION_ARG_FILENAME, &split, N_("Write one file per awardee into this folder"), N_("DIR") },
    { "offset-x", 0, 0, G_OPTION_ARG_DOUBLE, &offset_x, N_("Printer offset to the right, in mm"), N_("MM") },
    { "offset-y", 0, 0, G_OPTION_ARG_DOUBLE, &offset_y, N_("Printer offset downwards, in mm"), N_("MM") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(TdCertificateTemplate) template_ = NULL;
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
      ABS (offset_x) > 50 || ABS (offset_y) > 50)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("certificates needs “render --decision ID -o FILE.pdf” (or --split DIR), "
                             "“calibration -o FILE.pdf” or “templates”; offsets are at most 50 mm"));
      return 2;
    }
  template_ = td_certificate_template_load (template_name ? template_name : "full-a3", error);
  if (template_ == NULL)
    return 1;
  note_font ();
  if (calibration)
    {
      pdf = td_certificate_render_calibration (template_, offset_x, offset_y, error);
      return pdf != NULL && write_bytes (output, pdf, error) ? 0 : 1;
    }

  if (!td_cli_open (ctx, error) ||
      (decision = td_decision_load (ctx->db, decision_id, error)) == NULL ||
      (awardees = td_decision_list_awardees (ctx->db, decision_id, error)) == NULL)
    return 1;
  certificates = td_certificates_for_decision (decision, awardees);
  if (split != NULL)
    return render_split (template_, certificates, split, offset_x, offset_y, error);
  pdf = td_certificates_render_pdf (template_, certificates, offset_x, offset_y, NULL, NULL, NULL, error);
  if (pdf == NULL || !write_bytes (output, pdf, error))
    return 1;
  printf (_("%s: %u certificates\n"), output, certificates->len);
  return 0;
}
