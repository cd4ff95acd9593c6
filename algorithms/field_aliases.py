"""Field aliases of the algorithms' outputs: on the layer, in the user's language, not on the sink.

The file writer of QGIS 3.40 (GDAL 3.6) stores neither field aliases nor comments, and warns
once per field ("co_ppm: Aliases are not supported by GeoPackage"): dozens of English lines in
every run's log that say nothing to a geologist. So the sink's fields carry none
(``split_aliases``), and ``apply_aliases`` puts them on the layer QGIS loads (a post-processor)
and, for a GeoPackage, stores them as the file's default style, which QGIS reads on opening it.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsVectorLayer,
)

# Processing keeps only a C++ pointer to a post-processor: the Python objects must live on.
_KEEP_ALIVE: list[QgsProcessingLayerPostProcessorInterface] = []


def split_aliases(fields: QgsFields) -> tuple[QgsFields, dict[str, str]]:
    """(the fields without aliases and comments, for the sink; ``{name: alias}`` for the layer)."""
    plain, aliases = QgsFields(), {}
    for i in range(fields.count()):
        field = QgsField(fields.at(i))
        if field.alias():
            aliases[field.name()] = field.alias()
        field.setAlias("")
        field.setComment("")
        plain.append(field)
    return plain, aliases


def set_aliases(layer: QgsVectorLayer, aliases: dict[str, str]) -> None:
    for name, alias in aliases.items():
        index = layer.fields().indexOf(name)
        if index >= 0:
            layer.setFieldAlias(index, alias)


class _AliasSetter(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, aliases: dict[str, str]):
        super().__init__()
        self.aliases = aliases

    def postProcessLayer(self, layer, context, feedback) -> None:
        if isinstance(layer, QgsVectorLayer):
            set_aliases(layer, self.aliases)


def apply_aliases(dest_id: str, aliases: dict[str, str], context: QgsProcessingContext,
                  feedback: QgsProcessingFeedback, tr: Callable[[str], str]) -> None:
    """The aliases on the output ``dest_id``: on the layer loaded into QGIS, and in a GeoPackage's
    default style. Call it after the sink is closed (deleted), so that the file is complete."""
    if not aliases:
        return
    if context.willLoadLayerOnCompletion(dest_id):
        _KEEP_ALIVE.append(_AliasSetter(aliases))
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(_KEEP_ALIVE[-1])
    path = dest_id.split("|", 1)[0]
    if not path.lower().endswith(".gpkg") or not Path(path).is_file():
        return
    layer = QgsVectorLayer(dest_id, "output", "ogr")
    if not layer.isValid():
        return
    set_aliases(layer, aliases)
    message = layer.saveStyleToDatabase("default", "Tailings UNFC: field aliases", True, "")
    if message:
        feedback.pushWarning(tr("Field aliases could not be stored in {0}: {1}").format(path, message))
