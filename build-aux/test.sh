#!/bin/sh
# Installs what is missing, builds, and runs every test suite.
set -eu
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh
if [ ! -d build ]; then
  meson setup build
fi
meson compile -C build
meson test -C build --print-errorlogs
