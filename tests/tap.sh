# tap.sh: tiny TAP helpers for the shell tests (sourced).
tap_n=0
tap_failed=0
tap_plan() { echo "1..$1"; }
# tap_check "description" command...: one test case from a command's exit status.
tap_check() {
  local what=$1; shift
  local out
  tap_n=$((tap_n + 1))
  if out=$("$@" 2>&1); then
    echo "ok $tap_n - $what"
  else
    echo "not ok $tap_n - $what"
    printf '%s\n' "$out" | sed 's/^/# /'
    tap_failed=1
  fi
}
tap_skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1 # SKIP $2"; }
tap_done() { exit $tap_failed; }
# po_complete FILE: a catalogue with no untranslated or fuzzy entry.
po_complete() {
  local stats
  stats=$(msgfmt --check --statistics -o /dev/null "$1" 2>&1) || { echo "$stats"; return 1; }
  case "$stats" in *untranslated*|*fuzzy*) echo "$stats"; return 1 ;; esac
}
