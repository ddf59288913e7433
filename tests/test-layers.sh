#!/usr/bin/env bash
# test-layers.sh: the parts of src/ depend on each other only downwards, as the README draws them.
# Usage: test-layers.sh SRCDIR
set -u
. "$(dirname "$0")/tap.sh"
src=$1/src

# none PATTERN FILES...: no line of FILES matches PATTERN (the offending lines are printed).
none() {
  local pattern=$1; shift
  ! grep -nE "$pattern" "$@" /dev/null
}

tap_plan 12
tap_check "no GTK or libadwaita below src/gui" \
  none '#include <(gtk|adwaita|gdk)' $src/core/*.[ch] $src/core/*/*.[ch] $src/exchange/*.[ch] $src/viewer/*.[ch] \
       $src/documents/*.[ch] $src/charts/*.[ch] $src/demo/*.[ch] $src/cli/*.[ch]
tap_check "the core draws nothing: no poppler, cairo or pango in src/core" \
  none '#include <(poppler|cairo|pango)' $src/core/*.[ch] $src/core/*/*.[ch]
tap_check "the rules room asks no database and reads no file: facts in, answers out" \
  none '#include (<(sqlite3|gio/|json-glib)|"td-(database|catalog|award|appraisal|register|evidence|assessment)(-private)?\.h")' \
       $src/core/rules/*.[ch]
# Every header of the core whose name ends in -private.h, whichever it is.
core_private=$(cd $src/core && ls *-private.h | sed 's/\./\\./g' | paste -sd '|')
tap_check "the core's private headers are the core's own" \
  none "#include \"($core_private)\"" $src/exchange/*.[ch] $src/viewer/*.[ch] \
       $src/documents/*.[ch] $src/charts/*.[ch] $src/demo/*.[ch] $src/cli/*.[ch] $src/gui/*/*.[ch] $src/*.c
tap_check "the check above knows td-evidence-private.h (it once listed the private headers by hand)" \
  test -n "$(echo "$core_private" | grep -F 'td-evidence-private')"
tap_check "widgets start no threads of their own: slow work is the layers' _async calls" \
  none 'g_task_run_in_thread|g_thread_new' $src/gui/*/*.c
tap_check "exchange runs no statement against the app's database: the core stores what it brings" \
  none 'td_database_(prepare|exec|get_handle)' $src/exchange/*.c
tap_check "no page or dialog includes the window that includes them: toasts and alerts are td-notify.h's" \
  none '#include "td-window\.h"' $(ls $src/gui/*/*.[ch] | grep -v '/gui/shell/td-\(window\|application\)\.[ch]$')
# Rows and dialogs carry typed items and forms; what is left is a window's own overlay and the
# like, never a field looked up by name.
set_data_at_most() {
  local n
  n=$(cat $src/gui/*/*.c | grep -c 'g_object_set_data')
  echo "g_object_set_data in src/gui: $n (at most $1)"
  [ "$n" -le "$1" ]
}
tap_check "at most 5 g_object_set_data in src/gui" set_data_at_most 5
# The store room: the one place that knows the database engine.  The core's modules and the
# exchange's file readers run statements through store/td-stmt.h and store/td-conn.h.
engine_users() {
  find $src -name '*.[ch]' -not -path "$src/core/store/*" | sort
}
tap_check "only src/core/store speaks to SQLite: no sqlite3_ call, constant or header elsewhere" \
  none 'sqlite3_|SQLITE_|#include <sqlite3\.h>' $(engine_users)
store_headers=$(cd $src/core/store && ls *.h | sed 's/\./\\./g' | paste -sd '|')
tap_check "no window, page, command or drawing includes a store header" \
  none "#include \"($store_headers)\"" $src/gui/*/*.[ch] $src/cli/*.[ch] $src/*.c $src/viewer/*.[ch] \
       $src/documents/*.[ch] $src/charts/*.[ch] $src/demo/*.[ch]
tap_check "no circle of includes between the parts of src/ (tests/include-cycles.py)" \
  python3 "$(dirname "$0")/include-cycles.py" "$1"
tap_done
