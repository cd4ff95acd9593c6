#!/usr/bin/env bash
# Refresh the lock (requirements.txt, exact pins) from requirements.in (ranges): resolve in a scratch venv built exactly as
# set-up builds .venv (Debian's /usr/bin/python3, --system-site-packages), then record every pin.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
/usr/bin/python3 -m venv --system-site-packages "$scratch/venv"
"$scratch/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$root/requirements.in"
"$scratch/venv/bin/python" "$root/scripts/lock.py"
