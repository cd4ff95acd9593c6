"""A screenshot of QGIS desktop with the plugin, a run's styled layer and the results panel,
for docs/images/desktop.png (a manual check of the real window; the tests render offscreen).

Run under a virtual display, with a GeoPackage written by the export or the pipeline
(or with TAILINGS_RUN_OUTPUT=<folder> instead of TAILINGS_GPKG: run the pipeline on the
sample data first, as from the menu, and show what it put on the map):

    source scripts/env.sh && unset QT_QPA_PLATFORM
    TAILINGS_GPKG=/path/run.gpkg QGIS_CUSTOM_CONFIG_PATH=$(mktemp -d) \\
        xvfb-run -a -s "-screen 0 1600x1000x24" qgis --noversioncheck --nologo --code scripts/desktop_screenshot.py
"""
import os

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, loadPlugin, plugins, startPlugin

OUT = os.environ.get("TAILINGS_SCREENSHOT", "docs/images/desktop.png")


def _run_pipeline_on_sample_data():
    """As from the menu: processing.runAndLoadResults goes through Processing's own result
    handling, which puts the run's layers on the map."""
    import processing
    import tailings_unfc

    sample = os.path.join(os.path.dirname(tailings_unfc.__file__), "resources", "sample_data")
    processing.runAndLoadResults("tailingsunfc:pipeline", {
        "DEPOSITS": [os.path.join(sample, "old_tailings.gpkg")],
        "ASSAYS": [os.path.join(sample, "assays_lab.xlsx")],
        "PROXY_ASSAYS": [os.path.join(sample, "pxrf_field.csv")],
        "OUTPUT": os.environ["TAILINGS_RUN_OUTPUT"]})
    return iface.activeLayer()


def _start() -> None:
    loadPlugin("tailings_unfc")
    startPlugin("tailings_unfc")
    iface.mainWindow().resize(1600, 1000)
    if os.environ.get("TAILINGS_RUN_OUTPUT"):
        layer = _run_pipeline_on_sample_data()
    else:
        layer = QgsVectorLayer(f"{os.environ['TAILINGS_GPKG']}|layername=deposits", "UNFC deposits", "ogr")
        QgsProject.instance().addMapLayer(layer)
        iface.setActiveLayer(layer)
    iface.mapCanvas().setExtent(layer.extent().buffered(layer.extent().width() * 0.1))
    plugin = plugins["tailings_unfc"]
    plugin._show_dock()
    plugin.dock.table.selectRow(int(os.environ.get("TAILINGS_ROW", "0")))
    QTimer.singleShot(5000, _shoot)


def _shoot() -> None:
    iface.messageBar().clearWidgets()
    iface.mainWindow().grab().save(OUT)
    QTimer.singleShot(500, iface.actionExit().trigger)


QTimer.singleShot(3000, _start)
