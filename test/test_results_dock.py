"""The results panel on a real exported GeoPackage: table (model/view), selection linked both
ways with the layer, zoom-to, UNFC matrix with cell selection, contained metal, and the
interval plot with its plain sentence when there is nothing to plot."""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from core.export.matrix import KNOWN, cell_deposits, ef_matrix
from core.plots.deposit_intervals import deposit_interval_png, intervals, nothing_to_plot, tonnes_text


@pytest.fixture
def dock(qgis_iface, qgis_parent):
    from tailings_unfc.ui.results_dock import ResultsDock

    widget = ResultsDock(qgis_iface, qgis_parent)
    widget.resize(480, 900)
    return widget


def _memory_layer(rows: list[dict]) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:25833", "classified", "memory")
    names = ["deposit_id", "name", "unfc_code", "unfc_class", "unfc_rationale", "tonnage_t",
             "co_t", "co_t_lo", "co_t_hi", "co_method"]
    kinds = [QVariant.String] * 5 + [QVariant.Double] * 4 + [QVariant.String]
    layer.dataProvider().addAttributes([QgsField(n, k) for n, k in zip(names, kinds)])
    layer.updateFields()
    features = []
    for i, row in enumerate(rows):
        f = QgsFeature(layer.fields())
        f.setAttributes([row.get(n) for n in names])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(300_000 + i, 7_000_000 + i)))
        features.append(f)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def test_table_lists_every_deposit_with_readable_cells(dock, styled_layer):
    dock.set_layer(styled_layer)
    model = dock.table.model()
    assert model.rowCount() == styled_layer.featureCount() == 72
    titles = [model.headerData(c, 1) for c in range(model.columnCount())]
    assert titles[:4] == ["Deposit id", "Name", "UNFC code", "UNFC class"]
    tonnage = titles.index("Tonnage (t)")
    text = model.index(0, tonnage).data()
    assert text and len(text.replace("\u202f", "").split(".")[0]) <= 9 and "e" not in text  # 3 significant digits
    # columns sized to their content, not cut at the default width
    ids = model.index(0, 0).data()
    assert dock.table.columnWidth(0) >= dock.table.fontMetrics().horizontalAdvance(ids)


def test_sorting_by_tonnage(dock, styled_layer):
    dock.set_layer(styled_layer)
    model = dock.table.model()
    column = model.columns.index("tonnage_t")
    dock.table.sortByColumn(column, 1)  # descending
    values = dock.deposits["tonnage_t"].to_numpy()[[model.position(r) for r in range(model.rowCount())]]
    assert values[0] == pytest.approx(np.nanmax(values)) and (np.diff(values) <= 0).all()


def test_selection_is_linked_both_ways(dock, styled_layer):
    dock.set_layer(styled_layer)
    dock.table.selectRow(3)
    fid = int(dock.deposits["_fid"].iloc[dock.table.model().position(3)])
    assert styled_layer.selectedFeatureIds() == [fid]
    assert dock.plot.pixmap() is not None and not dock.plot.pixmap().isNull()
    # map -> panel: selecting on the layer selects the same rows in the table
    chosen = dock.deposits["_fid"].iloc[[0, 1, 2, 10, 40]].tolist()
    styled_layer.selectByIds(chosen)
    assert sorted(dock.selected_fids()) == sorted(chosen)
    assert "5 deposits selected" in dock.plot.text()
    styled_layer.removeSelection()
    assert dock.selected_fids() == []


def test_zoom_to_selection_moves_the_canvas(dock, styled_layer, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(styled_layer.crs())
    dock.set_layer(styled_layer)
    fid = int(dock.deposits["_fid"].iloc[-1])  # the 1.5 km pond
    styled_layer.selectByIds([fid])
    dock.zoom_to_selection()
    box = styled_layer.getFeature(fid).geometry().boundingBox()
    assert canvas.extent().contains(box) and canvas.extent().width() < 20 * box.width()


def test_matrix_counts_and_a_click_selects_the_cell(dock, styled_layer):
    dock.set_layer(styled_layer)
    assert dock.has_quantities  # the quantities table beside the deposits in the GeoPackage
    table = QgsVectorLayer(f"{styled_layer.source().split('|')[0]}|layername=quantities", "q", "ogr")
    assert len(dock.quantities) == table.featureCount() > 0
    assert dock.quantities["quantity_t"].sum() == pytest.approx(
        sum(f["quantity_t"] for f in table.getFeatures()))
    commodity = dock.commodity_box.currentData()
    expected = ef_matrix(dock.quantities, commodity, KNOWN, "count")
    model = dock.matrix_view.model()
    assert [model.headerData(c, 1) for c in range(model.columnCount())] == list(expected.columns)
    assert model.rowCount() == len(expected.index)
    row, column = next((r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                       if expected.iat[r, c] > 0)
    assert model.index(row, column).data() == str(expected.iat[row, column])
    dock.select_matrix_cell(model.index(row, column))
    ids = cell_deposits(dock.quantities, commodity, KNOWN, expected.index[row], expected.columns[column])
    selected = {f["deposit_id"] for f in styled_layer.getSelectedFeatures()}
    assert selected == set(ids) and len(dock.selected_fids()) == len(ids)


def test_contained_metal_by_class_keeps_known_and_potential_apart(dock, styled_layer):
    dock.set_layer(styled_layer)
    model = dock.contained_view.model()
    titles = [model.headerData(c, 1) for c in range(model.columnCount())]
    assert any("G1–G3 known" in t for t in titles) and any("G4 potential" in t for t in titles)
    q = dock.quantities
    known = q[(q.commodity == "co") & q.unfc_g.str.match(r"G[123]") & (q.unfc_class == "Viable projects")]
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index("Viable projects")
    column = titles.index("cobalt, G1–G3 known (t)")
    assert model.index(row, column).data() == tonnes_text(known["quantity_t"].sum())


def test_unclassified_deposit_without_tonnage_says_so(dock):
    layer = _memory_layer([{"deposit_id": "D0", "name": "Gone", "unfc_class": None, "tonnage_t": None},
                           {"deposit_id": "D1", "name": "Sampled", "unfc_code": "E3.3F4G1",
                            "unfc_class": "Remaining products not developed from identified projects",
                            "unfc_rationale": "G1: 40 samples", "tonnage_t": 1e5, "co_t": 20.0, "co_t_lo": 10.0,
                            "co_t_hi": 35.0, "co_method": "measured"}])
    dock.set_layer(layer)
    model = dock.table.model()
    assert model.index(0, model.columns.index("unfc_class")).data() == "not classified"
    assert not dock.has_quantities and "headline" in dock.matrix_note.text()
    dock.table.selectRow(0)
    assert dock.plot.pixmap() is None or dock.plot.pixmap().isNull()
    assert dock.plot.text() == nothing_to_plot({"tonnage_t": None})
    assert dock.rationale.toPlainText() == "Not classified."
    dock.table.selectRow(1)
    assert not dock.plot.pixmap().isNull() and dock.rationale.toPlainText() == "G1: 40 samples"


def test_plot_follows_the_dock_width(dock, styled_layer):
    dock.set_layer(styled_layer)
    dock.show()
    dock.table.selectRow(0)
    dock.resize(700, 900)
    dock.plot.resize(640, 300)
    dock.plot.redraw()
    assert abs(dock.plot.pixmap().width() - (640 - 8)) <= 2
    assert abs(dock.plot.pixmap().height() - (300 - 8)) <= 2  # fits the room it is given


def test_panel_lets_go_of_a_deleted_layer(dock):
    layer = _memory_layer([{"deposit_id": "D0"}])
    dock.set_layer(layer)
    assert dock.table.model().rowCount() == 1
    layer.deleteLater()
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert dock.layer is None and dock.table.model().rowCount() == 0


def test_shown_panel_lets_go_of_a_deleted_run_layer(dock, styled_layer):
    """Shown, its views repaint while the models are swapped; that must not abort QGIS."""
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    dock.show()
    dock.set_layer(styled_layer)
    styled_layer.selectByIds(dock.deposits["_fid"].iloc[[2, 7]].tolist())
    dock.grab()
    QCoreApplication.processEvents()
    styled_layer.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    dock.grab()
    for tab in range(dock.tabs.count()):
        dock.tabs.setCurrentIndex(tab)
        dock.grab()
    assert dock.layer is None and dock.table.model().rowCount() == 0
    assert dock.matrix_view.model().columnCount() == 0


def test_large_layer_selection_round_trip(dock):
    n = 100_000
    rows = [{"deposit_id": f"D{i}", "tonnage_t": float(i)} for i in range(n)]
    layer = _memory_layer(rows)
    dock.set_layer(layer)
    assert dock.table.model().rowCount() == n
    fids = dock.deposits["_fid"].iloc[::2].tolist()
    layer.selectByIds(fids)
    assert len(dock.selected_fids()) == n // 2


def test_dock_explains_an_unrelated_layer(dock, styled_gpkg):
    dock.set_layer(QgsVectorLayer("Point?crs=EPSG:4326&field=x:int", "other", "memory"))
    assert dock.table.model().rowCount() == 0
    assert "Tailings UNFC" in dock.caption.text()
    # the quantities table has deposit ids too, but no deposits to list
    dock.set_layer(QgsVectorLayer(f"{styled_gpkg}|layername=quantities", "UNFC quantities", "ogr"))
    assert dock.table.model().rowCount() == 0 and "Tailings UNFC" in dock.caption.text()


@pytest.mark.parametrize("record, reason", [
    ({}, "No tonnage is known"),
    ({"tonnage_t": 1000.0}, "not classified"),
    ({"tonnage_t": 1000.0, "unfc_class": "Prospective projects", "co_method": "none"}, "No grade estimate"),
])
def test_nothing_to_plot_is_a_sentence(record, reason):
    assert reason in nothing_to_plot(record)
    assert deposit_interval_png(record).startswith(b"\x89PNG")


@pytest.mark.parametrize("width", [240, 320, 520, 900])
def test_tick_labels_never_overlap_at_any_panel_width(width):
    from core.plots.deposit_intervals import interval_figure

    record = {"co_t": 5.0, "co_t_lo": 0.02, "co_t_hi": 9.0, "co_method": "measured",
              "cu_t": 2e5, "cu_t_lo": 3e4, "cu_t_hi": 4e6, "cu_method": "regression"}
    fig = interval_figure(record, "Løkken", width_px=width)
    fig.canvas.draw()
    assert fig.get_size_inches()[0] * fig.dpi == pytest.approx(width)
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    labels = [t for t in ax.get_xticklabels() if t.get_text() and low <= t.get_position()[0] <= high]
    boxes = [t.get_window_extent() for t in labels]
    assert len(boxes) >= 2 and all(a.x1 < b.x0 for a, b in itertools.pairwise(boxes))
    decades = {tonnes_text(10.0 ** k) for k in range(-2, 8)}
    assert {t.get_text() for t in labels} <= decades
    assert all(b.x0 >= 0 and b.x1 <= width for b in boxes)  # inside the image


@pytest.mark.parametrize("value, text", [(12345.6, "12\u202f300"), (4.5678, "4.57"), (5.0, "5"),
                                         (0.012345, "0.0123"), (999.7, "1\u202f000"), (None, "–"), (0.0, "0")])
def test_tonnes_text(value, text):
    assert tonnes_text(value) == text


def test_log_axis_labels_whole_decades_only():
    """The axis labels must not run together (the old plot printed 2×10³3×10⁴×10³)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from core.plots.deposit_intervals import _axis, _draw, _english

    record = {"co_t": 5.0, "co_t_lo": 2.0, "co_t_hi": 9.0, "co_method": "measured",
              "cu_t": 2000.0, "cu_t_lo": 300.0, "cu_t_hi": 40000.0, "cu_method": "regression"}
    rows = intervals(record)
    fig = Figure(figsize=(4.2, 3), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    _draw(ax, rows, _english)
    _axis(ax, [v for r in rows for v in (r.low, r.best, r.high)])
    fig.canvas.draw()
    labels = [t for t in ax.get_xticklabels() if t.get_text() and ax.get_xlim()[0] <= t.get_position()[0]
              <= ax.get_xlim()[1]]
    assert ax.get_xscale() == "log" and len(labels) >= 3
    decades = [tonnes_text(10.0 ** k) for k in range(6)]
    assert all(t.get_text() in decades for t in labels)  # whole decades only
    boxes = [t.get_window_extent() for t in labels]
    assert all(a.x1 < b.x0 for a, b in itertools.pairwise(boxes))  # no two labels overlap
    assert not any(t.get_text() for t in ax.get_xminorticklabels())
    texts = [t.get_text() for t in ax.texts]
    assert "P90 300 · P50 2\u202f000 · P10 40\u202f000 t" in texts


def test_quantity_frame_headline_fallback_has_every_deposit(dock):
    layer = _memory_layer([{"deposit_id": f"D{i}"} for i in range(3)])
    dock.set_layer(layer)
    assert isinstance(dock.quantities, pd.DataFrame) and len(dock.quantities) == 3
