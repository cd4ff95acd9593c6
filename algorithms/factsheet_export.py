"""Write the factsheets of a deposit layer: one PDF and/or PNG per deposit, optionally one
combined PDF, through QgsLayoutExporter over the factsheet atlas.

Nothing half-done: every file is written into a hidden temporary folder inside the output
folder and moved into place (``os.replace``, same file system) only after the last page has
been exported. On cancel or error the temporary folder is removed and the output folder is
as it was. The layout works on private copies of the layer in a private QgsProject, so the
user's layer, style and project stay untouched.

Layouts are Qt graphics scenes: call this from the main thread (the algorithm declares
NoThreading, as QGIS's own atlas export algorithms do).
"""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsFeatureRequest,
    QgsFeedback,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsMarkerSymbol,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProject,
    QgsProviderRegistry,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.errors import OperationCancelled, TailingsInputError
from ..core.export.styles import style_paths
from ..core.export.tables import TableNames
from .factsheet_layout import build_layout
from .factsheet_names import UniqueStems
from .factsheet_text import field, tr
from .legend_labels import translate_class_legend

FORMATS = ("pdf", "png")
DEFAULT_DPI = 150
COMBINED_NAME = "factsheets_all"


def export_factsheets(layer: QgsVectorLayer, folder: str | os.PathLike, feedback: QgsFeedback | None = None, *,
                      formats: Sequence[str] = FORMATS, filter_expression: str = "", dpi: int = DEFAULT_DPI,
                      combined_pdf: bool = False) -> list[str]:
    """Factsheets of the deposits of ``layer`` (all, or those ``filter_expression`` selects) in
    ``folder``; returns the paths written. Raises TailingsInputError for an unusable layer or
    filter, OperationCancelled when ``feedback`` is cancelled (then nothing is written)."""
    feedback = feedback or QgsFeedback()
    formats = [f for f in FORMATS if f in set(formats)]
    if not formats and not combined_pdf:
        raise TailingsInputError(tr("Choose at least one output: PDF, PNG or a combined PDF"))
    coverage, highlight = _layers(layer, filter_expression)
    project = QgsProject()
    project.addMapLayers([coverage, highlight], False)
    layout = build_layout(project, coverage, highlight, _source_label(layer), _run_id(layer))
    atlas = layout.atlas()
    count = atlas.updateFeatures()
    if count == 0:
        return []
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".factsheets-", dir=out))
    try:
        progress = _processing_feedback(feedback)  # kept in scope: the step feedback holds only a C++ pointer
        steps = QgsProcessingMultiStepFeedback(2 if combined_pdf else 1, progress)
        written = _per_deposit(layout, staging, formats, dpi, steps) if formats else []
        if combined_pdf:
            steps.setCurrentStep(1)
            written.append(_combined(layout, staging, steps))
        return [str(_move(path, out)) for path in written]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _layers(layer: QgsVectorLayer, filter_expression: str) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    if layer is None or not layer.isValid():
        raise TailingsInputError(tr("The deposit layer could not be opened"))
    if layer.fields().indexFromName("deposit_id") < 0:
        raise TailingsInputError(tr("The layer has no deposit_id field: run Classify (or the pipeline) first"),
                                 column="deposit_id")
    if layer.geometryType() not in (QgsWkbTypes.PolygonGeometry, QgsWkbTypes.PointGeometry):
        raise TailingsInputError(tr("Factsheets need a polygon or point layer of deposits"))
    request = QgsFeatureRequest()
    if filter_expression.strip():
        request.setFilterExpression(filter_expression)
        if request.filterExpression().hasParserError():
            raise TailingsInputError("The filter expression is not valid: {0}",
                                     request.filterExpression().parserErrorString(), value=filter_expression)
    coverage = layer.materialize(request)
    coverage.setName(tr("UNFC class"))
    kind = "point" if layer.geometryType() == QgsWkbTypes.PointGeometry else "polygon"
    qml = style_paths(kind)[0]
    message, ok = coverage.loadNamedStyle(str(qml))
    if not ok:
        raise TailingsInputError("The UNFC class style could not be read: {0}", message, value=str(qml))
    translate_class_legend(coverage)
    highlight = coverage.materialize(QgsFeatureRequest())
    highlight.setName(tr("This deposit"))
    highlight.setRenderer(_highlight_renderer(highlight))
    return coverage, highlight


def _highlight_renderer(layer: QgsVectorLayer) -> QgsRuleBasedRenderer:
    """A heavy outline (or ring) around the atlas deposit only, drawn over the class fills."""
    if layer.geometryType() == QgsWkbTypes.PointGeometry:
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "0,0,0,0", "outline_color": "#111111",
                                               "outline_width": "0.7", "size": "7"})
    else:
        symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#111111",
                                             "outline_width": "0.8", "joinstyle": "round"})
    root = QgsRuleBasedRenderer.Rule(None)
    rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"{field('deposit_id')} = attribute(@atlas_feature, 'deposit_id')",
                                     tr("This deposit"))
    root.appendChild(rule)
    return QgsRuleBasedRenderer(root)


def _source_label(layer: QgsVectorLayer) -> str:
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    name = Path(path).name if path else layer.name()
    return f"{name}, {parts['layerName']}" if parts.get("layerName") else name


def _run_id(layer: QgsVectorLayer) -> str:
    """The latest run id of the export_runs table beside the layer (a pipeline GeoPackage), else ""."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    if layer.providerType() != "ogr" or not path.lower().endswith(".gpkg"):
        return ""
    runs = QgsVectorLayer(f"{path}|layername={TableNames.with_prefix('').runs}", "runs", "ogr")
    if not runs.isValid() or runs.fields().indexFromName("run_id") < 0:
        return ""
    request = QgsFeatureRequest().addOrderBy("exported_at", False).setLimit(1)
    for feature in runs.getFeatures(request):
        return str(feature["run_id"] or "")
    return ""


def _processing_feedback(feedback: QgsFeedback) -> QgsProcessingFeedback:
    """The panel passes a plain QgsFeedback; the step-wise progress wants a Processing one."""
    if isinstance(feedback, QgsProcessingFeedback):
        return feedback
    proxy = QgsProcessingFeedback()
    feedback.canceled.connect(proxy.cancel)
    proxy.progressChanged.connect(feedback.setProgress)
    if feedback.isCanceled():
        proxy.cancel()
    return proxy


def _check(feedback: QgsFeedback) -> None:
    if feedback.isCanceled():
        raise OperationCancelled()


def _per_deposit(layout, staging: Path, formats: list[str], dpi: int, feedback: QgsFeedback) -> list[Path]:
    atlas = layout.atlas()
    stems = UniqueStems()
    pdf, png = _export_settings(dpi)
    exporter = QgsLayoutExporter(layout)
    written: list[Path] = []
    if not atlas.beginRender():
        raise TailingsInputError(tr("The factsheet atlas could not start"))
    try:
        for i in range(atlas.count()):
            _check(feedback)
            atlas.seekTo(i)
            stem = stems.take(layout.reportContext().feature()["deposit_id"], i + 1)
            for fmt in formats:
                path = staging / f"{stem}.{fmt}"
                if fmt == "pdf":
                    result = exporter.exportToPdf(str(path), pdf)
                else:
                    result = _export_image(exporter, path, png)
                if result != QgsLayoutExporter.Success:
                    raise OSError(errno.EIO, exporter.errorMessage() or tr("export failed"), str(path))
                written.append(path)
            feedback.setProgress(100.0 * (i + 1) / atlas.count())
    finally:
        atlas.endRender()
    _check(feedback)
    return written


def _export_image(exporter: QgsLayoutExporter, path: Path, settings) -> QgsLayoutExporter.ExportResult:
    # QGIS tries to georeference every exported image through GDAL, and GDAL's PNG driver says
    # it cannot update a PNG; the image itself is complete, so that message is not shown.
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return exporter.exportToImage(str(path), settings)
    finally:
        gdal.PopErrorHandler()


def _combined(layout, staging: Path, feedback: QgsFeedback) -> Path:
    path = staging / f"{COMBINED_NAME}.pdf"
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), str(path), _export_settings(DEFAULT_DPI)[0], feedback)
    _check(feedback)
    if result != QgsLayoutExporter.Success:
        raise OSError(errno.EIO, error or tr("export failed"), str(path))
    return path


def _export_settings(dpi: int) -> tuple[QgsLayoutExporter.PdfExportSettings, QgsLayoutExporter.ImageExportSettings]:
    pdf, png = QgsLayoutExporter.PdfExportSettings(), QgsLayoutExporter.ImageExportSettings()
    pdf.dpi = png.dpi = dpi
    pdf.rasterizeWholeImage, pdf.forceVectorOutput, pdf.appendGeoreference = False, True, True
    # Real text, not outlines: the PDF is searchable and its figures can be copied.
    pdf.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    png.generateWorldFile = png.exportMetadata = False
    return pdf, png


def _move(path: Path, out: Path) -> Path:
    target = out / path.name
    if target.is_dir():
        raise OSError(tr("A folder is in the way of a factsheet"), None, str(target))
    os.replace(path, target)
    return target
