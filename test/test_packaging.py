"""The plugin zip holds what QGIS needs under tailings_unfc/ and nothing for developers."""
from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_package_zip_layout(tmp_path):
    env = dict(os.environ, DIST_DIR=str(tmp_path))
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "package.sh")], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    zip_path = Path(proc.stdout.strip().splitlines()[-1])
    names = zipfile.ZipFile(zip_path).namelist()
    for needed in ("tailings_unfc/metadata.txt", "tailings_unfc/__init__.py", "tailings_unfc/plugin.py",
                   "tailings_unfc/algorithms/provider.py", "tailings_unfc/i18n/tailings_unfc_nb.qm",
                   "tailings_unfc/resources/icon.svg"):
        assert needed in names
    assert all(n.startswith("tailings_unfc/") for n in names)
    assert not [n for n in names if n.split("/")[1] in ("test", "bench", ".venv", ".build", "scripts")]


def test_lock_file_is_fresh_and_pins_every_package():
    """requirements.lock was made from this requirements.txt and pins each package exactly."""
    import hashlib
    from importlib import metadata

    root = Path(__file__).resolve().parent.parent
    lock = (root / "requirements.lock").read_text().splitlines()
    made_from = next(line.split(": ", 1)[1] for line in lock if line.startswith("# requirements.txt sha256: "))
    assert made_from == hashlib.sha256((root / "requirements.txt").read_bytes()).hexdigest(), \
        "requirements.txt changed since the lock was made: run bash scripts/lock.sh"
    pins = [line for line in lock if line and not line.startswith("#")]
    assert pins and all("==" in line and not line.startswith("-") for line in pins)
    # What set-up installed is what the lock says, system packages included.
    for line in pins + [line.removeprefix("# system: ") for line in lock if line.startswith("# system: ")]:
        name, version = line.split("==")
        assert metadata.version(name) == version, name
