"""Column-wise reading of a whole OGR file layer through GDAL's Arrow stream (GDAL ≥ 3.6).

``ogr.Layer.GetArrowStreamAsNumPy`` hands over a batch of features as one NumPy array per
column, so a national deposit layer is read without a Python call per feature (the
QgsFeature loop took most of the deposit import's time). Only where the result is the same
as QGIS's features: a QgsVectorLayer of the OGR provider on a local GeoPackage or
FlatGeobuf file, unfiltered, with provider fields only. Shapefiles are left to QGIS, whose
encoding setting may differ from the one OGR reads.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from osgeo import gdal
from qgis.core import QgsFields, QgsProviderRegistry, QgsVectorLayer

from ..core.errors import OperationCancelled

ARROW_DRIVERS = frozenset(("GPKG", "FlatGeobuf"))


def _ogr_layer(source) -> tuple[Any, Any] | None:
    """(dataset, OGR layer) behind ``source`` when the Arrow read gives QGIS's rows, else None."""
    if not isinstance(source, QgsVectorLayer) or source.providerType() != "ogr" or source.subsetString():
        return None
    fields = source.fields()
    if any(fields.fieldOrigin(i) != QgsFields.OriginProvider for i in range(fields.count())):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", source.source())
    path = parts.get("path") or ""
    if not Path(path).is_file():
        return None
    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError:  # with GDAL exceptions on; QGIS's reader then says why
        return None
    if ds is None or ds.GetDriver().ShortName not in ARROW_DRIVERS:
        return None
    name = parts.get("layerName")
    layer = ds.GetLayerByName(name) if name else ds.GetLayer(int(parts.get("layerId") or 0))
    if layer is None or layer.GetFeatureCount() != source.featureCount():
        return None
    return ds, layer


def _values(array: np.ndarray) -> list:
    """One Arrow column as Python values, masked (NULL) entries as None."""
    mask = np.ma.getmaskarray(array)
    data = np.ma.getdata(array)
    if data.dtype.kind == "S":
        out = np.char.decode(data, "utf-8").astype(object)
    elif data.dtype.kind == "V":  # fixed-width binary: every value has the same length
        out = np.array([bytes(v) for v in data] + [None], dtype=object)[:-1]
    else:
        return array.tolist() if np.ma.isMaskedArray(array) else data.tolist()
    out[mask] = None
    return out.tolist()


def ogr_layer_columns(source, with_geometry: bool, cancel=None
                      ) -> tuple[list[str], list[tuple], list[int], list[bytes | None]] | None:
    """(field names, rows, fids, WKB geometries) of every feature of ``source`` read column-wise,
    or None where only QGIS's features give the same result."""
    found = _ogr_layer(source)
    if found is None:
        return None
    ds, layer = found
    names = [f.name() for f in source.fields()]
    fid_name = layer.GetFIDColumn() or "OGC_FID"
    geom_name = layer.GetGeometryColumn() or "wkb_geometry"
    columns: dict[str, list] = {n: [] for n in names}
    fids: list[int] = []
    geoms: list[bytes | None] = []
    layer.ResetReading()
    for batch in layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"]):
        if cancel is not None and cancel():
            raise OperationCancelled()
        if any(n not in batch for n in names):
            return None
        for n in names:
            columns[n] += _values(batch[n])
        fids += _values(batch[fid_name])
        if with_geometry:
            geoms += _values(batch[geom_name]) if geom_name in batch else [None] * len(batch[fid_name])
    del ds
    rows = list(zip(*(columns[n] for n in names))) if names else [()] * len(fids)
    return names, rows, fids, geoms
