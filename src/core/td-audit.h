/* td-audit.h: the audit log: who changed what, from what to what, when and why. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *at;          /* ISO 8601 UTC */
  char   *actor;
  char   *entity;      /* "value", "assessment", "evidence", "nomination", "unit", … */
  gint64  entity_id;
  char   *unit_code;
  char   *field;
  char   *old_value;
  char   *new_value;
  char   *reason;
} TdAuditEntry;

void       td_audit_entry_free (TdAuditEntry *entry);

/* Records one change under the database's actor.  Call it inside the transaction that makes
 * the change, so that the change and its record land together or not at all. */
gboolean   td_audit_record     (TdDatabase   *db,
                                const char   *entity,
                                gint64        entity_id,
                                const char   *unit_code,
                                const char   *field,
                                const char   *old_value,
                                const char   *new_value,
                                const char   *reason,
                                GError      **error);

/* Newest first; @unit_code NULL for every unit; @limit 0 for no limit. */
GPtrArray *td_audit_list       (TdDatabase   *db,
                                const char   *unit_code,
                                guint         limit,
                                GError      **error);
/* The units' own history of their self-assessments, as their packages carried it: kept apart
 * from the board's log, newest first. */
/* The record of one thing (@entity "assessment", its id), oldest first. */
GPtrArray *td_audit_list_entity (TdDatabase   *db,
                                 const char   *entity,
                                 gint64        entity_id,
                                 GError      **error);
GPtrArray *td_audit_list_unit_history (TdDatabase *db,
                                       const char *unit_code,
                                       guint       limit,
                                       GError    **error);

G_END_DECLS
