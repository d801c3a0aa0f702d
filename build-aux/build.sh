#!/bin/sh
# Installs what is missing and builds into build/. Used by run.sh and test.sh.
set -eu
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh
if [ ! -d build ]; then
  meson setup build
fi
meson compile -C build
