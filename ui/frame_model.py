"""A read-only Qt table model over a pandas DataFrame, sortable in pandas.

A custom QAbstractTableModel rather than QGIS's QgsAttributeTableModel: the latter caches
every feature with all its attributes and edit state, where the panel needs a few columns
of 100 000 deposits, sorted by value (a QSortFilterProxyModel would call back into Python
for each comparison). Here ``data`` is one array lookup, and sorting is one argsort.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..core.plots.deposit_intervals import tonnes_text


def display_text(value: object, empty: str = "") -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return empty
    if isinstance(value, float | np.floating):
        return tonnes_text(float(value))
    return str(value)


class FrameTableModel(QAbstractTableModel):
    """Shows ``frame[columns]`` with ``titles``; ``empty`` maps a column to the text of its NULLs."""

    def __init__(self, frame: pd.DataFrame, columns: Sequence[str], titles: Sequence[str],
                 empty: dict[str, str] | None = None, row_titles: Sequence[str] | None = None, parent=None):
        super().__init__(parent)
        self.frame = frame.reset_index(drop=True)
        self.columns = list(columns)
        self.titles = list(titles)
        self.row_titles = list(row_titles) if row_titles is not None else None
        self.empty = empty or {}
        self.order = np.arange(len(self.frame))  # view row -> frame position
        self._values = [self.frame[c].to_numpy(dtype=object) for c in self.columns]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def position(self, row: int) -> int:
        return int(self.order[row])

    def _inside(self, row: int, column: int) -> bool:
        # A view swapping models may still ask for its old sections; an exception here
        # would abort QGIS (sip), so out-of-range asks get nothing.
        return 0 <= row < len(self.order) and 0 <= column < len(self.columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not self._inside(index.row(), index.column()):
            return None
        value = self._values[index.column()][self.order[index.row()]]
        if role == Qt.DisplayRole:
            return display_text(value, self.empty.get(self.columns[index.column()], ""))
        if role == Qt.TextAlignmentRole and isinstance(value, float | int | np.number):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal:
            return self.titles[section] if 0 <= section < len(self.titles) else None
        if not 0 <= section < len(self.order):
            return None
        return self.row_titles[self.position(section)] if self.row_titles is not None else str(section + 1)

    def sort(self, column, order=Qt.AscendingOrder):
        self.layoutAboutToBeChanged.emit()
        values = self.frame[self.columns[column]]
        keys = pd.to_numeric(values, errors="coerce") if pd.api.types.is_numeric_dtype(values) else \
            values.astype("string").str.casefold()
        ascending = order == Qt.AscendingOrder
        # NULLs last either way; stable, so equal values stay in layer order
        ranked = keys.reset_index(drop=True).sort_values(ascending=ascending, na_position="last", kind="stable")
        self.order = ranked.index.to_numpy()
        self.layoutChanged.emit()

    def rows_of_positions(self, positions: np.ndarray) -> np.ndarray:
        """View rows showing the given frame positions (sorted)."""
        inverse = np.empty_like(self.order)
        inverse[self.order] = np.arange(len(self.order))
        return np.sort(inverse[positions])


def row_ranges(rows: np.ndarray) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs, so a selection of 100 000 rows is a few ranges."""
    if len(rows) == 0:
        return []
    breaks = np.flatnonzero(np.diff(rows) != 1)
    starts = np.r_[rows[0], rows[breaks + 1]]
    ends = np.r_[rows[breaks], rows[-1]]
    return list(zip(starts.tolist(), ends.tolist()))

