#!/usr/bin/env bash
# Refresh requirements.lock from requirements.txt: resolve in a scratch venv built exactly as
# set-up builds .venv (Debian's /usr/bin/python3, --system-site-packages), then record every pin.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
/usr/bin/python3 -m venv --system-site-packages "$scratch/venv"
"$scratch/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$root/requirements.txt"
"$scratch/venv/bin/python" "$root/scripts/lock.py"
