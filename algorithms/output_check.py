"""Read back every file a Processing sink wrote, and fail loudly when it cannot be read.

QGIS writes sink outputs itself, through the OGR provider. On a full disk or a folder that
turns read-only mid-run, the features may go nowhere while the algorithm still returns its
counts; the user then finds a GeoPackage that does not open. Opening each output with OGR
after the sink is closed catches that for every algorithm in one place.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from osgeo import gdal
from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorDestination,
)

from ..qt_translate import tr

_LAYER_DESTINATIONS = (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)


def _file_and_layer(dest: str) -> tuple[str, str | None]:
    path, _, options = dest.partition("|")
    layer = None
    for part in options.split("|"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "layername":
            layer = value.strip()
    return path, layer


def _problem(path: str, layer: str | None) -> str | None:
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # the message goes into our exception instead
    try:
        try:  # with gdal.UseExceptions() (set by some libraries) a failed open raises
            ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
        except RuntimeError as err:
            return str(err)
        if ds is None:
            return gdal.GetLastErrorMsg() or tr("OGR cannot open it")
        lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
        if lyr is None:
            return tr("it has no layer {0!r}").format(layer) if layer else tr("it has no layer")
        if lyr.GetFeatureCount() < 0:
            return tr("its features cannot be counted")
        return None
    finally:
        gdal.PopErrorHandler()


def check_written_outputs(alg: QgsProcessingAlgorithm, results: dict[str, Any] | None) -> None:
    for output in alg.outputDefinitions():
        if not isinstance(output, QgsProcessingOutputVectorLayer):
            continue
        dest = (results or {}).get(output.name())
        if not isinstance(dest, str) or not dest:
            continue
        path, layer = _file_and_layer(dest)
        if not os.path.isfile(path):  # memory layers and database URIs: nothing on disk to read
            continue
        problem = _problem(path, layer)
        if problem:
            raise QgsProcessingException(tr(
                "The output {0} was written to {1}, but it cannot be read back: {2}. Is the disk full or the "
                "folder read-only? Free space or choose another folder and run again.").format(
                output.name(), path, problem))


def _destination(alg: QgsProcessingAlgorithm, parameter, parameters: dict[str, Any],
                 context: QgsProcessingContext) -> str:
    name = parameter.name()
    if parameters.get(name) in (None, ""):
        return ""
    if isinstance(parameter, _LAYER_DESTINATIONS):
        return alg.parameterAsOutputLayer(parameters, name, context) or ""
    if isinstance(parameter, QgsProcessingParameterFileDestination):
        return alg.parameterAsFileOutput(parameters, name, context) or ""
    if isinstance(parameter, QgsProcessingParameterFolderDestination):
        return alg.parameterAsString(parameters, name, context) or ""
    return ""


def check_destinations_writable(alg: QgsProcessingAlgorithm, parameters: dict[str, Any],
                                context: QgsProcessingContext) -> None:
    """Refuse, before any work, an output whose folder cannot be written (a read-only mount, a
    folder without write permission): otherwise the run works for minutes and then fails with a
    provider's message such as "unable to open database file"."""
    for parameter in alg.parameterDefinitions():
        dest = _destination(alg, parameter, parameters, context)
        path, _layer = _file_and_layer(dest)
        if not path or "://" in path or path.startswith(("memory:", "postgres", "TEMPORARY_OUTPUT")):
            continue
        folder = Path(path) if isinstance(parameter, QgsProcessingParameterFolderDestination) else Path(path).parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        if not os.access(folder, os.W_OK):
            raise QgsProcessingException(tr(
                "Cannot write {0} to {1}: the folder {2} is read-only or not writable. Choose another folder "
                "(or ask for write permission) and run again.").format(parameter.name(), path, folder))
