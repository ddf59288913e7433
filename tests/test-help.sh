#!/usr/bin/env bash
# test-help.sh: the Mallard help validates, in English and in Vietnamese.
# Usage: test-help.sh SRCDIR BUILDDIR
set -u
. "$(dirname "$0")/tap.sh"
src=$1 build=$2

pages=$(cd "$src/help/C" && ls *.page)
tap_plan $(( $(echo "$pages" | wc -w) * 2 + 1 ))
for p in $pages; do
  tap_check "help/C/$p validates" yelp-check validate "$src/help/C/$p"
done
for p in $pages; do
  if [ -f "$build/help/vi-$p" ]; then
    tap_check "help/vi/$p validates" yelp-check validate "$build/help/vi-$p"
  else
    tap_check "help/vi/$p was built" false
  fi
done
tap_check "help/vi/vi.po is complete" po_complete "$src/help/vi/vi.po"
tap_done
