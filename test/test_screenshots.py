"""Screenshots for the user guide, rendered offscreen and checked for content: the styled
map at national, regional and local scale (and on a dark background), and the results panel
(deposit table with the interval plot, UNFC matrix, contained metal), also in Norwegian.

Each image is written under the test's tmp folder; with UPDATE_SCREENSHOTS=1 it is also
copied to docs/images/, which docs/user_guide.md shows.
"""
from __future__ import annotations

import numpy as np
import pytest
from map_style_support import (
    CLASSES,
    CLUSTER_CENTRE,
    COLOURS,
    NATIONAL_CENTRE,
    POND_CENTRE,
)
from qgis.core import QgsPointXY
from render_support import colour_pixels, distinct_colours, keep_screenshot, render_legend, render_map

from core.plots.deposit_intervals import METHOD_COLOURS


def _dark_pixels(pixels: np.ndarray, limit: int = 90) -> int:
    return int((pixels.max(axis=2) < limit).sum())


@pytest.mark.parametrize("name, scale, centre, background", [
    ("map_national_1_5M", 5_000_000, NATIONAL_CENTRE, "#f2f2f2"),
    ("map_regional_1_500k", 500_000, CLUSTER_CENTRE, "#f2f2f2"),
    ("map_regional_dark_1_500k", 500_000, CLUSTER_CENTRE, "#202124"),
    ("map_local_1_25k", 25_000, POND_CENTRE, "#f2f2f2"),
])
def test_map_screenshots(styled_layer, tmp_path, name, scale, centre, background):
    image = render_map([styled_layer], QgsPointXY(*centre), scale, background=background)
    pixels = keep_screenshot(image, name, tmp_path)
    assert distinct_colours(pixels) > 20  # not blank
    present = {value for value, colour in COLOURS.items() if colour_pixels(pixels, colour) >= 20}
    if scale == 25_000:
        assert present == {CLASSES[3]}  # the one pond, filled
        assert colour_pixels(pixels, "#ffffff", tolerance=0) > 50 and _dark_pixels(pixels) > 200  # its label
    else:
        assert present == set(COLOURS)  # every class shows as a marker


def test_legend_screenshot(styled_layer, tmp_path):
    pixels = keep_screenshot(render_legend(styled_layer), "legend", tmp_path)
    assert all(colour_pixels(pixels, colour) >= 20 for colour in COLOURS.values())
    assert _dark_pixels(pixels) > 1500  # the class names


def _grab(widget):
    widget.show()
    widget.repaint()
    return widget.grab().toImage()


def _panel_on_a_measured_deposit(layer, iface, parent):
    """The results panel on ``layer``, a deposit with contained metal selected, its plot drawn."""
    from tailings_unfc.ui.results_dock import ResultsDock

    dock = ResultsDock(iface, parent)
    dock.resize(520, 860)
    dock.set_layer(layer)
    measured = dock.deposits.index[(dock.deposits["co_t"] > 0).to_numpy()]
    row = dock.table.model().rows_of_positions(np.asarray(measured[:1]))[0]
    dock.table.selectRow(int(row))
    dock.tabs.setCurrentIndex(0)
    _grab(dock)
    dock.plot.redraw()  # at the width it got when shown
    return dock


def test_panel_screenshots(styled_layer, tmp_path, qgis_iface, qgis_parent):
    dock = _panel_on_a_measured_deposit(styled_layer, qgis_iface, qgis_parent)
    pixels = keep_screenshot(_grab(dock), "panel_deposits", tmp_path)
    assert distinct_colours(pixels) > 50
    assert _dark_pixels(pixels) > 2000  # table text and plot labels
    method = str(styled_layer.getFeature(int(dock.selected_fids()[0]))["co_method"])
    assert colour_pixels(pixels, METHOD_COLOURS[method], tolerance=30) > 20  # the plot's dot and bar

    dock.tabs.setCurrentIndex(1)
    dock.measure_box.setCurrentIndex(1)  # tonnes
    pixels = keep_screenshot(_grab(dock), "panel_matrix", tmp_path)
    assert _dark_pixels(pixels) > 800 and dock.matrix_view.model().rowCount() > 0

    dock.tabs.setCurrentIndex(2)
    pixels = keep_screenshot(_grab(dock), "panel_contained", tmp_path)
    assert _dark_pixels(pixels) > 800 and dock.contained_view.model().rowCount() == len(CLASSES)


def test_panel_screenshot_in_norwegian(styled_layer, tmp_path, qgis_iface, qgis_parent, norwegian):
    """With the Bokmål catalogue installed (a Norwegian QGIS), the panel's tabs, headers and
    plot are Norwegian."""
    from qgis.PyQt.QtCore import QCoreApplication

    QCoreApplication.installTranslator(norwegian)
    try:
        dock = _panel_on_a_measured_deposit(styled_layer, qgis_iface, qgis_parent)
        pixels = keep_screenshot(_grab(dock), "panel_deposits_nb", tmp_path)
        tabs = [dock.tabs.tabText(i) for i in range(dock.tabs.count())]
        model = dock.table.model()
        headers = [str(model.headerData(c, 1)) for c in range(model.columnCount())]  # 1 = Qt.Horizontal
    finally:
        QCoreApplication.removeTranslator(norwegian)
    assert tabs[0] != "Deposits" and tabs[1] != "UNFC matrix" and tabs[2] != "Contained metal", tabs
    assert not {"Deposits", "UNFC matrix", "Contained metal"} & set(tabs)
    assert distinct_colours(pixels) > 50 and _dark_pixels(pixels) > 2000
    assert headers and not {"name", "UNFC class", "tonnage (t)"} & set(headers), headers
