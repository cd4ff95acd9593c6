"""Shared fixtures. pytest-qgis starts a headless QgsApplication for the session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same property examples every time (derandomize, no example database), so a
# red CI is reproducible on any machine; a developer's run keeps exploring new examples.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "default")

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = REPO_ROOT / "resources" / "sample_data"


@pytest.fixture(scope="session", autouse=True)
def plugin_enabled_for_qgis_process(qgis_app):
    """pytest-qgis gives the session its own QGIS profile (QGIS_CUSTOM_CONFIG_PATH), which
    ``qgis_process`` subprocesses inherit: enable the plugin there once."""
    import subprocess

    subprocess.run(["qgis_process", "plugins", "enable", "tailings_unfc"], capture_output=True,
                   stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def sample_data() -> Path:
    return SAMPLE_DATA


_LIVE_PROVIDERS: list = []


def _registered_provider():
    from qgis.core import QgsApplication
    from tailings_unfc.algorithms.provider import TailingsUnfcProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("tailingsunfc")
    if existing is not None:
        return existing
    provider = TailingsUnfcProvider()
    assert registry.addProvider(provider)
    # Keep the Python object alive: if it were collected, the registry would hold a bare C++
    # provider whose algorithms lost their Python subclasses.
    _LIVE_PROVIDERS.append(provider)
    return provider


class _LiveProvider:
    """Stands for whichever tailingsunfc provider is registered now.

    The plugin life-cycle tests remove and re-add the provider (and the registry deletes a
    provider it removes), so a session fixture must not hold on to one instance."""

    def __getattr__(self, name):
        return getattr(_registered_provider(), name)


@pytest.fixture(scope="module", autouse=True)
def _provider_restored_after_module():
    """The plugin life-cycle tests unload the plugin, which removes the provider; put it back
    after any module that leaves it gone, so the next module's processing.run() finds it
    whatever the test order (a module fixture may call processing.run before any test)."""
    yield
    if not _LIVE_PROVIDERS:
        return  # no test has asked for the provider yet
    from qgis.core import QgsApplication

    if QgsApplication.processingRegistry().providerById("tailingsunfc") is None:
        _registered_provider()


@pytest.fixture(scope="session")
def tailings_provider(qgis_app, qgis_processing):
    """The plugin's provider, registered in this process's Processing registry."""
    _registered_provider()
    return _LiveProvider()


@pytest.fixture(scope="session")
def norwegian(qgis_app):
    """The Bokmål catalogue, compiled from i18n/*.ts now (so never stale), as a QTranslator
    for a test to install and remove."""
    import subprocess

    from qgis.PyQt.QtCore import QTranslator

    subprocess.run(["bash", str(REPO_ROOT / "scripts" / "build_translations.sh")], check=True, cwd=REPO_ROOT)
    translator = QTranslator()
    assert translator.load(str(REPO_ROOT / "i18n" / "tailings_unfc_nb.qm"))
    return translator


@pytest.fixture(scope="module")
def styled_gpkg(tmp_path_factory):
    """A classified GeoPackage with the plugin's UNFC style (map, dock and screenshot tests)."""
    from map_style_support import write_styled_gpkg

    return write_styled_gpkg(tmp_path_factory.mktemp("styled"))


@pytest.fixture
def styled_layer(styled_gpkg):  # a fresh layer per test: tests select, pytest-qgis may delete layers
    from map_style_support import open_styled_layer

    return open_styled_layer(styled_gpkg)
