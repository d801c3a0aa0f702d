#!/bin/sh
# Installs what is missing, builds, opens the local database (offering sample data when it is
# empty) and starts Jiandu. Until the desktop window lands, this is jiandu-cli on that database.
set -eu
cd "$(dirname "$0")/.."

./build-aux/build.sh

cli=build/src/cli/jiandu-cli
export JIANDU_LOCALEDIR="$(pwd)/build/po"
# This script's own messages are translated like the program's.
export TEXTDOMAIN=jiandu TEXTDOMAINDIR="$JIANDU_LOCALEDIR"
. gettext.sh
db="${JIANDU_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/jiandu/jiandu.db}"
"$cli" --db "$db" init

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
eval_gettext "jiandu-cli is ready on \$db. Try:"; echo
echo "  $cli --db \"$db\" search 违法建设"
echo "  $cli --db \"$db\" export --out district.json"
echo "  $cli --help"
