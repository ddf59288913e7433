#!/usr/bin/env bash
# test-po.sh: every translation complete and well-formed, and every source file with
# translatable strings listed in POTFILES.in.
# Usage: test-po.sh SRCDIR
set -u
. "$(dirname "$0")/tap.sh"
src=$1

listed() {
  local missing=0 f
  for f in $(cd "$src" && grep -l -E '_\(|N_\(' src/*/*.c src/*.c ui/*.blp 2>/dev/null); do
    grep -qx "$f" "$src/po/POTFILES.in" || { echo "not in POTFILES.in: $f"; missing=1; }
  done
  return $missing
}
up_to_date() {
  # Every msgid in the sources is in vi.po: a string added to the code without a translation
  # shows up here.
  local tmp
  tmp=$(mktemp -d)
  (cd "$src" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dngettext:2,3 --add-comments=Translators -o "$tmp/thidua.pot" -f po/POTFILES.in 2>/dev/null)
  msgmerge -q --no-fuzzy-matching -o "$tmp/vi.po" "$src/po/vi.po" "$tmp/thidua.pot" &&
    po_complete "$tmp/vi.po"
  local rc=$?
  rm -rf "$tmp"
  return $rc
}

tap_plan 3
tap_check "po/vi.po is complete (no untranslated or fuzzy entries)" po_complete "$src/po/vi.po"
tap_check "every file with translatable strings is in POTFILES.in" listed
tap_check "po/vi.po covers every string in the sources" up_to_date
tap_done
