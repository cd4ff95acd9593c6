#!/usr/bin/env bash
# Build the installable plugin zip (dist/tailings_unfc-<version>.zip) for
# "Plugins → Manage and Install Plugins → Install from ZIP". Tests, benchmarks, the venv
# and developer scripts are left out; the compiled translation and LICENSE are included.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/build_translations.sh
version="$(sed -n 's/^version=//p' metadata.txt)"
dist="${DIST_DIR:-$root/dist}"
mkdir -p "$dist"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/tailings_unfc"
# Tracked and new (not ignored) files of the working tree: what the developer has now.
git ls-files -z --cached --others --exclude-standard -- metadata.txt __init__.py plugin.py qt_translate.py core algorithms ui resources i18n README.md LICENSE |
  while IFS= read -r -d '' f; do
    if [ -e "$f" ]; then cp --parents "$f" "$stage/tailings_unfc/"; fi  # skip files deleted but not committed
  done
cp i18n/*.qm "$stage/tailings_unfc/i18n/"
out="$dist/tailings_unfc-$version.zip"
rm -f "$out.tmp"
(cd "$stage" && python3 -c "
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for base, dirs, files in os.walk('tailings_unfc'):
        dirs.sort()
        for f in sorted(files):
            z.write(os.path.join(base, f))
" "$out.tmp")
mv "$out.tmp" "$out"
echo "$out"
