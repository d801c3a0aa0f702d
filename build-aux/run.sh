#!/bin/sh
# Installs what is missing, builds, opens the local database (offering sample data when it is
# empty) and starts Jiandu. Until the desktop window lands, this is jiandu-cli on that database.
set -eu
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh
if [ ! -d build ]; then
  meson setup build
fi
meson compile -C build

cli=build/src/cli/jiandu-cli
export JIANDU_LOCALEDIR="$(pwd)/build/po"
db="${JIANDU_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/jiandu/jiandu.db}"
"$cli" --db "$db" init

if [ "$("$cli" --db "$db" search 案 --limit 1 | wc -l)" -eq 0 ]; then
  answer=y
  if [ -t 0 ]; then
    printf '%s' "The database is empty. Create sample data (a district with 2000 cases)? [Y/n] "
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
echo "jiandu-cli is ready on $db. Try:"
echo "  $cli --db \"$db\" search 违法建设"
echo "  $cli --db \"$db\" export --out district.json"
echo "  $cli --help"
