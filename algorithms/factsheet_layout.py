"""The factsheet print layout: one A4 page per deposit, driven by a QGIS atlas.

QGIS's own layout and atlas machinery (QgsPrintLayout, QgsLayoutAtlas) lays out the page, so
maps, legends, scale bars and text render exactly as in QGIS's layout designer, and PDF/PNG
come from QgsLayoutExporter; nothing here draws or writes a PDF itself. Every text is an
expression over the atlas feature (factsheet_text), so the atlas fills each page.

Page (mm): header with name, id and the UNFC code beside a class-colour swatch; the map
(deposit outlined among its neighbours, UNFC class style from resources/styles) with legend,
scale bar and north arrow; the facility's CRMA Art. 27 record beside it; the grades and
contained metal with intervals; the UNFC classification and rationale; provenance.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsSymbolLayer,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from . import factsheet_text as ft
from .factsheet_text import Cells, field, quoted, tr

PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 12.0
CONTENT_W = PAGE_W - 2 * MARGIN
# DejaVu Sans where installed (Debian's QGIS depends on it); elsewhere Qt substitutes a
# sans-serif through the style hint.
FONT_FAMILY = "DejaVu Sans"
INK, MUTED, RULE = "#1f2933", "#5f6b76", "#c8ced3"
NO_CLASS_COLOUR = "#bbbbbb"
ATLAS_MARGIN = 1.5  # the deposit fills about 40 % of the map, so the neighbours show
POINT_SCALE = 25_000.0  # a point deposit has no extent: shown at this scale
LEGEND_WRAP = 34  # characters per legend line in a 64 mm column


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


def text_format(size: float, bold: bool = False, colour: str = INK) -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont(FONT_FAMILY)
    font.setStyleHint(QFont.SansSerif)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(colour))
    return fmt


def place(item, box: Box) -> None:
    item.attemptMove(QgsLayoutPoint(box.x, box.y))
    item.attemptResize(QgsLayoutSize(box.w, box.h))


def label(layout: QgsPrintLayout, expression: str, box: Box, fmt: QgsTextFormat,
          align=Qt.AlignLeft, valign=Qt.AlignTop) -> QgsLayoutItemLabel:
    item = QgsLayoutItemLabel(layout)
    item.setText(f"[% {expression} %]")
    item.setTextFormat(fmt)
    item.setHAlign(align)
    item.setVAlign(valign)
    item.setMargin(0)
    layout.addLayoutItem(item)
    place(item, box)
    return item


def heading(layout: QgsPrintLayout, text: str, y: float, x: float = MARGIN, w: float = CONTENT_W) -> float:
    """A section title with a rule under it; returns the y below."""
    label(layout, quoted(text), Box(x, y, w, 5), text_format(9.5, bold=True))
    rule(layout, Box(x, y + 5.2, w, 0.3))
    return y + 7


def rule(layout: QgsPrintLayout, box: Box, colour: str = RULE, data_defined: str | None = None) -> None:
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Rectangle)
    symbol = QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"})
    if data_defined:
        symbol.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor,
                                                     QgsProperty.fromExpression(data_defined))
    shape.setSymbol(symbol)
    layout.addLayoutItem(shape)
    place(shape, box)


def table(layout: QgsPrintLayout, rows: list[list[str]], box: Box, widths: list[float],
          headers: list[str] | None = None, text_columns: int = 1, key_column: bool = False,
          size: float = 7.5) -> None:
    """A manual table: the first ``text_columns`` cells of a row are plain text, the others
    expressions (QgsProperty), evaluated per atlas page."""
    item = QgsLayoutItemManualTable.create(layout)
    bold = text_format(size, bold=True)
    contents = []
    for row in rows:
        cells = []
        for i, expression in enumerate(row):
            cell = QgsTableCell(expression if i < text_columns else QgsProperty.fromExpression(expression))
            if key_column and i == 0:
                cell.setTextFormat(text_format(size, bold=True, colour=MUTED))
            cells.append(cell)
        contents.append(cells)
    item.setTableContents(contents)
    item.setContentTextFormat(text_format(size))
    item.setIncludeTableHeader(headers is not None)
    if headers is not None:
        item.setHeaders([QgsLayoutTableColumn(h) for h in headers])
        item.setHeaderTextFormat(bold)
        item.setHeaderHAlignment(QgsLayoutTable.FollowColumn)
    item.setColumnWidths(widths)
    item.setWrapBehavior(QgsLayoutTable.WrapText)
    item.setCellMargin(1.0)
    item.setShowGrid(True)
    item.setVerticalGrid(False)
    item.setGridStrokeWidth(0.15)
    item.setGridColor(QColor(RULE))
    item.setBackgroundColor(QColor("white"))
    item.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
    frame = QgsLayoutFrame(layout, item)
    place(frame, box)
    item.addFrame(frame)
    layout.addMultiFrame(item)


def class_colour_expression(coverage: QgsVectorLayer) -> str:
    """The atlas deposit's class colour, read from the loaded class style (whatever its palette);
    a deposit without a class gets the style's colour for an empty class, else grey."""
    renderer = coverage.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return quoted(NO_CLASS_COLOUR)
    attribute = field(renderer.classAttribute())
    colours = {str(cat.value() if cat.value() is not None else ""): cat.symbol().color().name()
               for cat in renderer.categories() if cat.symbol() is not None}
    fallback = colours.pop("", NO_CLASS_COLOUR)
    whens = " ".join(f"WHEN {attribute} = {quoted(value)} THEN {quoted(colour)}" for value, colour in colours.items())
    return f"CASE {whens} ELSE {quoted(fallback)} END" if whens else quoted(fallback)


def wrap_legend_labels(coverage: QgsVectorLayer) -> None:
    """Long class labels on two lines (the legend splits on newlines); the layer is our copy."""
    renderer = coverage.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for i, cat in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(i, "\n".join(textwrap.wrap(cat.label(), LEGEND_WRAP)) or cat.label())


def header(layout: QgsPrintLayout, cells: Cells, colour: str) -> float:
    """Name across the page; id and place under it, the UNFC code on a class-colour swatch at
    the right. Returns the y below the header rule."""
    label(layout, ft.title(cells), Box(MARGIN, MARGIN, CONTENT_W, 9), text_format(16, bold=True))
    y = MARGIN + 10.5
    label(layout, ft.subtitle(cells), Box(MARGIN, y, 126, 5), text_format(8.5, colour=MUTED))
    label(layout, quoted(tr("Tailings deposit factsheet · UNFC-2019 and EU CRMA Art. 27")),
          Box(MARGIN, y + 5.5, 126, 4), text_format(7, colour=MUTED))
    rule(layout, Box(142, y, 3.5, 13), data_defined=colour)
    label(layout, cells.text("unfc_code"), Box(148, y - 0.8, 50, 7), text_format(13, bold=True))
    label(layout, ft.class_line(cells), Box(148, y + 6, 50, 8), text_format(6.8, colour=MUTED))
    rule(layout, Box(MARGIN, y + 15, CONTENT_W, 0.6), colour=INK)
    return y + 19


def map_item(layout: QgsPrintLayout, coverage: QgsVectorLayer, highlight: QgsVectorLayer, box: Box):
    item = QgsLayoutItemMap(layout)
    item.setCrs(coverage.crs())
    item.setLayers([highlight, coverage])  # no background layer: the deposits alone
    item.setKeepLayerSet(True)
    item.setBackgroundColor(QColor("#f7f7f4"))
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(QColor(MUTED))
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
    layout.addLayoutItem(item)
    place(item, box)
    point = coverage.geometryType() == QgsWkbTypes.PointGeometry
    item.zoomToExtent(point_extent(coverage, box) if point else coverage.extent())
    item.setAtlasDriven(True)
    if point:
        item.setAtlasScalingMode(QgsLayoutItemMap.Fixed)  # centred on each point at POINT_SCALE
    else:
        item.setAtlasScalingMode(QgsLayoutItemMap.Auto)  # the deposit with ATLAS_MARGIN around it
        item.setAtlasMargin(ATLAS_MARGIN)
    return item


def point_extent(coverage: QgsVectorLayer, box: Box) -> QgsRectangle:
    """POINT_SCALE around the points' centre (their extent may be a single point: no size)."""
    centre = coverage.extent().center()
    half_w, half_h = box.w / 2000 * POINT_SCALE, box.h / 2000 * POINT_SCALE  # mm on paper -> m on the ground
    return QgsRectangle(centre.x() - half_w, centre.y() - half_h, centre.x() + half_w, centre.y() + half_h)


def legend(layout: QgsPrintLayout, map_: QgsLayoutItemMap, layers: list[QgsVectorLayer], box: Box) -> None:
    item = QgsLayoutItemLegend(layout)
    item.setTitle(tr("UNFC class"))
    item.setLinkedMap(map_)
    item.setAutoUpdateModel(False)
    root = item.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        node = root.addLayer(layer)
        QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Hidden)  # the title says it
    item.setLegendFilterByMapEnabled(True)  # only the classes on this page's map
    item.rstyle(QgsLegendStyle.Title).setTextFormat(text_format(8.5, bold=True))
    item.rstyle(QgsLegendStyle.Subgroup).setTextFormat(text_format(7.5, bold=True, colour=MUTED))
    item.rstyle(QgsLegendStyle.SymbolLabel).setTextFormat(text_format(7))
    item.setSymbolWidth(5)
    item.setSymbolHeight(3.5)
    item.setResizeToContents(False)
    item.setFrameEnabled(False)
    layout.addLayoutItem(item)
    place(item, box)


def scale_bar(layout: QgsPrintLayout, map_: QgsLayoutItemMap, x: float, y: float) -> None:
    item = QgsLayoutItemScaleBar(layout)
    item.setStyle("Single Box")
    item.setLinkedMap(map_)
    item.setUnits(QgsUnitTypes.DistanceMeters)
    item.setUnitLabel("m")
    item.setNumberOfSegmentsLeft(0)
    item.setNumberOfSegments(2)
    item.setSegmentSizeMode(Qgis.ScaleBarSegmentSizeMode.FitWidth)  # nice numbers at any atlas scale
    item.setMinimumBarWidth(25)
    item.setMaximumBarWidth(40)
    item.setHeight(1.8)
    fmt = text_format(7)
    buffer = fmt.buffer()  # a halo instead of a box: readable over any fill, never clipped
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    item.setTextFormat(fmt)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y))
    item.resizeToMinimumWidth()


def north_arrow(layout: QgsPrintLayout, map_: QgsLayoutItemMap, box: Box) -> None:
    item = QgsLayoutItemPicture(layout)
    item.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")  # QGIS's own resource
    item.setLinkedMap(map_)
    layout.addLayoutItem(item)
    place(item, box)


def page_footer(layout: QgsPrintLayout, cells: Cells) -> None:
    y = PAGE_H - MARGIN - 9
    rule(layout, Box(MARGIN, y, CONTENT_W, 0.3))
    label(layout, ft.provenance(cells), Box(MARGIN, y + 1.2, CONTENT_W, 4), text_format(6.5, colour=MUTED))
    note = tr("Grades and contained metal: best estimate P50 with the 80 % interval P90 – P10 (UNFC low and "
              "high estimates). <DL: samples below the detection limit.")
    label(layout, quoted(note), Box(MARGIN, y + 5, CONTENT_W, 4), text_format(6.5, colour=MUTED))


def build_layout(project: QgsProject, coverage: QgsVectorLayer, highlight: QgsVectorLayer,
                 source: str, run_id: str) -> QgsPrintLayout:
    """The factsheet layout with its atlas over ``coverage`` (already styled)."""
    cells = Cells(set(coverage.fields().names()))
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(tr("Tailings UNFC factsheet"))
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Portrait)
    layout.renderContext().setDpi(150)
    QgsExpressionContextUtils.setLayoutVariable(layout, "tailings_source", source)
    QgsExpressionContextUtils.setLayoutVariable(layout, "tailings_run_id", run_id or ft.DASH)

    colour = class_colour_expression(coverage)
    wrap_legend_labels(coverage)
    top = header(layout, cells, colour)
    map_box = Box(MARGIN, top, 112, 98)
    map_ = map_item(layout, coverage, highlight, map_box)
    scale_bar(layout, map_, map_box.x + 2, map_box.y + map_box.h - 9)
    north_arrow(layout, map_, Box(map_box.x + map_box.w - 9, map_box.y + 2, 7, 11))
    right = map_box.x + map_box.w + 5
    right_w = PAGE_W - MARGIN - right
    legend(layout, map_, [highlight, coverage], Box(right, top - 1, right_w, 31))
    y = heading(layout, tr("Waste facility (CRMA Art. 27)"), top + 31, right, right_w)
    table(layout, [list(r) for r in ft.facility_rows(cells)], Box(right, y, right_w, map_box.y + map_box.h - y),
          [21.0, right_w - 21.0 - 4.2], key_column=True, size=6.8)

    y = heading(layout, tr("Concentrations and quantities of raw materials"), map_box.y + map_box.h + 5)
    widths = [27.0, 30.0, 14.0, 22.0, 16.0, 24.0, 13.0, 0.0]
    widths[-1] = CONTENT_W - sum(widths) - 2.0 * len(widths) - 0.5
    table(layout, ft.grade_rows(cells), Box(MARGIN, y, CONTENT_W, 39), widths, headers=ft.grade_headers(),
          text_columns=2)

    y = heading(layout, tr("UNFC-2019 classification (headline commodity)"), y + 41)
    table(layout, [list(r) for r in ft.unfc_rows(cells)], Box(MARGIN, y, 90, 26), [20.0, 65.8],
          key_column=True)
    label(layout, quoted(tr("Rationale")), Box(MARGIN + 95, y, 91, 4), text_format(7.5, bold=True, colour=MUTED))
    label(layout, ft.rationale(cells), Box(MARGIN + 95, y + 4.5, 91, 27), text_format(7.2))

    y = heading(layout, tr("Method of estimation"), y + 33)
    label(layout, ft.estimation_method(cells), Box(MARGIN, y, CONTENT_W, PAGE_H - MARGIN - 12 - y),
          text_format(7.2))

    page_footer(layout, cells)
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setSortFeatures(True)
    atlas.setSortExpression(field("deposit_id"))
    atlas.setPageNameExpression(field("deposit_id"))
    return layout
