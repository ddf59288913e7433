/* td-decision-issuer.c: who issues a decision, and what that unit's decision says.
 *
 * The Bằng khen is the province Chairman's; each department, commune, ward, agency and
 * enterprise gives its head's own Giấy khen (seed V.2.b, V.3.b, VI.7.b, VI.8.b) to its staff
 * and the units under it.  The text of a unit's decision comes from the template for its kind,
 * with the unit's name put into every part that names the issuer, so that the issuing body,
 * the number's suffix, the signer, the proposer, Điều 2 and Nơi nhận never disagree. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-catalog.h"
#include "td-database-private.h"
#include "td-decision-private.h"
#include "td-format.h"
#include "td-register.h"
#include "td-unit.h"

gboolean
td_unit_kind_issues_giay_khen (TdUnitKind kind)
{
  switch (kind)
    {
    case TD_UNIT_KIND_DEPARTMENT:
    case TD_UNIT_KIND_COMMUNE:
    case TD_UNIT_KIND_WARD:
    case TD_UNIT_KIND_ORGANISATION:
    case TD_UNIT_KIND_ENTERPRISE:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
td_unit_name_abbreviate (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name ? name : "", " -", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);

      if (*words[i] == '\0' || g_str_equal (lower, "và"))
        continue;
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (words[i])));
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *name;
  const char *province;
  char       *plan;
} Fill;

static char *
fill_text (const char *text,
           gpointer    data)
{
  const Fill *f = data;
  g_autofree char *upper = f->name ? g_utf8_strup (f->name, -1) : NULL;
  g_autofree char *province_upper = g_utf8_strup (f->province, -1);
  g_autofree char *lower_first = NULL;
  g_autofree char *place = f->name ? td_format_place_of (f->name) : NULL;
  g_autofree char *abbr = f->name ? td_unit_name_abbreviate (f->name) : NULL;
  GString *out = g_string_new (text);

  if (f->name != NULL)
    {
      gunichar first = g_utf8_get_char (f->name);
      GString *lc = g_string_new (NULL);

      g_string_append_unichar (lc, g_unichar_tolower (first));
      g_string_append (lc, g_utf8_next_char (f->name));
      lower_first = g_string_free (lc, FALSE);
      g_string_replace (out, "{name}", f->name, 0);
      g_string_replace (out, "{NAME}", upper, 0);
      g_string_replace (out, "{name_lc}", lower_first, 0);
      g_string_replace (out, "{place}", place, 0);
      g_string_replace (out, "{ABBR}", abbr, 0);
    }
  g_string_replace (out, "{province}", f->province, 0);
  g_string_replace (out, "{PROVINCE}", province_upper, 0);
  g_string_replace (out, "{plan}", f->plan, 0);
  return g_string_free (out, FALSE);
}

/* "Kế hoạch số 17/KH-UBND ngày 11 tháng 8 năm 2025 của UBND tỉnh Bắc Ninh" from what the board
 * recorded (td_decision_set_plan()), or just "Kế hoạch" until it has. */
char *
td_decision_plan_reference (TdDatabase *db,
                            const char *province)
{
  g_autofree char *number = db ? td_database_get_meta (db, "plan_number") : NULL;
  g_autofree char *date = db ? td_database_get_meta (db, "plan_date") : NULL;
  g_autofree char *long_date = date ? td_format_date_long (date) : NULL;

  if (number == NULL || *number == '\0')
    return g_strdup ("Kế hoạch");
  return g_strdup_printf ("Kế hoạch số %s%s%s của UBND tỉnh %s", number, long_date ? " " : "",
                          long_date ? long_date : "", province);
}

gboolean
td_decision_set_plan (TdDatabase  *db,
                      const char  *number,
                      const char  *date,
                      GError     **error)
{
  g_autoptr(GDate) parsed = g_date_new ();

  if (number == NULL || *number == '\0' || strchr (number, '/') == NULL)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("Write the plan's number as it is printed, e.g. “17/KH-UBND”."));
      return FALSE;
    }
  if (date != NULL)
    g_date_set_parse (parsed, date);
  if (date == NULL || strlen (date) != 10 || !g_date_valid (parsed))
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID, _("The plan needs the date it was signed."));
      return FALSE;
    }
  return td_database_set_meta (db, "plan_number", number, error) &&
         td_database_set_meta (db, "plan_date", date, error);
}

/* "Hà Nam" from the register's province unit ("UBND tỉnh Hà Nam"), or NULL without one. */
static char *
province_name (TdDatabase *db)
{
  g_autoptr(GPtrArray) units = db ? td_register_list (db, NULL) : NULL;
  static const char * const prefixes[] = { "ủy ban nhân dân tỉnh ", "ubnd tỉnh ", "tỉnh " };

  for (guint i = 0; units && i < units->len; i++)
    {
      TdUnitRecord *u = units->pdata[i];
      g_autofree char *lower = NULL;

      if (u->kind != TD_UNIT_KIND_PROVINCE)
        continue;
      lower = g_utf8_strdown (u->name, -1);
      for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
        if (g_str_has_prefix (lower, prefixes[p]))
          return g_strdup (g_utf8_offset_to_pointer (u->name, g_utf8_strlen (prefixes[p], -1)));
      return g_strdup (u->name);
    }
  return NULL;
}

TdDecision *
td_decision_new_for_issuer (TdDatabase  *db,
                            const char  *issuer_code,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(TdUnit) unit = NULL;
  JsonObject *root = NULL, *issuers, *entry;
  const char *kind;
  Fill fill = { NULL, "Bắc Ninh", NULL };
  g_autofree char *registered = province_name (db);
  TdDecision *d;

  if (issuer_code == NULL || *issuer_code == '\0')
    {
      parser = td_decision_load_template (TD_AWARD_BANG_KHEN, &root, error);
      if (parser == NULL)
        return NULL;
      if (json_object_has_member (root, "province"))
        fill.province = json_object_get_string_member (root, "province");
      if (registered != NULL)
        fill.province = registered;
      fill.plan = td_decision_plan_reference (db, fill.province);
      d = td_decision_from_template_object (root, TD_AWARD_BANG_KHEN, fill_text, &fill);
      g_free (fill.plan);
      return d;
    }

  unit = td_catalog_find_unit (db, issuer_code, error);
  if (unit == NULL)
    return NULL;
  if (!td_unit_kind_issues_giay_khen (td_unit_get_kind (unit)))
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY,
                   _("%s (%s) does not give Giấy khen of its own: departments, communes, wards, agencies and "
                     "enterprises do."), td_unit_get_name (unit), td_unit_kind_get_label (td_unit_get_kind (unit)));
      return NULL;
    }
  parser = td_decision_load_template (TD_AWARD_GIAY_KHEN, &root, error);
  if (parser == NULL)
    return NULL;
  issuers = json_object_get_object_member (root, "issuers");
  kind = td_unit_kind_to_string (td_unit_get_kind (unit));
  entry = issuers && json_object_has_member (issuers, kind) ? json_object_get_object_member (issuers, kind) : NULL;
  if (entry != NULL && json_object_has_member (entry, "like"))
    {
      const char *like = json_object_get_string_member (entry, "like");
      entry = like && json_object_has_member (issuers, like) ? json_object_get_object_member (issuers, like) : NULL;
    }
  if (entry == NULL)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("The Giấy khen template has no text for a unit of kind “%s”."), kind);
      return NULL;
    }
  if (json_object_has_member (root, "province"))
    fill.province = json_object_get_string_member (root, "province");
  if (registered != NULL)
    fill.province = registered;
  fill.name = td_unit_get_name (unit);
  fill.plan = td_decision_plan_reference (db, fill.province);
  /* The bases are the same for every kind of issuer. */
  json_object_set_member (entry, "bases", json_node_copy (json_object_get_member (root, "bases")));
  d = td_decision_from_template_object (entry, TD_AWARD_GIAY_KHEN, fill_text, &fill);
  d->issuer_code = g_strdup (td_unit_get_code (unit));
  g_free (fill.plan);
  return d;
}

gboolean
td_decision_check_authority (TdDatabase          *db,
                             const char          *issuer_code,
                             const TdNomination  *n,
                             GError             **error)
{
  g_autoptr(TdUnit) issuer = NULL;
  TdStmt *stmt;
  gboolean within;

  if (issuer_code == NULL || *issuer_code == '\0')
    {
      if (n->level == TD_AWARD_BANG_KHEN)
        return TRUE;
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY,
                   _("The nomination of “%s” is for a Giấy khen, which its unit's head gives, not the province."),
                   td_nomination_get_name (n));
      return FALSE;
    }
  issuer = td_catalog_find_unit (db, issuer_code, error);
  if (issuer == NULL)
    return FALSE;
  if (n->level != TD_AWARD_GIAY_KHEN)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY,
                   _("The nomination of “%s” is for the province Chairman's Bằng khen, not a Giấy khen of %s."),
                   td_nomination_get_name (n), td_unit_get_name (issuer));
      return FALSE;
    }
  /* The unit itself, and every unit above it by parent or by the unit that proposes its awards. */
  stmt = td_database_prepare (db, "WITH RECURSIVE up (id) AS ("
                                  "  SELECT ?1"
                                  "  UNION SELECT u.parent_id FROM unit u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL"
                                  "  UNION SELECT u.proposer_id FROM unit u JOIN up ON u.id = up.id WHERE u.proposer_id IS NOT NULL)"
                                  " SELECT 1 FROM up WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, n->unit_id);
  td_stmt_bind_int64 (stmt, 2, td_unit_get_id (issuer));
  within = td_stmt_step (stmt) == TD_ROW;
  td_stmt_reset (stmt);
  if (!within)
    g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY,
                 _("“%s” (%s) is not within the authority of %s: a unit's Giấy khen goes to its own staff and the "
                   "units under it. The nomination belongs in a decision of its own unit."),
                 td_nomination_get_name (n), n->unit_name, td_unit_get_name (issuer));
  return within;
}
