#!/usr/bin/env bash
# test-main-thread.sh: the window opens on every area without a query on the main thread once
# its first frame is painted (issue 28): what it shows is read before that frame or by the
# database's session on a worker.  Each state is started with THIDUA_DEBUG_QUERIES=count,
# which prints at exit every statement the main thread ran after the first frame (listed
# below a failing case); abort mode would stop at the first.
# Usage: test-main-thread.sh APP CLI
set -u
. "$(dirname "$0")/tap.sh"
app=$1
cli=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# The app's own fatal warnings stay on: a warning is a failure here too.

"$cli" --database "$dir/demo.db" init --demo > /dev/null || { echo "Bail out! the sample province could not be made"; exit 1; }

# quiet AREA [ARGS...]: the app opened on AREA of the sample province, its picture taken, and
# "main-thread queries after the first frame: 0" at exit.
quiet() {
  local area=$1; shift
  local out
  out=$(THIDUA_DEBUG_QUERIES=count "$app" --database "$dir/demo.db" --area "$area" \
          --screenshot "$dir/$area.png" "$@" 2>&1) || { echo "$out"; return 1; }
  [ -s "$dir/$area.png" ] || { echo "no picture was taken"; echo "$out"; return 1; }
  echo "$out" | grep -q '^main-thread queries after the first frame: 0 ' || { echo "$out" | grep -A40 'main-thread queries'; return 1; }
}

tap_plan 6
for area in self-assessment progress awards evidence; do
  tap_check "$area: no query on the main thread after the first frame" quiet "$area"
done
tap_check "another unit's self-assessment at 360 px" quiet self-assessment --unit P-TAMSON --screenshot-size 360x640
tap_check "the reviewer's evidence list at 800 px" quiet evidence --screenshot-size 800x600
tap_done
