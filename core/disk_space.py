"""A plain-language hint when a write failed on a disk that is (nearly) full.

Writers fail on a full disk with messages that range from "disk is full" to nothing at all
(SQLite through OGR, QGIS's layout exporter). Looking at the free space of the disk the output
was going to turns an empty message into the likely cause.
"""
from __future__ import annotations

import shutil
from pathlib import Path

NEARLY_FULL_BYTES = 1024 * 1024


def full_disk_hint(target: str | Path | None) -> str:
    """" (the disk holding X has only N kB free: it is probably full)", or "" when it has room."""
    if not target:
        return ""
    folder = Path(target)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return ""
    if free >= NEARLY_FULL_BYTES:
        return ""
    return f" (the disk holding {folder} has only {free // 1024} kB free: it is probably full)"
