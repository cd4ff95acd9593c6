"""Read back every file a Processing sink wrote, and fail loudly when it cannot be read.

QGIS writes sink outputs itself, through the OGR provider. On a full disk or a folder that
turns read-only mid-run, the features may go nowhere while the algorithm still returns its
counts; the user then finds a GeoPackage that does not open. Opening each output with OGR
after the sink is closed catches that for every algorithm in one place.
"""
from __future__ import annotations

import os
from typing import Any

from osgeo import gdal
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingOutputVectorLayer


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
            return gdal.GetLastErrorMsg() or "OGR cannot open it"
        lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
        if lyr is None:
            return f"it has no layer {layer!r}" if layer else "it has no layer"
        if lyr.GetFeatureCount() < 0:
            return "its features cannot be counted"
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
            raise QgsProcessingException(
                f"The output {output.name()} was written to {path}, but it cannot be read back: {problem}. "
                "Is the disk full or the folder read-only? Free space or choose another folder and run again.")
