"""The shared-string table of an xlsx workbook (ECMA-376 Part 1, §18.4: sst, si, t).

A text cell then holds a number into the table instead of its own inline string, so text
that repeats (class names, codes, methods, municipalities, and deposit ids across the
commodity sheets) is stored once. At 100,000 deposits this is most of the difference
between the sheets' XML and their numbers alone.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

CONTENT_TYPE = ('<Override PartName="/xl/sharedStrings.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
RELATIONSHIP_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
PART = "xl/sharedStrings.xml"


class SharedStrings:
    """Texts (already XML-escaped) in the order first used; the index is the cell value."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._index)

    def ids(self, texts: list[str]) -> list[str]:
        """The table index of each text, as cell text; new texts are added."""
        codes, uniques = pd.factorize(np.asarray(texts, dtype=object))  # each distinct text looked up once
        index = self._index
        ids = np.array([index.setdefault(text, len(index)) for text in uniques.tolist()], dtype=np.int64)
        return ids[codes].astype(str).tolist() if len(codes) else []

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in self._index)
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                f'uniqueCount="{len(self._index)}">{items}</sst>')
