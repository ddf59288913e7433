/* td-schema.h: the ordered list of schema migrations. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int         version;
  const char *summary;
  const char *sql;
} TdMigration;

const TdMigration *td_schema_get_migrations (guint *n_migrations);

G_END_DECLS
