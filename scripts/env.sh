# Source me: environment shared by the README commands, the tests and the benchmarks.
# Makes the repository visible to QGIS as the plugin folder "tailings_unfc" (via a symlink in
# .build/plugins) and makes the venv's packages visible to qgis_process and to QGIS's Python.
_tu_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TAILINGS_UNFC_ROOT="$_tu_root"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
mkdir -p "$_tu_root/.build/plugins"
ln -sfn "$_tu_root" "$_tu_root/.build/plugins/tailings_unfc"
export QGIS_PLUGINPATH="$_tu_root/.build/plugins"
_tu_site="$("$_tu_root/.venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
export PYTHONPATH="$_tu_root/.build/plugins:$_tu_site${PYTHONPATH:+:$PYTHONPATH}"
export PATH="$_tu_root/.venv/bin:$PATH"
# Keep QGIS from probing a network that is not there.
export QGIS_NO_OVERRIDE_IMPORT=1
unset _tu_site
