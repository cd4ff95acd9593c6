"""The frames behind the results panel, read from a classified layer: a few deposit columns
with their feature ids, and the UNFC quantities (the ``quantities`` table beside the
deposits in the same GeoPackage or database, as the export writes them)."""
from __future__ import annotations

import contextlib
import sqlite3

import pandas as pd
from qgis.core import QgsFeatureRequest, QgsProviderRegistry, QgsVectorLayer

from ..algorithms.layer_frames import python_value
from ..core.schema import COMMODITIES

HEADLINE = "headline"
DEPOSIT_COLUMNS = ("deposit_id", "name", "unfc_code", "unfc_class", "tonnage_t",
                   *(f"{c}_t" for c in COMMODITIES))
QUANTITY_COLUMNS = ("deposit_id", "commodity", "quantity_t", "unfc_e", "unfc_f", "unfc_g", "unfc_class")


def deposit_frame(layer: QgsVectorLayer) -> pd.DataFrame:
    """``_fid`` and the DEPOSIT_COLUMNS the layer has (plus unfc_e/f/g), without geometry."""
    fields = layer.fields()
    names = [n for n in (*DEPOSIT_COLUMNS, "unfc_e", "unfc_f", "unfc_g") if fields.indexOf(n) >= 0]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(names, fields)
    indices = [fields.indexOf(n) for n in names]
    fids, rows = [], []
    for feature in layer.getFeatures(request):
        attributes = feature.attributes()
        fids.append(feature.id())
        rows.append([python_value(attributes[i]) for i in indices])
    frame = pd.DataFrame(rows, columns=names)
    for name in names:
        if name == "tonnage_t" or name.endswith("_t"):
            frame[name] = pd.to_numeric(frame[name], errors="coerce")
    frame.insert(0, "_fid", pd.Series(fids, dtype="int64"))
    return frame


def _sibling_quantities(layer: QgsVectorLayer) -> QgsVectorLayer | None:
    """The quantities table next to an exported deposits table (same file, same prefix)."""
    if layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    table = str(parts.get("layerName") or "")
    if not table.endswith("deposits"):
        return None
    parts["layerName"] = table[: -len("deposits")] + "quantities"
    parts.pop("layerId", None)
    uri = QgsProviderRegistry.instance().encodeUri("ogr", parts)
    sibling = QgsVectorLayer(uri, "quantities", "ogr")
    return sibling if sibling.isValid() else None


def _read_gpkg_table(path: str, table: str) -> pd.DataFrame | None:
    """The quantities straight from the GeoPackage's SQLite (a national table has millions of
    rows: seconds here, minutes through QgsFeature iteration)."""
    columns = ", ".join(f'"{c}"' for c in QUANTITY_COLUMNS)
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            return pd.read_sql_query(f'SELECT {columns} FROM "{table}"', connection)
    except (sqlite3.Error, pd.errors.DatabaseError):
        return None


def _features_table(sibling: QgsVectorLayer) -> pd.DataFrame | None:
    fields = sibling.fields()
    if any(fields.indexOf(n) < 0 for n in QUANTITY_COLUMNS):
        return None
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    rows = [[python_value(f[n]) for n in QUANTITY_COLUMNS] for f in sibling.getFeatures(request)]
    return pd.DataFrame(rows, columns=list(QUANTITY_COLUMNS))


def quantity_frame(layer: QgsVectorLayer, deposits: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """(quantities, from_table). Without a quantities table, one row per deposit for the
    headline commodity with its E, F, G and no tonnes, so the matrix can still count."""
    sibling = _sibling_quantities(layer)
    frame = None
    if sibling is not None:
        parts = QgsProviderRegistry.instance().decodeUri("ogr", sibling.source())
        path = str(parts.get("path") or "")
        if path.lower().endswith(".gpkg"):
            frame = _read_gpkg_table(path, str(parts.get("layerName")))
        if frame is None:
            frame = _features_table(sibling)
    if frame is not None:
        frame["quantity_t"] = pd.to_numeric(frame["quantity_t"], errors="coerce")
        return frame, True
    frame = pd.DataFrame({n: deposits[n] if n in deposits.columns else None
                          for n in ("deposit_id", "unfc_e", "unfc_f", "unfc_g", "unfc_class")})
    frame["commodity"] = HEADLINE
    frame["quantity_t"] = float("nan")
    return frame[list(QUANTITY_COLUMNS)], False
