#!/bin/sh
# Installs what is missing, builds, and starts Jiandu on the local database. With a display that
# is the desktop app (which offers sample data itself when the database is empty); without one,
# jiandu-cli prepares the same database, offering sample data, and shows how to use it.
set -eu
cd "$(dirname "$0")/.."

./build-aux/build.sh

cli=build/src/cli/jiandu-cli
app=build/src/app/jiandu
export JIANDU_LOCALEDIR="$(pwd)/build/po"
# The uninstalled app reads its settings schema from the build tree.
export GSETTINGS_SCHEMA_DIR="$(pwd)/build/data"
# This script's own messages are translated like the program's.
export TEXTDOMAIN=jiandu TEXTDOMAINDIR="$JIANDU_LOCALEDIR"
. gettext.sh
db="${JIANDU_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/jiandu/jiandu.db}"
"$cli" --db "$db" init

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" --db "$db" "$@"
fi

if [ "$("$cli" --db "$db" search 案 --limit 1 | wc -l)" -eq 0 ]; then
  answer=y
  if [ -t 0 ]; then
    gettext "The database is empty. Create sample data (a district with 2000 cases)? [Y/n] "
    read -r answer || answer=y
  fi
  case "$answer" in
    n*|N*) ;;
    *) "$cli" --db "$db" sample --cases 2000 ;;
  esac
fi

echo
"$cli" --db "$db" audit verify
echo
gettext "No display: the desktop app needs one (run this from a desktop session)."; echo
eval_gettext "jiandu-cli is ready on \$db. Try:"; echo
echo "  $cli --db \"$db\" search 违法建设"
echo "  $cli --db \"$db\" export --out district.json"
echo "  $cli --help"
