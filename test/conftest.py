"""Shared fixtures. pytest-qgis starts a headless QgsApplication for the session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = REPO_ROOT / "resources" / "sample_data"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def sample_data() -> Path:
    return SAMPLE_DATA


@pytest.fixture(scope="session")
def tailings_provider(qgis_app, qgis_processing):
    """The plugin's provider registered in this process's Processing registry."""
    from qgis.core import QgsApplication
    from tailings_unfc.algorithms.provider import TailingsUnfcProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("tailingsunfc")
    if existing is not None:
        return existing
    provider = TailingsUnfcProvider()
    assert registry.addProvider(provider)
    return provider


