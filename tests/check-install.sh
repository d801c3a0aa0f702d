#!/bin/sh
# meson install into a temporary DESTDIR puts every file where the freedesktop specifications
# (desktop entry, AppStream, icon theme, GSettings, gettext, man, systemd) say, and nothing
# outside the prefix.
# Usage: check-install.sh BUILD_ROOT PREFIX BINDIR DATADIR MANDIR LOCALEDIR UNITDIR APP_ID SERVER
# (the directories absolute, as meson.build computes them; SERVER is true or false)
set -eu
build=$1 prefix=$2 bindir=$3 datadir=$4 mandir=$5 localedir=$6 unitdir=$7 app_id=$8 server=$9

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --no-rebuild --quiet --destdir "$dest" > "$dest.log" 2>&1 || {
  cat "$dest.log"; rm -f "$dest.log"; echo "not ok - meson install failed"; exit 1; }
rm -f "$dest.log"

expected="$bindir/jiandu
$bindir/jiandu-cli
$datadir/applications/$app_id.desktop
$datadir/metainfo/$app_id.metainfo.xml
$datadir/icons/hicolor/scalable/apps/$app_id.svg
$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
$datadir/glib-2.0/schemas/$app_id.gschema.xml
$mandir/man1/jiandu-cli.1
$localedir/zh_CN/LC_MESSAGES/jiandu.mo"
if [ "$server" = true ]; then
  expected="$expected
$bindir/jiandu-server
$mandir/man1/jiandu-server.1
$unitdir/jiandu-server.service
$datadir/doc/jiandu/examples/jiandu-server.conf"
fi

status=0
n=0
for file in $expected; do
  n=$((n + 1))
  if [ -f "$dest$file" ]; then
    echo "ok $n - $file"
  else
    echo "not ok $n - $file is missing"
    status=1
  fi
done
for program in jiandu jiandu-cli; do
  n=$((n + 1))
  if [ -x "$dest$bindir/$program" ]; then
    echo "ok $n - $program is executable"
  else
    echo "not ok $n - $bindir/$program is not executable"
    status=1
  fi
done

# Every installed file is one of the above: none outside the prefix, none anywhere else.
n=$((n + 1))
stray=$(cd "$dest" && find . -type f -o -type l | sed 's/^\.//' | sort |
        while read -r file; do
          echo "$expected" | grep -qxF "$file" || echo "$file"
        done)
if [ -z "$stray" ]; then
  echo "ok $n - nothing else is installed"
else
  echo "not ok $n - installed where nothing was expected:"
  echo "$stray" | sed 's/^/#   /'
  status=1
fi
n=$((n + 1))
outside=$(cd "$dest" && find . -type f -o -type l | sed 's/^\.//' | grep -v "^$prefix/" || true)
if [ -z "$outside" ]; then
  echo "ok $n - everything is under $prefix"
else
  echo "not ok $n - outside the prefix $prefix:"
  echo "$outside" | sed 's/^/#   /'
  status=1
fi

# The installed desktop entry starts the installed program under the installed icon.
n=$((n + 1))
desktop="$dest$datadir/applications/$app_id.desktop"
if [ -f "$desktop" ] && grep -qx "Exec=jiandu" "$desktop" && grep -qx "Icon=$app_id" "$desktop"; then
  echo "ok $n - the desktop entry runs jiandu with the icon $app_id"
else
  echo "not ok $n - the desktop entry lacks Exec=jiandu or Icon=$app_id"
  status=1
fi
n=$((n + 1))
metainfo="$dest$datadir/metainfo/$app_id.metainfo.xml"
if [ -f "$metainfo" ] && grep -q "<id>$app_id</id>" "$metainfo" &&
   grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"; then
  echo "ok $n - the metainfo names $app_id and launches $app_id.desktop"
else
  echo "not ok $n - the metainfo does not name $app_id or its desktop entry"
  status=1
fi
echo "1..$n"
exit $status
