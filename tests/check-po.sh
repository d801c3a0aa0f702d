#!/bin/sh
# The zh_CN catalogue translates every message the sources hold now, with nothing fuzzy: the
# messages are extracted afresh from po/POTFILES.in and compared with msgcmp.
# Usage: check-po.sh SOURCE_ROOT
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

msgfmt --check -o /dev/null "$root/po/zh_CN.po"
# Every source with a translatable string is listed, or its messages would escape the check.
unlisted=""
for file in $(cd "$root" && grep -l -E '_\("|N_\("|g_dngettext|translatable="yes"' \
                src/*/*.c src/core/sync/*.c ui/*.ui 2>/dev/null); do
  grep -qx "$file" "$root/po/POTFILES.in" || unlisted="$unlisted $file"
done
if [ -n "$unlisted" ]; then
  echo "not ok - not in po/POTFILES.in:$unlisted"
  exit 1
fi
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
