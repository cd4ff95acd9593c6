"""Merged cells in id columns: every row of the range gets the top-left cell's value.

A deposit name merged over ten rows is one cell in the file (the other nine are empty),
but means the same deposit for every row. Grade columns are never filled: a merged grade
would be a number invented for rows that have none.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

Merge = tuple[int, int, int, int]  # first row (1-based), first column (0-based), last row, last column


def fill_merged(frame: pd.DataFrame, row_numbers: np.ndarray, merges: list[Merge], id_columns: dict[int, str],
                carried: dict[tuple[int, int], object], filled: dict[tuple[int, int], tuple[int, object]]
                ) -> pd.DataFrame:
    """The chunk with merged id cells filled down; ``carried`` keeps top-left values across chunks."""
    if not len(row_numbers):
        return frame
    first, last = int(row_numbers[0]), int(row_numbers[-1])
    frame = frame.copy()
    for row0, col0, row1, col1 in merges:
        if row1 < first or row0 > last or row1 == row0:
            continue
        for column in range(col0, col1 + 1):
            if column not in id_columns or column not in frame.columns:
                continue
            key = (row0, col0)
            if first <= row0 <= last:
                carried[key] = frame.iat[row0 - first, col0] if col0 in frame.columns else None
            value = carried.get(key)
            if value is None or value == "":
                continue
            lo, hi = max(row0 + 1, first) - first, min(row1, last) - first
            frame.iloc[lo:hi + 1, frame.columns.get_loc(column)] = value
            filled[(row0, column)] = (row1, value)
    return frame


def merge_notes(filled: dict[tuple[int, int], tuple[int, object]], id_columns: dict[int, str]) -> list[str]:
    """One note per column: how many merged ranges were filled down, with the first few."""
    by_column: dict[int, list[str]] = {}
    for (row0, column), (row1, value) in sorted(filled.items()):
        by_column.setdefault(column, []).append(f"rows {row0}-{row1} = {value!r}")
    return [f"column {id_columns.get(c, c)!r}: {len(ranges)} merged range(s) filled down from their top cell "
            f"({'; '.join(ranges[:5])}{'; ...' if len(ranges) > 5 else ''})" for c, ranges in by_column.items()]
