/* test-cli.c: thidua-cli as a script would use it: exit status, one-line errors, JSON. */
#include <json-glib/json-glib.h>

#include "td-test-util.h"

static char *dir;
static char *db_path;

typedef struct {
  int    status;
  char  *out;
  char  *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run *r, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("THIDUA_CLI"));
  va_start (ap, r);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_one_line_error (Run *r, int status, const char *needle)
{
  g_assert_cmpint (r->status, ==, status);
  g_assert_true (g_str_has_prefix (r->err, "thidua-cli: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);   /* exactly one line */
  if (needle)
    g_assert_nonnull (strstr (r->err, needle));
}

static void
test_init_demo (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonNode) root = NULL;

  run_cli (&r, "init", "--demo", "--json", "--database", db_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse (r.out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "demo"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "campaign"), ==, "bn-cds-2026");

  run_cli (&again, "--database", db_path, "init", "--demo", NULL);
  assert_one_line_error (&again, 1, db_path);
}

static void
test_targets_and_units (void)
{
  g_auto(Run) t = { 0 };
  g_auto(Run) u = { 0 };
  g_autoptr(JsonNode) targets = NULL;
  g_autoptr(JsonNode) units = NULL;
  JsonObject *t19;

  run_cli (&t, "targets", "--json", "--database", db_path, NULL);
  g_assert_cmpint (t.status, ==, 0);
  targets = parse (t.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (targets)), ==, 19);
  t19 = json_array_get_object_element (json_node_get_array (targets), 18);
  g_assert_cmpstr (json_object_get_string_member (t19, "kind"), ==, "index");
  g_assert_cmpstr (json_object_get_string_member (t19, "comparator"), ==, "ge");
  g_assert_cmpfloat (json_object_get_double_member (t19, "threshold"), ==, 0.75);

  run_cli (&u, "units", "--json", "--database", db_path, NULL);
  g_assert_cmpint (u.status, ==, 0);
  units = parse (u.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (units)), >=, 50);

  /* --json before the command, as with --database, is the same as after it. */
  {
    g_auto(Run) before = { 0 };

    run_cli (&before, "--json", "units", "--database", db_path, NULL);
    g_assert_cmpint (before.status, ==, 0);
    g_assert_cmpstr (before.out, ==, u.out);
  }
}

static void
test_summary (void)
{
  g_auto(Run) province = { 0 };
  g_auto(Run) unit = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonNode) p = NULL;
  g_autoptr(JsonNode) one = NULL;
  JsonArray *targets;

  run_cli (&province, "summary", "--round", "2", "--json", "--database", db_path, NULL);
  g_assert_cmpint (province.status, ==, 0);
  p = parse (province.out);
  targets = json_object_get_array_member (json_node_get_object (p), "targets");
  g_assert_cmpuint (json_array_get_length (targets), ==, 19);
  /* The sample province's DTI is 0,772 in the final round. */
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (targets, 18), "met"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (p), "met"), >, 0);

  run_cli (&unit, "summary", "--round", "2", "--unit", "P-KINHBAC", "--json", "--database", db_path, NULL);
  g_assert_cmpint (unit.status, ==, 0);
  one = parse (unit.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (one), "unit"), ==, "P-KINHBAC");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (one), "applicable"), ==, 17);

  run_cli (&text, "summary", "--round", "1", "--database", db_path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "10/10/2025"));
}

static void
test_audit (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *first;

  run_cli (&r, "audit", "--unit", "SKHCN", "--limit", "5", "--json", "--database", db_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 5);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "unit"), ==, "SKHCN");
  g_assert_cmpstr (json_object_get_string_member (first, "actor"), ==, "Dữ liệu mẫu");
}

static void
test_errors (void)
{
  g_auto(Run) no_round = { 0 };
  g_auto(Run) bad_round = { 0 };
  g_auto(Run) bad_unit = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) bad_option = { 0 };
  g_auto(Run) not_db = { 0 };
  g_autofree char *junk = g_build_filename (dir, "junk.db", NULL);

  run_cli (&no_round, "summary", "--database", db_path, NULL);
  assert_one_line_error (&no_round, 2, "--round");
  run_cli (&bad_round, "summary", "--round", "9", "--database", db_path, NULL);
  assert_one_line_error (&bad_round, 1, "9");
  run_cli (&bad_unit, "summary", "--round", "2", "--unit", "NOPE'; DROP TABLE unit; --", "--database", db_path, NULL);
  assert_one_line_error (&bad_unit, 1, "NOPE");
  run_cli (&unknown, "frobnicate", NULL);
  assert_one_line_error (&unknown, 2, NULL);
  run_cli (&bad_option, "units", "--colour", NULL);
  assert_one_line_error (&bad_option, 2, "--colour");
  /* An empty database name is a script's mistake, said, not a throw-away database. */
  {
    g_auto(Run) empty_name = { 0 };
    run_cli (&empty_name, "targets", "--database", "", NULL);
    assert_one_line_error (&empty_name, 2, "--database");
  }

  /* A NaN compares false with every bound: an offset of "nan" passed "at most 50 mm". An id
   * beyond 2^31 is echoed whole, not as the int it was cut to. */
  {
    g_auto(Run) nan_offset = { 0 };
    g_auto(Run) big_id = { 0 };
    g_autofree char *out = g_build_filename (dir, "nan.pdf", NULL);

    run_cli (&nan_offset, "certificates", "render", "--decision", "1", "--offset-x", "nan", "-o", out,
             "--database", db_path, NULL);
    assert_one_line_error (&nan_offset, 2, "50 mm");
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    run_cli (&big_id, "certificates", "render", "--decision", "4294967297", "-o", out, "--database", db_path, NULL);
    assert_one_line_error (&big_id, 1, "4294967297");
  }

  g_assert_true (g_file_set_contents (junk, "this is not a database, just some words in a file........................", -1, NULL));
  run_cli (&not_db, "units", "--database", junk, NULL);
  assert_one_line_error (&not_db, 1, "junk.db");

  /* A folder without packages is an error that says so, not a silent success. */
  {
    g_auto(Run) empty = { 0 };
    g_autofree char *folder = g_build_filename (dir, "khong-co-goi", NULL);

    g_mkdir (folder, 0700);
    run_cli (&empty, "import", folder, "--database", db_path, NULL);
    assert_one_line_error (&empty, 1, "khong-co-goi");
  }
  /* The units' own history is asked for apart from the board's log, in JSON as well. */
  {
    g_auto(Run) history = { 0 };
    g_autoptr(JsonNode) root = NULL;

    run_cli (&history, "audit", "--unit-history", "--json", "--database", db_path, NULL);
    g_assert_cmpint (history.status, ==, 0);
    root = parse (history.out);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  }
}

static void
test_help (void)
{
  const char *commands[] = { "init", "targets", "units", "summary", "audit", "setup", "submit", "values" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) r = { 0 };
      run_cli (&r, commands[i], "--help", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, "--database"));
    }
  {
    g_auto(Run) r = { 0 };
    g_auto(GStrv) lines = NULL;
    guint n_commands = 0;

    run_cli (&r, "--help", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "summary"));
    /* Every command listed: its help, and no short option letter given twice (certificates'
     * -d for --decision took the global -d of --database, and -d then parsed as neither). */
    lines = g_strsplit (r.out, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(Run) c = { 0 };
        g_autofree char *command = NULL;
        g_autoptr(GHashTable) shorts = g_hash_table_new (g_direct_hash, g_direct_equal);
        g_auto(GStrv) options = NULL;

        /* A command's line, in whatever language the help is: two spaces, the name, its text
         * (not the usage line). */
        if (!g_str_has_prefix (lines[i], "  ") || !g_ascii_islower (lines[i][2]) ||
            g_str_has_prefix (lines[i], "  thidua-cli") || strchr (lines[i] + 2, ' ') == NULL)
          continue;
        command = g_strndup (lines[i] + 2, strcspn (lines[i] + 2, " "));
        n_commands++;
        run_cli (&c, command, "--help", NULL);
        g_assert_cmpint (c.status, ==, 0);
        /* GOption keeps the first of two equal short names: a command's own -x that the
         * global options already use shows as the global one losing its letter. */
        if (strstr (c.out, "-d, --database") == NULL)
          g_error ("%s --help: --database lost its -d to another option", command);
        g_assert_nonnull (strstr (c.out, "--json"));
        options = g_strsplit (c.out, "\n", -1);
        for (guint k = 0; options[k] != NULL; k++)
          {
            const char *o = options[k];

            while (*o == ' ')
              o++;
            if (o[0] == '-' && o[1] != '-' && o[1] != '\0' && o[2] == ',')
              {
                if (g_hash_table_contains (shorts, GINT_TO_POINTER (o[1])))
                  g_error ("%s --help gives -%c twice", command, o[1]);
                g_hash_table_add (shorts, GINT_TO_POINTER (o[1]));
              }
          }
      }
    g_assert_cmpuint (n_commands, >=, 30);
  }
}

static void
test_documents (void)
{
  g_autofree char *pdf = g_build_filename (dir, "decision.pdf", NULL);
  g_autofree char *cal = g_build_filename (dir, "calibration.pdf", NULL);
  g_autofree char *split = g_build_filename (dir, "certificates", NULL);
  g_autoptr(GBytes) bytes = NULL;

  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db_path, "decision", "list", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "05/QĐ-UBND\t08/10/2026\tprovince"));
    g_assert_nonnull (strstr (r.out, "12/QĐ-SKHCN\t20/10/2026\tSKHCN"));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db_path, "decision", "render", "1", "-o", pdf, NULL);
    g_assert_cmpint (r.status, ==, 0);
    bytes = td_test_read_file (pdf);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db_path, "decision", "render", "99", "-o", pdf, NULL);
    assert_one_line_error (&r, 1, "no decision 99");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db_path, "decision", "render", "một", "-o", pdf, NULL);
    assert_one_line_error (&r, 2, "is not an id");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db_path, "certificates", "render", "--decision", "1", "--template", "a5-doc",
             "-o", pdf, NULL);
    assert_one_line_error (&r, 1, "no certificate template “a5-doc”");
  }
  {
    g_auto(Run) r = { 0 };
    g_autoptr(GDir) d = NULL;
    const char *name;
    guint n = 0;

    run_cli (&r, "--database", db_path, "certificates", "render", "--decision", "1", "--split", split, NULL);
    g_assert_cmpint (r.status, ==, 0);
    d = g_dir_open (split, 0, NULL);
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (split, name, NULL);
        g_assert_true (g_str_has_suffix (name, ".pdf"));
        g_remove (path);
        n++;
      }
    g_assert_cmpuint (n, ==, 3);
    g_rmdir (split);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "certificates", "calibration", "--template", "blank-a3", "--offset-x", "1.5", "-o", cal, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = td_test_read_file (cal);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "certificates", "calibration", "--template", "blank-a3", "--offset-x", "80", "-o", cal, NULL);
    assert_one_line_error (&r, 2, "at most 50 mm");
  }
}

/* Issues "decision issue ID" for each of @ids at once, each in its own process. */
static void
issue_at_once (const char *db,
               const char *ids[2],
               const char *numbers[2])
{
  GSubprocess *p[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      p[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv ("THIDUA_CLI"), "--database", db,
                               "decision", "issue", ids[i], "--number", numbers[i], "--date", "10/11/2026", NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (g_subprocess_wait_check (p[i], NULL, &error));
      g_assert_no_error (error);
      g_object_unref (p[i]);
    }
}

/* A real register: numbers per issuer and year given when a decision is issued, never reused,
 * also by two processes at once; what is outside an issuer's authority refused; a draft's
 * certificates never on blanks; the book searched, exported and printed. */
static void
test_award_register (void)
{
  g_autofree char *db = g_build_filename (dir, "awards.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "so.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "so.csv", NULL);
  g_autofree char *book = g_build_filename (dir, "so.pdf", NULL);
  g_autofree char *certs = g_build_filename (dir, "trial.pdf", NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "init", "--demo", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  /* Nomination 4 is Xã Tiên Du's approved Bằng khen: not a Giấy khen of the department. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "decision", "create", "--issuer", "SKHCN", "--level", "giay-khen",
             "--nominations", "4", NULL);
    assert_one_line_error (&r, 1, "not a Giấy khen of Sở Khoa học và Công nghệ");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "decision", "create", "--level", "giay-khen", "--nominations", "4", NULL);
    assert_one_line_error (&r, 2, "--issuer");
  }
  /* The province's draft; its certificates only as a stamped trial, never on blanks. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "decision", "create", "--json", "--level", "bang-khen", "--nominations", "4", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\"id\" : 5"));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "certificates", "render", "--decision", "5", "--template", "blank-a4", "-o", certs,
             NULL);
    assert_one_line_error (&r, 1, "still a draft");
    g_assert_false (g_file_test (certs, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) r = { 0 };
    g_autoptr(GBytes) pdf = NULL;
    run_cli (&r, "--database", db, "certificates", "render", "--decision", "5", "--template", "full-a4", "-o", certs,
             NULL);
    g_assert_cmpint (r.status, ==, 0);
    pdf = td_test_read_file (certs);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  }
  /* The issued Bằng khen decision on blanks: once; a second full run is refused with what was
   * printed before; a spoiled sheet again as a reprint. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "certificates", "render", "--decision", "1", "--template", "blank-a4", "-o", certs,
             NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "certificates", "render", "--decision", "1", "--template", "blank-a4", "-o", certs,
             NULL);
    assert_one_line_error (&r, 1, "printed on blanks before (");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "certificates", "render", "--decision", "1", "--template", "blank-a4", "--only",
             "2", "--reprint", "-o", certs, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  /* The sample's Bằng khen decision withdrawn: 001–003/2026 stay, cancelled. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "decision", "withdraw", "1", NULL);
    assert_one_line_error (&r, 1, "why the decision is withdrawn");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "decision", "withdraw", "1", "--reason", "Thay bằng quyết định khác", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "certificates", "render", "--decision", "1", "--template", "blank-a4", "--reprint",
             "-o", certs, NULL);
    assert_one_line_error (&r, 1, "withdrawn");
  }
  /* Its three nominations make a second province draft; both drafts issued at the same time by
   * two processes: every number distinct, none of the cancelled ones again. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "decision", "create", "--level", "bang-khen", "--nominations", "1,2,3", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  issue_at_once (db, (const char *[]) { "5", "6" }, (const char *[]) { "9", "10" });
  {
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *list;
    guint cancelled = 0, province = 0;

    run_cli (&r, "--database", db, "register", "list", "--json", "--issuer", "province", NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    list = json_node_get_array (root);
    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *e = json_array_get_object_element (list, i);
        const char *number = json_object_get_string_member (e, "number");

        g_assert_true (g_hash_table_add (seen, g_strdup (number)));
        cancelled += json_object_get_boolean_member (e, "cancelled");
        province++;
      }
    g_assert_cmpuint (province, ==, 7);
    g_assert_cmpuint (cancelled, ==, 3);
    for (guint n = 1; n <= 7; n++)
      {
        g_autofree char *number = g_strdup_printf ("%03u/2026", n);
        g_assert_true (g_hash_table_contains (seen, number));
      }
  }
  /* Numbers of a decision are refused when the issuer used them in the year. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "decision", "issue", "4", "--number", "27", "--date", "10/11/2026", NULL);
    g_assert_cmpint (r.status, ==, 0);   /* P-KINHBAC's own book: 27 is X-TIENDU's number, not its */
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "register", "search", "ngoc anh", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Nguyễn Thị Ngọc Ánh"));
    g_assert_null (strstr (r.out, "Hoàng Minh Tuấn"));
  }
  {
    g_auto(Run) r = { 0 };
    g_autoptr(GBytes) bytes = NULL;

    run_cli (&r, "--database", db, "register", "export", "--year", "2026", "-o", csv, NULL);
    g_assert_cmpint (r.status, ==, 0);
    bytes = td_test_read_file (csv);
    g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"Đã hủy (quyết định thu hồi)\""));
  }
  {
    g_auto(Run) r = { 0 };
    g_autoptr(GBytes) bytes = NULL;
    run_cli (&r, "--database", db, "register", "export", "-o", xlsx, NULL);
    g_assert_cmpint (r.status, ==, 0);
    bytes = td_test_read_file (xlsx);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "PK"));
  }
  {
    g_auto(Run) r = { 0 };
    g_autoptr(GBytes) bytes = NULL;
    run_cli (&r, "--database", db, "register", "print", "-o", book, NULL);
    g_assert_cmpint (r.status, ==, 0);
    bytes = td_test_read_file (book);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  }
  {
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    run_cli (&r, "--database", db, "nominations", "list", "--json", NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 13);
  }
}

/* The appraisal scripted end to end: steps by the bodies the campaign names, a council meeting
 * and its votes, the dossier's documents. */
static void
test_appraisal_cli (void)
{
  g_autofree char *db = g_build_filename (dir, "appraisal.db", NULL);
  g_autofree char *dossier = g_build_filename (dir, "ho-so.pdf", NULL);
  g_autofree char *proposal = g_build_filename (dir, "to-trinh.pdf", NULL);
  g_autofree char *minutes = g_build_filename (dir, "bien-ban.pdf", NULL);

  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "init", "--demo", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "appraisal", "steps", "--json", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\"acted_by\" : \"SNV\""));
  }
  /* Nomination 5 (Trần Văn Đức) waits for Sở Nội vụ: refused to Sở KH&CN, refused while a check
   * fails, accepted with the reason, approved. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "nomination", "step", "5", "--as", "SKHCN", "--approve", NULL);
    assert_one_line_error (&r, 1, "(SKHCN) does not act at it");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "nomination", "step", "5", "--as", "SNV", "--approve", NULL);
    assert_one_line_error (&r, 1, "Record an override");
  }
  {
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *checks;

    run_cli (&r, "--database", db, "nomination", "check", "5", "--json", NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    checks = json_node_get_array (root);
    for (guint i = 0; i < json_array_get_length (checks); i++)
      {
        JsonObject *c = json_array_get_object_element (checks, i);
        g_auto(Run) o = { 0 };

        if (json_object_get_boolean_member (c, "passed"))
          continue;
        run_cli (&o, "--database", db, "nomination", "step", "5", "--as", "SNV", "--override",
                 json_object_get_string_member (c, "id"), "--reason", "Đã đối chiếu hồ sơ giấy", NULL);
        g_assert_cmpint (o.status, ==, 0);
      }
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "nomination", "step", "5", "--as", "SNV", "--approve", "--opinion", "Đủ điều kiện",
             NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  /* The standing committee sits for the Bằng khen: four of the sample's seven members (1, 2, 3
   * and 7). Two present miss the quorum (two thirds), another member may not sit; three sit,
   * and close only with the written opinion of the fourth. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "meeting", "create", "--date", "15/11/2026", "--members", "1,2",
             "--nominations", "5", NULL);
    assert_one_line_error (&r, 1, "2 of the standing committee's 4 members");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "meeting", "create", "--date", "15/11/2026", "--members", "1,2,4",
             "--nominations", "5", NULL);
    assert_one_line_error (&r, 1, "standing committee");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "meeting", "create", "--date", "15/11/2026", "--members", "1,2,3",
             "--nominations", "5", "--place", "Phòng họp số 2", "--start", "14:00", "--end", "15:30", "--chair", "1",
             "--secretary", "3", "--json", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\"id\" : 2"));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "meeting", "vote", "2", "--nomination", "5", "--agree", "2", "--disagree", "0",
             "--abstain", "0", NULL);
    assert_one_line_error (&r, 1, "every member present votes once");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "meeting", "vote", "2", "--nomination", "5", "--agree", "2", "--disagree", "1",
             "--abstain", "0", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "meeting", "close", "2", NULL);
    assert_one_line_error (&r, 1, "written opinions of the members absent");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "meeting", "vote", "2", "--nomination", "5", "--agree", "2", "--disagree", "1",
             "--abstain", "0", "--written-agree", "1", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "meeting", "close", "2", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "passed"));
  }
  {
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    run_cli (&r, "--database", db, "nomination", "history", "5", "--json", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\"action\" : \"vote\""));
    g_assert_nonnull (strstr (r.out, "\"verdict\" : \"passed 3/4\""));
    g_assert_nonnull (strstr (r.out, "Đủ điều kiện"));
  }
  /* The documents. */
  {
    g_auto(Run) r = { 0 };
    g_autoptr(GBytes) pdf = NULL;
    run_cli (&r, "--database", db, "dossier", "render", "5", "-o", dossier, NULL);
    g_assert_cmpint (r.status, ==, 0);
    pdf = td_test_read_file (dossier);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "proposal", "render", "--meeting", "2", "-o", proposal, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "minutes", "render", "2", "-o", minutes, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "--database", db, "minutes", "render", "9", "-o", minutes, NULL);
    assert_one_line_error (&r, 1, NULL);
  }
}

/* A unit's figures from its own spreadsheet: checked as the form checks them, all or nothing,
 * stored and audited like typed figures; the board's rules reported. */
static void
test_values_import (void)
{
  g_autofree char *bad = g_build_filename (dir, "bad-values.csv", NULL);
  g_autofree char *good = g_build_filename (dir, "values.csv", NULL);
  g_autofree char *junk = g_build_filename (dir, "values.xlsx", NULL);

  /* A ward that has not started round 2 in the sample. */
  g_assert_true (g_file_set_contents (bad, "Chỉ tiêu;Tử số;Mẫu số;Chỉ số;Ghi chú;Không áp dụng\n"
                                           "1;30;31;;;\n2;1;2;;;\n7;51;50;;;\nmột;1;2;;;\n4;9;10;;;\n4;9;10;;;\n", -1, NULL));
  g_assert_true (g_file_set_contents (good, "Chỉ tiêu;Tử số;Mẫu số;Chỉ số;Ghi chú;Không áp dụng\n"
                                            "1;30;31;;;\n4;9.001;10.000;;theo VNeID;\n17;4.000;10.000;;;\n"
                                            "18;;;;;Phường chưa có hệ thống thông tin cấp độ\n", -1, NULL));
  g_assert_true (g_file_set_contents (junk, "PK\x03\x04 not really", -1, NULL));
  {
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *problems;

    run_cli (&r, "values", "import", bad, "--unit", "P-DONGNGUYEN", "--round", "2", "--json", "--database", db_path, NULL);
    g_assert_cmpint (r.status, ==, 1);
    root = parse (r.out);
    g_assert_false (json_object_get_boolean_member (json_node_get_object (root), "stored"));
    problems = json_object_get_array_member (json_node_get_object (root), "problems");
    g_assert_cmpuint (json_array_get_length (problems), ==, 4);
    g_assert_nonnull (strstr (json_array_get_string_element (problems, 0), "Row 3: Target 2 is not asked"));
    g_assert_nonnull (strstr (json_array_get_string_element (problems, 1), "Row 4: Target 7:"));
    g_assert_nonnull (strstr (json_array_get_string_element (problems, 2), "Row 5:"));
    g_assert_nonnull (strstr (json_array_get_string_element (problems, 3), "Row 7: Target 4 appears twice"));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "values", "import", junk, "--unit", "P-DONGNGUYEN", "--round", "2", "--database", db_path, NULL);
    assert_one_line_error (&r, 1, NULL);
  }
  {
    /* Nothing of the refused file was stored: the first import finds nothing there before. */
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *rows, *violations;

    run_cli (&r, "values", "import", good, "--unit", "P-DONGNGUYEN", "--round", "2", "--json", "--database", db_path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "stored"));
    rows = json_object_get_array_member (json_node_get_object (root), "rows");
    g_assert_cmpuint (json_array_get_length (rows), ==, 4);
    for (guint i = 0; i < 4; i++)
      g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, i), "previous"));
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 1), "shown"), ==, "90,01\xc2\xa0%");
    /* 10.000 adults under both 4 and 17: no error; against round 1 the population moved. */
    violations = json_object_get_array_member (json_node_get_object (root), "violations");
    for (guint i = 0; i < json_array_get_length (violations); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (violations, i), "severity"), ==,
                       "warning");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "audit", "--unit", "P-DONGNGUYEN", "--database", db_path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "9001/10000"));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "values", "set", "--unit", "P-DONGNGUYEN", "--round", "2", "--target", "2", "5/6",
             "--database", db_path, NULL);
    assert_one_line_error (&r, 1, "Target 2 is not asked of a unit of this kind");
  }
  {
    /* An index with more decimals than the campaign publishes it with. */
    g_auto(Run) r = { 0 };
    run_cli (&r, "values", "set", "--unit", "BN", "--round", "2", "--target", "19", "0,7499999995",
             "--database", db_path, NULL);
    assert_one_line_error (&r, 1, "at most 4 decimals");
  }
  /* A figure with a sign is a figure, said to be negative; one too long, too large. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "values", "set", "--unit", "P-DONGNGUYEN", "--round", "2", "--target", "1", "-1/10",
             "--database", db_path, NULL);
    assert_one_line_error (&r, 1, "is negative");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "values", "set", "--unit", "P-DONGNGUYEN", "--round", "2", "--target", "1", "1/1234567890123456789",
             "--database", db_path, NULL);
    assert_one_line_error (&r, 1, "too large");
  }

}

/* Every command a script reads honours --json. */
static void
test_json_everywhere (void)
{
  const char *commands[][6] = {
    { "targets", "--round", "1" }, { "units" }, { "summary", "--round", "1" }, { "audit", "--limit", "3" },
    { "decision", "list" }, { "rounds" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *out = NULL;
      int wait_status = 0;

      g_ptr_array_add (argv, (gpointer) g_getenv ("THIDUA_CLI"));
      for (guint a = 0; a < 6 && commands[i][a]; a++)
        g_ptr_array_add (argv, (gpointer) commands[i][a]);
      g_ptr_array_add (argv, (gpointer) "--json");
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, db_path);
      g_ptr_array_add (argv, NULL);
      g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                    &wait_status, &error);
      g_assert_no_error (error);
      if (g_str_equal (commands[i][0], "rounds") && WEXITSTATUS (wait_status) == 2)
        continue;   /* no such command: nothing to check */
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
      if (!json_parser_load_from_data (parser, out, -1, &error))
        g_error ("“%s --json” printed no JSON: %s", commands[i][0], out);
    }
}

/* A clerk's evidence from a script: attach to a target and to a standard, list, replace (never
 * by a non-PDF), remove; a reviewer's verdict needs its reason; nothing once submitted. */
static void
test_evidence_cli (void)
{
  g_autofree char *right = g_build_filename (dir, "bien-ban.pdf", NULL);
  g_autofree char *other = g_build_filename (dir, "danh-sach.pdf", NULL);
  g_autofree char *text = g_build_filename (dir, "ghi-chu.txt", NULL);
  g_autoptr(GBytes) pdf1 = td_demo_make_pdf ("Biên bản", "Nội dung", 1);
  g_autoptr(GBytes) pdf2 = td_demo_make_pdf ("Danh sách", "Nội dung", 2);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL, *new_id = NULL;
  JsonArray *list;

  g_assert_true (g_file_set_contents (right, g_bytes_get_data (pdf1, NULL), (gssize) g_bytes_get_size (pdf1), NULL));
  g_assert_true (g_file_set_contents (other, g_bytes_get_data (pdf2, NULL), (gssize) g_bytes_get_size (pdf2), NULL));
  g_assert_true (g_file_set_contents (text, "ghi chú", -1, NULL));
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "evidence", "attach", right, "--unit", "P-TAMSON", "--round", "2", "--target", "1", "--json",
             "--database", db_path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_node_get_object (root), "id"));
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "file_name"), ==, "bien-ban.pdf");
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "evidence", "attach", other, "--unit", "P-TAMSON", "--round", "2", "--target", "1", "--standard", "TT-1",
             "--database", db_path, NULL);
    assert_one_line_error (&r, 2, "--standard");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "evidence", "replace", id, text, "--database", db_path, NULL);
    assert_one_line_error (&r, 1, "PDF");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "evidence", "replace", id, other, "--json", "--database", db_path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    new_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_node_get_object (root), "id"));
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "pages"), ==, 2);
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "evidence", "list", "--unit", "P-TAMSON", "--round", "2", "--json", "--database", db_path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    list = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (list), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "file_name"), ==, "danh-sach.pdf");
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "evidence", "verdict", new_id, "--verdict", "rejected", "--database", db_path, NULL);
    assert_one_line_error (&r, 1, NULL);
  }
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) gone = { 0 };
    run_cli (&r, "evidence", "remove", new_id, "--database", db_path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    run_cli (&gone, "evidence", "remove", new_id, "--database", db_path, NULL);
    assert_one_line_error (&gone, 1, NULL);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "evidence", "attach", right, "--unit", "P-KINHBAC", "--round", "2", "--target", "1",
             "--database", db_path, NULL);
    assert_one_line_error (&r, 1, NULL);
  }
}

/* A real province from the command line only (issue 12): the board from its register, a
 * commune's installation from the setup file, its figures, its submission, the package back
 * at the board.  No sample anywhere. */
static void
test_real_province (void)
{
  g_autofree char *board = g_build_filename (dir, "board-cli.db", NULL);
  g_autofree char *unit = g_build_filename (dir, "unit-cli.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "dang-ky.csv", NULL);
  g_autofree char *setups = g_build_filename (dir, "thiet-lap", NULL);
  /* Named by code and name, so that a clerk finds their own file in the folder. */
  g_autofree char *setup = g_build_filename (setups, "X-TIENDU-xa-tien-du.thidua-setup", NULL);
  g_autofree char *package = g_build_filename (dir, "tiendu-cli.thidua", NULL);

  g_assert_true (g_file_set_contents (csv, "Mã đơn vị;Tên đơn vị;Loại hình;Đơn vị cấp trên\n"
                                           "UBND-TINH;UBND tỉnh Bắc Ninh;UBND tỉnh;\n"
                                           "X-TIENDU;Xã Tiên Du;xã;UBND-TINH\n", -1, NULL));
  g_mkdir (setups, 0700);
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "init", "--board", "--json", "--database", board, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\"board\""));
  }
  {
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    run_cli (&r, "units", "import", csv, "--json", "--database", board, NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "applied"));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "setup", "export", "--unit", "X-TIENDU", "-o", setups, "--database", board, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  /* A refused setup file leaves no database behind, not even an empty one: the file is not a
   * setup file, or it is for another unit than the one asked for. */
  {
    g_auto(Run) r = { 0 };
    g_autofree char *wal = g_strconcat (unit, "-wal", NULL);

    run_cli (&r, "setup", "open", csv, "--database", unit, NULL);
    assert_one_line_error (&r, 1, NULL);
    g_assert_false (g_file_test (unit, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "setup", "open", setup, "--unit", "UBND-TINH", "--database", unit, NULL);
    assert_one_line_error (&r, 1, NULL);
    g_assert_false (g_file_test (unit, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "setup", "open", setup, "--database", unit, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Xã Tiên Du"));
  }
  /* A figure the form refuses is refused here too, in one line, and not stored. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "values", "set", "--unit", "X-TIENDU", "--round", "2", "--target", "3", "200/100", "--database", unit, NULL);
    assert_one_line_error (&r, 1, "Target 3");
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "submit", "--unit", "X-TIENDU", "--round", "2", "--database", unit, NULL);
    assert_one_line_error (&r, 1, NULL);
  }
  /* Every target a commune reports: not 2 (provincial staff) nor 19 (the province's index). */
  for (int t = 1; t <= 19; t++)
    {
      g_auto(Run) r = { 0 };
      g_autofree char *number = g_strdup_printf ("%d", t);

      run_cli (&r, "values", "set", "--unit", "X-TIENDU", "--round", "2", "--target", number,
               t == 19 ? "0,8" : "1.234/2.000", "--database", unit, NULL);
      if (t == 2 || t == 19)
        assert_one_line_error (&r, 1, "is not asked of a unit of this kind");
      else
        g_assert_cmpint (r.status, ==, 0);
    }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "submit", "--unit", "X-TIENDU", "--round", "2", "--database", unit, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  /* Into a folder that is not there: refused, nothing written. */
  {
    g_auto(Run) r = { 0 };
    g_autofree char *nowhere = g_build_filename (dir, "khong-co", "x.thidua", NULL);

    run_cli (&r, "export", "--unit", "X-TIENDU", "--round", "2", "-o", nowhere, "--database", unit, NULL);
    assert_one_line_error (&r, 1, "does not exist");
  }
  /* Into a folder: under the name the app suggests, said in JSON. */
  {
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    g_autofree char *expected = g_build_filename (dir, "X-TIENDU-dot2.thidua", NULL);

    run_cli (&r, "export", "--unit", "X-TIENDU", "--round", "2", "-o", dir, "--json", "--database", unit, NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = json_from_string (r.out, NULL);
    g_assert_nonnull (root);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "file"), ==, expected);
    g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));
    g_assert_cmpint (g_rename (expected, package), ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "import", package, "--json", "--database", board, NULL);
    if (r.status != 0)
      g_error ("%s%s", r.out, r.err);
    g_assert_nonnull (strstr (r.out, "X-TIENDU"));
  }
  /* The board enters the province's DTI for its own unit, and the province's figures are the
   * commune's: 1.234 of 2.000 everywhere, 61,7 %. */
  {
    g_auto(Run) dti = { 0 };
    g_auto(Run) sum = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *targets;

    run_cli (&dti, "values", "set", "--unit", "UBND-TINH", "--round", "2", "--target", "19", "0,7512",
             "--database", board, NULL);
    g_assert_cmpint (dti.status, ==, 0);
    run_cli (&sum, "summary", "--round", "2", "--json", "--database", board, NULL);
    g_assert_cmpint (sum.status, ==, 0);
    root = parse (sum.out);
    targets = json_object_get_array_member (json_node_get_object (root), "targets");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (targets, 0), "shown"), ==,
                     "61,7\xc2\xa0%");
    /* The province's own index counts once submitted; a draft typed by the board is still a draft. */
    g_assert_true (json_object_get_null_member (json_array_get_object_element (targets, 18), "shown"));
  }
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) sum = { 0 };

    run_cli (&r, "submit", "--unit", "UBND-TINH", "--round", "2", "--database", board, NULL);
    g_assert_cmpint (r.status, ==, 0);
    run_cli (&sum, "summary", "--round", "2", "--database", board, NULL);
    g_assert_nonnull (strstr (sum.out, "0,7512"));
  }
  /* The register exported, as .xlsx and .csv, reads back as the same register; a name that a
   * spreadsheet would run as a formula is text in the CSV, and reads back as typed. */
  {
    g_auto(Run) r = { 0 };
    run_cli (&r, "units", "add", "X-LA", "--name", "=1+1 Xã Lạ", "--kind", "commune", "--parent", "UBND-TINH",
             "--database", board, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  for (int i = 0; i < 2; i++)
    {
      g_auto(Run) out = { 0 };
      g_auto(Run) back = { 0 };
      g_autofree char *file = g_build_filename (dir, i ? "dang-ky-ra.csv" : "dang-ky-ra.xlsx", NULL);

      run_cli (&out, "units", "export", "-o", file, "--database", board, NULL);
      g_assert_cmpint (out.status, ==, 0);
      run_cli (&back, "units", "import", file, "--dry-run", "--database", board, NULL);
      g_assert_cmpint (back.status, ==, 0);
      g_assert_nonnull (strstr (back.out, "0 to add, 0 to change, 0 to retire, 3 unchanged, 0 refused"));
      if (i == 1)
        {
          g_autofree char *text = NULL;
          g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
          g_assert_nonnull (strstr (text, "\"'=1+1 Xã Lạ\""));
        }
    }
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = td_test_make_dir ();
  db_path = g_build_filename (dir, "cli.db", NULL);

  /* In order: the later cases read the database the first one made. */
  g_test_add_func ("/cli/init-demo", test_init_demo);
  g_test_add_func ("/cli/targets-and-units", test_targets_and_units);
  g_test_add_func ("/cli/summary", test_summary);
  g_test_add_func ("/cli/audit", test_audit);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/documents", test_documents);
  g_test_add_func ("/cli/award-register", test_award_register);
  g_test_add_func ("/cli/appraisal", test_appraisal_cli);
  g_test_add_func ("/cli/real-province", test_real_province);
  g_test_add_func ("/cli/values-import", test_values_import);
  g_test_add_func ("/cli/json-everywhere", test_json_everywhere);
  g_test_add_func ("/cli/evidence", test_evidence_cli);
  status = g_test_run ();

  td_test_cleanup_dir (dir);
  g_free (db_path);
  g_free (dir);
  return status;
}
