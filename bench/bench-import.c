/* bench-import.c: importing many packages at the province.
 *
 * 200 packages, each 19 values and 3 evidence PDFs of about 1 MB, imported one by one into a
 * province database that knows the units; beside the time to merely copy the same files (the
 * limit: reading the bytes into memory and writing them out once, as a program that copies
 * them must; g_file_copy() is printed too, though the kernel copies without the bytes ever
 * reaching the program).  Import also hashes every byte (sha256), draws every evidence page in
 * the PDF helper, and writes through sqlite's WAL: the split says where the time goes.  A folder
 * is imported by td_packages_run(), which reads the next package while one is written; the
 * same files one by one into a second database show what that overlap gains.  The floor
 * (issue 28) is what no import can go under on one core: each package's bytes read and written
 * once and every page of its PDFs drawn small by poppler in this process, one after the other;
 * the folder import is quoted as a ratio of it.  Then the sha256 of the same bytes by GLib's
 * GChecksum and by nettle, which import uses.
 *
 * The floor and the folder import are measured --rounds times in pairs, each pair one right
 * after the other, and the ratio quoted is the median of the pairs' ratios.
 *
 *   bench-import [--packages N] [--rounds N] */
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>

#include "td-pdf-check.h"
#include "td-core.h"
#include "td-digest.h"
#include "td-package.h"
#include "td-package-read.h"
#include "bench-util.h"

static int n_packages = 200;
static int n_rounds = 3;

/* Every page of @pdf drawn at a quarter of its size, as the evidence check draws it. */
static void
draw_small (GBytes *pdf)
{
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, NULL);

  g_assert_nonnull (doc);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      double w, h;
      cairo_surface_t *surface;
      cairo_t *cr;

      poppler_page_get_size (page, &w, &h);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w / 4) + 1, (int) (h / 4) + 1);
      cr = cairo_create (surface);
      cairo_scale (cr, 0.25, 0.25);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_object_unref (page);
    }
  g_object_unref (doc);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF of about 1 MB that does not compress: an image of noise. */
static GBytes *
noise_pdf (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 580, 580);
  unsigned char *data = cairo_image_surface_get_data (image);
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *pdf;
  cairo_t *cr;

  for (int i = 0; i < 580 * cairo_image_surface_get_stride (image); i++)
    data[i] = (unsigned char) g_rand_int (rand);
  cairo_surface_mark_dirty (image);
  pdf = cairo_pdf_surface_create_for_stream (append_bytes, out, 580, 580);
  cr = cairo_create (pdf);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (image);
  return g_byte_array_free_to_bytes (out);
}

/* The floor: each package read and written, and its PDFs drawn small, on this thread. */
static double
measure_floor (GPtrArray  *files,
               const char *copies,
               const char *pdfs)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < files->len && files->pdata[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (files->pdata[i]);
      g_autofree char *dst_path = g_build_filename (copies, base, NULL);
      g_autofree char *code = g_strndup (base, strlen (base) - strlen (".thidua"));
      g_autofree char *contents = NULL;
      gsize length;

      g_file_get_contents (files->pdata[i], &contents, &length, &error);
      g_file_set_contents_full (dst_path, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
      g_assert_no_error (error);
      for (guint t = 0; t < 3; t++)
        {
          g_autofree char *pdf_path = g_strdup_printf ("%s/%s-%u.pdf", pdfs, code, t);
          g_autoptr(GMappedFile) mapped = g_mapped_file_new (pdf_path, FALSE, &error);
          g_autoptr(GBytes) pdf = NULL;

          g_assert_no_error (error);
          pdf = g_mapped_file_get_bytes (mapped);
          draw_small (pdf);
        }
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A province database that knows the units X-000… and nothing of their packages. */
static TdDatabase *
new_province (const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_database_open (path, &error);

  td_catalog_ensure_seed (db, &error);
  g_assert_no_error (error);
  for (int u = 0; u < n_packages; u++)
    {
      g_autofree char *code = g_strdup_printf ("X-%03d", u);
      g_autoptr(TdUnit) unit = td_catalog_add_unit (db, code, code, TD_UNIT_KIND_COMMUNE, NULL, &error);

      g_assert_no_error (error);
    }
  return db;
}

/* A folder imported as the app and thidua-cli import it: the next package read while one is
 * written. */
static double
measure_folder (GPtrArray  *files,
                TdDatabase *db)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) outcomes = td_packages_run (db, (const char * const *) files->pdata, TRUE, 0, NULL, NULL, NULL);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  g_assert_cmpuint (outcomes->len, ==, (guint) n_packages);
  for (guint i = 0; i < outcomes->len; i++)
    {
      TdPackageOutcome *o = outcomes->pdata[i];
      g_assert_null (o->error);
      g_assert_cmpint (o->preview->kind, ==, TD_IMPORT_NEW);
    }
  return ms;
}

int
main (int argc, char *argv[])
{
  GOptionEntry entries[] = {
    { "packages", 0, 0, G_OPTION_ARG_INT, &n_packages, "Packages to import", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &n_rounds, "Floor and folder import measured this many times, in pairs", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("thidua-bench-XXXXXX", NULL);
  g_autofree char *unit_path = g_build_filename (dir, "units.db", NULL);
  g_autofree char *province_path = g_build_filename (dir, "province.db", NULL);
  g_autofree char *copies = g_build_filename (dir, "copies", NULL);
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(GPtrArray) standards = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  TdDatabase *units, *province;
  g_autoptr(GArray) pair_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floors = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) folders = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start, bytes = 0;
  double copy_ms, kernel_ms, import_ms, batch_ms, glib_ms, gnutls_ms, floor_ms;
  g_autofree char *pdfs = g_build_filename (dir, "pdfs", NULL);
  TdPackageTimings split;
  g_autoptr(GBytes) sample = NULL;

  td_pdf_checker_install ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return 2;
  g_mkdir (copies, 0700);
  g_mkdir (pdfs, 0700);

  /* The units' side: each fills, attaches and submits, then exports its package. */
  units = td_database_open (unit_path, &error);
  province = td_database_open (province_path, &error);
  td_catalog_ensure_seed (units, &error);
  td_catalog_ensure_seed (province, &error);
  targets = td_catalog_list_targets (units, &error);
  standards = td_catalog_list_standards (units, FALSE, FALSE, &error);
  round = td_catalog_find_round (units, 2, &error);
  for (int u = 0; u < n_packages; u++)
    {
      g_autofree char *code = g_strdup_printf ("X-%03d", u);
      g_autofree char *file = g_strdup_printf ("%s/%s.thidua", dir, code);
      g_autoptr(TdUnit) unit = td_catalog_add_unit (units, code, code, TD_UNIT_KIND_COMMUNE, NULL, &error);
      g_autoptr(TdUnit) twin = td_catalog_add_unit (province, code, code, TD_UNIT_KIND_COMMUNE, NULL, &error);
      gint64 a = td_assessment_ensure (units, td_unit_get_id (unit), td_round_get_id (round), &error);

      for (guint t = 0; t < 19; t++)
        {
          g_autoptr(TdTarget) target = g_list_model_get_item (targets, t);
          TdValue v = { 0 };

          if (td_target_get_kind (target) == TD_TARGET_KIND_INDEX)
            v.has_index = TRUE, v.index_value = 0.8;
          else
            v.has_numerator = v.has_denominator = TRUE, v.numerator = 90 + u % 10, v.denominator = 100;
          td_assessment_set_value (units, a, target, &v, &error);
          if (t < 3)
            {
              g_autoptr(GBytes) pdf = noise_pdf ((guint32) (u * 3 + t));
              TdEvidenceOwner owner = { .assessment_id = a, .target_id = td_target_get_id (target) };
              g_autofree char *pdf_path = g_strdup_printf ("%s/%s-%u.pdf", pdfs, code, t);

              /* For the floor: the same PDF beside the package. */
              g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error);
              td_evidence_attach (units, pdf, "minh-chung.pdf", &owner, 0, &error);
            }
        }
      td_assessment_set_status (units, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error);
      td_package_export (units, code, 2, file, &error);
      g_assert_no_error (error);
      g_ptr_array_add (files, g_steal_pointer (&file));
    }

  /* The limit: read each file and write it out again. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *base = g_path_get_basename (files->pdata[i]);
      g_autofree char *dst_path = g_build_filename (copies, base, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_file_get_contents (files->pdata[i], &contents, &length, &error);
      g_assert_no_error (error);
      bytes += (gint64) length;
      g_file_set_contents_full (dst_path, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
      g_assert_no_error (error);
    }
  copy_ms = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) src = g_file_new_for_path (files->pdata[i]);
      g_autofree char *base = g_path_get_basename (files->pdata[i]);
      g_autofree char *dst_path = g_build_filename (copies, base, NULL);
      g_autoptr(GFile) dst = g_file_new_for_path (dst_path);

      g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  kernel_ms = (g_get_monotonic_time () - start) / 1000.0;


  memset (&td_package_timings, 0, sizeof td_package_timings);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(TdPackagePreview) preview = td_package_import (province, files->pdata[i], 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (preview->kind, ==, TD_IMPORT_NEW);
    }
  import_ms = (g_get_monotonic_time () - start) / 1000.0;
  split = td_package_timings;

  /* The floor and the folder import, in pairs one right after the other: the machine's speed
   * swings between runs, each pair's ratio much less. */
  g_ptr_array_add (files, NULL);
  for (int r = 0; r < n_rounds; r++)
    {
      g_autofree char *name = g_strdup_printf ("batch-%d.db", r);
      g_autoptr(TdDatabase) batch = new_province (dir, name);
      double f = measure_floor (files, copies, pdfs);
      double b = measure_folder (files, batch);
      double ratio = b / f;

      g_array_append_val (floors, f);
      g_array_append_val (folders, b);
      g_array_append_val (pair_ratios, ratio);
    }
  floor_ms = bench_median (floors);
  batch_ms = bench_median (folders);

  printf ("bench-import: %d packages, %.1f MB in all (19 values and 3 PDFs of about 1 MB each)\n",
          n_packages, bytes / 1e6);
  printf ("  import, a folder  %8.1f ms in all   %6.1f ms per package   (td_packages_run: the app's and the CLI's way)\n",
          batch_ms, batch_ms / n_packages);
  printf ("  import, one by one%8.1f ms in all   %6.1f ms per package   (td_package_import on each file)\n",
          import_ms, import_ms / n_packages);
  printf ("  copy              %8.1f ms in all   %6.1f ms per package   (the limit: read and write each file)\n",
          copy_ms, copy_ms / n_packages);
  printf ("  ratio   %.2f× a folder, %.2f× one by one   (the copy: no longer the aim)\n", batch_ms / copy_ms,
          import_ms / copy_ms);
  printf ("  floor             %8.1f ms in all   %6.1f ms per package   (read and write, every page drawn small, one thread)\n",
          floor_ms, floor_ms / n_packages);
  printf ("  ratio %.2f× the floor, a folder (median of %d pairs:", bench_median (pair_ratios), n_rounds);
  for (guint r = 0; r < pair_ratios->len; r++)
    printf (" %.2f", g_array_index (pair_ratios, double, r));
  printf (")   %.2f× one by one   (aim ≤ 1.2×)\n", import_ms / floor_ms);
  printf ("  g_file_copy()  %6.1f ms in all   (the kernel copies, the bytes never reach the program)\n", kernel_ms);
  printf ("  split, one by one: open %.1f  rows %.1f  sha256 %.1f  pdf %.1f  write %.1f  commit %.1f   ms per package\n",
          split.open / 1000.0 / n_packages, split.rows / 1000.0 / n_packages,
          split.hash / 1000.0 / n_packages, split.pdf / 1000.0 / n_packages,
          split.write / 1000.0 / n_packages, split.commit / 1000.0 / n_packages);

  /* One evidence checked: in the helper (as import does), and poppler in this process opening
   * and drawing it at the same size, the least any drawing costs. */
  sample = noise_pdf (1);
  {
    g_autoptr(GArray) helper = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) in_process = g_array_new (FALSE, FALSE, sizeof (double));

    for (int i = 0; i < 21; i++)
      {
        int n_pages;
        double ms;

        start = g_get_monotonic_time ();
        if (!td_pdf_check (sample, &n_pages, &error))
          g_error ("%s", error->message);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (helper, ms);

        start = g_get_monotonic_time ();
        draw_small (sample);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (in_process, ms);
      }
    printf ("  one evidence of 1 MB checked (median of 21): in the helper %.1f ms, poppler in this process %.1f ms\n",
            bench_median (helper), bench_median (in_process));
  }

  /* The hash alone, over one package's worth of evidence repeated. */
  start = g_get_monotonic_time ();
  for (int i = 0; i < 3 * n_packages; i++)
    g_free (g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, sample));
  glib_ms = (g_get_monotonic_time () - start) / 1000.0;
  start = g_get_monotonic_time ();
  for (int i = 0; i < 3 * n_packages; i++)
    g_free (td_digest_sha256_bytes (sample));
  gnutls_ms = (g_get_monotonic_time () - start) / 1000.0;
  printf ("  sha256 of %.1f MB   GChecksum %.1f ms (%.0f MB/s)   nettle %.1f ms (%.0f MB/s)   ratio %.2f×\n",
          3.0 * n_packages * g_bytes_get_size (sample) / 1e6, glib_ms,
          3.0 * n_packages * g_bytes_get_size (sample) / 1e3 / glib_ms, gnutls_ms,
          3.0 * n_packages * g_bytes_get_size (sample) / 1e3 / gnutls_ms, glib_ms / gnutls_ms);

  g_object_unref (units);
  g_object_unref (province);
  return 0;
}
