#!/usr/bin/env python3
"""The Flatpak manifest against meson.build and meson_options.txt.

It cannot be built here without the GNOME runtime, so this checks what can go wrong without
one: flatpak-builder reads it (when installed); its app ID and command are the project's; it
asks for the sandbox holes the app needs and no others; the options it gives meson exist and
configure the project; and every library the app then needs is in the runtime or built by a
module of the manifest, with no module nothing needs.

Usage: check-flatpak.py MANIFEST MESON SOURCE_ROOT APP_ID COMMAND
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

# What the GNOME runtime (org.gnome.Platform 45) provides, by pkg-config name.
RUNTIME = {
    "glib-2.0", "gio-2.0", "gio-unix-2.0", "gobject-2.0", "gmodule-2.0", "json-glib-1.0",
    "sqlite3", "libsoup-3.0", "libsecret-1", "gtk4", "libadwaita-1", "threads",
}
FINISH_ARGS = {
    "--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11",
    "--device=dri", "--talk-name=org.freedesktop.secrets",
}

failures = 0
count = 0


def check(ok, what):
    global failures, count
    count += 1
    print(("ok" if ok else "not ok") + f" {count} - {what}")
    if not ok:
        failures += 1


def main():
    manifest_path, meson, source_root, app_id, command = sys.argv[1:6]

    builder = shutil.which("flatpak-builder")
    if builder:
        # In a temporary folder: flatpak-builder leaves its state folder where it runs.
        with tempfile.TemporaryDirectory() as cwd:
            shown = subprocess.run([builder, "--show-manifest", os.path.abspath(manifest_path)],
                                   capture_output=True, text=True, cwd=cwd)
        check(shown.returncode == 0, "flatpak-builder --show-manifest reads the manifest")
        if shown.returncode != 0:
            print("# " + shown.stderr.replace("\n", "\n# "))
            return
        manifest = json.loads(shown.stdout)
    else:
        print("# flatpak-builder is not installed: reading the manifest as JSON")
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)

    check(manifest.get("id", manifest.get("app-id")) == app_id, f"the app ID is {app_id}")
    check(manifest.get("command") == command, f"the command is {command}")
    check(manifest.get("runtime") == "org.gnome.Platform"
          and manifest.get("sdk") == "org.gnome.Sdk", "the runtime is GNOME's")
    args = set(manifest.get("finish-args", []))
    check(args == FINISH_ARGS,
          "finish-args are the ones the app needs, no more (extra: %s, missing: %s)"
          % (sorted(args - FINISH_ARGS), sorted(FINISH_ARGS - args)))
    check(not any(a.startswith("--filesystem") for a in args),
          "no file system access beyond the file chooser portal")

    modules = manifest.get("modules", [])
    check(len(modules) > 0 and modules[-1].get("name") == "jiandu",
          "the last module is jiandu")
    if not modules or modules[-1].get("name") != "jiandu":
        return
    jiandu = modules[-1]
    check(jiandu.get("buildsystem") == "meson", "jiandu is built with meson")
    sources = jiandu.get("sources", [])
    manifest_dir = os.path.dirname(os.path.abspath(manifest_path))
    check(len(sources) == 1 and sources[0].get("type") == "dir"
          and os.path.realpath(os.path.join(manifest_dir, sources[0].get("path", "")))
          == os.path.realpath(source_root),
          "jiandu's source is this source tree")

    # Configure the project with the manifest's options, as flatpak-builder would.
    opts = jiandu.get("config-opts", [])
    check(all(o.startswith("-D") for o in opts), "config-opts are meson -D options")
    check("-Dserver=false" in opts, "the desktop app's Flatpak leaves jiandu-server out")
    with tempfile.TemporaryDirectory() as build:
        setup = subprocess.run([meson, "setup", build, source_root] + opts,
                               capture_output=True, text=True)
        check(setup.returncode == 0, "meson setup accepts config-opts " + " ".join(opts))
        if setup.returncode != 0:
            print("# " + (setup.stdout + setup.stderr).replace("\n", "\n# "))
            return
        intro = subprocess.run([meson, "introspect", "--dependencies", "--buildoptions", build],
                               capture_output=True, text=True, check=True)
        info = json.loads(intro.stdout)

    options = {o["name"]: o for o in info["buildoptions"]}
    for opt in opts:
        name, _, value = opt[2:].partition("=")
        o = options.get(name)
        check(o is not None and str(o["value"]).lower() == value.lower(),
              f"option {name} is {value} in the configured project")

    needed = {d["name"] for d in info["dependencies"]}
    built = {m["name"] for m in modules[:-1]}
    missing = needed - RUNTIME - built
    check(not missing, "every library the app needs is in the runtime or a module (missing: %s)"
          % sorted(missing))
    unneeded = built - needed
    check(not unneeded, "every module is needed (unneeded: %s)" % sorted(unneeded))


main()
print(f"1..{count}")
sys.exit(1 if failures else 0)
