#!/usr/bin/env bash
# The README's test command: installs everything (scripts/setup.sh), then runs the whole suite.
# Extra arguments go to pytest, e.g.  scripts/test.sh -k unfc
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh || exit 1
# shellcheck source=scripts/env.sh
source scripts/env.sh
qgis_process plugins enable tailings_unfc >/dev/null 2>&1 || true
python -m pytest "$@"
rc=$?
if [ "$rc" -eq 5 ]; then
  echo "test.sh: pytest collected no tests; that is a failure for this project" >&2
  exit 1
fi
exit "$rc"
