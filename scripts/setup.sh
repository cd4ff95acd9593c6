#!/usr/bin/env bash
# One-command, idempotent set-up on Debian bookworm (root or sudo):
#   QGIS 3.40 LTR + qgis-server from bookworm-backports, PostgreSQL + PostGIS, GDAL utils,
#   and a venv (.venv) on /usr/bin/python3 with --system-site-packages for the Python deps.
# A second run checks and changes nothing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

need_apt=0
for p in qgis python3-qgis qgis-server python3-gdal gdal-bin python3-numpy python3-scipy python3-matplotlib postgresql postgis postgresql-15-postgis-3 python3-venv qttools5-dev-tools poppler-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt=1
done
mkdir -p "$here/.build"
apt_log="$here/.build/setup-apt.log"
apt_quiet() {  # full apt output to a log; only a failure prints (the end of) it
  if ! "$@" >>"$apt_log" 2>&1; then
    echo "setup: '$*' failed; last lines of $apt_log:" >&2; tail -n 30 "$apt_log" >&2; exit 1
  fi
}
if [ "$need_apt" = 1 ]; then
  echo "setup: installing QGIS 3.40 (bookworm-backports), PostgreSQL/PostGIS and tools (log: $apt_log)"
  if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "deb http://deb.debian.org/debian bookworm-backports main" |
      $SUDO tee /etc/apt/sources.list.d/bookworm-backports.list >/dev/null
  fi
  apt_quiet $SUDO apt-get update
  apt_quiet $SUDO apt-get install -y --no-install-recommends -t bookworm-backports \
    qgis python3-qgis qgis-server python3-gdal gdal-bin
  apt_quiet $SUDO apt-get install -y --no-install-recommends python3-numpy python3-scipy python3-matplotlib
  apt_quiet $SUDO apt-get install -y --no-install-recommends postgresql postgis postgresql-15-postgis-3 python3-venv \
    python3-pip qttools5-dev-tools poppler-utils
fi

venv="$here/.venv"
# A PYTHONPATH from the caller's shell (another checkout's env.sh, a QGIS set-up) would let pip
# count that folder's packages as installed and skip them: set-up sees only the venv and Debian.
unset PYTHONPATH
if [ ! -x "$venv/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$venv"
fi
# Exact pins from the lock, requirements.txt (requirements.in is the human-edited source of
# ranges; refresh the lock with scripts/lock.sh). --no-deps: the lock already lists every transitive package.
stamp="$venv/.requirements.sha256"
want="$(sha256sum requirements.txt | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing Python packages into $venv (requirements.txt)"
  pip_log="$here/.build/setup-pip.log"
  if ! "$venv/bin/python" -m pip install --disable-pip-version-check --no-deps -r requirements.txt >"$pip_log" 2>&1; then
    echo "setup: pip install failed; last lines of $pip_log:" >&2; tail -n 30 "$pip_log" >&2; exit 1
  fi
  echo "$want" > "$stamp"
fi
"$venv/bin/python" scripts/check_lock.py
"$venv/bin/python" -c "import qgis.core, numpy, pandas, sklearn, openpyxl, python_calamine, skops" \
  || { echo "setup: the venv cannot import its packages" >&2; exit 1; }
bash scripts/build_translations.sh
echo "setup: ok (venv: $venv)"
