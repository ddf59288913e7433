/* td-core.h: everything the GUI-free core offers; includes no GTK header. */
#pragma once

#include "td-types.h"
#include "td-database.h"
#include "td-format.h"
#include "td-target.h"
#include "td-unit.h"
#include "td-round.h"
#include "td-catalog.h"
#include "td-register.h"
#include "td-audit.h"
#include "td-assessment.h"
#include "td-rollup.h"
#include "td-rules.h"
#include "td-trust-store.h"
#include "td-evidence.h"
#include "td-award.h"
#include "td-decision.h"
