"""The shipped UNFC style, as the export stores it in layer_styles, read at every scale:
class-coloured markers sized by tonnage at national and regional scale, polygon fills and
labels at local scale (rendered offscreen with QgsMapRendererParallelJob)."""
from __future__ import annotations

import pytest
from map_style_support import (
    CLASSES,
    CLUSTER_CENTRE,
    COLOURS,
    NATIONAL_CENTRE,
    POND_CENTRE,
)
from qgis.core import QgsPointXY, QgsVectorLayer
from render_support import colour_pixels, render_map, rgb_array

from core.export.styles import MARKER_SCALE, OTHER_COLOUR, UNFC_CLASS_COLOURS


def _counts(image) -> dict[str, int]:
    pixels = rgb_array(image)
    return {value: colour_pixels(pixels, colour) for value, colour in COLOURS.items()}


@pytest.mark.parametrize("scale, centre", [(5_000_000, NATIONAL_CENTRE), (500_000, CLUSTER_CENTRE)])
def test_every_class_shows_as_a_marker_at_small_scales(styled_layer, scale, centre):
    assert styled_layer.renderer().type() == "categorizedSymbol"  # the stored default style
    image = render_map([styled_layer], QgsPointXY(*centre), scale)
    assert float(image.text("scale")) == pytest.approx(scale, rel=0.01)
    counts = _counts(image)
    # A 600 m pond is under 1 px at 1:5M and 4 px at 1:500k; a marker is at least 2.5 mm.
    assert all(n >= 20 for n in counts.values()), counts
    white = colour_pixels(rgb_array(image), "#ffffff", tolerance=0)
    assert white == 0  # no label (their halo is white) at small scales


def test_marker_area_grows_with_tonnage(styled_layer):
    """At 1:500k the cluster's markers of one class grow with tonnage: the 10 Mt end of the
    cluster covers more of each colour than the 1 kt end."""
    small_end = render_map([styled_layer], QgsPointXY(CLUSTER_CENTRE[0], CLUSTER_CENTRE[1] - 22_500), 500_000,
                           size=(400, 200))
    large_end = render_map([styled_layer], QgsPointXY(CLUSTER_CENTRE[0], CLUSTER_CENTRE[1] + 22_500), 500_000,
                           size=(400, 200))
    assert sum(_counts(large_end).values()) > 3 * sum(_counts(small_end).values())


def test_polygon_fill_and_label_at_local_scale(styled_layer):
    image = render_map([styled_layer], QgsPointXY(*POND_CENTRE), 25_000)
    pixels = rgb_array(image)
    fill = COLOURS[CLASSES[3]]
    # 1 500 m × 1 000 m at 1:25k is 60 mm × 40 mm: about 227 × 151 px at 96 dpi, less the label.
    assert colour_pixels(pixels, fill) > 0.6 * 227 * 151
    assert colour_pixels(pixels, "#ffffff", tolerance=0) > 50  # the label's halo
    assert colour_pixels(pixels, "#1a1a1a", tolerance=40) > 400  # outline and label text


def test_style_constants_are_distinct_and_switch_at_the_marker_scale(styled_layer):
    colours = [c for _v, _l, c in UNFC_CLASS_COLOURS] + [COLOURS[CLASSES[-1]], OTHER_COLOUR]
    assert len({c.lower() for c in colours}) == len(colours)
    settings = styled_layer.labeling().settings()
    assert settings.scaleVisibility and settings.minimumScale == MARKER_SCALE
    categories = styled_layer.renderer().categories()  # keep the list alive: it owns the symbols
    symbol = categories[0].symbol()
    assert [symbol.symbolLayer(i).layerType() for i in range(symbol.symbolLayerCount())] == \
        ["SimpleFill", "CentroidFill"]


def test_run_results_land_styled_in_a_group_named_after_the_run(styled_gpkg, tailings_provider):
    """What Processing does after a dialog run (its own handleAlgorithmResults) with the
    layers the pipeline queued."""
    from processing.gui.Postprocessing import handleAlgorithmResults
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject
    from tailings_unfc.algorithms.load_results import queue_results, run_label

    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    group_name = queue_results(context, styled_gpkg)
    assert run_label(styled_gpkg).startswith("export-") and run_label(styled_gpkg) in group_name
    alg = tailings_provider.algorithm("pipeline")  # through the fixture: registered again if a test removed it
    assert handleAlgorithmResults(alg, context, QgsProcessingFeedback()) is not False
    group = project.layerTreeRoot().findGroup(group_name)
    assert group is not None
    layers = {node.layer().name(): node.layer() for node in group.findLayers()}
    assert set(layers) == {"UNFC deposits", "UNFC quantities"}
    deposits = layers["UNFC deposits"]
    assert deposits.renderer().type() == "categorizedSymbol" and deposits.renderer().classAttribute() == "unfc_class"
    assert deposits.featureCount() == 72 and layers["UNFC quantities"].featureCount() > 0
    details = context.layersToLoadOnCompletion()
    keys = {d.name: d.layerSortKey for d in details.values()}
    assert keys["UNFC deposits"] > keys["UNFC quantities"] > 0  # deposits added last: on top, current
    assert group.findLayers()[0].layer().name() == "UNFC deposits"


def test_sld_switches_from_markers_to_fills_at_the_marker_scale():
    """GeoServer and other SLD readers get the same switch (QGIS reads the file back)."""
    from core.export.styles import read_style, style_paths

    _qml, sld = read_style("polygon")
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833&field=unfc_class:string&field=name:string", "s", "memory")
    message, ok = layer.loadSldStyle(str(style_paths("polygon")[1]))
    assert ok, message
    rules = layer.renderer().rootRule().children()
    # QGIS: minimumScale is the zoomed-out limit, maximumScale the zoomed-in one
    fills = [r for r in rules if r.symbol() is not None and r.minimumScale() == MARKER_SCALE]
    markers = [r for r in rules if r.symbol() is not None and r.maximumScale() == MARKER_SCALE]
    assert len(fills) == len(markers) == len(UNFC_CLASS_COLOURS) + 2  # the classes, other, not classified
    assert all(r.maximumScale() == 0 for r in fills) and all(r.minimumScale() == 0 for r in markers)
    assert {r.symbol().symbolLayer(0).layerType() for r in fills} == {"SimpleFill"}
    assert {r.symbol().symbolLayer(0).layerType() for r in markers} == {"CentroidFill"}
    assert "Placeholder" not in sld and "<ogc:PropertyName>name</ogc:PropertyName>" in sld
