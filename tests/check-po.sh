#!/bin/sh
# The zh_CN catalogue translates every message the sources hold now, with nothing fuzzy: the
# messages are extracted afresh from po/POTFILES.in and compared with msgcmp.
# Usage: check-po.sh SOURCE_ROOT
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

msgfmt --check -o /dev/null "$root/po/zh_CN.po"
( cd "$root" && xgettext --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    -f po/POTFILES.in -o "$tmp/current.pot" )
if ! msgcmp "$root/po/zh_CN.po" "$tmp/current.pot" 2> "$tmp/missing"; then
  echo "not ok - po/zh_CN.po lacks translations (run: meson compile -C build jiandu-update-po):"
  head -20 "$tmp/missing"
  exit 1
fi
echo "ok - po/zh_CN.po translates every message ($(msgfmt --statistics -o /dev/null "$root/po/zh_CN.po" 2>&1))"
