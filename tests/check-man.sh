#!/bin/sh
# A man page that renders without a warning and describes every command and option the program's
# --help lists. Usage: check-man.sh MANPAGE PROGRAM
set -eu
page=$1
program=$2

warnings=$(groff -k -man -Tutf8 -ww -z "$page" 2>&1 || true)
if [ -n "$warnings" ]; then
  echo "not ok - $page renders with warnings: $warnings"
  exit 1
fi

help=$(LC_ALL=C.UTF-8 "$program" --help)
missing=""
for command in $(printf '%s\n' "$help" | sed -n 's/^  \([a-z][a-z-]*\)  *[A-Z].*/\1/p'); do
  pattern=$(printf '%s' "$command" | sed 's/-/\\\\-/g')
  if ! grep -Eq "^\.B[IR]? *\"?$pattern( |\"|$)" "$page"; then
    missing="$missing $command"
  fi
done
for option in $(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
  [ "$option" = "--help" ] && continue
  pattern=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
  if ! grep -Eq -- "$pattern" "$page"; then
    missing="$missing $option"
  fi
done
if [ -n "$missing" ]; then
  echo "not ok - $page does not describe:$missing"
  exit 1
fi
echo "ok - $page"
