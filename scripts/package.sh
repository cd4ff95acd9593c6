#!/usr/bin/env bash
# Build the installable plugin zip (dist/tailings_unfc-<version>.zip) for
# "Plugins → Manage and Install Plugins → Install from ZIP". Tests, benchmarks, the venv
# and developer scripts are left out; the compiled translation is included.
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
git ls-files -z -- metadata.txt __init__.py plugin.py core algorithms ui resources i18n README.md LICENSE 2>/dev/null |
  xargs -0 -I{} cp --parents {} "$stage/tailings_unfc/"
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
