#!/usr/bin/env bash
# test-data.sh: the desktop file, AppStream metainfo, settings schema and Flatpak manifest.
# Usage: test-data.sh SRCDIR BUILDDIR
set -u
. "$(dirname "$0")/tap.sh"
src=$1 build=$2
app=io.github.thidua.ThiDua

tap_plan 6
tap_check "desktop file is valid" desktop-file-validate "$build/data/$app.desktop"
tap_check "metainfo is valid" appstreamcli validate --no-net --explain "$build/data/$app.metainfo.xml"
tap_check "settings schema compiles strictly" glib-compile-schemas --strict --dry-run "$src/data"
tap_check "desktop file is translated to Vietnamese" grep -q '^Comment\[vi\]=' "$build/data/$app.desktop"
manifest_ok() {
  python3 - "$1" "$app" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
assert m["id"] == sys.argv[2], "wrong app id"
assert m["runtime"] == "org.gnome.Platform" and m["sdk"] == "org.gnome.Sdk", "not the GNOME runtime"
assert m["command"] == "thidua"
mods = m["modules"]
assert mods[-1]["name"] == "thidua"
for mod in mods:
    for s in mod.get("sources", []):
        if s.get("type") == "archive":
            assert len(s.get("sha256", "")) == 64, f"{mod['name']}: archive not pinned by sha256"
PY
}
tap_check "flatpak manifest parses, names the app id, pins every archive" manifest_ok "$src/flatpak/$app.json"
tap_check "icons are valid SVG" python3 -c "import sys, xml.dom.minidom as d; [d.parse(f) for f in sys.argv[1:]]" \
  "$src/data/icons/hicolor/scalable/apps/$app.svg" "$src/data/icons/hicolor/symbolic/apps/$app-symbolic.svg"
tap_done
