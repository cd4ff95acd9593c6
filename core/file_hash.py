"""sha256 of input files, for provenance (assay rows, run metadata, model records)."""
from __future__ import annotations

import hashlib
from pathlib import Path


def file_sha256(path: str | Path, block: int = 1 << 20) -> str:
    """sha256 of the file's bytes (hex), read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(block):
            digest.update(chunk)
    return digest.hexdigest()


def source_sha256(source: str | Path | None) -> str | None:
    """sha256 of a layer source or path (QGIS options after ``|`` ignored); None when the
    source is not a local file (a WFS, a database, nothing)."""
    if not source:
        return None
    file = Path(str(source).split("|")[0])
    return file_sha256(file) if file.is_file() else None
