"""A headless QGIS with Processing and the plugin's provider, for benchmarks."""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def start_qgis():
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from tailings_unfc.algorithms.provider import TailingsUnfcProvider

    provider = TailingsUnfcProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider
