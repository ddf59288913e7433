#!/usr/bin/env python3
"""test-a11y.py: every area of the window as a screen reader meets it, through AT-SPI (issue 16).

The app is started on a sample database, once per area, with GTK's accessibility on; the
accessible tree of its window is walked with pyatspi.  A test fails on
  - a control a keyboard user can reach (focusable and shown) that has no name, and
  - three or more controls of the same role with the same name in one view, which a screen
    reader user cannot tell apart ("Ghi chú" nineteen times instead of "Ghi chú chỉ tiêu 3").
Whether each view can be left with the keyboard is test-keyboard's part (Tab through the form,
focus never caught in a hidden area).  Prints TAP; skips when pyatspi or the AT-SPI bus is not
there (a user's machine without at-spi2-core).

    test-a11y.py APP CLI       (THIDUA_A11Y_DUMP=1 also lists every control found)
"""
import os
import subprocess
import sys
import tempfile
import time

# The tests' fatal warnings are for the app; a warning of the AT-SPI client library about an
# application that went away is not a failure of this walk.
os.environ.pop("G_DEBUG", None)

AREAS = ["self-assessment", "progress", "awards", "evidence"]
# Dialogs, each opened by pressing its button through AT-SPI as a screen reader user would, or
# by the command line: (area, the button's accessible name, the unit, more arguments).
DIALOGS = [("awards", "Draw Up Decision…", "P-KINHBAC", []), ("awards", "New Nomination", "P-KINHBAC", []),
           ("self-assessment", "Import Packages…", "P-KINHBAC", []),
           ("progress", None, "P-KINHBAC", ["--preferences", "general"]),
           ("progress", None, "P-KINHBAC", ["--preferences", "units"]),
           ("progress", None, "P-KINHBAC", ["--preferences", "signatures"]),
           ("progress", None, "P-KINHBAC", ["--preferences", "appraisal"]),
           # The reviewer on half a laptop screen, and the phone: the narrow layouts (issue 32).
           ("awards", None, "P-KINHBAC", ["--screenshot-size", "360x640"]),
           ("evidence", None, "P-KINHBAC", ["--screenshot-size", "360x640"]),
           ("self-assessment", None, "P-TAMSON", ["--screenshot-size", "360x640"]),
           ("awards", None, "P-KINHBAC", ["--screenshot-size", "800x600"])]
CONTROLS = {"button", "push button", "toggle button", "check box", "radio button", "entry", "text", "password text",
            "combo box", "spin button", "slider", "link", "switch", "menu item", "page tab"}


def tap_skip_all(reason):
    print("1..0 # SKIP " + reason)
    sys.exit(0)


try:
    import gi
    gi.require_version("Atspi", "2.0")
    import pyatspi
except Exception as e:  # noqa: BLE001 - any import problem means no AT-SPI here
    tap_skip_all("pyatspi is not installed (%s)" % e)


def find_app(pid, deadline):
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:  # noqa: BLE001 - an application going away mid-walk
                pass
        time.sleep(0.3)
    return None


def walk(node, path, found, visited=None):
    # A control is one control however many ways lead to it: AT-SPI trees can hold cycles (a
    # switch row's child names the row again), and a walk without memory counts it each time.
    visited = set() if visited is None else visited
    key = getattr(node, "path", None) or id(node)
    if key in visited:
        return
    visited.add(key)
    try:
        role = node.getRoleName()
        name = node.name or ""
        states = node.getState()
        showing = states.contains(pyatspi.STATE_SHOWING)
        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        count = node.childCount
    except Exception:  # noqa: BLE001 - a widget destroyed while we look
        return
    if not showing and role not in ("application", "frame", "window"):
        return
    here = path + [role + (" “%s”" % name if name else "")]
    if focusable and role in CONTROLS:
        found.append((role, name.strip(), " › ".join(here[-4:])))
    for i in range(min(count, 2000)):
        try:
            child = node.getChildAtIndex(i)
        except Exception:  # noqa: BLE001
            continue
        if child is not None:
            walk(child, here, found, visited)


def find_control(node, name, depth=0):
    """The first showing push or toggle button named @name under @node."""
    try:
        if node.name == name and node.getRoleName() in ("button", "push button", "toggle button") and \
                node.getState().contains(pyatspi.STATE_SHOWING):
            return node
        count = min(node.childCount, 2000)
    except Exception:  # noqa: BLE001 - a widget going away while we look
        return None
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:  # noqa: BLE001
            continue
        found = find_control(child, name, depth + 1) if child is not None else None
        if found is not None:
            return found
    return None


def check_tree(app, label, problems):
    found = []
    walk(app, [], found)
    if not found:
        problems.append("no control found at all")
    for role, _, where in [f for f in found if not f[1]]:
        problems.append("%s without a name: %s" % (role, where))
    seen = {}
    for role, name, where in found:
        if name:
            seen.setdefault((role, name), []).append(where)
    for (role, name), wheres in sorted(seen.items()):
        if len(wheres) >= 3:
            problems.append("%d× %s “%s” with nothing to tell them apart (e.g. %s)" % (len(wheres), role, name,
                                                                                     wheres[0]))
    print("# %s: %d controls walked" % (label, len(found)))
    if os.environ.get("THIDUA_A11Y_DUMP"):
        for f in found:
            print("#   %s “%s” — %s" % f)


def check_area(app_path, db, area, unit=None, press=None, extra=()):
    env = dict(os.environ)
    for key in ("GTK_A11Y", "NO_AT_BRIDGE"):
        env.pop(key, None)
    env["G_DEBUG"] = ""
    # A ward whose form is still a draft (every field live), and one with evidence and nominations.
    unit = unit or ("P-TAMSON" if area == "self-assessment" else "P-KINHBAC")
    proc = subprocess.Popen([app_path, "--database", db, "--area", area, "--unit", unit] + list(extra), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    problems = []
    try:
        app = find_app(proc.pid, time.time() + 60)
        if app is None:
            return ["the window never appeared on the accessibility bus"]
        time.sleep(2.5)   # the area loads its data and lays itself out
        if press is None:
            check_tree(app, " ".join([area] + list(extra)), problems)
        else:
            button = None
            deadline = time.time() + 30   # a sanitizer build lays the window out slowly
            while button is None and time.time() < deadline:
                button = find_control(app, press)
                if button is None:
                    time.sleep(0.5)
            if button is None:
                return ["no button “%s” in %s" % (press, area)]
            button.queryAction().doAction(0)
            time.sleep(2.0)   # the dialog or menu opens
            check_tree(app, "%s ▸ %s" % (area, press), problems)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return problems


def main():
    app_path, cli = sys.argv[1], sys.argv[2]
    try:
        pyatspi.Registry.getDesktop(0).childCount
    except Exception as e:  # noqa: BLE001
        tap_skip_all("no AT-SPI bus (%s)" % e)
    with tempfile.TemporaryDirectory(prefix="thidua-a11y-") as tmp:
        db = os.path.join(tmp, "sample.db")
        subprocess.run([cli, "--database", db, "init", "--demo"], check=True, stdout=subprocess.DEVNULL)
        cases = [(area, None, None, []) for area in AREAS] + DIALOGS
        print("1..%d" % len(cases))
        failed = False
        for n, (area, press, unit, extra) in enumerate(cases, 1):
            label = " ".join([area] + extra) if press is None else "%s ▸ %s" % (area, press)
            problems = check_area(app_path, db, area, unit, press, extra)
            if problems:
                failed = True
                print("not ok %d - %s" % (n, label))
                for p in problems:
                    print("# " + p)
            else:
                print("ok %d - %s: every control named, none repeated without context" % (n, label))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
