/* td-register-entry.c: one unit of the register as a list item, where it stands in the tree. */
#include "config.h"

#include <string.h>

#include "td-register-entry.h"

struct _TdRegisterEntry
{
  GObject       parent_instance;

  TdUnitRecord *record;
  guint         depth;
  char         *folded_name;
};

G_DEFINE_FINAL_TYPE (TdRegisterEntry, td_register_entry, G_TYPE_OBJECT)

static void
td_register_entry_finalize (GObject *object)
{
  TdRegisterEntry *self = TD_REGISTER_ENTRY (object);

  g_clear_pointer (&self->record, td_unit_record_free);
  g_clear_pointer (&self->folded_name, g_free);
  G_OBJECT_CLASS (td_register_entry_parent_class)->finalize (object);
}

static void
td_register_entry_class_init (TdRegisterEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_register_entry_finalize;
}

static void
td_register_entry_init (TdRegisterEntry *self)
{
}

const TdUnitRecord *
td_register_entry_get_record (TdRegisterEntry *self)
{
  g_return_val_if_fail (TD_IS_REGISTER_ENTRY (self), NULL);
  return self->record;
}

guint
td_register_entry_get_depth (TdRegisterEntry *self)
{
  g_return_val_if_fail (TD_IS_REGISTER_ENTRY (self), 0);
  return self->depth;
}

gboolean
td_register_entry_matches (TdRegisterEntry *self,
                           const char      *folded)
{
  g_return_val_if_fail (TD_IS_REGISTER_ENTRY (self), FALSE);

  if (folded == NULL || *folded == '\0')
    return TRUE;
  /* Codes are typed as they are written (X-TIENDU), names the way a clerk types without
   * diacritics (tien du). */
  return strstr (self->folded_name, folded) != NULL || strstr (self->record->code, folded) != NULL ||
         g_ascii_strcasecmp (self->record->code, folded) == 0;
}

static void
append_entry (GListStore         *store,
              const TdUnitRecord *record,
              guint               depth)
{
  g_autoptr(TdRegisterEntry) entry = g_object_new (TD_TYPE_REGISTER_ENTRY, NULL);

  entry->record = td_unit_record_copy (record);
  entry->depth = depth;
  entry->folded_name = td_register_fold (record->name);
  g_list_store_append (store, entry);
}

/* Appends @parent's children (by code, as the register lists them) and theirs after each;
 * each unit appended is taken out of @left. */
static void
append_subtree (GListStore *store,
                GPtrArray  *records,
                GHashTable *by_code,
                GHashTable *left,
                const char *parent,
                guint       depth)
{
  for (guint i = 0; i < records->len; i++)
    {
      TdUnitRecord *r = records->pdata[i];
      const char *above = r->parent_code && g_hash_table_contains (by_code, r->parent_code) ? r->parent_code : NULL;

      if (g_strcmp0 (above, parent) != 0 || r->code == NULL)
        continue;
      append_entry (store, r, depth);
      g_hash_table_remove (left, r->code);
      /* A register that names a unit as its own ancestor is refused when saved; the depth
       * limit only keeps a damaged file from recursing for ever. */
      if (depth < 16)
        append_subtree (store, records, by_code, left, r->code, depth + 1);
    }
}

GListModel *
td_register_list_tree (TdDatabase  *db,
                       GError     **error)
{
  g_autoptr(GPtrArray) records = td_register_list (db, error);
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) left = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *store;

  if (records == NULL)
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      g_hash_table_insert (by_code, ((TdUnitRecord *) records->pdata[i])->code, records->pdata[i]);
      g_hash_table_add (left, ((TdUnitRecord *) records->pdata[i])->code);
    }
  store = g_list_store_new (TD_TYPE_REGISTER_ENTRY);
  append_subtree (store, records, by_code, left, NULL, 0);
  /* Units whose chain of parents never reaches the province (a damaged file where two name
   * each other) are listed last, at the top level, rather than hidden. */
  for (guint i = 0; i < records->len; i++)
    if (g_hash_table_contains (left, ((TdUnitRecord *) records->pdata[i])->code))
      append_entry (store, records->pdata[i], 0);
  return G_LIST_MODEL (store);
}
