#!/usr/bin/env bash
# Compile the Qt Linguist sources in i18n/*.ts into the .qm files the plugin loads.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../i18n"
lrelease_bin="$(command -v lrelease || echo /usr/lib/qt5/bin/lrelease)"
for ts in *.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$lrelease_bin" -silent "$ts" -qm "$qm"
  fi
done
