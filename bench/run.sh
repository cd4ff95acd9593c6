#!/usr/bin/env bash
# Run every benchmark; each prints figures measured in this run (no pass/fail thresholds).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh >/dev/null
source scripts/env.sh
for b in bench/bench_*.py; do
  echo "== $b"
  python "$b" "$@" || echo "($b failed with status $?)"
done
