"""Cells that hold text (ids, deposit names, sample types, extra columns), engine-neutral.

python-calamine returns every number as float and dates as ``date``; openpyxl returns
integers as ``int`` and dates as ``datetime``. Both are turned into the same text here
(``1001.0`` and ``1001`` → ``"1001"``, a midnight datetime → ``"2024-01-05"``).
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd


def text_values(cells: pd.Series) -> np.ndarray:
    """Object array of stripped strings, None where the cell is empty."""
    cells = cells.reset_index(drop=True)
    which, uniques = pd.factorize(cells, use_na_sentinel=False)
    if len(uniques) * 2 < len(cells):
        # Deposit names, sample types: few distinct values; render each once.
        return _render(pd.Series(uniques, dtype=object))[which]
    return _render(cells)


def _render(cells: pd.Series) -> np.ndarray:
    types = np.frompyfunc(type, 1, 1)(cells.to_numpy())
    out = np.full(len(cells), None, dtype=object)
    is_text = np.equal(types, str)
    if is_text.any():
        text = cells[is_text].astype(str).str.strip()
        out[is_text] = text.where(text != "", None).to_numpy(dtype=object)
    is_number = pd.Series(types, dtype=object).isin([int, float, np.int64, np.float64]).to_numpy() & ~is_text
    if is_number.any():
        numbers = pd.to_numeric(cells[is_number], errors="coerce").astype(float)
        finite = np.isfinite(numbers.to_numpy())
        integral = finite & (numbers.to_numpy() == np.floor(numbers.to_numpy()))
        rendered = numbers.map("{:.15g}".format)
        rendered[integral] = numbers[integral].astype("int64").astype(str)
        out[np.flatnonzero(is_number)[finite]] = rendered[finite].to_numpy(dtype=object)
    other = ~is_text & ~is_number & cells.notna().to_numpy()
    if other.any():
        out[other] = cells[other].map(_render_other).to_numpy(dtype=object)
    return out


def _render_other(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
