#!/usr/bin/env bash
# The README's main-job command: set-up, then the whole pipeline on the bundled sample data
# through qgis_process. Usage: scripts/run_sample.sh [output folder] (default: output/sample_run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
# Enable once per QGIS profile ("already enabled" is not an error), then check QGIS sees it.
qgis_process plugins enable tailings_unfc >/dev/null 2>&1 || true
if ! qgis_process list 2>/dev/null | grep -q "tailingsunfc:pipeline"; then
  echo "run_sample: qgis_process does not see the tailingsunfc provider; see 'qgis_process plugins'" >&2
  exit 1
fi
out="$(realpath -m "${1:-output/sample_run}")"
mkdir -p "$out"
data="$root/resources/sample_data"
log="$out/pipeline.log"
echo "Running tailingsunfc:pipeline on the bundled (synthetic) sample data; log: $log"
if ! qgis_process run tailingsunfc:pipeline \
      --DEPOSITS="$data/old_tailings.gpkg|layername=avgangsdeponi" \
      --ASSAYS="$data/assays_lab.xlsx" --PROXY_ASSAYS="$data/pxrf_field.csv" \
      --OUTPUT="$out" >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "run_sample: the pipeline failed (full log: $log)" >&2
  exit 1
fi
# The NGU registry points (importance classes) are imported beside it, for the map.
qgis_process run tailingsunfc:importdeposits \
  --INPUT="$data/ngu_mineral_deposits.gpkg|layername=malmforekomst" \
  --OUTPUT="$out/ngu_deposits.gpkg" --REJECTS="$out/rejects/ngu_deposits.csv" >>"$log" 2>&1
grep -E "read = |GeoPackage:|Summary workbook:|Model report:|Rejected rows:" "$log" || true
echo
echo "Results in $out:"
ls -1 "$out" "$out/models" 2>/dev/null | sed 's/^/  /'
