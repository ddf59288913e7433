/* td-cli-dossier.c: the documents of the commendation dossier from the command line.
 *
 *   dossier render NOMINATION -o FILE.pdf [--no-evidence] | report NOMINATION -o FILE.pdf
 *   proposal render [--round R] [--meeting ID] -o FILE.pdf
 *   minutes render MEETING -o FILE.pdf
 *
 * Evidence pages are drawn by the PDF helper process, as the evidence viewer draws them: a
 * hostile file never reaches poppler inside this process. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"
#include "td-dossier-pdf.h"
#include "td-evidence-pages.h"

/* Takes @pdf. */
static int
write_pdf (const char  *output,
           GBytes      *bytes,
           GError     **error)
{
  g_autoptr(GBytes) pdf = bytes;

  if (pdf == NULL || !td_cli_write_bytes (output, pdf, error))
    return 1;
  printf ("%s\n", output);
  return 0;
}

int
td_cli_dossier (TdCliContext  *ctx,
                int            argc,
                char         **argv,
                GError       **error)
{
  g_autofree char *output = NULL;
  gboolean no_evidence = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "no-evidence", 0, 0, G_OPTION_ARG_NONE, &no_evidence, N_("List the evidence files without their pages"), NULL },
    { NULL }
  };
  g_autoptr(TdDossier) dossier = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint64 id;

  if (!td_cli_parse (ctx, "dossier", N_("render NOMINATION | report NOMINATION"), entries, &argc, &argv, &status,
                     error))
    return status;
  if (argc != 3 || (!g_str_equal (argv[1], "render") && !g_str_equal (argv[1], "report")) || output == NULL ||
      !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    return td_cli_usage_error (error, _("dossier needs “render NOMINATION -o FILE.pdf” or “report NOMINATION -o FILE.pdf”"));
  if (!td_cli_open (ctx, error) || (dossier = td_dossier_load (ctx->db, (gint64) id, error)) == NULL)
    return 1;
  td_cli_note_font ();
  if (g_str_equal (argv[1], "report"))
    pdf = td_achievement_report_render_pdf (dossier, error);
  else
    {
      g_autoptr(TdEvidencePages) pages = no_evidence ? NULL : td_evidence_pages_new (ctx->db, dossier->evidence, error);

      if (!no_evidence && pages == NULL)
        return 1;
      pdf = td_dossier_render_pdf (dossier, pages ? td_evidence_pages_draw : NULL, pages, error);
    }
  return write_pdf (output, g_steal_pointer (&pdf), error);
}

int
td_cli_proposal (TdCliContext  *ctx,
                 int            argc,
                 char         **argv,
                 GError       **error)
{
  g_autofree char *output = NULL;
  gint64 meeting = 0;
  int status = 0, round_number = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("The round (default: every round)"), N_("R") },
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting, N_("The council meeting it reports (default: the latest closed)"),
      N_("ID") },
    { NULL }
  };
  g_autoptr(TdProposal) proposal = NULL;
  gint64 round_id = 0;

  if (!td_cli_parse (ctx, "proposal", N_("render -o FILE.pdf"), entries, &argc, &argv, &status, error))
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "render") || output == NULL)
    return td_cli_usage_error (error, _("proposal needs “render -o FILE.pdf”"));
  if (!td_cli_open (ctx, error))
    return 1;
  if (round_number > 0)
    {
      g_autoptr(TdRound) round = td_catalog_find_round (ctx->db, (guint) round_number, error);
      if (round == NULL)
        return 1;
      round_id = td_round_get_id (round);
    }
  if ((proposal = td_proposal_load (ctx->db, round_id, meeting, error)) == NULL)
    return 1;
  td_cli_note_font ();
  return write_pdf (output, td_proposal_render_pdf (proposal, error), error);
}

int
td_cli_minutes (TdCliContext  *ctx,
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
  g_autoptr(TdProposal) proposal = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint64 id;

  if (!td_cli_parse (ctx, "minutes", N_("render MEETING -o FILE.pdf"), entries, &argc, &argv, &status, error))
    return status;
  if (argc != 3 || !g_str_equal (argv[1], "render") || output == NULL ||
      !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    return td_cli_usage_error (error, _("minutes needs “render MEETING -o FILE.pdf”"));
  if (!td_cli_open (ctx, error) || (proposal = td_proposal_load (ctx->db, 0, (gint64) id, error)) == NULL)
    return 1;
  td_cli_note_font ();
  pdf = td_minutes_render_pdf (proposal, error);
  return write_pdf (output, g_steal_pointer (&pdf), error);
}
