"""Provenance of imported rows: the file's hash and the fields every sample carries."""
from __future__ import annotations

import hashlib
from pathlib import Path

PROVENANCE_FIELDS = ("src_file", "src_sheet", "src_row", "src_hash")


def file_sha256(path: Path, block: int = 1 << 20) -> str:
    """sha256 of the file's bytes (hex), read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(block):
            digest.update(chunk)
    return digest.hexdigest()
