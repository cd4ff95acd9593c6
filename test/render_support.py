"""Offscreen rendering for the map-style and screenshot tests: a map at an exact scale, a
widget grabbed to an image, and pixel counts by colour (numpy over the image bytes)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsPointXY, QgsRectangle
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage

DPI = 96.0
SCREENSHOT_DIR = Path(__file__).resolve().parent.parent / "docs" / "images"


def render_map(layers, centre: QgsPointXY, scale: float, size=(800, 600), background="#f2f2f2") -> QImage:
    """The layers drawn at 1:``scale`` around ``centre`` (CRS of the first layer), labels included."""
    settings = QgsMapSettings()
    settings.setLayers(list(layers))
    settings.setDestinationCrs(layers[0].crs())
    settings.setOutputSize(QSize(*size))
    settings.setOutputDpi(DPI)
    settings.setBackgroundColor(QColor(background))
    half_w = scale * size[0] / DPI * 0.0254 / 2  # metres on the ground for half the image width
    half_h = half_w * size[1] / size[0]
    settings.setExtent(QgsRectangle(centre.x() - half_w, centre.y() - half_h, centre.x() + half_w,
                                    centre.y() + half_h))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.setText("scale", f"{settings.scale():.0f}")
    return image


def rgb_array(image: QImage) -> np.ndarray:
    """(height, width, 3) uint8 array of the image's RGB."""
    image = image.convertToFormat(QImage.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits().asstring(stride * height), dtype=np.uint8)
    return data.reshape(height, stride)[:, : width * 3].reshape(height, width, 3)


def colour_pixels(pixels: np.ndarray, colour: str, tolerance: int = 6) -> int:
    """Pixels within ``tolerance`` per channel of ``colour`` (#rrggbb)."""
    qt = QColor(colour)
    target = np.array([qt.red(), qt.green(), qt.blue()], dtype=np.int16)
    return int((np.abs(pixels.astype(np.int16) - target) <= tolerance).all(axis=2).sum())


def distinct_colours(pixels: np.ndarray) -> int:
    return len(np.unique(pixels.reshape(-1, 3), axis=0))


def keep_screenshot(image: QImage, name: str, folder: Path) -> np.ndarray:
    """Save ``image`` as ``folder/<name>.png`` and return its pixels; with UPDATE_SCREENSHOTS=1
    also copy it to docs/images/ for the user guide."""
    path = folder / f"{name}.png"
    assert image.save(str(path), "PNG"), path
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, SCREENSHOT_DIR / path.name)
    return rgb_array(image)


def render_legend(layer, zoom: float = 4.0) -> QImage:
    """The layer's legend as QGIS's print layouts draw it (QgsLegendRenderer), on white."""
    from qgis.core import QgsLayerTree, QgsLayerTreeModel, QgsLegendRenderer, QgsLegendSettings, QgsRenderContext
    from qgis.PyQt.QtGui import QPainter

    root = QgsLayerTree()
    root.addLayer(layer)
    model = QgsLayerTreeModel(root)
    renderer = QgsLegendRenderer(model, QgsLegendSettings())
    size = renderer.minimumSize()  # mm
    image = QImage(int(size.width() * zoom) + 10, int(size.height() * zoom) + 10, QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(zoom, zoom)
    context = QgsRenderContext.fromQPainter(painter)
    context.setScaleFactor(1)
    renderer.drawLegend(context)
    painter.end()
    return image
