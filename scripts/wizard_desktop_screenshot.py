"""The run wizard in real QGIS desktop, driven as a geologist would use it, for
docs/images/wizard_desktop.png (a manual check of the real window; the tests use an
offscreen QgsApplication and pytest-qgis' interface).

Menu *Tailings UNFC → Run wizard…*; the sample deposits loaded in the project; the sample
assays; the pre-flight; the run into the default run folder; then, in the results panel
that opened, two deposits selected and *Factsheets (PDF)…*. What happened at each step goes
to ``<out>/wizard_desktop.json``. Run under a virtual display:

    source scripts/env.sh && unset QT_QPA_PLATFORM
    TAILINGS_WIZARD_OUT=$(mktemp -d) QGIS_CUSTOM_CONFIG_PATH=$(mktemp -d) \\
        xvfb-run -a -s "-screen 0 1600x1000x24" qgis --noversioncheck --nologo \\
        --code scripts/wizard_desktop_screenshot.py
"""
import json
import os
import time
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction
from qgis.utils import iface, loadPlugin, plugins, startPlugin

OUT = Path(os.environ.get("TAILINGS_WIZARD_OUT", "."))
SHOT = os.environ.get("TAILINGS_SCREENSHOT", "docs/images/wizard_desktop.png")
STEPS: dict = {}


def _note(key, value) -> None:
    STEPS[key] = value
    (OUT / "wizard_desktop.json").write_text(json.dumps(STEPS, indent=1, ensure_ascii=False, default=str))


def _when(ready, then, timeout=600.0, since=None) -> None:
    since = since or time.monotonic()
    if ready():
        then()
    elif time.monotonic() - since > timeout:
        _note("timed_out_before", then.__name__)
        os._exit(1)
    else:
        QTimer.singleShot(200, lambda: _when(ready, then, timeout, since))


def _plugin():
    return plugins["tailings_unfc"]


def _start() -> None:
    import tailings_unfc  # started by `qgis --code`, this file has no __file__: the sample data comes from the plugin

    sample = Path(tailings_unfc.__file__).resolve().parent / "resources" / "sample_data"
    STEPS["sample"] = str(sample)
    QgsProject.instance().setPresetHomePath(str(OUT / "project"))  # the run folder goes under it
    loadPlugin("tailings_unfc")
    startPlugin("tailings_unfc")
    iface.mainWindow().resize(1600, 1000)
    layer = iface.addVectorLayer(f"{sample / 'old_tailings.gpkg'}|layername=avgangsdeponi", "Avgangsdeponi", "ogr")
    _note("input_layer", layer.id())
    menu = next(a.menu() for a in iface.mainWindow().menuBar().actions()
                if a.menu() is not None and a.menu().objectName() == "tailingsUnfcMenu")
    action = menu.findChild(QAction, "tailingsUnfcRunWizard")
    _note("menu_entry", [action.text(), action.isEnabled()])
    action.trigger()
    wizard = _plugin().wizard
    _note("deposits", wizard.deposits_page.deposits())
    wizard.assays_page.set_files([str(sample / "assays_lab.xlsx")], [str(sample / "pxrf_field.csv")])
    for _page in range(3):
        wizard.next()
    _when(wizard.checks_page.isComplete, _checked)


def _checked() -> None:
    wizard = _plugin().wizard
    _note("checks", wizard.checks_page.status.text())
    wizard.next()
    _note("run_folder", str(wizard.run_page.folder()))
    wizard.run_page.start()
    _when(lambda: not wizard.run_page.run.running, _ran)


def _ran() -> None:
    wizard, plugin = _plugin().wizard, _plugin()
    _note("run", wizard.run_page.status.text())
    _note("groups", [g.name() for g in QgsProject.instance().layerTreeRoot().findGroups()])
    _note("panel_layer", plugin.dock.layer.name() if plugin.dock and plugin.dock.layer else None)
    wizard.accept()
    plugin.dock.layer.selectByIds(plugin.dock.deposits["_fid"].iloc[[0, 3]].tolist())
    plugin.dock.export_factsheets()
    _when(lambda: plugin.dock.factsheet_result is not None, _factsheets_done)


def _factsheets_done() -> None:
    dock = _plugin().dock
    _note("factsheets", dock.factsheet_result.paths)
    bar = iface.messageBar()
    for item in list(bar.items()):  # QGIS's own notes (task finished, fonts) are not ours to show
        if item.text() and "factsheets" not in item.text():
            bar.popWidget(item)
    root = QgsProject.instance().layerTreeRoot()
    root.findLayer(STEPS["input_layer"]).setItemVisibilityChecked(False)
    iface.layerTreeView().collapseAllNodes()
    root.findGroups()[0].setExpanded(True)
    iface.mapCanvas().setExtent(dock.layer.extent().buffered(20_000))
    dock.tabs.setCurrentIndex(1)  # the UNFC matrix
    QTimer.singleShot(3000, _shoot)


def _shoot() -> None:
    iface.mainWindow().grab().save(SHOT)
    _note("screenshot", SHOT)
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(500, lambda: os._exit(0))  # no "save the project?" question


QTimer.singleShot(3000, _start)
