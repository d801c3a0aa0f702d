#!/bin/sh
# A man page that renders without a warning and describes every command the program lists.
# Usage: check-man.sh MANPAGE PROGRAM
set -eu
page=$1
program=$2

warnings=$(groff -k -man -Tutf8 -ww -z "$page" 2>&1 || true)
if [ -n "$warnings" ]; then
  echo "not ok - $page renders with warnings: $warnings"
  exit 1
fi

missing=""
for command in $(LC_ALL=C.UTF-8 "$program" --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do
  pattern=$(printf '%s' "$command" | sed 's/-/\\\\-/g')
  if ! grep -Eq "^\.B[IR]? *\"?$pattern( |\"|$)" "$page"; then
    missing="$missing $command"
  fi
done
if [ -n "$missing" ]; then
  echo "not ok - $page does not describe:$missing"
  exit 1
fi
echo "ok - $page"
