"""Put a pipeline run's results on the map: its deposits (styled) and quantities, in a
layer-tree group named after the run.

Processing loads ``context.layersToLoadOnCompletion()`` once the algorithm has finished in a
dialog, batch or the modeler (its own ``handleAlgorithmResults``), so this only queues the
layers; ``qgis_process`` ignores the queue. The group comes from ``LayerDetails.groupName``
and the UNFC style from the layer's default style in ``layer_styles``; a post-processor
re-applies it, because Processing may load a user-configured default style over it.
"""
from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from qgis.core import QgsProcessingContext, QgsProcessingLayerPostProcessorInterface, QgsProcessingUtils

from ..core.export.tables import TableNames
from ..qt_translate import tr
from .legend_labels import translate_class_legend

# Processing keeps only a C++ pointer to a post-processor: the Python objects live here
# until the run's layers are loaded (a handful per run, small).
_KEEP_ALIVE: list[QgsProcessingLayerPostProcessorInterface] = []




class _DefaultStyle(QgsProcessingLayerPostProcessorInterface):
    def postProcessLayer(self, layer, context, feedback):
        _message, ok = layer.loadDefaultStyle()
        if not ok:
            feedback.pushWarning(tr("No UNFC style stored with {0}").format(layer.source()))
        translate_class_legend(layer)


def run_label(geopackage: Path) -> str:
    """The run's id from the GeoPackage's ``export_runs`` table (latest export), else the file name."""
    names = TableNames.with_prefix("")
    with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(
            f"file:{geopackage}?mode=ro", uri=True)) as connection:
        row = connection.execute(f'SELECT run_id FROM "{names.runs}" ORDER BY exported_at DESC LIMIT 1').fetchone()
        if row and row[0]:
            return str(row[0])
    return geopackage.stem


def group_name(geopackage: Path) -> str:
    return tr("Tailings UNFC run {0}").format(run_label(geopackage))


def queue_results(context: QgsProcessingContext, geopackage: Path) -> str:
    """Queue the run's deposits and quantities for loading; returns the group name."""
    names = TableNames.with_prefix("")
    group = group_name(geopackage)
    # Processing adds the layers in sort-key order, each on top of the group, and QGIS's layer
    # tree makes the last one added current: the deposits, so the results panel shows them.
    # Sort keys start at 1, as Processing ignores 0.
    for sort_key, (table, title) in enumerate(((names.quantities, tr("UNFC quantities")),
                                               (names.deposits, tr("UNFC deposits"))), start=1):
        details = QgsProcessingContext.LayerDetails(title, context.project(), title)
        details.groupName = group
        details.layerSortKey = sort_key
        details.layerTypeHint = QgsProcessingUtils.LayerHint.Vector
        if table == names.deposits:
            post = _DefaultStyle()
            _KEEP_ALIVE.append(post)
            details.setPostProcessor(post)
        # A source string, not a layer: Processing opens it in the main thread once the
        # algorithm (which may run in a worker thread) has finished.
        context.addLayerToLoadOnCompletion(f"{geopackage}|layername={table}", details)
    return group
