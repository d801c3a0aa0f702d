#!/bin/sh
# Installs the Debian packages that building, running and testing Jiandu need.
# Idempotent: when every package is present it only checks and returns.
set -eu

PACKAGES="libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsqlite3-dev sqlite3
libsecret-1-dev libargon2-dev meson ninja-build gettext pkg-config gcc clang libclang-rt-14-dev
xvfb xauth dbus-x11 at-spi2-core fonts-noto-cjk imagemagick locales
desktop-file-utils appstream appstream-util libglib2.0-dev-bin groff-base flatpak-builder poppler-utils gnome-keyring"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing missing Debian packages:$missing"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
  fi
  $SUDO apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# The Chinese locale lets the zh_CN translation be seen and tested.
if command -v locale >/dev/null && ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
  fi
  if [ -f /etc/locale.gen ]; then
    $SUDO sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
    $SUDO locale-gen >/dev/null
  fi
fi
