"""Regenerate resources/styles/unfc_class_{polygon,point}.{qml,sld} through QGIS's API.

Run: ``source scripts/env.sh && python scripts/make_export_styles.py``. The colours and
class values come from ``core/export/styles.py`` (single source).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCentroidFillSymbolLayer,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsSimpleFillSymbolLayer,
    QgsSimpleMarkerSymbolLayer,
    QgsSymbol,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor  # noqa: E402

from core.export.styles import (  # noqa: E402
    CLASS_FIELD,
    FILL_ENABLED,
    LABEL_EXPRESSION,
    LABEL_MAX_SCALE,
    MARKER_ENABLED,
    MARKER_SIZE,
    OTHER_COLOUR,
    OTHER_COMBINATIONS,
    OTHER_LABEL,
    OUTLINE_COLOUR,
    SIZE_FIELD,
    UNFC_CLASS_COLOURS,
    sld_with_scale_rules,
    style_paths,
)


def _marker(colour: str) -> QgsMarkerSymbol:
    """Class-coloured circle, area by tonnage (core/export/styles.py MARKER_SIZE)."""
    marker = QgsSimpleMarkerSymbolLayer()
    marker.setColor(QColor(colour))
    marker.setStrokeColor(QColor(OUTLINE_COLOUR))
    marker.setStrokeWidth(0.3)
    marker.setDataDefinedProperty(QgsSymbolLayer.PropertySize, QgsProperty.fromExpression(MARKER_SIZE))
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, marker)  # the symbol takes ownership
    return symbol


def _polygon_symbol(colour: str) -> QgsFillSymbol:
    """Fill at large scales, a marker on the surface at small ones (data-defined "enabled")."""
    fill = QgsSimpleFillSymbolLayer(QColor(colour))
    fill.setStrokeColor(QColor(OUTLINE_COLOUR))
    fill.setStrokeWidth(0.4)
    fill.setDataDefinedProperty(QgsSymbolLayer.PropertyLayerEnabled, QgsProperty.fromExpression(FILL_ENABLED))
    centroid = QgsCentroidFillSymbolLayer()
    centroid.setPointOnSurface(True)  # inside the pond even when it is U-shaped
    centroid.setPointOnAllParts(False)  # one marker per deposit
    centroid.setSubSymbol(_marker(colour))
    centroid.setDataDefinedProperty(QgsSymbolLayer.PropertyLayerEnabled, QgsProperty.fromExpression(MARKER_ENABLED))
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, fill)  # the symbol takes ownership of both layers
    symbol.appendSymbolLayer(centroid)
    return symbol


def _symbol(kind: str, colour: str) -> QgsSymbol:
    return _marker(colour) if kind == "point" else _polygon_symbol(colour)


def _labeling() -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    settings.fieldName = LABEL_EXPRESSION
    settings.isExpression = True
    settings.scaleVisibility = True
    settings.maximumScale = 0  # no limit when zooming in
    settings.minimumScale = LABEL_MAX_SCALE
    text = QgsTextFormat()
    text.setSize(9)
    text.setColor(QColor(OUTLINE_COLOUR))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def make(kind: str) -> None:
    uri = "MultiPolygon?crs=EPSG:25833" if kind == "polygon" else "Point?crs=EPSG:25833"
    uri += "&field=deposit_id:string&field=name:string&field=unfc_code:string&field=unfc_class:string"
    uri += "&field=tonnage_t:double"
    layer = QgsVectorLayer(uri, "deposits", "memory")
    categories = [QgsRendererCategory(value, _symbol(kind, colour), label)
                  for value, label, colour in (*UNFC_CLASS_COLOURS, OTHER_COMBINATIONS)]
    categories.append(QgsRendererCategory("", _symbol(kind, OTHER_COLOUR), OTHER_LABEL))
    renderer = QgsCategorizedSymbolRenderer(CLASS_FIELD, categories)
    # Large deposits first, so a small one's marker is not hidden under its neighbour's.
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(SIZE_FIELD, False)]))
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    layer.setLabeling(_labeling())
    layer.setLabelsEnabled(True)
    qml, sld = style_paths(kind)
    qml.parent.mkdir(parents=True, exist_ok=True)
    message, ok = layer.saveNamedStyle(str(qml), QgsMapLayer.Symbology | QgsMapLayer.Labeling)
    if not ok:
        raise SystemExit(f"QML not written: {message}")
    message, ok = layer.saveSldStyle(str(sld))
    if not ok:
        raise SystemExit(f"SLD not written: {message}")
    sld.write_text(sld_with_scale_rules(sld.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {qml.relative_to(ROOT)} and {sld.relative_to(ROOT)}")


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    make("polygon")
    make("point")
    app.exitQgis()
