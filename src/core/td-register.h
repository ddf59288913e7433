/* td-register.h: the province's unit register: every unit with its kind, the unit above it,
 * the unit that proposes its awards, a contact, and whether it still takes part. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"
#include "td-types.h"

G_BEGIN_DECLS

typedef struct {
  char       *code;
  char       *name;
  TdUnitKind  kind;
  char       *parent_code;     /* NULL: directly under the province */
  char       *proposer_code;   /* NULL: the unit proposes its own awards */
  char       *contact;
  char       *phone;
  char       *email;
  gboolean    active;
} TdUnitRecord;

TdUnitRecord *td_unit_record_new  (void);
TdUnitRecord *td_unit_record_copy (const TdUnitRecord *record);
void          td_unit_record_free (TdUnitRecord       *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdUnitRecord, td_unit_record_free)
/* Same values in every field. */
gboolean      td_unit_record_equal (const TdUnitRecord *a,
                                    const TdUnitRecord *b);

/* Every unit of the register, retired ones too, by code. */
GPtrArray    *td_register_list    (TdDatabase          *db,
                                   GError             **error);
TdUnitRecord *td_register_get     (TdDatabase          *db,
                                   const char          *code,
                                   GError             **error);

/* Checks @record as the register would take it, with @others (code → TdUnitRecord, may be
 * NULL) standing for units about to be saved with it: a code of letters, digits and dashes, a
 * name, a parent and a proposer that exist, no unit its own ancestor, an e-mail and a phone
 * number that look like one.  The message names the field and says what to do. */
gboolean      td_register_check   (TdDatabase          *db,
                                   const TdUnitRecord  *record,
                                   GHashTable          *others,
                                   GError             **error);

/* Adds (@create) or changes a unit, checked, in one transaction with its audit rows. */
gboolean      td_register_save    (TdDatabase          *db,
                                   const TdUnitRecord  *record,
                                   gboolean             create,
                                   GError             **error);
/* Saves every one of @records (TdUnitRecord: added when new, changed otherwise), the units
 * above a unit and its proposer first, in one transaction; TD_CATALOG_ERROR_UNKNOWN_UNIT when
 * some unit names one that is neither in the register nor among @records. */
gboolean      td_register_save_all (TdDatabase         *db,
                                   GPtrArray           *records,
                                   GError             **error);
/* Retires a unit (or brings it back): its history stays. */
gboolean      td_register_set_active (TdDatabase       *db,
                                   const char          *code,
                                   gboolean             active,
                                   GError             **error);

/* Text folded for matching what people type: lower case, no diacritics (đ → d), runs of
 * spaces and dashes made one space.  "Tổ Công nghệ số cộng đồng" → "to cong nghe so cong dong". */
char         *td_register_fold    (const char          *text);
/* The kind a register's word means: the app's own codes, or the words Vietnamese registers
 * use (Sở, xã, phường, doanh nghiệp, hợp tác xã, hội, Tổ CNSCĐ…), case and accents ignored. */
gboolean      td_register_parse_kind (const char       *text,
                                   TdUnitKind          *kind);

G_END_DECLS
