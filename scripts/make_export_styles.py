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
    QgsMapLayer,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSymbol,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor  # noqa: E402

from core.export.styles import (  # noqa: E402
    CLASS_FIELD,
    LABEL_EXPRESSION,
    OTHER_COLOUR,
    OTHER_COMBINATIONS,
    OTHER_LABEL,
    UNFC_CLASS_COLOURS,
    style_paths,
)


def _symbol(geometry: QgsWkbTypes.GeometryType, colour: str) -> QgsSymbol:
    symbol = QgsSymbol.defaultSymbol(geometry)
    symbol.setColor(QColor(colour))
    if geometry == QgsWkbTypes.PolygonGeometry:
        symbol.symbolLayer(0).setStrokeColor(QColor("#404040"))
        symbol.symbolLayer(0).setStrokeWidth(0.3)
    else:
        symbol.setSize(3.0)
    return symbol


def make(kind: str) -> None:
    uri = "MultiPolygon?crs=EPSG:25833" if kind == "polygon" else "Point?crs=EPSG:25833"
    uri += "&field=deposit_id:string&field=name:string&field=unfc_code:string&field=unfc_class:string"
    layer = QgsVectorLayer(uri, "deposits", "memory")
    geometry = layer.geometryType()
    categories = [QgsRendererCategory(value, _symbol(geometry, colour), label)
                  for value, label, colour in (*UNFC_CLASS_COLOURS, OTHER_COMBINATIONS)]
    categories.append(QgsRendererCategory("", _symbol(geometry, OTHER_COLOUR), OTHER_LABEL))
    layer.setRenderer(QgsCategorizedSymbolRenderer(CLASS_FIELD, categories))
    settings = QgsPalLayerSettings()
    settings.fieldName = LABEL_EXPRESSION
    settings.isExpression = True
    text = QgsTextFormat()
    text.setSize(9)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    qml, sld = style_paths(kind)
    qml.parent.mkdir(parents=True, exist_ok=True)
    message, ok = layer.saveNamedStyle(str(qml), QgsMapLayer.Symbology | QgsMapLayer.Labeling)
    if not ok:
        raise SystemExit(f"QML not written: {message}")
    message, ok = layer.saveSldStyle(str(sld))
    if not ok:
        raise SystemExit(f"SLD not written: {message}")
    print(f"wrote {qml.relative_to(ROOT)} and {sld.relative_to(ROOT)}")


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    make("polygon")
    make("point")
    app.exitQgis()
