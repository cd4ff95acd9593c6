"""The results dock lists a classified layer's deposits and plots the selected one."""
from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant


def _classified_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833", "classified", "memory")
    names = ["deposit_id", "name", "unfc_code", "unfc_class", "unfc_rationale",
             "co_t", "co_t_lo", "co_t_hi", "co_method"]
    kinds = [QVariant.String] * 5 + [QVariant.Double] * 3 + [QVariant.String]
    layer.dataProvider().addAttributes([QgsField(n, k) for n, k in zip(names, kinds)])
    layer.updateFields()
    features = []
    for i, (lo, best, hi) in enumerate([(10.0, 20.0, 35.0), (1.0, 2.0, 4.0)]):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"D{i}", f"Deposit {i}", "E3.3F4G1", "Remaining products not developed",
                         "G1: 40 samples", lo, best, hi, "measured"])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def test_dock_lists_deposits_and_plots_selection(qgis_iface, qgis_parent):
    from tailings_unfc.ui.results_dock import ResultsDock

    layer = _classified_layer()
    dock = ResultsDock(qgis_iface, qgis_parent)
    dock.set_layer(layer)
    assert dock.table.rowCount() == 2
    assert dock.table.item(1, 0).text() == "D1"
    dock.table.selectRow(1)
    assert dock.plot.pixmap() is not None and not dock.plot.pixmap().isNull()
    assert dock.rationale.toPlainText() == "G1: 40 samples"
    assert layer.selectedFeatureIds() == [list(layer.getFeatures())[1].id()]


def test_dock_explains_an_unrelated_layer(qgis_iface, qgis_parent):
    from tailings_unfc.ui.results_dock import ResultsDock

    dock = ResultsDock(qgis_iface, qgis_parent)
    dock.set_layer(QgsVectorLayer("Point?crs=EPSG:4326&field=x:int", "other", "memory"))
    assert dock.table.rowCount() == 0
    assert "Tailings UNFC" in dock.caption.text()


def test_interval_plot_is_a_png_even_without_estimates():
    from tailings_unfc.core.plots.deposit_intervals import deposit_interval_png

    assert deposit_interval_png({}).startswith(b"\x89PNG")
    png = deposit_interval_png({"co_t": 5.0, "co_t_lo": 2.0, "co_t_hi": 9.0, "co_method": "regression"}, "x")
    assert png.startswith(b"\x89PNG") and len(png) > 1000
