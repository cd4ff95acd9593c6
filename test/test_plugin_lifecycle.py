"""Plugin entry point: provider and menu come and go cleanly; missing packages are reported."""
from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtWidgets import QAction, QMenu

ROOT = Path(__file__).resolve().parent.parent


def _our_menus(iface) -> list[QMenu]:
    bar = iface.mainWindow().menuBar()
    return [a.menu() for a in bar.actions() if a.menu() is not None and a.menu().objectName() == "tailingsUnfcMenu"]


def _providers() -> list:
    return [p for p in QgsApplication.processingRegistry().providers() if p.id() == "tailingsunfc"]


@pytest.fixture()
def fresh_registry(qgis_app, qgis_processing):
    # Another test module may have registered the provider for the session; start clean.
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("tailingsunfc")
    if existing is not None:
        registry.removeProvider(existing)
    yield registry  # the tailings_provider fixture registers a fresh one for later tests


@pytest.fixture()
def make_plugin(qgis_iface, fresh_registry):
    """classFactory, with every plugin it made unloaded at teardown even if the test fails."""
    from tailings_unfc import classFactory

    made = []

    def make():
        made.append(classFactory(qgis_iface))
        return made[-1]

    yield make
    for plugin in made:
        plugin.unload()


def test_load_unload_load_leaves_one_provider_and_one_menu(qgis_iface, make_plugin):
    plugin = make_plugin()
    plugin.initGui()
    assert len(_providers()) == 1
    menus = _our_menus(qgis_iface)
    assert len(menus) == 1
    algorithm_actions = [a for a in menus[0].actions() if a.data()]
    assert sorted(a.data() for a in algorithm_actions) == sorted(
        ["importdeposits", "importassays", "trainmodel", "estimate", "classify", "export", "checkinputs", "pipeline",
         "factsheets"])
    assert all(a.isEnabled() for a in algorithm_actions)

    plugin.unload()
    assert _providers() == []
    assert _our_menus(qgis_iface) == []

    again = make_plugin()
    again.initGui()
    again.initGui()  # a second initGui (e.g. initProcessing then initGui) must not duplicate
    assert len(_providers()) == 1
    assert len(_our_menus(qgis_iface)) == 1
    algorithm_ids = sorted(a.id() for a in _providers()[0].algorithms())
    assert "tailingsunfc:importdeposits" in algorithm_ids
    again.unload()
    assert _providers() == []


def test_missing_dependency_is_reported_not_raised(qgis_iface, make_plugin, monkeypatch):
    from tailings_unfc.core import dependencies

    fake = ("tailings_unfc_no_such_package", "no-such-package", True)
    monkeypatch.setattr(dependencies, "PACKAGES", (*dependencies.PACKAGES, fake))
    qgis_iface.messageBar().clear_messages()
    logged: list[str] = []
    QgsApplication.messageLog().messageReceived.connect(lambda msg, tag, level: logged.append(msg))

    plugin = make_plugin()
    plugin.initGui()  # must not raise
    critical = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert any("no-such-package" in m and "pip install" in m and "--system-site-packages" in m
               and "OSGeo4W" in m and "setup.sh" not in m for m in critical)
    assert any("no-such-package" in m for m in logged)
    assert _providers() == []
    # The menu is still there, greyed out, so the user sees the plugin and the reason.
    menus = _our_menus(qgis_iface)
    assert len(menus) == 1 and not any(a.isEnabled() for a in menus[0].actions() if a.data())
    # every entry that needs the packages, the results panel included (it imports pandas)
    assert not any(a.isEnabled() for a in menus[0].actions() if not a.isSeparator())
    assert menus[0].findChild(QAction, "tailingsUnfcShowResults") is not None
    plugin.unload()
    assert _our_menus(qgis_iface) == []


def test_metadata_is_complete():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    for key in ("name", "qgisMinimumVersion", "description", "version", "author", "email", "about",
                "tracker", "repository", "tags", "icon", "changelog", "hasProcessingProvider"):
        assert general.get(key, "").strip(), key
    assert general["qgisMinimumVersion"] == "3.34"
    assert general["hasProcessingProvider"] == "yes"
    assert (ROOT / general["icon"]).is_file()
    about = general["about"]
    assert "OSGeo4W" in about and "pip install" in about
    from tailings_unfc.core.dependencies import PACKAGES, install_instructions

    for _module, pip_name, _required in PACKAGES:
        assert f'"{pip_name}"' in about, pip_name  # with its version range
    lines = [line.strip() for line in about.splitlines()]
    assert all(line in lines for line in install_instructions())  # the same commands as the message bar
    assert "setup.sh" not in about  # not in the zip
