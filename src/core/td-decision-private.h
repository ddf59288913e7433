/* td-decision-private.h: the decision templates, shared by td-decision.c (the province's) and
 * td-decision-issuer.c (a unit's, filled in with its name). */
#pragma once

#include <json-glib/json-glib.h>

#include "td-decision.h"

G_BEGIN_DECLS

/* The parsed template of @level, its root object in *@object (owned by the parser). */
JsonParser *td_decision_load_template        (TdAwardLevel   level,
                                              JsonObject   **object,
                                              GError       **error);
/* A draft from the members of @object, every text passed through @fill when it is set. */
TdDecision *td_decision_from_template_object (JsonObject    *object,
                                              TdAwardLevel   level,
                                              char        *(*fill) (const char *text, gpointer data),
                                              gpointer       data);

G_END_DECLS
