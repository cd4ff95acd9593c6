"""The plugin zip holds what QGIS needs under tailings_unfc/ and nothing for developers; it
installs into a clean QGIS profile and runs there; its install commands name every package
with the version range of requirements.in."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# requirements.in lines the plugin does not need at run time (tests, lint, test fixtures)
DEVELOPER_ONLY = {"pytest", "pytest-qgis", "hypothesis", "ruff", "msoffcrypto-tool", "atheris"}


def _build_zip(folder: Path) -> Path:
    env = dict(os.environ, DIST_DIR=str(folder))
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "package.sh")], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return Path(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory) -> Path:
    return _build_zip(tmp_path_factory.mktemp("dist"))


def test_package_zip_layout(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    for needed in ("tailings_unfc/metadata.txt", "tailings_unfc/__init__.py", "tailings_unfc/plugin.py",
                   "tailings_unfc/algorithms/provider.py", "tailings_unfc/i18n/tailings_unfc_nb.qm",
                   "tailings_unfc/resources/icon.svg", "tailings_unfc/LICENSE",
                   "tailings_unfc/resources/styles/unfc_class_polygon.qml",
                   "tailings_unfc/ui/results_dock.py"):
        assert needed in names
    assert all(n.startswith("tailings_unfc/") for n in names)
    assert not [n for n in names if n.split("/")[1] in ("test", "bench", ".venv", ".build", "scripts", "docs")]
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_license_is_gpl2_or_later():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "SPDX-License-Identifier: GPL-2.0-or-later" in text
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 2, June 1991" in text


def _requirement_name(line: str) -> str:
    return re.split(r"[<>=!~;\[ ]", line, maxsplit=1)[0].strip().lower()


def test_install_commands_pin_what_requirements_pin():
    """core.dependencies (the message bar, metadata.txt) names every run-time requirement of
    requirements.in with exactly its range, and nothing else."""
    from core.dependencies import PACKAGES, pip_arguments

    lines = [line.strip() for line in (ROOT / "requirements.in").read_text().splitlines()]
    runtime = {_requirement_name(line): line.replace(" ", "") for line in lines
               if line and not line.startswith("#") and _requirement_name(line) not in DEVELOPER_ONLY}
    declared = {_requirement_name(pip): pip.replace(" ", "") for _mod, pip, _req in PACKAGES}
    assert declared == runtime
    assert all(f'"{pip}"' in pip_arguments() for pip in runtime.values())


def _clean_profile_env(profile_root: Path) -> dict[str, str]:
    """QGIS with only the unzipped plugin: no QGIS_PLUGINPATH, no repository on PYTHONPATH; the
    venv's site-packages stand for the packages the about text tells the user to install."""
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_PLUGINPATH", "PYTHONPATH")}
    env.update(QGIS_CUSTOM_CONFIG_PATH=str(profile_root), PYTHONPATH=sysconfig.get_paths()["purelib"],
               QT_QPA_PLATFORM="offscreen")
    return env


def test_zip_installs_into_a_clean_profile_and_runs(plugin_zip, tmp_path):
    profile_root = tmp_path / "config"
    plugins = profile_root / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(plugins)  # what "Install from ZIP" does
    env = _clean_profile_env(profile_root)
    run = {"capture_output": True, "text": True, "env": env, "stdin": subprocess.DEVNULL, "timeout": 300}
    enable = subprocess.run(["qgis_process", "plugins", "enable", "tailings_unfc"], **run)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    listed = subprocess.run(["qgis_process", "plugins"], **run)
    assert re.search(r"^\*\s+tailings_unfc\s*$", listed.stdout, re.MULTILINE), listed.stdout
    sample = plugins / "tailings_unfc" / "resources" / "sample_data" / "old_tailings.gpkg"
    proc = subprocess.run(["qgis_process", "--json", "run", "tailingsunfc:importdeposits", "--",
                           f"INPUT={sample}", f"OUTPUT={tmp_path / 'imported.gpkg'}",
                           f"REJECTS={tmp_path / 'rejects.csv'}"], **run)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["N_READ"] > 0 and results["N_ACCEPTED"] == results["N_READ"]
    # a text output reaches qgis_process's JSON as text (a core Message would arrive as null)
    assert isinstance(results["ID_SOURCE"], str) and "field" in results["ID_SOURCE"], results
    assert (tmp_path / "imported.gpkg").stat().st_size > 0
    # The plugin came from the profile, not from the repository checkout.
    where = subprocess.run([sys.executable, "-c", "import tailings_unfc"], **run)
    assert where.returncode != 0


def test_lock_file_is_fresh_and_pins_every_package():
    """The lock, requirements.txt, was made from this requirements.in and pins each package exactly."""
    import hashlib
    from importlib import metadata

    root = Path(__file__).resolve().parent.parent
    lock = (root / "requirements.txt").read_text().splitlines()
    made_from = next(line.split(": ", 1)[1] for line in lock if line.startswith("# requirements.in sha256: "))
    assert made_from == hashlib.sha256((root / "requirements.in").read_bytes()).hexdigest(), \
        "requirements.in changed since the lock was made: run bash scripts/lock.sh"
    pins = [line for line in lock if line and not line.startswith("#")]
    assert pins and all("==" in line and not line.startswith("-") for line in pins)
    # What set-up installed is what the lock says, system packages included.
    for line in pins + [line.removeprefix("# system: ") for line in lock if line.startswith("# system: ")]:
        name, version = line.split("==")
        assert metadata.version(name) == version, name


def test_help_texts_are_self_contained(tailings_provider):
    """A zip user has neither docs/ nor ../shared: help links to the repository's pages."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    repository = parser["general"]["repository"].rstrip("/")
    algorithms = tailings_provider.algorithms()
    assert len(algorithms) >= 8
    for alg in algorithms:
        text, url = alg.shortHelpString(), alg.helpUrl()
        assert "../shared" not in text and "DOMAIN.md" not in text, alg.id()
        assert url.startswith(f"{repository}/blob/main/docs/") and url in text, alg.id()
        assert (ROOT / "docs" / url.rsplit("/docs/", 1)[1]).is_file(), url
        assert text.count("docs/") == text.count("/blob/main/docs/"), alg.id()  # no bare local path
