#!/bin/sh
# Installs what is missing, builds, and runs every test suite. The app's tests need a display:
# without one the suites run under a virtual X server (Xvfb) and a private D-Bus session.
set -eu
cd "$(dirname "$0")/.."

./build-aux/build.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s '-screen 0 1400x900x24' dbus-run-session -- \
    meson test -C build --print-errorlogs "$@"
fi
meson test -C build --print-errorlogs "$@"
