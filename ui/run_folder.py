"""Where the run wizard writes a run and where the results panel writes factsheets: chosen
for the user, so neither needs a file dialog. Runs go under the project's home folder (or
~/TailingsUNFC when the project has none), one timestamped folder per run."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from qgis.core import QgsProject, QgsProviderRegistry, QgsVectorLayer

HOME_FOLDER = "TailingsUNFC"
RUNS = "runs"
FACTSHEETS = "factsheets"


def base_folder(project: QgsProject | None = None) -> Path:
    home = (project or QgsProject.instance()).homePath()
    return Path(home) if home else Path.home() / HOME_FOLDER


def new_run_folder(project: QgsProject | None = None, now: datetime | None = None) -> Path:
    """``<base>/runs/<YYYY-MM-DD_HHMMSS>``, with a suffix when that folder exists already."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d_%H%M%S")
    runs = base_folder(project) / RUNS
    folder, n = runs / stamp, 2
    while folder.exists():
        folder, n = runs / f"{stamp}_{n}", n + 1
    return folder


def factsheet_folder(layer: QgsVectorLayer, project: QgsProject | None = None) -> Path:
    """``factsheets`` beside the layer's GeoPackage (a run folder), else under the base folder."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = Path(parts.get("path") or "")
    if layer.providerType() == "ogr" and path.is_file():
        return path.parent / FACTSHEETS
    safe = re.sub(r"[^\w.-]+", "_", layer.name()).strip("_") or "layer"
    return base_folder(project) / FACTSHEETS / safe
