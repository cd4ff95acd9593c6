"""Errors that carry a message a geologist can act on.

Algorithms turn these into ``QgsProcessingException`` without a traceback; anything else
is a bug and is allowed to surface as one.
"""
from __future__ import annotations


class TailingsInputError(ValueError):
    """Bad input: the message names the file, sheet, row, column and value where known."""

    def __init__(self, message: str, *, file: str | None = None, sheet: str | None = None,
                 row: int | None = None, column: str | None = None, value: object = None):
        parts = []
        if file:
            parts.append(f"file {file!s}")
        if sheet:
            parts.append(f"sheet {sheet!r}")
        if row is not None:
            parts.append(f"row {row}")
        if column:
            parts.append(f"column {column!r}")
        if value is not None:
            parts.append(f"value {value!r}")
        where = f" ({', '.join(parts)})" if parts else ""
        super().__init__(f"{message}{where}")
        # kept apart so the QGIS side can translate the message (a constant one) and keep the place
        self.message, self.where = message, where
        self.file, self.sheet, self.row, self.column, self.value = file, sheet, row, column, value


class OperationCancelled(RuntimeError):  # noqa: N818 (reads better at call sites)
    """The user cancelled a long operation; core loops raise it when their cancel hook says so."""
