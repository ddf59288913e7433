/* td-cli-units.c: the unit register from the command line, everything the board does with it:
 *
 *   units [list]                                   every unit, retired ones marked
 *   units import FILE [--dry-run] [--sheet NAME]   the province's spreadsheet (.xlsx .ods .csv)
 *   units add CODE --name … --kind … [--parent …] [--proposer …] [--contact …] [--phone …] [--email …]
 *   units edit CODE [the same options]
 *   units retire CODE [--undo]
 *   units export -o FILE.csv|FILE.xlsx */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"
#include "td-register-import.h"
#include "td-table-export.h"


static void
add_record_json (JsonBuilder        *b,
                 const TdUnitRecord *r)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, r->code);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, r->name);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, td_unit_kind_to_string (r->kind));
  json_builder_set_member_name (b, "parent");
  if (r->parent_code)
    json_builder_add_string_value (b, r->parent_code);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "proposer");
  if (r->proposer_code)
    json_builder_add_string_value (b, r->proposer_code);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "contact");
  json_builder_add_string_value (b, r->contact);
  json_builder_set_member_name (b, "phone");
  json_builder_add_string_value (b, r->phone);
  json_builder_set_member_name (b, "email");
  json_builder_add_string_value (b, r->email);
  json_builder_set_member_name (b, "active");
  json_builder_add_boolean_value (b, r->active);
  json_builder_end_object (b);
}

static void
print_json_and_free (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);

  td_cli_print_json (root);
}

static int
list_units (TdCliContext  *ctx,
            GError       **error)
{
  g_autoptr(GPtrArray) records = td_register_list (ctx->db, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (records == NULL)
    return 1;
  json_builder_begin_array (b);
  for (guint i = 0; i < records->len; i++)
    {
      TdUnitRecord *r = records->pdata[i];

      if (ctx->json)
        add_record_json (b, r);
      else
        printf ("%-16s %-14s %s%s%s%s\n", r->code, td_unit_kind_to_string (r->kind), r->name,
                r->parent_code ? "  ← " : "", r->parent_code ? r->parent_code : "", r->active ? "" : _("  (retired)"));
    }
  json_builder_end_array (b);
  if (ctx->json)
    print_json_and_free (b);
  return 0;
}

/* --column FIELD=N (N from 1, or "none"), as many as needed: the user's word over the guess. */
static gboolean
parse_columns (char   **specs,
               int     *chosen,
               GError **error)
{
  for (int c = 0; c < TD_REGISTER_N_COLUMNS; c++)
    chosen[c] = -2;
  for (int i = 0; specs && specs[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (specs[i], "=", 2);
      int field = -1;
      char *end = NULL;
      gint64 n;

      for (int c = 0; kv[0] && c < TD_REGISTER_N_COLUMNS; c++)
        if (g_str_equal (kv[0], td_register_column_name (c)))
          field = c;
      n = kv[0] && kv[1] && !g_str_equal (kv[1], "none") ? g_ascii_strtoll (kv[1], &end, 10) : 0;
      if (field < 0 || kv[1] == NULL || (!g_str_equal (kv[1], "none") && (end == kv[1] || *end || n < 1 || n > 200)))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--column takes FIELD=N with a column number from 1 or none, FIELD one of code, name, kind, "
                         "parent, proposer, contact, phone, email, status; not “%s”."), specs[i]);
          return FALSE;
        }
      chosen[field] = g_str_equal (kv[1], "none") ? -1 : (int) n - 1;
    }
  return TRUE;
}

static int
import_units (TdCliContext  *ctx,
              const char    *path,
              const char    *sheet,
              char         **column_specs,
              gboolean       dry_run,
              GError       **error)
{
  int chosen[TD_REGISTER_N_COLUMNS];
  g_autoptr(TdRegisterPlan) plan = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint counts[TD_REGISTER_REFUSE + 1] = { 0 };

  if (!parse_columns (column_specs, chosen, error))
    return 2;
  plan = td_register_plan_mapped (ctx->db, path, sheet, column_specs ? chosen : NULL, error);
  if (plan == NULL)
    return 1;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "header_row");
  json_builder_add_int_value (b, plan->header_line);
  json_builder_set_member_name (b, "columns");
  json_builder_add_string_value (b, plan->columns);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  if (!ctx->json)
    printf (_("Header in row %u: %s\n"), plan->header_line, plan->columns);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      TdRegisterRow *row = plan->rows->pdata[i];

      counts[row->action]++;
      if (ctx->json)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "row");
          json_builder_add_int_value (b, row->line);
          json_builder_set_member_name (b, "action");
          json_builder_add_string_value (b, (const char *[]) { "add", "change", "retire", "same", "refused" }[row->action]);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, row->record->code);
          json_builder_set_member_name (b, "reason");
          if (row->reason)
            json_builder_add_string_value (b, row->reason);
          else
            json_builder_add_null_value (b);
          json_builder_end_object (b);
        }
      else if (row->action != TD_REGISTER_SAME)
        printf ("%4u  %-10s %-16s %s%s%s\n", row->line, td_register_action_label (row->action), row->record->code,
                row->record->name, row->reason ? " — " : "", row->reason ? row->reason : "");
    }
  json_builder_end_array (b);
  if (!ctx->json)
    printf (_("%u to add, %u to change, %u to retire, %u unchanged, %u refused\n"), counts[TD_REGISTER_ADD],
            counts[TD_REGISTER_CHANGE], counts[TD_REGISTER_RETIRE], counts[TD_REGISTER_SAME], counts[TD_REGISTER_REFUSE]);
  json_builder_set_member_name (b, "applied");
  json_builder_add_boolean_value (b, !dry_run && plan->n_refused == 0);
  json_builder_end_object (b);
  if (ctx->json)
    print_json_and_free (b);
  if (dry_run)
    return plan->n_refused > 0 ? 1 : 0;
  return td_register_apply (ctx->db, plan, error) ? 0 : 1;
}

/* One row of the exported register, in the order of its header (what import reads back). */
static void
record_cells (const TdUnitRecord *r,
              const char        **cells)
{
  cells[0] = r->code;
  cells[1] = r->name;
  cells[2] = td_unit_kind_to_string (r->kind);
  cells[3] = r->parent_code ? r->parent_code : "";
  cells[4] = r->proposer_code ? r->proposer_code : "";
  cells[5] = r->contact;
  cells[6] = r->phone;
  cells[7] = r->email;
  cells[8] = r->active ? "hoạt động" : "ngừng hoạt động";
}

static int
export_units (TdCliContext  *ctx,
              const char    *output,
              GError       **error)
{
  g_autoptr(GPtrArray) records = td_register_list (ctx->db, error);
  g_autofree char *lower = g_ascii_strdown (output, -1);
  const char *head[] = { "Mã đơn vị", "Tên đơn vị", "Loại hình", "Mã đơn vị cấp trên", "Đơn vị đề nghị khen thưởng",
                         "Người liên hệ", "Điện thoại", "Thư điện tử", "Trạng thái", NULL };

  if (records == NULL)
    return 1;
  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".csv"))
    {
      /* The same writer as every other table of the app: what import reads back, and a name
       * that a spreadsheet would run as a formula written as text. */
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < records->len; i++)
        {
          const char **cells = g_new0 (const char *, G_N_ELEMENTS (head) + 1);

          record_cells (records->pdata[i], cells);
          g_ptr_array_add (rows, cells);
        }
      return td_table_write (output, "Đơn vị", head, rows, error) ? 0 : 1;
    }
  return td_cli_usage_error (error, _("units export writes .csv or .xlsx"));
}

int
td_cli_units (TdCliContext  *ctx,
              int            argc,
              char         **argv,
              GError       **error)
{
  g_autofree char *name = NULL, *kind = NULL, *parent = NULL, *proposer = NULL;
  g_autofree char *contact = NULL, *phone = NULL, *email = NULL, *sheet = NULL, *output = NULL;
  gboolean dry_run = FALSE, undo = FALSE;
  g_auto(GStrv) column_specs = NULL;
  GOptionEntry entries[] = {
    { "column", 0, 0, G_OPTION_ARG_STRING_ARRAY, &column_specs,
      N_("Which column holds a field, when the headers do not say: code=1, kind=4, parent=none… (import)"), N_("FIELD=N") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The unit's name (add, edit)"), N_("TEXT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("department, commune, ward, enterprise, organisation, team-commune, "
                                                   "team-village, province, or the register's own word (add, edit)"), N_("KIND") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent, N_("The code of the unit above it; \"\" for none (add, edit)"), N_("CODE") },
    { "proposer", 0, 0, G_OPTION_ARG_STRING, &proposer, N_("The code of the unit that proposes its awards (add, edit)"), N_("CODE") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, N_("The contact person (add, edit)"), N_("TEXT") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("The contact's phone (add, edit)"), N_("TEXT") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("The contact's e-mail (add, edit)"), N_("TEXT") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("The sheet to read (import; default the first)"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what the import would do, change nothing"), NULL },
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo, N_("Bring a retired unit back (retire)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (export)"), N_("FILE") },
    { NULL }
  };
  const char *what;
  int status = 0;

  if (!td_cli_parse (ctx, "units", N_("[list | import FILE | add CODE | edit CODE | retire CODE | export -o FILE]"),
                     entries, &argc, &argv, &status, error))
    return status;
  what = argc >= 2 ? argv[1] : "list";
  if ((g_str_equal (what, "list") && argc > 2) ||
      (g_strv_contains ((const char *[]) { "import", "add", "edit", "retire", NULL }, what) && argc != 3) ||
      (g_str_equal (what, "export") && (argc != 2 || output == NULL)) ||
      !g_strv_contains ((const char *[]) { "list", "import", "add", "edit", "retire", "export", NULL }, what))
    return td_cli_usage_error (error, _("units needs list, import FILE, add CODE, edit CODE, retire CODE or export -o FILE"));
  if (!td_cli_open (ctx, error))
    return 1;

  if (g_str_equal (what, "list"))
    return list_units (ctx, error);
  if (g_str_equal (what, "import"))
    return import_units (ctx, argv[2], sheet, column_specs, dry_run, error);
  if (g_str_equal (what, "export"))
    return export_units (ctx, output, error);
  if (g_str_equal (what, "retire"))
    return td_register_set_active (ctx->db, argv[2], undo, error) ? 0 : 1;

  {
    g_autoptr(TdUnitRecord) r = NULL;
    gboolean create = g_str_equal (what, "add");

    if (create)
      {
        if (name == NULL || kind == NULL)
          return td_cli_usage_error (error, _("units add needs --name and --kind"));
        r = td_unit_record_new ();
        r->code = g_strdup (argv[2]);
      }
    else if ((r = td_register_get (ctx->db, argv[2], error)) == NULL)
      return 1;
    if (name)
      g_set_str (&r->name, name);
    if (kind && !td_register_parse_kind (kind, &r->kind))
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("“%s” is not a kind of unit Thi đua knows."), kind);
        return 2;
      }
    if (parent)
      g_set_str (&r->parent_code, *parent ? parent : NULL);
    if (proposer)
      g_set_str (&r->proposer_code, *proposer ? proposer : NULL);
    if (contact)
      g_set_str (&r->contact, contact);
    if (phone)
      g_set_str (&r->phone, phone);
    if (email)
      g_set_str (&r->email, email);
    if (!td_register_save (ctx->db, r, create, error))
      return 1;
    if (ctx->json)
      {
        g_autoptr(JsonBuilder) b = json_builder_new ();
        add_record_json (b, r);
        print_json_and_free (b);
      }
    return 0;
  }
}
