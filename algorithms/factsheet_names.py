"""File names for factsheets: one per deposit, safe whatever the deposit_id holds.

A deposit_id comes from a source layer, so it may hold ``/``, ``\\``, ``..``, control
characters or a Windows device name. Each would let a factsheet land outside the chosen
folder or fail to open on another system, so such characters are replaced, never passed on.
"""
from __future__ import annotations

import re
import unicodedata

MAX_STEM = 100
# Letters and digits in any script (Norwegian ids carry æ, ø, å), and - _ . ; all else is "_".
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
_DOTS = re.compile(r"\.{2,}")
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_stem(deposit_id: object, fallback: str) -> str:
    """``deposit_id`` as a file-name stem with no path separator, no ``..``, no control or
    reserved character and no leading dot; ``fallback`` when nothing usable is left."""
    text = unicodedata.normalize("NFC", "" if deposit_id is None else str(deposit_id))
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else "_" for ch in text)
    text = _DOTS.sub("_", _UNSAFE.sub("_", text)).strip("._-")[:MAX_STEM].rstrip("._-")
    if not text:
        return fallback
    if text.split(".")[0].lower() in _WINDOWS_DEVICES:
        text = f"_{text}"
    return text


class UniqueStems:
    """Stems not yet handed out: a second deposit whose id maps to the same stem gets ``_2``."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, deposit_id: object, position: int) -> str:
        stem = safe_stem(deposit_id, f"deposit_{position}")
        candidate, n = stem, 1
        while candidate.lower() in self._used:  # case-insensitive file systems (Windows, macOS)
            n += 1
            candidate = f"{stem}_{n}"
        self._used.add(candidate.lower())
        return candidate
