/* thidua-cli.c: the command-line tool over the core.
 *
 *   thidua-cli [--database PATH] [--json] COMMAND [OPTIONS]
 *
 * Exit status 0 on success; otherwise one line "thidua-cli: …" on stderr and status 1 (2 for
 * wrong usage).  --json prints machine-readable output through json-glib. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>

#include "td-cli.h"
#include "td-pdf-check.h"

static const TdCliCommand commands[] = {
  { "init", N_("Create the database with the campaign; --demo fills it with sample data"), td_cli_init },
  { "targets", N_("List the campaign's targets"), td_cli_targets },
  { "units", N_("The unit register: list, import a spreadsheet, add, edit, retire, export"), td_cli_units },
  { "setup", N_("The board's setup files: export them, or open one to set up a unit's installation"), td_cli_setup },
  { "values", N_("Enter a unit's figure for a target, checked as the form checks it"), td_cli_values },
  { "evidence", N_("A self-assessment's evidence files: list, attach, remove, replace, and the reviewer's verdict"),
    td_cli_evidence },
  { "submit", N_("Submit a unit's self-assessment for a round, with the form's checks"), td_cli_submit },
  { "assessment", N_("The board's appraisal of a unit's self-assessment, and its record"), td_cli_assessment },
  { "summary", N_("Where the province or a unit stands against every target"), td_cli_summary },
  { "audit", N_("Show the audit log"), td_cli_audit },
  { "backup", N_("Copy the whole database into a file, consistent while the app runs"), td_cli_backup },
  { "chart", N_("Draw a progress chart into a PNG, SVG or PDF file"), td_cli_chart },
  { "report", N_("Write the progress report (PDF) or the table of values (XLSX, CSV)"), td_cli_report },
  { "export", N_("Write a unit's submitted self-assessment into a package for the province"), td_cli_export },
  { "import", N_("Check and import packages from units (or returned by the province)"), td_cli_import },
  { "pdf-render", N_("Render one page of a PDF with the evidence viewer's renderer"), td_cli_pdf_render },
  { "verify", N_("Check a package as an import would, signature included, and say who signed it"), td_cli_verify },
  { "trust", N_("The board's trusted certification authorities, units' certificates, unsigned packages"), td_cli_trust },
  { "nominations", N_("List the nominations for an award, with their status and decision"), td_cli_nominations },
  { "nomination", N_("One nomination's appraisal: its history, its eligibility checks, the next step"),
    td_cli_nomination },
  { "appraisal", N_("The appraisal steps and which body acts at each"), td_cli_appraisal },
  { "council", N_("The members of the province's emulation and commendation council"), td_cli_council },
  { "meeting", N_("Council meetings: the agenda, the ballot counts, closing"), td_cli_meeting },
  { "dossier", N_("A nomination's dossier (PDF), or its achievement report"), td_cli_dossier },
  { "proposal", N_("The proposal (Tờ trình) to the Chairman for the nominations the council passed"),
    td_cli_proposal },
  { "minutes", N_("The minutes (Biên bản) of a council meeting"), td_cli_minutes },
  { "decision", N_("Award decisions: draft one for an issuer, issue or withdraw it, lay it out as PDF"),
    td_cli_decision },
  { "register", N_("The award register: list, search, export to XLSX or CSV, print as PDF"), td_cli_register },
  { "certificates", N_("Certificates of a decision's awardees as PDF, and the printer calibration page"),
    td_cli_certificates },
  { "pdf-signatures", N_("Validate the digital signatures of a PDF (what the evidence viewer shows)"),
    td_cli_pdf_signatures },
  { "deadlines", N_("When a round's self-assessments and proposals are due, and the board's exceptions"),
    td_cli_deadlines },
  { "completeness", N_("Who has sent the round's self-assessment, and on time, by kind and by parent"),
    td_cli_completeness },
  { "remind", N_("The reminder letter (công văn đôn đốc) to the units that have not sent, and their contacts"),
    td_cli_remind },
  { "return", N_("Return a unit's submission with a reason, and write the package that tells it"), td_cli_return },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  thidua-cli [--database PATH] [--json] %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTIONS]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “thidua-cli COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const TdCliCommand *command = NULL;
  gboolean json = FALSE;
  int first = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, td_cli_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Evidence is checked by drawing it in the PDF helper, never in this process. */
  td_pdf_checker_install ();

  /* A --database or --json before the command applies to it as if it came after. */
  while (first < argc && (g_str_has_prefix (argv[first], "--database") || g_str_equal (argv[first], "--json")))
    {
      if (g_str_equal (argv[first], "--json"))
        json = TRUE;
      else if (g_str_has_prefix (argv[first], "--database="))
        database = g_strdup (argv[first] + strlen ("--database="));
      else if (first + 1 < argc)
        database = g_strdup (argv[++first]);
      first++;
    }

  if (first >= argc || g_strcmp0 (argv[first], "--help") == 0 || g_strcmp0 (argv[first], "-h") == 0 ||
      g_strcmp0 (argv[first], "help") == 0)
    {
      print_usage (first >= argc ? stderr : stdout);
      return first >= argc ? 2 : 0;
    }
  if (g_strcmp0 (argv[first], "--version") == 0)
    {
      printf ("thidua-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, argv[first]) == 0)
      command = &commands[i];
  if (command == NULL)
    {
      g_printerr ("thidua-cli: %s\n", _("unknown command; run “thidua-cli --help” for the list"));
      return 2;
    }

  /* The command's own arguments, with a --json given before it put before any "--" (after
   * which every word is a file name). */
  for (int i = first; i < argc; i++)
    {
      if (json && g_str_equal (argv[i], "--"))
        g_ptr_array_add (args, "--json"), json = FALSE;
      g_ptr_array_add (args, argv[i]);
    }
  if (json)
    g_ptr_array_add (args, "--json");
  g_ptr_array_add (args, NULL);
  return td_cli_run (command, database, (int) args->len - 1, (char **) args->pdata);
}
