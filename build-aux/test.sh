#!/bin/sh
# Installs what is missing, builds, and runs every test suite.
set -eu
cd "$(dirname "$0")/.."

./build-aux/build.sh
meson test -C build --print-errorlogs
